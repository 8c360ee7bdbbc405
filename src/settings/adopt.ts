/**
 * The one way to turn what the settings sheet holds into the settings a check uses: targets through parseTargets,
 * the mapping through parseMapping, and what could not be used as problems (the defaults apply instead). The CLI
 * and the task pane both call it, so a workbook's stored settings mean the same everywhere. Loads the validators
 * (zod): callers that may not need it load this module on demand.
 */
import type { ColumnMapping } from "../core/api";
import { parseMapping } from "../core/mapping";
import { parseTargets, Targets, TargetsInput } from "../core/targets";
import type { DecodedSettings } from "./workbookSettings";

export interface SettingsProblem {
  /** What could not be used: the sheet's content as a whole, the targets or the mapping. */
  part: "settings" | "targets" | "mapping";
  /** Each wrong key or the reason, as parseTargets / parseMapping / decodeSettings say it. */
  errors: string[];
  /** What applies instead: the default targets, or no mapping (the columns as detected). */
  instead: "defaults" | "ignored";
}

export interface AdoptedSettings {
  /** The effective targets, when stored targets could be used. */
  targets?: Targets;
  /** The stored targets as written (only what they change), for the Targets tab. */
  targetsInput?: TargetsInput;
  mapping?: ColumnMapping;
  problems: SettingsProblem[];
}

export function adoptSettings(decoded: DecodedSettings | undefined): AdoptedSettings {
  const out: AdoptedSettings = { problems: [] };
  if (!decoded) return out;
  for (const p of decoded.problems) out.problems.push({ part: "settings", errors: [p], instead: "defaults" });
  if (decoded.targets !== undefined) {
    const parsed = parseTargets(decoded.targets);
    if (parsed.ok) {
      out.targets = parsed.targets;
      out.targetsInput = decoded.targets as TargetsInput;
    } else out.problems.push({ part: "targets", errors: parsed.errors, instead: "defaults" });
  }
  if (decoded.mapping !== undefined) {
    const parsed = parseMapping(decoded.mapping);
    if (parsed.ok) out.mapping = parsed.mapping;
    else out.problems.push({ part: "mapping", errors: parsed.errors, instead: "ignored" });
  }
  return out;
}

/**
 * A problem in one line, as the CLI's stderr and the pane's notice say it, in the run's language (the keys and
 * the validators' reasons are the file format's own words).
 */
export function problemText(p: SettingsProblem, sheet: string, lang: "zh" | "en" = "en"): string {
  if (lang === "zh") {
    const what = p.part === "settings" ? "保存的设置" : p.part === "targets" ? "保存的目标值" : "保存的列映射";
    return `${what}（${sheet}）有误：${p.errors.join("；")}；${p.instead === "defaults" ? "改用默认值" : "未使用"}`;
  }
  const what = p.part === "settings" ? "stored settings" : `stored ${p.part}`;
  return `${what} (${sheet}): ${p.errors.join("; ")}; ${p.instead === "defaults" ? "using the defaults" : "ignored"}`;
}
