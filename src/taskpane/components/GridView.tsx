/** The standalone page's view of a sheet: a plain table around the cell a finding points at, that cell marked. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { CellValue, columnLetters, fromA1, GridSheet, isCellError } from "../../core/grid";
import { useI18n } from "../i18n";

const WINDOW = 120;

const useStyles = makeStyles({
  wrap: { overflow: "auto", maxHeight: "70vh", position: "relative", border: `1px solid ${tokens.colorNeutralStroke2}`, marginTop: "8px" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  head: { background: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, padding: "1px 4px", position: "sticky", top: 0 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke3}`, padding: "1px 4px", whiteSpace: "nowrap", maxWidth: "220px", overflow: "hidden", textOverflow: "ellipsis" },
  marked: { outline: `3px solid ${tokens.colorPaletteRedBorder2}`, background: tokens.colorPaletteRedBackground1 },
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

export function GridView({ sheet, cell }: { sheet: GridSheet; cell?: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const target = cell ? fromA1(cell) : undefined;
  const markedRef = React.useRef<HTMLTableCellElement>(null);
  const total = sheet.cells.length;
  const first = target ? Math.max(0, target.row - WINDOW / 2) : 0;
  const last = Math.min(total - 1, first + WINDOW - 1);
  let width = 0;
  for (let r = first; r <= last; r++) width = Math.max(width, sheet.cells[r]?.length ?? 0);
  if (target) width = Math.max(width, target.col + 1);

  React.useEffect(() => {
    // Scroll the sheet view only (not the whole page) so the marked cell is in sight.
    const cellEl = markedRef.current;
    const box = cellEl?.closest("[data-grid-scroll]") as HTMLElement | null;
    if (cellEl && box) {
      box.scrollTop = Math.max(0, cellEl.offsetTop - box.clientHeight / 2);
      box.scrollLeft = Math.max(0, cellEl.offsetLeft - box.clientWidth / 2);
    }
  }, [sheet, cell]);

  const rows: React.ReactNode[] = [];
  for (let r = first; r <= last; r++) {
    const cells: React.ReactNode[] = [<th key="h" className={styles.head}>{r + 1}</th>];
    for (let c = 0; c < width; c++) {
      const g = sheet.cells[r]?.[c];
      const marked = target && target.row === r && target.col === c;
      cells.push(
        <td
          key={c}
          ref={marked ? markedRef : undefined}
          data-cell={`${columnLetters(c)}${r + 1}`}
          aria-selected={marked ? true : undefined}
          className={styles.cell + (marked ? " " + styles.marked : "")}
        >
          {display(g?.value, g?.numFmt)}
        </td>
      );
    }
    rows.push(<tr key={r}>{cells}</tr>);
  }

  return (
    <section aria-label={t("gridTitle", { sheet: sheet.name })}>
      <h3>{t("gridTitle", { sheet: sheet.name })}</h3>
      {total > WINDOW && <p>{t("gridTruncated", { first: first + 1, last: last + 1, total })}</p>}
      <div className={styles.wrap} data-grid-scroll>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={styles.head}>
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
