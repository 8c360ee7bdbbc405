/**
 * The finding every surface shows (CLI JSON, task pane, report sheet): fields and the observed/expected
 * convention in docs/reference.md. Rule ids come from the rule catalogue (ruleCatalogue.ts).
 */
import type { RuleId } from "./ruleCatalogue";

export type { RuleId };

export type Severity = "error" | "warning" | "info";

export interface Message {
  zh: string;
  en: string;
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

export function observedIn(f: ObservedExpected, lang: keyof Message): string {
  return f.observedText?.[lang] ?? f.observed;
}

export function expectedIn(f: ObservedExpected, lang: keyof Message): string {
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
  /** Sheet name; for report text, the file or "report". */
  sheet: string;
  /** A1 address the finding points at; for report text, "L<line>". */
  cell: string;
  /** Other cells involved (the budget beside a rate, the components of a total). */
  related: string[];
  /** The row's fund or indicator name. */
  subject: string;
  message: Message;
  /** Report text only: 1-based line and the sentence quoted. */
  line?: number;
  quote?: string;
  /** The year the figures are of, when the sheet or text holds several (a column group 2022年, a text's 2022 report). */
  period?: number;
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

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; within a severity, the order the rows were read. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
