/**
 * Targets: every threshold a rule uses, for the whole workbook and per fund, and each rule's severity (or "off").
 * Each rule declares its own threshold (key, fields, bounds, defaults, labels) in its file; the schema of a
 * targets file and DEFAULT_TARGETS are made here from the rule catalogue, so the file format (docs/reference.md)
 * follows the rules. Rates and bands are fractions (0.95 = 95%). A targets file holds only what it changes;
 * `parseTargets` fills the rest from the defaults and says which key is wrong when something is.
 */
import { z } from "zod";
import type { RuleId, Severity } from "./findings";
import type { ScoringRuleName } from "./indicators/targetValue";
import { toHalfWidth } from "./numbers";
import { FundThresholds, RULE_IDS, THRESHOLDS, WorkbookThresholds } from "./ruleCatalogue";
import { defaultOf, orderErrors, thresholdSchema } from "./rules/threshold";

export type SeverityOverride = Severity | "off";

export type CompletionBand = FundThresholds["completionBand"];
export type GrowthBand = FundThresholds["growthBand"];
export type PayableMonthsBand = FundThresholds["payableMonths"];

/** The thresholds one fund is checked against, and the rules' severities. */
export type FundTargets = FundThresholds & {
  /** Per-rule severity, replacing the rule's default; "off" silences the rule. */
  severity: Partial<Record<RuleId, SeverityOverride>>;
};

/** How an indicator's score is computed (docs/indicators.md); read by score-mismatch. */
export type IndicatorScoring = ScoringRuleName;

/** A fund's overrides: any threshold field, any rule's severity. */
export type FundTargetsOverride = { [K in keyof FundThresholds]?: FundThresholds[K] extends number ? number : Partial<FundThresholds[K]> } & {
  severity?: Partial<Record<RuleId, SeverityOverride>>;
};

export type Targets = FundTargets &
  WorkbookThresholds & {
    /** Overrides by fund name, matched loosely ("工伤保险" also matches "工伤保险基金"). */
    funds: Record<string, FundTargetsOverride>;
  };

const PER_FUND = THRESHOLDS.filter((t) => t.perFund);

export const DEFAULT_TARGETS: Targets = Object.freeze({
  ...Object.fromEntries(THRESHOLDS.map((t) => [t.key, defaultOf(t)])),
  severity: {},
  funds: {},
}) as Targets;

// ---- schema --------------------------------------------------------------------------------------------

const severityOverride = z.enum(["error", "warning", "info", "off"], { error: 'expected "error", "warning", "info" or "off"' });

const severityMap = z.record(z.string(), severityOverride).superRefine((map, ctx) => {
  for (const key of Object.keys(map)) {
    if (!(RULE_IDS as readonly string[]).includes(key)) {
      ctx.addIssue({ code: "custom", path: [key], message: `unknown rule id (known: ${RULE_IDS.join(", ")})` });
    }
  }
});

const fundOverrideSchema = z.strictObject({ ...Object.fromEntries(PER_FUND.map((t) => [t.key, thresholdSchema(t)])), severity: severityMap }).partial();

/** The schema of a targets file: every key optional, unknown keys refused (a typo must not pass silently). */
export const targetsSchema = z
  .strictObject({
    ...Object.fromEntries(THRESHOLDS.map((t) => [t.key, thresholdSchema(t)])),
    severity: severityMap,
    funds: z.record(z.string(), fundOverrideSchema),
  })
  .partial();

/** A targets file as written: only what it changes. */
export type TargetsInput = { [K in keyof FundThresholds]?: FundTargetsOverride[K] } & { [K in keyof WorkbookThresholds]?: Partial<WorkbookThresholds[K]> } & {
  severity?: Partial<Record<RuleId, SeverityOverride>>;
  funds?: Record<string, FundTargetsOverride>;
};

function pathText(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join(".") : "(top level)";
}

/** A threshold with some of its fields overridden (a group merges field by field; a single value replaces). */
function mergeThreshold(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (typeof base === "object" && base !== null) return { ...base, ...(over as object) };
  return over;
}

function mergeFund<T extends FundTargets>(base: T, over: FundTargetsOverride | undefined): T {
  if (!over) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const t of PER_FUND) merged[t.key] = mergeThreshold((base as Record<string, unknown>)[t.key], (over as Record<string, unknown>)[t.key]);
  merged.severity = { ...base.severity, ...over.severity };
  return merged as T;
}

/** Edges must keep their order; checked on the effective values, so a file that moves one edge is judged with the rest. */
function edgeErrors(t: Record<string, unknown>, prefix: string): string[] {
  return THRESHOLDS.flatMap((threshold) => orderErrors(threshold, t[threshold.key], prefix));
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
  const input = parsed.data as Record<string, unknown>;
  const effective: Record<string, unknown> = { ...DEFAULT_TARGETS };
  for (const t of THRESHOLDS) effective[t.key] = mergeThreshold(effective[t.key], input[t.key]);
  effective.severity = { ...(input.severity as object) };
  effective.funds = { ...(input.funds as object) };
  const targets = effective as Targets;
  const errors = edgeErrors(effective, "");
  for (const [name, over] of Object.entries(targets.funds)) errors.push(...edgeErrors(mergeFund(targets, over), `funds.${name}.`));
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
export function targetsFor(targets: Targets, subject: string): Targets {
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
