/** The finding format of SPEC §4.1, shared by every surface (CLI JSON, task pane, report sheet). */

export type Severity = "error" | "warning" | "info";

export const RULE_IDS = [
  "completion-band",
  "unbudgeted-spending",
  "stated-rate-mismatch",
  "stated-change-mismatch",
  "yoy-growth-band",
  "components-sum",
  "budget-balance",
  "payable-months-band",
  "indicator-target-miss",
  "indicator-unexplained",
  "score-mismatch",
  "missing-value",
  "not-a-number",
  "target-unreadable",
  "unit-mismatch",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Message {
  zh: string;
  en: string;
}

export interface Finding {
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
  /** What the figures give, as a person would write it ("202.5%", "4566"). */
  observed: string;
  /** What was expected ("95%–105%", "4568"). */
  expected: string;
  message: Message;
  /** Report text only: 1-based line and the sentence quoted. */
  line?: number;
  quote?: string;
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
