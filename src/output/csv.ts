/**
 * CSV output: one row per finding, RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM (so Excel reads Chinese).
 * A field that Excel or another spreadsheet could run as a formula (starting with = + - − @, tab or CR) is
 * prefixed with a single quote: the file is meant to be opened by people who double-click it.
 * The last two columns, `line` and `quote`, are filled for report text: the line and its sentence.
 * After a file's findings, one row per note on what was not checked as by default (settings that loosen the
 * checks, the add-in's own sheets left out): rule `settings` or `skipped`, no severity, the note as message.
 */
import { expectedIn, observedIn } from "../core/findings";
import { locationFields } from "../core/location";
import { effectsSentences, scopeNotes } from "../core/settingsEffects";
import type { FileResult, FormatOptions } from "./fileResult";

const HEADER = ["file", "sheet", "cell", "rule", "severity", "subject", "observed", "expected", "message", "line", "quote"];

export function neutralise(field: string): string {
  return /^[=+\-\u2212@\t\r]/.test(field) ? "'" + field : field;
}

export function csvField(raw: string): string {
  const field = neutralise(raw);
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function row(values: unknown[]): string {
  return values.map((v) => csvField(String(v ?? ""))).join(",");
}

export function formatCsv(reports: FileResult[], options: FormatOptions): string {
  const { lang } = options;
  const rows = [HEADER.join(",")];
  for (const { file, result } of reports) {
    for (const f of result.findings) {
      const at = locationFields(f.at);
      rows.push(row([file, at.sheet, at.cell, f.rule, f.severity, f.subject, observedIn(f, lang), expectedIn(f, lang), f.message[lang], at.line, at.quote]));
    }
    for (const e of result.settings ?? []) {
      const sheet = e.kind === "columns-mapped" ? e.sheet : "";
      rows.push(row([file, sheet, "", "settings", "", "fund" in e ? e.fund : "", "", "", effectsSentences([e], lang)[0], "", ""]));
    }
    for (const s of result.skipped ?? []) rows.push(row([file, s.name, "", "skipped", "", "", "", "", scopeNotes({ skipped: [s] }, lang)[0], "", ""]));
  }
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}
