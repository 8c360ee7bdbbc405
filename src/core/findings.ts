/**
 * The finding every surface shows (CLI JSON, task pane, report sheet): fields, order and the observed/expected
 * convention in docs/reference.md. Rule ids come from the rule catalogue (ruleCatalogue.ts).
 */
import { Location, locationFields } from "./location";
import type { RuleId } from "./ruleCatalogue";
import type { Lang, Message } from "./words";

export type { RuleId, Message, Location };

/** Severities, most serious first: the order every surface groups and ranks them in. */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 0 for error, 1 for warning, 2 for info. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/**
 * What a finding shows as observed and expected: figures as a person writes them ("202.5%", "4566"), the same in
 * both languages. `observed` is what the flagged cell or sentence holds (the stated 131%, the 合计 as written;
 * a computed value only where no cell states one, as a completion rate); `expected` is what the checks say it
 * should hold (202.5%, the sum of the parts) or the band or target it should fall in. When one is words instead
 * (a blank cell, the role a cell should hold), `observedText` / `expectedText` give the words in each language
 * and `observed` / `expected` hold the English; surfaces show them through `observedIn` / `expectedIn`.
 */
export interface ObservedExpected {
  observed: string;
  expected: string;
  observedText?: Message;
  expectedText?: Message;
}

export function observedIn(f: ObservedExpected, lang: Lang): string {
  return f.observedText?.[lang] ?? f.observed;
}

export function expectedIn(f: ObservedExpected, lang: Lang): string {
  return f.expectedText?.[lang] ?? f.expected;
}

/** A blank cell, as observed. */
export const BLANK: Message = { zh: "空白", en: "blank" };
/** A number, as expected where there was text. */
export const A_NUMBER: Message = { zh: "数字", en: "a number" };

/** Copies the words of a rule's finding, when it has them, onto the finding made from it. */
export function copyTexts(from: ObservedExpected, to: ObservedExpected): void {
  if (from.observedText) to.observedText = from.observedText;
  if (from.expectedText) to.expectedText = from.expectedText;
}

export interface Finding extends ObservedExpected {
  rule: RuleId;
  severity: Severity;
  /** Where it points: a sheet's cell, or a line of report text with its sentence. */
  at: Location;
  /** Other cells involved (the budget beside a rate, the components of a total); "L12" for a line of text. */
  related: string[];
  /** The row's fund or indicator name. */
  subject: string;
  message: Message;
  /** The year the figures are of, when the sheet or text holds several (a column group 2022年, a text's 2022 report). */
  period?: number;
}

/**
 * A finding as the JSON output writes it (docs/reference.md): `sheet`, `cell` ("L12" for a line), and for report
 * text `line` and `quote`, made from its location. Fields a finding gains later are written after `message`.
 */
export function findingJson(f: Finding): Record<string, unknown> {
  const { at, rule, severity, related, subject, observed, expected, message, ...more } = f;
  const { sheet, cell, ...line } = locationFields(at);
  return { rule, severity, sheet, cell, related, subject, observed, expected, message, ...more, ...line };
}

export interface Summary {
  error: number;
  warning: number;
  info: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

/**
 * Findings by severity, errors first, each group in the one order (`findings` must be in it): how lists meant for
 * reading show them (text output, HTML, task pane, report sheet).
 */
export function bySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) groups[f.severity].push(f);
  return groups;
}
