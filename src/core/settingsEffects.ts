/**
 * How the settings in effect make a check differ from the default one, where that can hide a problem: a rule
 * turned off, a severity lowered, a threshold loosened (each threshold field declares which side is looser), a
 * choice changed, columns chosen by hand. A workbook's stored settings could otherwise silence its own check, so
 * every output names these (docs/reference.md, "Settings that change the checks"). Tighter settings are not named:
 * they hide nothing.
 */
import type { Severity } from "./findings";
import { severityRank } from "./findings";
import { pctPlain } from "./rules/figureText";
import { RULE_CATALOGUE, RuleId } from "./ruleCatalogue";
import { fieldsOf, Field } from "./rules/threshold";
import type { Targets } from "./targets";
import { Lang, Message, severityLabel } from "./words";

/** Where settings came from: the workbook's settings sheet, or given for this run (--targets / --mapping, the pane's session). */
export type SettingsOrigin = "workbook" | "given";

interface EffectBase {
  origin: SettingsOrigin;
  /** A fund's override (`funds.<name>`); absent for the whole workbook. */
  fund?: string;
}

export type SettingsEffect =
  | (EffectBase & { kind: "rule-off"; rule: RuleId })
  | (EffectBase & { kind: "severity-lowered"; rule: RuleId; severity: Severity; default: Severity })
  | (EffectBase & { kind: "threshold-loosened" | "threshold-changed"; key: string; value: number | string; default: number | string })
  | { kind: "columns-mapped"; origin: SettingsOrigin; sheet: string };

function severityEffects(severity: Targets["severity"] | undefined, base: EffectBase): SettingsEffect[] {
  const out: SettingsEffect[] = [];
  for (const rule of RULE_CATALOGUE) {
    const set = severity?.[rule.id];
    if (set === undefined) continue;
    if (set === "off") out.push({ ...base, kind: "rule-off", rule: rule.id });
    else if (severityRank(set) > severityRank(rule.severity)) out.push({ ...base, kind: "severity-lowered", rule: rule.id, severity: set, default: rule.severity });
  }
  return out;
}

function looser(field: Field, value: unknown): "threshold-loosened" | "threshold-changed" | undefined {
  if (value === undefined || value === field.default) return undefined;
  if (field.kind === "choice") {
    if (!field.looser) return "threshold-changed";
    return (field.looser as readonly unknown[]).includes(value) ? "threshold-loosened" : undefined;
  }
  if (typeof value !== "number") return undefined;
  return (field.looser === "lower" ? value < field.default : value > field.default) ? "threshold-loosened" : undefined;
}

function thresholdEffects(values: Record<string, unknown>, base: EffectBase, perFundOnly: boolean): SettingsEffect[] {
  const out: SettingsEffect[] = [];
  for (const rule of RULE_CATALOGUE) {
    if (!rule.threshold || (perFundOnly && !rule.threshold.perFund)) continue;
    for (const { path, field } of fieldsOf(rule.threshold)) {
      const group = values[path[0]];
      const value = path.length === 1 ? group : (group as Record<string, unknown> | undefined)?.[path[1]];
      const kind = looser(field, value);
      if (kind) out.push({ ...base, kind, key: path.join("."), value: value as number | string, default: field.default });
    }
  }
  return out;
}

/**
 * What `targets` (the effective targets, as parseTargets gives them) and a column mapping loosen or change,
 * against the defaults. `sheets`: the sheets checked, so that a mapping of a sheet the workbook lacks is not named.
 */
export function settingsEffects(
  targets: { value?: Targets; origin: SettingsOrigin },
  mapping: { value?: Record<string, Record<string, string>>; origin: SettingsOrigin } = { origin: "given" },
  sheets?: readonly string[]
): SettingsEffect[] {
  const out: SettingsEffect[] = [];
  const t = targets.value;
  if (t) {
    const base: EffectBase = { origin: targets.origin };
    out.push(...severityEffects(t.severity, base));
    out.push(...thresholdEffects(t as unknown as Record<string, unknown>, base, false));
    for (const [fund, over] of Object.entries(t.funds ?? {})) {
      const fundBase: EffectBase = { origin: targets.origin, fund };
      out.push(...severityEffects(over.severity, fundBase));
      out.push(...thresholdEffects(over as unknown as Record<string, unknown>, fundBase, true));
    }
  }
  for (const [sheet, columns] of Object.entries(mapping.value ?? {})) {
    if (Object.keys(columns).length === 0 || (sheets && !sheets.includes(sheet))) continue;
    out.push({ kind: "columns-mapped", origin: mapping.origin, sheet });
  }
  return out;
}

function fieldOf(key: string): Field | undefined {
  for (const rule of RULE_CATALOGUE) {
    if (!rule.threshold) continue;
    for (const entry of fieldsOf(rule.threshold)) if (entry.path.join(".") === key) return entry.field;
  }
  return undefined;
}

function shown(key: string, value: number | string): string {
  const field = fieldOf(key);
  return typeof value === "number" && field?.kind === "percent" ? pctPlain(value) : String(value);
}

/** One effect in words: "关闭规则 completion-band（工伤保险）" / "rule completion-band off (工伤保险)". */
export function effectText(e: SettingsEffect): Message {
  const fund = "fund" in e && e.fund !== undefined ? { zh: `（${e.fund}）`, en: ` (${e.fund})` } : { zh: "", en: "" };
  switch (e.kind) {
    case "rule-off":
      return { zh: `关闭规则 ${e.rule}${fund.zh}`, en: `rule ${e.rule} off${fund.en}` };
    case "severity-lowered":
      return {
        zh: `规则 ${e.rule} 由${severityLabel(e.default, "zh")}降为${severityLabel(e.severity, "zh")}${fund.zh}`,
        en: `rule ${e.rule} reported as ${severityLabel(e.severity, "en")} instead of ${severityLabel(e.default, "en")}${fund.en}`,
      };
    case "threshold-loosened":
    case "threshold-changed": {
      const change = `${shown(e.key, e.default)} → ${shown(e.key, e.value)}`;
      return e.kind === "threshold-loosened"
        ? { zh: `放宽 ${e.key}：${change}${fund.zh}`, en: `${e.key} loosened: ${change}${fund.en}` }
        : { zh: `更改 ${e.key}：${change}${fund.zh}`, en: `${e.key} changed: ${change}${fund.en}` };
    }
    case "columns-mapped":
      return { zh: `工作表「${e.sheet}」的列角色由手工指定`, en: `columns of sheet "${e.sheet}" set by hand` };
  }
}

/** The sentence every output shows for a check's effects, one per origin (workbook first). */
export function effectsSentences(effects: readonly SettingsEffect[], lang: Lang): string[] {
  const out: string[] = [];
  for (const origin of ["workbook", "given"] as const) {
    const mine = effects.filter((e) => e.origin === origin);
    if (!mine.length) continue;
    const items = mine.map((e) => effectText(e)[lang]);
    const head =
      origin === "workbook"
        ? { zh: "本工作簿保存的设置改变了校验：", en: "Settings stored in this workbook change the checks: " }
        : { zh: "本次指定的设置改变了校验：", en: "Settings given for this run change the checks: " };
    out.push(head[lang] + items.join(lang === "zh" ? "；" : "; "));
  }
  return out;
}

/** The add-in's own sheets left out, in one sentence; undefined when there were none. */
export function skippedSentence(skipped: readonly { name: string; as: "settings" | "report" }[] | undefined, lang: Lang): string | undefined {
  if (!skipped?.length) return undefined;
  const what = { settings: { zh: "设置", en: "settings" }, report: { zh: "校验报告", en: "report" } };
  const items = skipped.map((s) => (lang === "zh" ? `「${s.name}」（${what[s.as].zh}）` : `"${s.name}" (${what[s.as].en})`));
  return lang === "zh" ? `未校验加载项自己的工作表：${items.join("、")}` : `Not checked, the add-in's own sheets: ${items.join(", ")}`;
}

/**
 * Everything that makes a result cover less than a default check of every sheet, in words, one line each: the
 * settings' effects (effectsSentences), then the add-in's own sheets left out (skippedSentence).
 */
export function scopeNotes(result: { skipped?: readonly { name: string; as: "settings" | "report" }[]; settings?: readonly SettingsEffect[] }, lang: Lang): string[] {
  const out = effectsSentences(result.settings ?? [], lang);
  const skipped = skippedSentence(result.skipped, lang);
  if (skipped) out.push(skipped);
  return out;
}
