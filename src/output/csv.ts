/**
 * CSV output: one row per finding, RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM (so Excel reads Chinese).
 * Headers, severities and rule descriptions are in the run's language; the `rule` column keeps the rule's id
 * (the same in every language, as JSON writes it) for scripts. The last two columns before the description,
 * line and quote, are filled for report text: the line and its sentence.
 *
 * A field Excel would run as a formula is prefixed with a single quote (docs/cli.md): one starting with = or @,
 * a tab or a CR, or with + - − when what follows is not a plain number. "+35.5%", "-12" and "-1,234.5" are
 * figures Excel reads as numbers and stay as written; "-2+3" or "+A1" are formulas and are neutralised.
 * After a file's findings, one row per note on what was not checked as by default (settings that loosen the
 * checks, the add-in's own sheets left out): rule `settings` or `skipped`, no severity, the note as message.
 */
import { expectedIn, observedIn } from "../core/findings";
import { locationFields } from "../core/location";
import { RULE_CATALOGUE } from "../core/ruleCatalogue";
import { effectsSentences, scopeNotes } from "../core/settingsEffects";
import type { Message } from "../core/words";
import type { FileResult, FormatOptions, Lang } from "./fileResult";
import { severityLabel } from "./messages";
import { FIELD_LIMIT, clipField } from "./terminal";

/** The columns, in order; `rule` is the machine column (the rule id, headed "rule" in every language). */
const COLUMNS = ["file", "sheet", "cell", "rule", "severity", "subject", "observed", "expected", "message", "line", "quote", "ruleText"] as const;

const HEADINGS: Record<(typeof COLUMNS)[number], Message> = {
  file: { zh: "文件", en: "File" },
  sheet: { zh: "工作表", en: "Sheet" },
  cell: { zh: "单元格", en: "Cell" },
  rule: { zh: "rule", en: "rule" },
  severity: { zh: "级别", en: "Severity" },
  subject: { zh: "项目", en: "Subject" },
  observed: { zh: "实际", en: "Observed" },
  expected: { zh: "应为", en: "Expected" },
  message: { zh: "说明", en: "Message" },
  line: { zh: "行", en: "Line" },
  quote: { zh: "原文", en: "Quoted sentence" },
  ruleText: { zh: "规则说明", en: "Rule" },
};

const NOTE_RULES: Record<"settings" | "skipped", Message> = {
  settings: { zh: "设置改变了核对", en: "Settings changed the checks" },
  skipped: { zh: "未核对的工作表", en: "Sheet not checked" },
};

/** A figure as Excel reads one: signed, with thousands separators, decimals, an exponent, a percent sign. */
const NUMBER_LIKE = /^[+\-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;

export function neutralise(field: string): string {
  if (/^[=@\t\r]/.test(field)) return "'" + field;
  if (/^[+\-\u2212]/.test(field) && !(NUMBER_LIKE.test(field) && /\d/.test(field))) return "'" + field;
  return field;
}

export function csvField(raw: string): string {
  const field = neutralise(raw);
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function row(values: unknown[], lang: Lang): string {
  return values.map((v) => csvField(clipField(String(v ?? ""), FIELD_LIMIT, lang))).join(",");
}

const ruleTexts = new Map(RULE_CATALOGUE.map((r) => [r.id as string, r.describe]));

export function formatCsv(reports: FileResult[], options: FormatOptions): string {
  const { lang } = options;
  const rows = [COLUMNS.map((c) => csvField(HEADINGS[c][lang])).join(",")];
  for (const { file, result } of reports) {
    for (const f of result.findings) {
      const at = locationFields(f.at);
      const ruleText = ruleTexts.get(f.rule)?.[lang] ?? "";
      rows.push(row([file, at.sheet, at.cell, f.rule, severityLabel(f.severity, lang), f.subject, observedIn(f, lang), expectedIn(f, lang), f.message[lang], at.line, at.quote, ruleText], lang));
    }
    for (const e of result.settings ?? []) {
      const sheet = e.kind === "columns-mapped" ? e.sheet : "";
      rows.push(row([file, sheet, "", "settings", "", "fund" in e ? e.fund : "", "", "", effectsSentences([e], lang)[0], "", "", NOTE_RULES.settings[lang]], lang));
    }
    for (const s of result.skipped ?? []) rows.push(row([file, s.name, "", "skipped", "", "", "", "", scopeNotes({ skipped: [s] }, lang)[0], "", "", NOTE_RULES.skipped[lang]], lang));
  }
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}
