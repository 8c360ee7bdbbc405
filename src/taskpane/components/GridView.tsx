/**
 * The standalone page's view of a sheet: a plain table around the cell a finding points at, that cell marked.
 * The row numbers and the table's subject column stay in view when the sheet is scrolled sideways. Selecting a
 * finding brings its cell into view: inside the sheet's own scroll box and, on a narrow page where the sheet
 * stands under the findings, on the page too.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { CellValue, columnLetters, fromA1, GridSheet, isCellError, sheetCells } from "../../core/grid";
import { useI18n } from "../i18n";
import { textLang } from "../textLang";

const WINDOW = 120;
/** Width of the row-number column, so that the frozen subject column can stand right of it. */
const ROW_HEAD_PX = 40;

const useStyles = makeStyles({
  wrap: { overflow: "auto", maxHeight: "70vh", position: "relative", border: `1px solid ${tokens.colorNeutralStroke2}`, marginTop: "8px" },
  table: { borderCollapse: "separate", borderSpacing: 0, fontSize: tokens.fontSizeBase200 },
  head: { background: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, padding: "1px 4px", position: "sticky", top: 0, zIndex: 2 },
  rowHead: { position: "sticky", left: 0, zIndex: 1, minWidth: `${ROW_HEAD_PX - 8}px`, maxWidth: `${ROW_HEAD_PX - 8}px`, textAlign: "right" },
  corner: { zIndex: 3 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke3}`, padding: "1px 4px", whiteSpace: "nowrap", maxWidth: "220px", overflow: "hidden", textOverflow: "ellipsis", background: tokens.colorNeutralBackground1 },
  frozen: { position: "sticky", left: `${ROW_HEAD_PX}px`, zIndex: 1, maxWidth: "min(220px, 40vw)", boxShadow: `2px 0 0 ${tokens.colorNeutralStroke1}` },
  marked: { outline: `3px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-3px", background: tokens.colorPaletteRedBackground1 },
});

function display(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" && numFmt && numFmt.includes("%")) {
    const decimals = (/\.(0+)%/.exec(numFmt)?.[1].length) ?? 0;
    return (value * 100).toFixed(decimals) + "%";
  }
  return String(value);
}

export interface GridViewProps {
  sheet: GridSheet;
  /** The cell to mark and bring into view ("D11"). */
  cell?: string;
  /** 0-based column kept in view when scrolling sideways: the table's subject (fund names). */
  freezeColumn?: number;
  /** Changes each time the cell is to be brought into view again (the same finding clicked twice). */
  focus?: number;
}

export function GridView({ sheet, cell, freezeColumn, focus }: GridViewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const cells = sheetCells(sheet);
  const target = cell ? fromA1(cell) : undefined;
  const markedRef = React.useRef<HTMLTableCellElement>(null);
  const total = cells.rowCount;
  const first = target ? Math.max(0, target.row - WINDOW / 2) : 0;
  const last = Math.min(total - 1, first + WINDOW - 1);
  let width = 0;
  for (let r = first; r <= last; r++) width = Math.max(width, cells.rowLength(r));
  if (target) width = Math.max(width, target.col + 1);
  const frozen = freezeColumn !== undefined && freezeColumn < width ? freezeColumn : undefined;

  React.useEffect(() => {
    const cellEl = markedRef.current;
    const box = cellEl?.closest("[data-grid-scroll]") as HTMLElement | null;
    if (!cellEl || !box) return;
    // The sheet's own scroll box first (centred on the cell, clear of the frozen column) …
    box.scrollTop = Math.max(0, cellEl.offsetTop - box.clientHeight / 2);
    // Sideways, centred in what the row numbers and the frozen column leave visible.
    const frozenCell = cellEl.parentElement?.querySelector<HTMLElement>("[data-frozen]");
    const covered = frozenCell && frozenCell !== cellEl ? ROW_HEAD_PX + frozenCell.offsetWidth : ROW_HEAD_PX;
    const room = Math.max(0, box.clientWidth - covered);
    box.scrollLeft = Math.max(0, cellEl.offsetLeft - covered - Math.max(0, (room - cellEl.offsetWidth) / 2));
    // … then the page, when the cell is out of the window (a narrow page: the sheet is below the findings),
    // so that the cell stands in the middle of the window.
    const rect = cellEl.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) window.scrollBy?.({ top: rect.top - window.innerHeight / 2 });
  }, [sheet, cell, focus]);

  const rows: React.ReactNode[] = [];
  for (let r = first; r <= last; r++) {
    const row: React.ReactNode[] = [
      <th key="h" className={styles.head + " " + styles.rowHead} scope="row">
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < width; c++) {
      const text = display(cells.value(r, c), cells.numFmt(r, c));
      const marked = target && target.row === r && target.col === c;
      row.push(
        <td
          key={c}
          ref={marked ? markedRef : undefined}
          data-cell={`${columnLetters(c)}${r + 1}`}
          aria-selected={marked ? true : undefined}
          data-frozen={c === frozen ? true : undefined}
          lang={textLang(text)}
          title={text.length > 20 ? text : undefined}
          className={styles.cell + (c === frozen ? " " + styles.frozen : "") + (marked ? " " + styles.marked : "")}
        >
          {text}
        </td>
      );
    }
    rows.push(<tr key={r}>{row}</tr>);
  }

  return (
    <section aria-label={t("gridTitle", { sheet: sheet.name })} data-grid>
      <h3>{t("gridTitle", { sheet: sheet.name })}</h3>
      {total > WINDOW && <p>{t("gridTruncated", { first: first + 1, last: last + 1, total })}</p>}
      <div className={styles.wrap} data-grid-scroll>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.head + " " + styles.rowHead + " " + styles.corner} />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={styles.head + (c === frozen ? " " + styles.frozen + " " + styles.corner : "")}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
    </section>
  );
}
