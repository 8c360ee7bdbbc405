/**
 * One self-contained HTML file: inline CSS, inline SVG charts, no script, no external request (a CSP meta tag
 * forbids them too). Every text that came from a workbook or a file name goes through `escapeHtml` (control
 * characters included, shown as character references) and is clipped past FIELD_LIMIT with its length stated.
 * Findings are grouped by severity as the text output groups them, one table per group; on a narrow screen (a
 * phone) each finding is a block of labelled lines instead of a row, and the charts scale to the width.
 */
import { CHART_LIMIT, chartBasis, chartData, TableChart } from "../core/chart";
import type { Finding } from "../core/findings";
import { bySeverity, expectedIn, observedIn, SEVERITIES, summarize } from "../core/findings";
import { addressOf, placeOf } from "../core/location";
import { FIGURE_COLUMNS, ReportFigure, StatedFigureKey, figureLabel } from "../core/reportText";
import { scopeNotes } from "../core/settingsEffects";
import type { FileResult, FormatOptions, Lang } from "./fileResult";
import { countsLine, kindLabel, reportTextTitle, severityHeading, t } from "./messages";
import { chartedFunds, chartedTotal } from "./charts";
import { FIELD_LIMIT, clipField } from "./terminal";

/** Text as HTML: markup characters, control characters and bidi overrides as character references (visible, inert). */
export function escapeHtml(text: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(text ?? "").replace(/[&<>"'`\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

const CSS = `
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;overflow-wrap:anywhere}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em}h3{font-size:1em}h4{font-size:1em;margin:1em 0 .3em}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3;white-space:nowrap}.place,.rule,.fig{white-space:nowrap}
h4.error{color:#a4262c}h4.warning{color:#8a5300}h4.info{color:#005a9e}
.summary{font-weight:bold}.note{color:#8a5300}.chart{margin:.5em 0 1em;max-width:750px}.chart svg{width:100%;height:auto}.legend{font-size:.9em}
.sw{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin:0 .3em 0 1em}
.wide{overflow-x:auto;max-width:100%}
td.num{text-align:right}blockquote{margin:0;color:#555}
@media (max-width:640px){
body{margin:.8em}
table.findings,table.findings tbody,table.findings tr,table.findings td{display:block;width:auto}
table.findings thead{display:none}
table.findings tr{border:1px solid #ccc;margin:0 0 .8em;padding:.2em 0}
table.findings td{border:0;padding:.15em .5em;white-space:normal}
table.findings td[data-label]::before{content:attr(data-label) "：";color:#666}
:lang(en) table.findings td[data-label]::before{content:attr(data-label) ": "}
}`;

/** A chart's number label: digits with separators, and past a thousand trillion in powers of ten (1e+300 → 1.0e+300). */
function amountLabel(value: number): string {
  return Math.abs(value) >= 1e15 ? value.toExponential(1) : number.format(value);
}

/** The longest fund name a chart writes whole (the label column is 220 px). */
const LABEL_CHARS = 16;

function chart(table: TableChart, lang: Lang, report: FileResult): string {
  const basis = chartBasis(table);
  const charted = chartedFunds(table);
  const funds = charted.slice(0, CHART_LIMIT);
  const total = chartedTotal(report, table, charted);
  const first = (f: (typeof funds)[number]) => (basis === "income" ? f.income : f.budget);
  let max = 1; // a loop, not Math.max(...): spreading a long list overflows the stack
  for (const f of funds) max = Math.max(max, Math.abs(first(f) ?? 0), Math.abs(f.actual ?? 0));
  if (!Number.isFinite(max)) max = Number.MAX_VALUE;
  const labelWidth = 220;
  const barArea = 420;
  const rowHeight = 34;
  const height = funds.length * rowHeight + 10;
  const width = labelWidth + barArea + 110;
  const bars = funds
    .map((f, i) => {
      const y = 5 + i * rowHeight;
      const bar = (value: number | undefined, dy: number, color: string) => {
        if (value === undefined || !isFinite(value)) return "";
        const w = Math.max(1, (Math.abs(value) / max) * barArea);
        return (
          `<rect x="${labelWidth}" y="${y + dy}" width="${w.toFixed(1)}" height="12" fill="${color}"/>` +
          `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + dy + 10}" font-size="11">${escapeHtml(amountLabel(value))}</text>`
        );
      };
      const name = f.subject.length > LABEL_CHARS ? f.subject.slice(0, LABEL_CHARS) + "…" : f.subject;
      return (
        `<text x="${labelWidth - 6}" y="${y + 18}" font-size="12" text-anchor="end"><title>${escapeHtml(clipField(f.subject, FIELD_LIMIT, lang))}</title>${escapeHtml(name)}</text>` +
        bar(first(f), 2, "#8aa9d6") +
        bar(f.actual, 16, "#d9822b")
      );
    })
    .join("");
  const title = t(basis === "income" ? "chartTitleIncome" : "chartTitle", lang) + (table.unit ? t("chartUnit", lang, { unit: table.unit }) : "");
  const [firstLabel, actualLabel] = basis === "income" ? [t("chartIncome", lang), t("chartExpenditure", lang)] : [t("chartBudget", lang), t("chartActual", lang)];
  return (
    `<div class="chart"><h3>${escapeHtml(title)}</h3>` +
    `<div class="legend"><span class="sw" style="background:#8aa9d6"></span>${firstLabel}` +
    `<span class="sw" style="background:#d9822b"></span>${actualLabel}` +
    (total > funds.length ? ` — ${escapeHtml(t("chartFirst", lang, { shown: funds.length, total }))}` : "") +
    `</div>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${bars}</svg></div>`
  );
}

type Column = { head: keyof typeof _T_HEADS; cell: (f: Finding) => string; className?: string };
const _T_HEADS = { sheet: 1, cell: 1, line: 1, subject: 1, observed: 1, expected: 1, message: 1, quote: 1, rule: 1 } as const;

/** The findings of one file, one table per severity (errors first), each in the one order of findings. */
function findingsTables(findings: readonly Finding[], columns: Column[], lang: Lang): string {
  if (!findings.length) return `<p>${t("noFindings", lang)}</p>`;
  const groups = bySeverity(findings);
  const th = columns.map((c) => `<th>${escapeHtml(t(c.head, lang))}</th>`).join("");
  return SEVERITIES.filter((s) => groups[s].length)
    .map((s) => {
      const rows = groups[s]
        .map((f) => `<tr class="${f.severity}">${columns.map((c) => `<td data-label="${escapeHtml(t(c.head, lang))}"${c.className ? ` class="${c.className}"` : ""}>${c.cell(f)}</td>`).join("")}</tr>`)
        .join("\n");
      return `<h4 class="${s}">${escapeHtml(severityHeading(s, lang))} (${groups[s].length})</h4><table class="findings ${s}"><thead><tr>${th}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    })
    .join("\n");
}

function commonColumns(lang: Lang): Column[] {
  const clip = (text: string) => escapeHtml(clipField(text, FIELD_LIMIT, lang));
  return [
    { head: "subject", cell: (f) => clip(f.subject) },
    { head: "observed", cell: (f) => clip(observedIn(f, lang)), className: "fig" },
    { head: "expected", cell: (f) => clip(expectedIn(f, lang)), className: "fig" },
    { head: "message", cell: (f) => clip(f.message[lang]) },
  ];
}

function findingsTable(findings: Finding[], lang: Lang): string {
  const columns: Column[] = [
    { head: "sheet", cell: (f) => escapeHtml(clipField(placeOf(f.at), FIELD_LIMIT, lang)), className: "place" },
    { head: "cell", cell: (f) => escapeHtml(addressOf(f.at)), className: "place" },
    ...commonColumns(lang),
    { head: "rule", cell: (f) => `<code>${escapeHtml(f.rule)}</code>`, className: "rule" },
  ];
  return findingsTables(findings, columns, lang);
}

/** A report text's findings: the line and the quoted sentence instead of a sheet and a cell. */
function textFindingsTable(findings: Finding[], lang: Lang): string {
  const columns: Column[] = [
    { head: "line", cell: (f) => escapeHtml(f.at.kind === "line" ? f.at.line : addressOf(f.at)), className: "place" },
    ...commonColumns(lang),
    { head: "quote", cell: (f) => `<blockquote>${escapeHtml(f.at.kind === "line" ? clipField(f.at.quote ?? "", FIELD_LIMIT, lang) : "")}</blockquote>` },
    { head: "rule", cell: (f) => `<code>${escapeHtml(f.rule)}</code>`, className: "rule" },
  ];
  return findingsTables(findings, columns, lang);
}

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 });

/** The figures read from a report text, one row per fund, as the text states them (the one list of figure columns). */
function figuresTable(figures: ReportFigure[], lang: Lang): string {
  if (!figures.length) return "";
  const th = FIGURE_COLUMNS.map((c) => `<th>${escapeHtml(c.label[lang])}</th>`).join("");
  const cell = (f: ReportFigure, c: (typeof FIGURE_COLUMNS)[number]): string => {
    switch (c.kind) {
      case "subject":
        return `<td>${escapeHtml(figureLabel(f))}</td>`;
      case "line":
        return `<td class="num">${escapeHtml(f.line)}</td>`;
      case "amount":
      case "rate": {
        const v = f[c.key as StatedFigureKey];
        return `<td class="num">${v === undefined ? "" : escapeHtml(c.kind === "rate" ? percent.format(v) : number.format(v))}</td>`;
      }
      case "components":
        return `<td>${escapeHtml((f.components ?? []).map((x) => `${x.name} ${number.format(x.amount)}`).join(lang === "zh" ? "，" : ", "))}</td>`;
    }
  };
  const rows = figures.map((f) => `<tr>${FIGURE_COLUMNS.map((c) => cell(f, c)).join("")}</tr>`).join("\n");
  return `<h3>${escapeHtml(t("figures", lang))}</h3><div class="wide"><table><thead><tr>${th}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
}

/** What changed the checks or was left out, one paragraph each (nothing when the check was the default one). */
function notes(report: FileResult, lang: Lang): string {
  return scopeNotes(report.result, lang)
    .map((n) => `<p class="note">${escapeHtml(n)}</p>`)
    .join("");
}

function fileSection(report: FileResult, lang: Lang): string {
  const { result, reportText } = report;
  const charts = chartData(result);
  if (reportText) {
    const drawn = charts.map((c) => chart(c, lang, report)).join("");
    return (
      `<section><h2>${escapeHtml(clipField(report.file, FIELD_LIMIT, lang))}</h2>` +
      `<p class="summary">${escapeHtml(countsLine("summary", result.summary, lang))}</p>${notes(report, lang)}` +
      `<h3>${escapeHtml(reportTextTitle(reportText, lang))}</h3>${drawn}${figuresTable(reportText.figures, lang)}` +
      `<h3>${escapeHtml(t("findings", lang))}</h3>${textFindingsTable(result.findings, lang)}</section>`
    );
  }
  const sheets = result.sheets
    .map((s) => {
      const header = s.headerRow !== null ? ` · ${escapeHtml(t("headerRow", lang, { n: s.headerRow }))}` : "";
      const drawn = charts.filter((c) => c.sheet === s.name).map((c) => chart(c, lang, report)).join("");
      return `<h3>${escapeHtml(t("sheet", lang))}: ${escapeHtml(clipField(s.name, FIELD_LIMIT, lang))} <small>(${escapeHtml(kindLabel(s.kind, lang))}${header})</small></h3>${drawn}`;
    })
    .join("\n");
  return (
    `<section><h2>${escapeHtml(clipField(report.file, FIELD_LIMIT, lang))}</h2>` +
    `<p class="summary">${escapeHtml(countsLine("summary", result.summary, lang))}</p>${notes(report, lang)}` +
    `${sheets}<h3>${escapeHtml(t("findings", lang))}</h3>${findingsTable(result.findings, lang)}</section>`
  );
}

export function formatHtml(reports: FileResult[], options: FormatOptions): string {
  const { lang } = options;
  const total = summarize(reports.flatMap((r) => r.result.findings));
  const totalLine = reports.length > 1 ? `<p class="summary">${escapeHtml(countsLine("total", { files: reports.length, ...total }, lang))}</p>` : "";
  return (
    `<!DOCTYPE html>\n<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(t("title", lang))}</title><style>${CSS}</style></head><body>` +
    `<h1>${escapeHtml(t("title", lang))}</h1>${totalLine}\n${reports.map((r) => fileSection(r, lang)).join("\n")}\n</body></html>\n`
  );
}
