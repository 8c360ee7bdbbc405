/** JSON output, SPEC §6: one object per file, an array for a batch. */
import type { FileReport, FormatOptions } from "../report";

export function fileJson(report: FileReport) {
  const { result } = report;
  return {
    file: report.file,
    sheets: result.sheets.map((s) => ({ name: s.name, kind: s.kind, headerRow: s.headerRow, columns: s.columns })),
    summary: { error: result.summary.error, warning: result.summary.warning, info: result.summary.info },
    findings: result.findings,
  };
}

export function formatJson(reports: FileReport[], options: FormatOptions): string {
  const value = options.batch ? reports.map(fileJson) : reports.length ? fileJson(reports[0]) : null;
  return JSON.stringify(value, null, 2) + "\n";
}
