/**
 * Human-readable output for a terminal: per file, what changed the checks (if anything), per sheet the findings
 * grouped by severity (each group in the one order of findings), a summary line.
 */
import type { Finding } from "../core/findings";
import { bySeverity, expectedIn, observedIn, SEVERITIES, summarize } from "../core/findings";
import { placeOf } from "../core/location";
import { scopeNotes } from "../core/settingsEffects";
import type { FileResult, FormatOptions, Lang } from "./fileResult";
import { kindLabel, reportTextTitle, severityHeading, t } from "./messages";

/** One finding; a report text's finding names its line instead of a cell and quotes its sentence below. */
function findingLine(f: Finding, lang: Lang): string {
  const at = f.at.kind === "line" ? t("lineNo", lang, { n: f.at.line }) : f.at.address;
  const where = [at, f.subject].filter(Boolean).join("  ");
  const figures: string[] = [];
  if (f.observed) figures.push(`${t("observedInline", lang)} ${observedIn(f, lang)}`);
  if (f.expected) figures.push(`${t("expectedInline", lang)} ${expectedIn(f, lang)}`);
  const tail = figures.length ? (lang === "zh" ? `（${figures.join("；")}）` : ` (${figures.join("; ")})`) : "";
  const line = `      ${where}  ${f.message[lang]}${tail}  [${f.rule}]`;
  if (f.at.kind !== "line" || !f.at.quote) return line;
  return `${line}\n        ${lang === "zh" ? `「${f.at.quote}」` : `"${f.at.quote}"`}`;
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
    for (const f of group) lines.push(findingLine(f, lang));
  }
  return lines;
}

export function formatFileText(report: FileResult, lang: Lang): string {
  const { result } = report;
  const lines = [report.file];
  for (const note of scopeNotes(result, lang)) lines.push(`  ${lang === "zh" ? "注意：" : "Note: "}${note}`);
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
    const title = lang === "zh" ? `  ${t("sheet", lang)}「${sheet.name}」（${kind}）` : `  ${t("sheet", lang)} "${sheet.name}" (${kind})`;
    lines.push(...sheetBlock(title, bySheet.get(sheet.name) ?? [], lang));
    bySheet.delete(sheet.name);
  }
  // Findings on a sheet the result does not list (e.g. workbook-level) still show.
  for (const [name, findings] of bySheet) {
    lines.push(...sheetBlock(`  ${name || t("otherFindings", lang)}`, findings, lang));
  }
  lines.push(t("summary", lang, { ...result.summary }));
  return lines.join("\n") + "\n";
}

export function formatText(reports: FileResult[], options: FormatOptions): string {
  const parts = reports.map((r) => formatFileText(r, options.lang));
  if (reports.length > 1) {
    const all = summarize(reports.flatMap((r) => r.result.findings));
    parts.push(t("total", options.lang, { files: reports.length, ...all }) + "\n");
  }
  return parts.join("\n");
}
