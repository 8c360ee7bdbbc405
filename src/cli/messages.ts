/** The CLI's own words (formats, help, errors) in zh and en. Finding messages come from the core. */
import type { Severity } from "../core/findings";
import type { SheetKind } from "../core/api";
import type { FileReport, Lang } from "./report";

const SEVERITY: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "Errors" },
  warning: { zh: "警告", en: "Warnings" },
  info: { zh: "提示", en: "Info" },
};

const SEVERITY_ONE: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

const KIND: Record<SheetKind, { zh: string; en: string }> = {
  fund: { zh: "基金表", en: "fund table" },
  indicator: { zh: "绩效指标表", en: "indicator table" },
  notes: { zh: "无表格", en: "no table" },
  empty: { zh: "空表", en: "empty" },
};

export function severityHeading(s: Severity, lang: Lang): string {
  return SEVERITY[s][lang];
}

export function severityLabel(s: Severity, lang: Lang): string {
  return SEVERITY_ONE[s][lang];
}

export function kindLabel(k: SheetKind, lang: Lang): string {
  return (KIND[k] ?? { zh: k, en: k })[lang];
}

export const T = {
  sheet: { zh: "工作表", en: "Sheet" },
  headerRow: { zh: "表头第 {n} 行", en: "header row {n}" },
  noFindings: { zh: "未发现问题", en: "no findings" },
  observed: { zh: "实际", en: "observed" },
  expected: { zh: "应为", en: "expected" },
  summary: { zh: "汇总：错误 {error}，警告 {warning}，提示 {info}", en: "Summary: {error} errors, {warning} warnings, {info} info" },
  total: { zh: "共 {files} 个文件：错误 {error}，警告 {warning}，提示 {info}", en: "{files} files: {error} errors, {warning} warnings, {info} info" },
  unreadable: { zh: "{n} 个文件无法读取", en: "{n} file(s) could not be read" },
  otherFindings: { zh: "（其他）", en: "(other)" },
  title: { zh: "社保基金绩效报表校验报告", en: "Fund performance check report" },
  chartTitle: { zh: "预算与支出（{unit}）", en: "Budget vs actual ({unit})" },
  chartFirst: { zh: "仅画出前{shown}项，共{total}项", en: "the first {shown} of {total} shown" },
  budget: { zh: "预算", en: "Budget" },
  actual: { zh: "支出", en: "Actual" },
  file: { zh: "文件", en: "File" },
  cell: { zh: "单元格", en: "Cell" },
  rule: { zh: "规则", en: "Rule" },
  severity: { zh: "级别", en: "Severity" },
  subject: { zh: "项目", en: "Subject" },
  message: { zh: "说明", en: "Message" },
  findings: { zh: "发现的问题", en: "Findings" },
  reportText: { zh: "报告文本（{n} 个项目{unit}）", en: "Report text ({n} subjects{unit})" },
  reportUnit: { zh: "，金额单位：{unit}", en: ", amounts in {unit}" },
  lineNo: { zh: "第 {n} 行", en: "line {n}" },
  line: { zh: "行", en: "Line" },
  quote: { zh: "原文", en: "Quoted sentence" },
  figures: { zh: "从文本读出的数字", en: "Figures read from the text" },
  statedCompletion: { zh: "所述完成率", en: "Stated completion" },
  change: { zh: "比上年增减", en: "Change on last year" },
  statedGrowth: { zh: "所述增幅", en: "Stated growth" },
  income: { zh: "收入", en: "Income" },
  balance: { zh: "累计结余", en: "Balance" },
  components: { zh: "其中", en: "Components" },
} as const;

export function t(key: keyof typeof T, lang: Lang, vars: Record<string, string | number> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}

/** The heading a report text's findings go under, in place of a sheet's ("报告文本（6 个项目，金额单位：万元）"). */
export function reportTextTitle(reportText: NonNullable<FileReport["reportText"]>, lang: Lang): string {
  const unit = reportText.unit ? t("reportUnit", lang, { unit: reportText.unit }) : "";
  return t("reportText", lang, { n: reportText.figures.length, unit });
}
