/**
 * The rule catalogue: every rule once, each from its own file, in the order the findings of one row are listed.
 * Adding a rule is its file (src/core/rules/ or src/core/indicators/rules/), its test, and its line here; a test
 * (test/core/ruleCatalogue.test.ts) fails when a rule file is not listed or has no test. Everything else is made
 * from this list: the rule ids, the default severities, the targets schema and defaults (targets.ts), the task
 * pane's Targets tab and the rule table of docs/reference.md (checked against it by a test).
 * missing-value and not-a-number check fund and indicator tables alike: one id, two checks, one catalogue entry.
 */
import type { Message, Severity } from "./findings";
import { indicatorMissingValue } from "./indicators/rules/missingValue";
import { indicatorNotANumber } from "./indicators/rules/notANumber";
import { indicatorTargetMiss } from "./indicators/rules/indicatorTargetMiss";
import { indicatorUnexplained } from "./indicators/rules/indicatorUnexplained";
import { scoreMismatch } from "./indicators/rules/scoreMismatch";
import { targetUnreadable } from "./indicators/rules/targetUnreadable";
import type { IndicatorRule } from "./indicators/types";
import { budgetBalance } from "./rules/budgetBalance";
import { completionBand } from "./rules/completionBand";
import { componentsSum } from "./rules/componentsSum";
import { crossFileMismatch } from "./rules/crossFileMismatch";
import { internalError } from "./rules/internalError";
import { mergedFigure } from "./rules/mergedFigure";
import { missingValue } from "./rules/missingValue";
import { negativeFigure } from "./rules/negativeFigure";
import { notANumber } from "./rules/notANumber";
import { payableMonthsBand } from "./rules/payableMonthsBand";
import type { FundRule } from "./rules/rule";
import { statedChangeMismatch } from "./rules/statedChangeMismatch";
import { statedRateMismatch } from "./rules/statedRateMismatch";
import { tableUnreadable } from "./rules/tableUnreadable";
import type { Threshold, ThresholdValue } from "./rules/threshold";
import { unbudgetedSpending } from "./rules/unbudgetedSpending";
import { unitMismatch } from "./rules/unitMismatch";
import { yoyGrowthBand } from "./rules/yoyGrowthBand";

/** The fund rules, run in this order on each row (and this order lists the findings of one cell). */
const FUND_RULE_LIST = [
  unitMismatch,
  mergedFigure,
  notANumber,
  missingValue,
  negativeFigure,
  unbudgetedSpending,
  completionBand,
  statedRateMismatch,
  statedChangeMismatch,
  yoyGrowthBand,
  componentsSum,
  budgetBalance,
  payableMonthsBand,
] as const;

/** The indicator rules, in the same sense. */
const INDICATOR_RULE_LIST = [indicatorNotANumber, indicatorMissingValue, targetUnreadable, indicatorTargetMiss, indicatorUnexplained, scoreMismatch] as const;

type AnyRule = (typeof FUND_RULE_LIST)[number] | (typeof INDICATOR_RULE_LIST)[number] | typeof tableUnreadable | typeof internalError | typeof crossFileMismatch;

/** Every rule id, as findings and targets files write it. */
export type RuleId = AnyRule["id"];

export const FUND_RULES: readonly FundRule[] = FUND_RULE_LIST;
export const INDICATOR_RULES: readonly IndicatorRule[] = INDICATOR_RULE_LIST;

export interface RuleEntry {
  id: RuleId;
  severity: Severity;
  describe: Message;
  shows: { observed: string; expected: string };
  threshold?: Threshold;
}

/**
 * One entry per rule id, in catalogue order (fund rules, indicator rules, table-unreadable, internal-error, then
 * the batch rule cross-file-mismatch, which runs over a batch of workbooks rather than a table: ./matrix/).
 */
export const RULE_CATALOGUE: readonly RuleEntry[] = (() => {
  const entries: RuleEntry[] = [];
  for (const rule of [...FUND_RULE_LIST, ...INDICATOR_RULE_LIST, tableUnreadable, internalError, crossFileMismatch] as readonly (RuleEntry & { threshold?: Threshold })[]) {
    const known = entries.find((e) => e.id === rule.id);
    if (known) {
      // A shared id (missing-value, not-a-number) is one rule: one severity, one threshold.
      if (known.severity !== rule.severity || (rule.threshold && rule.threshold !== known.threshold)) throw new Error(`rule ${rule.id} is declared twice, differently`);
      continue;
    }
    const entry: RuleEntry = { id: rule.id, severity: rule.severity, describe: rule.describe, shows: rule.shows };
    if (rule.threshold) entry.threshold = rule.threshold;
    entries.push(entry);
  }
  return entries;
})();

export const RULE_IDS: readonly RuleId[] = RULE_CATALOGUE.map((r) => r.id);

/** Every rule's threshold, in catalogue order; keys are unique (a test says so). */
export const THRESHOLDS: readonly Threshold[] = RULE_CATALOGUE.flatMap((r) => (r.threshold ? [r.threshold] : []));

type RuleThreshold = AnyRule extends infer R ? (R extends { threshold?: infer Th } ? (Th extends Threshold ? Th : never) : never) : never;

/** The thresholds a fund may override (`funds.<name>`), by key: `completionBand: { okLow: number, … }`. */
export type FundThresholds = { [Th in RuleThreshold as Th extends { perFund: true } ? Th["key"] : never]: ThresholdValue<Th> };

/** The thresholds of the whole workbook only, by key: `indicators: { scoring }`. */
export type WorkbookThresholds = { [Th in RuleThreshold as Th extends { perFund: false } ? Th["key"] : never]: ThresholdValue<Th> };
