/**
 * One self-contained HTML file: inline CSS, inline SVG charts, no script, no external request (a CSP meta tag
 * forbids them too). Every text that came from a workbook or a file name goes through `escapeHtml`.
 */
import { CHART_LIMIT, chartData, TableChart } from "../core/chart";
import type { Finding } from "../core/findings";
import { bySeverity, expectedIn, observedIn, SEVERITIES, summarize } from "../core/findings";
import { addressOf, placeOf } from "../core/location";
import { FIGURE_COLUMNS, ReportFigure, StatedFigureKey, figureLabel } from "../core/reportText";
import { scopeNotes } from "../core/settingsEffects";
import type { FileResult, FormatOptions, Lang } from "./fileResult";
import { countsLine, kindLabel, reportTextTitle, severityLabel, t } from "./messages";

export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

const CSS = `
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em}h3{font-size:1em}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}.error td.sev{color:#a4262c;font-weight:bold}.warning td.sev{color:#8a5300;font-weight:bold}.info td.sev{color:#005a9e}
.summary{font-weight:bold}.note{color:#8a5300}.chart{margin:.5em 0 1em}.legend{font-size:.9em}
.sw{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin:0 .3em 0 1em}
td.num{text-align:right}blockquote{margin:0;color:#555}`;

function chart(table: TableChart, lang: Lang): string {
  const charted = table.funds;
  const funds = charted.slice(0, CHART_LIMIT);
  let max = 1; // a loop, not Math.max(...): spreading a long list overflows the stack
  for (const f of funds) max = Math.max(max, Math.abs(f.budget ?? 0), Math.abs(f.actual ?? 0));
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
          `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + dy + 10}" font-size="11">${escapeHtml(number.format(value))}</text>`
        );
      };
      return (
        `<text x="${labelWidth - 6}" y="${y + 18}" font-size="12" text-anchor="end">${escapeHtml(f.subject)}</text>` +
        bar(f.budget, 2, "#8aa9d6") +
        bar(f.actual, 16, "#d9822b")
      );
    })
    .join("");
  return (
    `<div class="chart"><h3>${escapeHtml(t("chartTitle", lang, { unit: table.unit ?? "—" }))}</h3>` +
    `<div class="legend"><span class="sw" style="background:#8aa9d6"></span>${t("chartBudget", lang)}` +
    `<span class="sw" style="background:#d9822b"></span>${t("chartActual", lang)}` +
    (charted.length > funds.length ? ` — ${escapeHtml(t("chartFirst", lang, { shown: funds.length, total: charted.length }))}` : "") +
    `</div>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img">${bars}</svg></div>`
  );
}

/** Findings by severity, errors first, each group in the one order of findings. */
function grouped(findings: readonly Finding[]): Finding[] {
  const groups = bySeverity(findings);
  return SEVERITIES.flatMap((s) => groups[s]);
}

function findingsTable(findings: Finding[], lang: Lang): string {
  if (!findings.length) return `<p>${t("noFindings", lang)}</p>`;
  const head = ["sheet", "cell", "severity", "subject", "observed", "expected", "message", "rule"] as const;
  const th = head.map((h) => `<th>${escapeHtml(t(h, lang))}</th>`).join("");
  const rows = grouped(findings)
    .map(
      (f) =>
        `<tr class="${f.severity}"><td>${escapeHtml(placeOf(f.at))}</td><td>${escapeHtml(addressOf(f.at))}</td>` +
        `<td class="sev">${escapeHtml(severityLabel(f.severity, lang))}</td><td>${escapeHtml(f.subject)}</td>` +
        `<td>${escapeHtml(observedIn(f, lang))}</td><td>${escapeHtml(expectedIn(f, lang))}</td>` +
        `<td>${escapeHtml(f.message[lang])}</td><td><code>${escapeHtml(f.rule)}</code></td></tr>`
    )
    .join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** A report text's findings: the line and the quoted sentence instead of a sheet and a cell. */
function textFindingsTable(findings: Finding[], lang: Lang): string {
  if (!findings.length) return `<p>${t("noFindings", lang)}</p>`;
  const head = ["line", "severity", "subject", "observed", "expected", "message", "quote", "rule"] as const;
  const th = head.map((h) => `<th>${escapeHtml(t(h, lang))}</th>`).join("");
  const rows = grouped(findings)
    .map(
      (f) =>
        `<tr class="${f.severity}"><td>${escapeHtml(f.at.kind === "line" ? f.at.line : addressOf(f.at))}</td>` +
        `<td class="sev">${escapeHtml(severityLabel(f.severity, lang))}</td><td>${escapeHtml(f.subject)}</td>` +
        `<td>${escapeHtml(observedIn(f, lang))}</td><td>${escapeHtml(expectedIn(f, lang))}</td><td>${escapeHtml(f.message[lang])}</td>` +
        `<td><blockquote>${escapeHtml(f.at.kind === "line" ? (f.at.quote ?? "") : "")}</blockquote></td><td><code>${escapeHtml(f.rule)}</code></td></tr>`
    )
    .join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
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
  return `<h3>${escapeHtml(t("figures", lang))}</h3><table><thead><tr>${th}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
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
    const drawn = charts.map((c) => chart(c, lang)).join("");
    return (
      `<section><h2>${escapeHtml(report.file)}</h2>` +
      `<p class="summary">${escapeHtml(countsLine("summary", result.summary, lang))}</p>${notes(report, lang)}` +
      `<h3>${escapeHtml(reportTextTitle(reportText, lang))}</h3>${drawn}${figuresTable(reportText.figures, lang)}` +
      `<h3>${escapeHtml(t("findings", lang))}</h3>${textFindingsTable(result.findings, lang)}</section>`
    );
  }
  const sheets = result.sheets
    .map((s) => {
      const header = s.headerRow !== null ? ` · ${escapeHtml(t("headerRow", lang, { n: s.headerRow }))}` : "";
      const drawn = charts.filter((c) => c.sheet === s.name).map((c) => chart(c, lang)).join("");
      return `<h3>${escapeHtml(t("sheet", lang))}: ${escapeHtml(s.name)} <small>(${escapeHtml(kindLabel(s.kind, lang))}${header})</small></h3>${drawn}`;
    })
    .join("\n");
  return (
    `<section><h2>${escapeHtml(report.file)}</h2>` +
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
