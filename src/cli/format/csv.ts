/**
 * CSV output: one row per finding, RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM (so Excel reads Chinese).
 * A field that Excel or another spreadsheet could run as a formula (starting with = + - − @, tab or CR) is
 * prefixed with a single quote: the file is meant to be opened by people who double-click it.
 */
import type { FileReport, FormatOptions } from "../report";

const HEADER = ["file", "sheet", "cell", "rule", "severity", "subject", "observed", "expected", "message"];

export function neutralise(field: string): string {
  return /^[=+\-\u2212@\t\r]/.test(field) ? "'" + field : field;
}

export function csvField(raw: string): string {
  const field = neutralise(raw);
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function formatCsv(reports: FileReport[], options: FormatOptions): string {
  const rows = [HEADER.join(",")];
  for (const { file, result } of reports) {
    for (const f of result.findings) {
      rows.push(
        [file, f.sheet, f.cell, f.rule, f.severity, f.subject, f.observed, f.expected, f.message[options.lang]]
          .map((v) => csvField(String(v ?? "")))
          .join(",")
      );
    }
  }
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}
