/** The CLI's own words (formats, help, errors) in zh and en. Words every surface shares are in src/core/words.ts. */
import type { SheetKind } from "../core/api";
import { CHART_WORDS, FINDING_WORDS, INLINE_WORDS, Lang, SHEET_KIND_WORDS, fillIn } from "../core/words";
import type { FileResult } from "./fileResult";

export { severityHeading, severityLabel } from "../core/words";

export function kindLabel(k: SheetKind, lang: Lang): string {
  return (SHEET_KIND_WORDS[k] ?? { zh: k, en: k })[lang];
}

export const T = {
  headerRow: { zh: "表头第 {n} 行", en: "header row {n}" },
  noFindings: { zh: "未发现问题", en: "no findings" },
  summary: { zh: "汇总：错误 {error}，警告 {warning}，提示 {info}", en: "Summary: {error}, {warning}, {info}" },
  total: { zh: "共 {files} 个文件：错误 {error}，警告 {warning}，提示 {info}", en: "{files}: {error}, {warning}, {info}" },
  unreadable: { zh: "{n} 个文件无法读取", en: "{n} file(s) could not be read" },
  otherFindings: { zh: "（其他）", en: "(other)" },
  title: { zh: "社保基金绩效报表校验报告", en: "Fund performance check report" },
  chartTitle: { zh: "预算与支出", en: "Budget vs actual" },
  chartTitleIncome: { zh: "收入与支出", en: "Income vs expenditure" },
  chartUnit: { zh: "（{unit}）", en: " ({unit})" },
  chartIncome: { zh: "收入", en: "Income" },
  chartExpenditure: { zh: "支出", en: "Expenditure" },
  chartFirst: { zh: "仅画出前{shown}项，共{total}项", en: "the first {shown} of {total} shown" },
  findings: { zh: "发现的问题", en: "Findings" },
  reportText: { zh: "报告文本（{n} 个项目{unit}）", en: "Report text ({n} subjects{unit})" },
  reportUnit: { zh: "，金额单位：{unit}", en: ", amounts in {unit}" },
  lineNo: { zh: "第 {n} 行", en: "line {n}" },
  figures: { zh: "从文本读出的数字", en: "Figures read from the text" },
  ...FINDING_WORDS,
  observedInline: INLINE_WORDS.observed,
  expectedInline: INLINE_WORDS.expected,
  chartBudget: CHART_WORDS.budget,
  chartActual: CHART_WORDS.actual,
} as const;

/** English counts with their noun, singular or plural ("1 warning", "2 warnings"; info is uncountable). */
const EN_NOUNS: Record<string, [string, string]> = { error: ["error", "errors"], warning: ["warning", "warnings"], info: ["info", "info"], files: ["file", "files"] };

/**
 * The summary line of findings (`summary`, or `total` over several files) in `lang`: in English each count carries
 * its noun in the right number.
 */
export function countsLine(key: "summary" | "total", counts: { error: number; warning: number; info: number; files?: number }, lang: Lang): string {
  const vars: Record<string, string | number> = { ...counts };
  if (lang === "en") for (const [name, [one, many]] of Object.entries(EN_NOUNS)) if (name in counts) vars[name] = `${vars[name]} ${vars[name] === 1 ? one : many}`;
  return t(key, lang, vars);
}

export function t(key: keyof typeof T, lang: Lang, vars: Record<string, string | number> = {}): string {
  return fillIn(T[key][lang], vars);
}

/** The heading a report text's findings go under, in place of a sheet's ("报告文本（6 个项目，金额单位：万元）"). */
export function reportTextTitle(reportText: NonNullable<FileResult["reportText"]>, lang: Lang): string {
  const unit = reportText.unit ? t("reportUnit", lang, { unit: reportText.unit }) : "";
  return t("reportText", lang, { n: reportText.figures.length, unit });
}
