/**
 * The standalone page's matrix of many counties' workbooks (src/taskpane/matrixFiles.ts): counties × funds,
 * cells coloured by status (band made worse by the findings behind them), unreadable and missing shown as such;
 * a click on a cell shows that county's findings for the fund and its sheet with the cell marked. The words are
 * the CLI matrix's (src/output/matrix/words.ts), in the page's language.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/findings";
import type { Band, MatrixCell } from "../../core/matrix/build";
import { matrixFundKey } from "../../core/matrix/names";
import type { Lang } from "../../core/words";
import { MEASURE_WORDS, absentText, countsText, valueText, w } from "../../output/matrix/words";
import type { PageMatrix } from "../matrixFiles";
import { FindingsList } from "./FindingsList";
import { GridView } from "./GridView";

const COLOURS: Record<Band, string> = { ok: "#dff3e4", warning: "#fff1c2", error: "#f9d0d3", info: "#dbe9f9", none: "#eeeeee" };

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%", marginTop: "8px" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "4px 6px", background: tokens.colorNeutralBackground3, maxWidth: "8em" },
  county: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "4px 6px", textAlign: "left", position: "sticky", left: 0, background: tokens.colorNeutralBackground1 },
  td: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: 0, textAlign: "center" },
  cellButton: { border: "none", background: "transparent", width: "100%", padding: "4px 6px", cursor: "pointer", font: "inherit", color: "inherit" },
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-3px" },
  counts: { display: "block", fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  unreadable: { background: "#5a5a5a", color: "#fff", fontWeight: tokens.fontWeightSemibold, padding: "4px 6px" },
  absent: { background: "#e4e4e4", fontStyle: "italic", padding: "4px 6px" },
  split: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "12px", marginTop: "12px", "@media (max-width: 700px)": { gridTemplateColumns: "minmax(0, 1fr)" } },
});

export function MatrixView({ data, lang }: { data: PageMatrix; lang: Lang }) {
  const styles = useStyles();
  const { matrix } = data;
  const [picked, setPicked] = React.useState<{ county: number; fund: string }>();
  const [selected, setSelected] = React.useState<Finding>();

  const cell: MatrixCell | undefined = picked ? matrix.counties[picked.county].funds[picked.fund] : undefined;
  const file = cell ? data.files.find((f) => f.name === cell.file) : undefined;
  // The findings behind the cell: its file's findings whose subject is the fund.
  const findings = React.useMemo(() => {
    if (!cell || !file?.result || !picked) return [];
    const key = matrixFundKey(picked.fund);
    return file.result.findings.filter((f) => matrixFundKey(f.subject) === key);
  }, [cell, file, picked]);
  const at = selected?.at.kind === "cell" ? selected.at : undefined;
  const sheet = file?.grid?.sheets.find((s) => s.name === (at?.sheet ?? cell?.sheet));

  return (
    <section data-testid="matrix">
      <h2>{`${w("title", lang)}（${MEASURE_WORDS[matrix.measure][lang]}）`}</h2>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th}>{w("county", lang)}</th>
              {matrix.funds.map((f) => (
                <th key={f} className={styles.th} scope="col">
                  {f}
                </th>
              ))}
              <th className={styles.th}>{w("other", lang)}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.counties.map((c, ci) => (
              <tr key={c.name} data-county={c.name}>
                <th className={styles.county} scope="row">
                  {c.name}
                </th>
                {matrix.funds.map((fund) => {
                  const mc = c.funds[fund];
                  if (!mc) {
                    return (
                      <td key={fund} className={styles.td} title={c.unreadable ?? ""}>
                        <div className={c.unreadable ? styles.unreadable : styles.absent}>{absentText(matrix, c, lang)}</div>
                      </td>
                    );
                  }
                  const isPicked = picked?.county === ci && picked.fund === fund;
                  const counts = countsText(mc);
                  return (
                    <td key={fund} className={styles.td} style={{ background: COLOURS[mc.status] }} data-fund={fund} data-status={mc.status}>
                      <button
                        type="button"
                        className={styles.cellButton + (isPicked ? " " + styles.selected : "")}
                        aria-pressed={isPicked}
                        onClick={() => {
                          setPicked({ county: ci, fund });
                          setSelected(undefined);
                        }}
                      >
                        {valueText(mc.value, matrix.measure)}
                        {counts && <span className={styles.counts}>{counts}</span>}
                      </button>
                    </td>
                  );
                })}
                <td className={styles.td}>{c.unreadable ?? countsText(c.other)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{w("consistency", lang)}</h3>
      {matrix.consolidations.length === 0 ? (
        <p>{w("noConsolidation", lang)}</p>
      ) : matrix.consistency.length === 0 ? (
        <p>{w("noMismatch", lang)}</p>
      ) : (
        <ul data-testid="consistency">
          {matrix.consistency.map((f, i) => (
            <li key={i}>
              {f.message[lang]} <small>[{f.rule}]</small>
            </li>
          ))}
        </ul>
      )}
      {matrix.notes.length > 0 && (
        <details>
          <summary>{w("notes", lang)}</summary>
          <ul>
            {matrix.notes.map((n, i) => (
              <li key={i}>{n[lang]}</li>
            ))}
          </ul>
        </details>
      )}
      {picked && cell && (
        <div className={styles.split} data-testid="matrix-detail">
          <div>
            <h3>
              {matrix.counties[picked.county].name} {picked.fund} — {valueText(cell.value, matrix.measure)}{" "}
              <small>
                {cell.file} {cell.sheet}!{cell.cell}
              </small>
            </h3>
            {findings.length ? <FindingsList findings={findings} selected={selected} onSelect={(f) => setSelected(f)} /> : <p>{w("noFindings", lang)}</p>}
          </div>
          {sheet && <GridView sheet={sheet} cell={at?.address ?? cell.cell} />}
        </div>
      )}
    </section>
  );
}
