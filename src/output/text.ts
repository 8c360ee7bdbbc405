/**
 * Human-readable output for a terminal: per file, what changed the checks (if anything), per sheet the findings
 * grouped by severity (each group in the one order of findings), a summary line. Every line is terminal-safe
 * (control characters and bidi overrides from a workbook shown as escapes, src/output/terminal.ts) and text
 * from a file that runs long is clipped with its length stated.
 */
import type { Finding } from "../core/findings";
import { bySeverity, expectedIn, observedIn, SEVERITIES, summarize } from "../core/findings";
import { placeOf } from "../core/location";
import { scopeNotes } from "../core/settingsEffects";
import type { FileResult, FormatOptions, Lang } from "./fileResult";
import { countsLine, kindLabel, reportTextTitle, severityHeading, t } from "./messages";
import { FIELD_LIMIT, clipField, terminalLines } from "./terminal";

export { FIELD_LIMIT };

/** One finding, as lines; a report text's finding names its line instead of a cell and quotes its sentence below. */
function findingLines(f: Finding, lang: Lang): string[] {
  const clip = (text: string) => clipField(text, FIELD_LIMIT, lang);
  const at = f.at.kind === "line" ? t("lineNo", lang, { n: f.at.line }) : f.at.address;
  const where = [at, clip(f.subject)].filter(Boolean).join("  ");
  const figures: string[] = [];
  if (f.observed) figures.push(`${t("observedInline", lang)} ${clip(observedIn(f, lang))}`);
  if (f.expected) figures.push(`${t("expectedInline", lang)} ${clip(expectedIn(f, lang))}`);
  const tail = figures.length ? (lang === "zh" ? `（${figures.join("；")}）` : ` (${figures.join("; ")})`) : "";
  const line = `      ${where}  ${clip(f.message[lang])}${tail}  [${f.rule}]`;
  if (f.at.kind !== "line" || !f.at.quote) return [line];
  const quote = clip(f.at.quote);
  return [line, `        ${lang === "zh" ? `「${quote}」` : `"${quote}"`}`];
}

function sheetBlock(title: string, findings: Finding[], lang: Lang): string[] {
  const lines = [title];
  if (!findings.length) {
    lines.push(`    ${t("noFindings", lang)}`);
    return lines;
  }
  const groups = bySeverity(findings);
  for (const s of SEVERITIES) {
    const group = groups[s];
    if (!group.length) continue;
    lines.push(`    ${severityHeading(s, lang)} (${group.length})`);
    for (const f of group) lines.push(...findingLines(f, lang));
  }
  return lines;
}

export function formatFileText(report: FileResult, lang: Lang): string {
  const clip = (text: string) => clipField(text, FIELD_LIMIT, lang);
  const { result } = report;
  const lines = [clip(report.file)];
  for (const note of scopeNotes(result, lang)) lines.push(`  ${lang === "zh" ? "注意：" : "Note: "}${clip(note)}`);
  const bySheet = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const place = placeOf(f.at);
    const list = bySheet.get(place) ?? [];
    list.push(f);
    bySheet.set(place, list);
  }
  for (const sheet of result.sheets) {
    if (report.reportText) {
      lines.push(...sheetBlock(`  ${reportTextTitle(report.reportText, lang)}`, bySheet.get(sheet.name) ?? [], lang));
      bySheet.delete(sheet.name);
      continue;
    }
    const header = sheet.headerRow !== null ? `，${t("headerRow", lang, { n: sheet.headerRow })}` : "";
    const kind = kindLabel(sheet.kind, lang) + (lang === "zh" ? header : header.replace("，", ", "));
    const name = clip(sheet.name);
    const title = lang === "zh" ? `  ${t("sheet", lang)}「${name}」（${kind}）` : `  ${t("sheet", lang)} "${name}" (${kind})`;
    lines.push(...sheetBlock(title, bySheet.get(sheet.name) ?? [], lang));
    bySheet.delete(sheet.name);
  }
  // Findings on a sheet the result does not list (e.g. workbook-level) still show.
  for (const [name, findings] of bySheet) {
    lines.push(...sheetBlock(`  ${clip(name) || t("otherFindings", lang)}`, findings, lang));
  }
  lines.push(countsLine("summary", result.summary, lang));
  return terminalLines(lines) + "\n";
}

export function formatText(reports: FileResult[], options: FormatOptions): string {
  const parts = reports.map((r) => formatFileText(r, options.lang));
  if (reports.length > 1) {
    const all = summarize(reports.flatMap((r) => r.result.findings));
    parts.push(countsLine("total", { files: reports.length, ...all }, options.lang) + "\n");
  }
  return parts.join("\n");
}
