/**
 * CSV output: one row per finding, RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM (so Excel reads Chinese).
 * A field that Excel or another spreadsheet could run as a formula (starting with = + - − @, tab or CR) is
 * prefixed with a single quote: the file is meant to be opened by people who double-click it.
 * The last two columns, `line` and `quote`, are filled for report text (SPEC §7): the line and its sentence.
 */
import { expectedIn, observedIn } from "../../core/findings";
import type { FileReport, FormatOptions } from "../report";

const HEADER = ["file", "sheet", "cell", "rule", "severity", "subject", "observed", "expected", "message", "line", "quote"];

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
        [file, f.sheet, f.cell, f.rule, f.severity, f.subject, observedIn(f, options.lang), expectedIn(f, options.lang), f.message[options.lang], f.line, f.quote]
          .map((v) => csvField(String(v ?? "")))
          .join(",")
      );
    }
  }
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}
