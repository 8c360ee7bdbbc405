/**
 * "Check report text": paste a report's prose (or, in the standalone page, open a .txt), check it, and
 * see the figures read per fund and the findings, each quoting its sentence. Clicking a finding selects its line
 * in the text. In Excel the figures can be inserted as a new sheet with live FUND. formulas; in the page they
 * download as CSV. The report reader (../reportText) is loaded on first use, outside the initial JavaScript.
 */
import * as React from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/findings";
import type { Targets } from "../../core/targets";
import { FIGURE_COLUMNS, StatedFigureKey, figureLabel } from "../../core/reportText/figureColumns";
import type { NewSheetCell } from "../host";
import { Notify, findingsSummary, useI18n } from "../i18n";
import { textLang } from "../textLang";
import { FindingsList } from "./FindingsList";
import { ScopeNotes } from "./ScopeNotes";
import type { SettingsOrigin } from "../../core/settingsEffects";

type ReportModule = typeof import("../reportText");
type ReportResult = ReturnType<ReportModule["checkReportText"]>;

const loadReportModule = (): Promise<ReportModule> => import(/* webpackChunkName: "report" */ "../reportText");

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", margin: "8px 0" },
  /** Wide screens (the standalone page): the text on the left, what was found beside it. */
  split: { "@media (min-width: 900px)": { display: "grid", gridTemplateColumns: "minmax(320px, 1fr) minmax(0, 1.2fr)", gap: "16px", alignItems: "start" } },
  side: { "@media (min-width: 900px)": { position: "sticky", top: "8px" } },
  text: { width: "100%" },
  /** The figures scroll sideways inside their box (the fund column stays), never past the pane's edge. */
  tableWrap: { overflowX: "auto", margin: "8px 0", maxWidth: "100%" },
  table: { borderCollapse: "separate", borderSpacing: 0, fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", verticalAlign: "bottom", background: tokens.colorNeutralBackground3, padding: "2px 6px", border: `1px solid ${tokens.colorNeutralStroke3}`, minWidth: "3.5em" },
  fund: { position: "sticky", left: 0, zIndex: 1, minWidth: "7em", maxWidth: "10em", whiteSpace: "normal" },
  td: { padding: "2px 6px", border: `1px solid ${tokens.colorNeutralStroke3}`, whiteSpace: "nowrap" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  components: { whiteSpace: "normal", minWidth: "12em" },
  heading: { fontWeight: tokens.fontWeightSemibold, margin: "12px 0 4px" },
  summary: { fontWeight: tokens.fontWeightSemibold },
  /** The native file input, kept for keyboards and tests but drawn as the button beside it. */
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** Start and end (exclusive) of 1-based line `line` in `text`, with the reader's line breaks (\r\n, \n, \r). */
export function lineRange(text: string, line: number): { start: number; end: number } | undefined {
  if (!Number.isInteger(line) || line < 1) return undefined;
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const m = breaks.exec(text);
    if (!m) return undefined;
    start = m.index + m[0].length;
  }
  const next = breaks.exec(text);
  return { start, end: next ? next.index : text.length };
}

/** Scrolls a textarea so that character `offset` is in view, measuring wrapped lines with an invisible copy. */
function scrollTextareaTo(area: HTMLTextAreaElement, offset: number) {
  const mirror = area.cloneNode(false) as HTMLTextAreaElement;
  for (const name of ["id", "name", "aria-label", "aria-labelledby", "aria-describedby"]) mirror.removeAttribute(name);
  Object.assign(mirror.style, { position: "absolute", visibility: "hidden", height: "0px", minHeight: "0px", width: `${area.clientWidth}px`, overflow: "hidden" });
  mirror.setAttribute("aria-hidden", "true");
  mirror.value = area.value.slice(0, offset);
  area.parentNode?.appendChild(mirror);
  const top = mirror.scrollHeight;
  mirror.remove();
  area.scrollTop = Math.max(0, top - area.clientHeight / 3);
}

export interface ReportTextViewProps {
  standalone: boolean;
  targets?: Targets;
  /** Where the targets came from, so that the findings can say when stored settings changed the checks. */
  targetsOrigin?: SettingsOrigin;
  /** Excel only: adds a new sheet (excel.ts insertSheet through the host). */
  insertSheet?: (baseName: string, rows: NewSheetCell[][], formats: string[][]) => Promise<{ sheet: string; grouped: boolean }>;
  notify: Notify;
  download: (text: string, name: string, type: string) => void;
}

export function ReportTextView({ standalone, targets, targetsOrigin, insertSheet, notify, download }: ReportTextViewProps) {
  const { lang, t } = useI18n();
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [name, setName] = React.useState<string>();
  const [result, setResult] = React.useState<ReportResult>();
  const [checkedText, setCheckedText] = React.useState<string>();
  const [selected, setSelected] = React.useState<Finding>();
  const [busy, setBusy] = React.useState(false);
  const moduleRef = React.useRef<ReportModule>(undefined);
  const areaRef = React.useRef<HTMLTextAreaElement>(null);
  const txtInput = React.useRef<HTMLInputElement>(null);

  const load = async () => (moduleRef.current ??= await loadReportModule());

  const check = async (source = text, sourceName = name) => {
    if (!source.trim()) {
      notify("info", (t) => t("textEmpty"));
      return;
    }
    setBusy(true);
    try {
      const mod = await load();
      setResult(mod.checkReportText(source, { targets, origin: targetsOrigin, name: sourceName ?? t("textName") }));
      setCheckedText(source);
      setSelected(undefined);
      notify();
    } catch (error) {
      notify("error", (t) => t("error", { message: (error as Error)?.message ?? String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const openTxt = async (file: File | undefined) => {
    if (!file) return;
    try {
      const mod = await load();
      if (file.size > mod.MAX_TEXT_FILE_BYTES) {
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        notify("error", (t) => t("textTooLarge", { name: file.name, size: mb(file.size), limit: mb(mod.MAX_TEXT_FILE_BYTES) }));
        return;
      }
      const opened = mod.decodeTextFile(new Uint8Array(await file.arrayBuffer()));
      setText(opened);
      setName(file.name);
      await check(opened, file.name);
    } catch (error) {
      notify("error", (t) => t("fileError", { name: file.name, message: (error as Error)?.message ?? String(error) }));
    }
  };

  /** Selects the finding's line in the text (or, if the text was edited since, its quoted sentence). */
  const select = (finding: Finding) => {
    setSelected(finding);
    const area = areaRef.current;
    const at = finding.at;
    if (!area || at.kind !== "line") return;
    let range = text === checkedText ? lineRange(text, at.line) : undefined;
    if (!range && at.quote) {
      const from = text.indexOf(at.quote);
      if (from >= 0) range = { start: from, end: from + at.quote.length };
    }
    if (!range) return;
    area.focus();
    area.setSelectionRange(range.start, range.end);
    scrollTextareaTo(area, range.start);
    area.scrollIntoView?.({ block: "nearest" });
  };

  const insert = async () => {
    if (!insertSheet || !result || !moduleRef.current) return;
    try {
      const { rows, formats } = moduleRef.current.figuresSheet(result.figures, lang, targets?.componentsCoverage);
      const { sheet, grouped } = await insertSheet(t("figuresSheetName"), rows, formats);
      notify(grouped ? "success" : "warning", (t) => t("figuresInserted", { sheet }) + (grouped ? "" : " " + t("undoNote")));
    } catch (error) {
      notify("error", (t) => t("error", { message: (error as Error)?.message ?? String(error) }));
    }
  };

  const downloadCsv = () => {
    if (!result || !moduleRef.current) return;
    const base = (name ?? t("figuresSheetName")).replace(/\.txt$/i, "");
    download(moduleRef.current.figuresCsv(result.figures, result.unit, lang), `${base}-figures.csv`, "text/csv;charset=utf-8");
  };

  const mod = moduleRef.current;
  const amount = (v: number | undefined) => (v === undefined ? "" : String(v));
  const rate = (v: number | undefined) => (v === undefined || !mod ? "" : mod.percentText(v));
  const figures = result?.figures ?? [];

  return (
    <div className={styles.split} data-testid="report-view">
      <div className={styles.side}>
        <p>{standalone ? t("textIntroStandalone") : t("textIntro")}</p>
        <Field label={t("textLabel")} hint={result && checkedText !== text ? t("textStale") : undefined}>
          <Textarea
            ref={areaRef}
            className={styles.text}
            textarea={{ className: styles.text, lang: textLang(text) }}
            resize="vertical"
            rows={12}
            value={text}
            placeholder={t("textPlaceholder")}
            onChange={(_, data) => setText(data.value)}
            data-testid="report-text"
          />
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={() => check()}>
            {t("textCheck")}
          </Button>
          {standalone && (
            <>
              <input
                ref={txtInput}
                className={styles.visuallyHidden}
                type="file"
                accept=".txt,text/plain"
                aria-label={t("textOpenTxt")}
                tabIndex={-1}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = ""; // the same file chosen again is read again
                  openTxt(file);
                }}
              />
              <Button onClick={() => txtInput.current?.click()}>{t("textOpenTxt")}</Button>
              {name && <span className={styles.summary}>{name}</span>}
            </>
          )}
          {insertSheet && !standalone && (
            <Button disabled={busy || !figures.length} onClick={insert}>
              {t("insertFiguresSheet")}
            </Button>
          )}
          {standalone && figures.length > 0 && <Button onClick={downloadCsv}>{t("downloadFiguresCsv")}</Button>}
        </div>
      </div>
      <div>
        {result && !figures.length && <p role="status">{t("textNoFigures")}</p>}
        {figures.length > 0 && (
          <>
            <h3 className={styles.heading}>{result?.unit ? t("textFigures", { unit: result.unit }) : t("textFiguresNoUnit")}</h3>
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="report-figures">
                <thead>
                  <tr>
                    {FIGURE_COLUMNS.map((c) => (
                      <th key={c.key} className={styles.th + (c.kind === "subject" ? " " + styles.fund : "")} scope="col">
                        {c.label[lang]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {figures.map((f, i) => (
                    <tr key={`${f.subject}:${i}`}>
                      {FIGURE_COLUMNS.map((c) =>
                        c.kind === "subject" ? (
                          <th key={c.key} className={styles.th + " " + styles.fund} scope="row" lang={textLang(f.subject)}>
                            {figureLabel(f)}
                          </th>
                        ) : c.kind === "components" ? (
                          <td key={c.key} className={styles.td + " " + styles.components} lang={textLang(f.components?.[0]?.name)}>
                            {f.components?.map((x) => `${x.name} ${x.amount}`).join(lang === "zh" ? "；" : "; ")}
                          </td>
                        ) : (
                          <td key={c.key} className={styles.td + " " + styles.num}>
                            {c.kind === "line" ? f.line : c.kind === "rate" ? rate(f[c.key as StatedFigureKey]) : amount(f[c.key as StatedFigureKey])}
                          </td>
                        )
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {result && (
          <>
            <p className={styles.summary} role="status" data-report-summary>
              {findingsSummary(lang, result.summary)}
            </p>
            <ScopeNotes result={result} lang={lang} />
            <FindingsList findings={result.findings} selected={selected} onSelect={select} />
          </>
        )}
      </div>
    </div>
  );
}
