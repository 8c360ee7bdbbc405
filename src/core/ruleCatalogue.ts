/**
 * Every rule the core has, once per id: its default severity and what it checks, in both languages. The pane's
 * Targets tab lists it so a user can change a rule's severity or switch it off, as a targets file can.
 * (missing-value and not-a-number run in fund and indicator tables alike; the fund rule's text describes both.)
 */
import { Message, RULE_IDS, RuleId, Severity } from "./findings";
import { INDICATOR_RULES } from "./indicators";
import { FUND_RULES } from "./rules";

export interface RuleEntry {
  id: RuleId;
  severity: Severity;
  describe: Message;
}

export const RULE_CATALOGUE: readonly RuleEntry[] = RULE_IDS.map((id) => {
  const rule = FUND_RULES.find((r) => r.id === id) ?? INDICATOR_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`rule ${id} has no catalogue entry`); // a new id without a rule file: caught by the tests at once
  return { id, severity: rule.severity, describe: rule.describe };
});
