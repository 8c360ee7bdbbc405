/**
 * JSON output (docs/reference.md, "JSON output"): one object per file, an array for a batch. Findings are written
 * with their documented flat location fields (findingJson). `skipped` and `settings` appear when something was
 * left out or loosened. A report text adds `unit` (万元, 亿元, 元; absent when the text states no amount) and
 * `figures`, one per fund, with only the figures the text states: amounts in that unit, rates as fractions
 * (97% → 0.97), `line` the fund's first line.
 */
import { findingJson } from "../core/findings";
import type { TableReport } from "../core/api";
import { ReportFigure, STATED_FIGURE_KEYS } from "../core/reportText";
import type { FileResult, FormatOptions } from "./fileResult";


export function figureJson(figure: ReportFigure) {
  const out: Record<string, unknown> = { subject: figure.subject, line: figure.line };
  // The year the figures are of, when the text covers several (a range: "2021-2023" in `period`).
  if (figure.year !== undefined) out.year = figure.year;
  else if (figure.period !== undefined) out.period = figure.period;
  // The stated figures of the one column list (the core's ReportFigure carries more: sources, prior, …).
  for (const key of STATED_FIGURE_KEYS) if (figure[key] !== undefined) out[key] = figure[key];
  if (figure.components?.length) {
    out.components = figure.components.map((c) => ({ name: c.name, amount: c.amount, line: c.line, text: c.text }));
  }
  return out;
}

/** What detection understood of one table (docs/reference.md, "JSON output"): the chart's amounts left out. */
export function tableJson(table: TableReport) {
  const { funds: _funds, ...rest } = table;
  return rest;
}

export function fileJson(report: FileResult) {
  const { result, reportText } = report;
  const json: Record<string, unknown> = {
    file: report.file,
    sheets: result.sheets.map((s) => ({ name: s.name, kind: s.kind, headerRow: s.headerRow, columns: s.columns, tables: s.tables.map(tableJson) })),
    summary: { error: result.summary.error, warning: result.summary.warning, info: result.summary.info },
  };
  if (result.skipped?.length) json.skipped = result.skipped;
  if (result.settings?.length) json.settings = result.settings;
  json.findings = result.findings.map(findingJson);
  if (reportText) {
    if (reportText.unit) json.unit = reportText.unit;
    json.figures = reportText.figures.map(figureJson);
  }
  return json;
}

export function formatJson(reports: FileResult[], options: FormatOptions): string {
  const value = options.batch ? reports.map(fileJson) : reports.length ? fileJson(reports[0]) : null;
  return JSON.stringify(value, null, 2) + "\n";
}
