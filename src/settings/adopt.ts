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
 * A validator's message (parseTargets, parseMapping, decodeSettings write English: the file format's own words) in
 * Chinese, for a run in Chinese. Keys, rule ids and values stay as written; a message not known here stays English.
 */
export function settingsErrorZh(message: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^\(top level\)/, () => "（顶层）"],
    [/: unknown key$/, () => "：未知的键"],
    [/: expected an object$/, () => "：应为一个对象"],
    [/: expected a number between (\S+) and (\S+) \(a fraction: use (\S+) for (\S+)\)$/, (_, a, b, c, d) => `：应为 ${a} 到 ${b} 之间的小数（${d} 应写作 ${c}）`],
    [/: expected a number between (\S+) and (\S+)$/, (_, a, b) => `：应为 ${a} 到 ${b} 之间的数`],
    [/: expected one of (.*)$/, (_, list) => `：应为以下之一：${list}`],
    [/: expected a column letter such as C$/, () => "：应为列字母（如 C）"],
    [/: expected (".*)$/, (_, list) => `：应为 ${list.replace(/ or /, " 或 ")}`],
    [/: unknown rule id \(known: (.*)\)$/, (_, list) => `：未知的规则编号（已知：${list}）`],
    [/: must not be above (\S+) (\(.*\))$/, (_, other, v) => `：不能大于 ${other} ${v}`],
    [/: must not be below (\S+) (\(.*\))$/, (_, other, v) => `：不能小于 ${other} ${v}`],
    [/: not valid JSON$/, () => "：不是有效的 JSON"],
    [/: (\d+) characters, over the limit of (\d+)$/, (_, n, limit) => `：${n} 个字符，超过上限 ${limit}`],
    [/: a key of (\d+) characters, over the limit of (\d+)$/, (_, n, limit) => `：有一个键长 ${n} 个字符，超过上限 ${limit}`],
  ];
  let out = message.replace(/^\(top level\)/, "（顶层）");
  for (const [pattern, zh] of rules.slice(1)) {
    const m = pattern.exec(out);
    if (m) {
      out = out.slice(0, m.index) + zh(...m);
      break;
    }
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
    return `${what}（${sheet}）有误：${p.errors.map(settingsErrorZh).join("；")}；${p.instead === "defaults" ? "改用默认值" : "未使用"}`;
  }
  const what = p.part === "settings" ? "stored settings" : `stored ${p.part}`;
  return `${what} (${sheet}): ${p.errors.join("; ")}; ${p.instead === "defaults" ? "using the defaults" : "ignored"}`;
}
