/**
 * Targets (SPEC §4.2): every threshold a rule uses, for the whole workbook and per fund.
 * Rates and bands are fractions (0.95 = 95%). A targets file holds only what it changes;
 * `parseTargets` fills the rest from DEFAULT_TARGETS and says which key is wrong when something is.
 */
import { z } from "zod";
import { RULE_IDS, RuleId, Severity } from "./findings";
import { toHalfWidth } from "./numbers";

export interface CompletionBand {
  /** Completion at or above this and at or below okHigh is fine. */
  okLow: number;
  okHigh: number;
  /** Between warningLow and okLow (or okHigh and warningHigh): warning; beyond: error. */
  warningLow: number;
  warningHigh: number;
}

export interface GrowthBand {
  /** Year-on-year growth below `low` or above `high` is flagged (fractions: −0.3 and 0.3 for ±30%). */
  low: number;
  high: number;
}

export interface PayableMonthsBand {
  /** Fewer months of spending covered by the balance than this: warning. */
  warningBelow: number;
  /** More months than this: info (money idle). */
  infoAbove: number;
}

export type SeverityOverride = Severity | "off";

/** The thresholds one fund is checked against. */
export interface FundTargets {
  completionBand: CompletionBand;
  growthBand: GrowthBand;
  payableMonths: PayableMonthsBand;
  /** A 其中 list is a full breakdown (and its sum is checked) only when it covers at least this share of its total. */
  componentsCoverage: number;
  /** Per-rule severity, replacing the rule's default; "off" silences the rule. */
  severity: Partial<Record<RuleId, SeverityOverride>>;
}

/** How an indicator's score is computed (SPEC §4.3); read by the indicator rules. */
export type IndicatorScoring = "proportional" | "all-or-nothing";

export interface IndicatorTargetsOptions {
  scoring?: IndicatorScoring;
}

export type FundTargetsOverride = {
  completionBand?: Partial<CompletionBand>;
  growthBand?: Partial<GrowthBand>;
  payableMonths?: Partial<PayableMonthsBand>;
  componentsCoverage?: number;
  severity?: Partial<Record<RuleId, SeverityOverride>>;
};

export interface Targets extends FundTargets {
  /** Overrides by fund name, matched loosely ("工伤保险" also matches "工伤保险基金"). */
  funds: Record<string, FundTargetsOverride>;
  /** Indicator options (optional; "proportional" scoring when absent). */
  indicators?: IndicatorTargetsOptions;
}

export const DEFAULT_TARGETS: Targets = Object.freeze({
  completionBand: { okLow: 0.95, okHigh: 1.05, warningLow: 0.9, warningHigh: 1.1 },
  growthBand: { low: -0.3, high: 0.3 },
  payableMonths: { warningBelow: 6, infoAbove: 24 },
  componentsCoverage: 0.9,
  severity: {},
  funds: {},
}) as Targets;

// ---- schema --------------------------------------------------------------------------------------------

const between = (min: number, max: number) =>
  z.number({ error: `expected a number between ${min} and ${max}` }).min(min, { error: `expected a number between ${min} and ${max}` }).max(max, { error: `expected a number between ${min} and ${max}` });

const severityOverride = z.enum(["error", "warning", "info", "off"], { error: 'expected "error", "warning", "info" or "off"' });

const severityMap = z
  .record(z.string(), severityOverride)
  .superRefine((map, ctx) => {
    for (const key of Object.keys(map)) {
      if (!(RULE_IDS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `unknown rule id (known: ${RULE_IDS.join(", ")})` });
      }
    }
  });

const completionBandSchema = z.strictObject({
  okLow: between(0, 10),
  okHigh: between(0, 10),
  warningLow: between(0, 10),
  warningHigh: between(0, 10),
}).partial();

const growthBandSchema = z.strictObject({ low: between(-10, 10), high: between(-10, 10) }).partial();

const payableMonthsSchema = z.strictObject({ warningBelow: between(0, 1200), infoAbove: between(0, 1200) }).partial();

const fundOverrideSchema = z
  .strictObject({
    completionBand: completionBandSchema,
    growthBand: growthBandSchema,
    payableMonths: payableMonthsSchema,
    componentsCoverage: between(0, 1),
    severity: severityMap,
  })
  .partial();

/** The schema of a targets file: every key optional, unknown keys refused (a typo must not pass silently). */
export const targetsSchema = z
  .strictObject({
    completionBand: completionBandSchema,
    growthBand: growthBandSchema,
    payableMonths: payableMonthsSchema,
    componentsCoverage: between(0, 1),
    severity: severityMap,
    funds: z.record(z.string(), fundOverrideSchema),
    indicators: z.strictObject({ scoring: z.enum(["proportional", "all-or-nothing"], { error: 'expected "proportional" or "all-or-nothing"' }) }).partial(),
  })
  .partial();

export type TargetsInput = z.infer<typeof targetsSchema>;

function pathText(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join(".") : "(top level)";
}

function mergeFund(base: FundTargets, over: FundTargetsOverride | undefined): FundTargets {
  if (!over) return base;
  return {
    completionBand: { ...base.completionBand, ...over.completionBand },
    growthBand: { ...base.growthBand, ...over.growthBand },
    payableMonths: { ...base.payableMonths, ...over.payableMonths },
    componentsCoverage: over.componentsCoverage ?? base.componentsCoverage,
    severity: { ...base.severity, ...over.severity },
  };
}

/** Bands must be ordered; checked on the effective values, so a file that moves one edge is judged with the rest. */
function orderErrors(t: FundTargets, prefix: string): string[] {
  const errors: string[] = [];
  const b = t.completionBand;
  if (!(b.warningLow <= b.okLow)) errors.push(`${prefix}completionBand.warningLow: must not be above okLow (${b.warningLow} > ${b.okLow})`);
  if (!(b.okLow <= b.okHigh)) errors.push(`${prefix}completionBand.okLow: must not be above okHigh (${b.okLow} > ${b.okHigh})`);
  if (!(b.okHigh <= b.warningHigh)) errors.push(`${prefix}completionBand.warningHigh: must not be below okHigh (${b.warningHigh} < ${b.okHigh})`);
  if (!(t.growthBand.low <= t.growthBand.high)) errors.push(`${prefix}growthBand.low: must not be above high (${t.growthBand.low} > ${t.growthBand.high})`);
  if (!(t.payableMonths.warningBelow <= t.payableMonths.infoAbove))
    errors.push(`${prefix}payableMonths.warningBelow: must not be above infoAbove (${t.payableMonths.warningBelow} > ${t.payableMonths.infoAbove})`);
  return errors;
}

/** Reads a targets file (already JSON-parsed): the effective targets, or messages naming each wrong key. */
export function parseTargets(json: unknown): { ok: true; targets: Targets } | { ok: false; errors: string[] } {
  const parsed = targetsSchema.safeParse(json ?? {});
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const keys = (issue as { keys: string[] }).keys;
        return keys.map((k) => `${pathText([...issue.path, k])}: unknown key`).join("\n");
      }
      if (issue.code === "invalid_type" && issue.path.length === 0) return "(top level): expected an object";
      return `${pathText(issue.path)}: ${issue.message}`;
    });
    return { ok: false, errors: errors.flatMap((e) => e.split("\n")) };
  }
  const input = parsed.data;
  const base = mergeFund(DEFAULT_TARGETS, input as FundTargetsOverride);
  const targets: Targets = { ...base, funds: (input.funds ?? {}) as Record<string, FundTargetsOverride> };
  if (input.indicators) targets.indicators = { ...input.indicators };
  const errors = orderErrors(base, "");
  for (const [name, over] of Object.entries(targets.funds)) errors.push(...orderErrors(mergeFund(base, over), `funds.${name}.`));
  return errors.length ? { ok: false, errors } : { ok: true, targets };
}

/** A fund name folded for loose matching: width, case, spaces and a trailing 基金/fund dropped. */
export function fundKey(name: string): string {
  return toHalfWidth(name)
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/(基金|fund)$/, "");
}

/**
 * The targets that apply to one fund: the workbook's, with the override whose name matches the subject
 * (either contains the other, after folding; the longest name wins when several do).
 */
export function targetsFor(targets: Targets, subject: string): FundTargets {
  const names = Object.keys(targets.funds ?? {});
  if (names.length === 0) return targets;
  const key = fundKey(subject);
  let best: string | undefined;
  for (const name of names) {
    const k = fundKey(name);
    if (k === "" || key === "") continue;
    if (key.includes(k) || k.includes(key)) {
      if (best === undefined || k.length > fundKey(best).length) best = name;
    }
  }
  return best === undefined ? targets : mergeFund(targets, targets.funds[best]);
}
