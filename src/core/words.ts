/**
 * The words more than one surface shows (CLI text, HTML and CSV, the task pane, the report sheet, the figures
 * sheet): one catalogue, so that a severity, "observed" or a column is named the same everywhere. Each surface
 * keeps its own words (buttons, help) in its own catalogue (src/output/messages.ts, src/taskpane/i18n.ts).
 */
import type { Severity } from "./findings";
import type { SheetKind } from "./api";

/** The two languages of every text the product shows. */
export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];

/** A text in both languages. */
export type Message = { [L in Lang]: string };

/** A severity as a label of one finding ("错误" / "error") and as a heading over several ("错误" / "Errors"). */
export const SEVERITY_WORDS: Record<Severity, { one: Message; heading: Message }> = {
  error: { one: { zh: "错误", en: "error" }, heading: { zh: "错误", en: "Errors" } },
  warning: { one: { zh: "警告", en: "warning" }, heading: { zh: "警告", en: "Warnings" } },
  info: { one: { zh: "提示", en: "info" }, heading: { zh: "提示", en: "Info" } },
};

export function severityLabel(severity: Severity, lang: Lang): string {
  return SEVERITY_WORDS[severity].one[lang];
}

export function severityHeading(severity: Severity, lang: Lang): string {
  return SEVERITY_WORDS[severity].heading[lang];
}

/** What a sheet was read as. */
export const SHEET_KIND_WORDS: Record<SheetKind, Message> = {
  fund: { zh: "基金表", en: "fund table" },
  indicator: { zh: "绩效指标表", en: "indicator table" },
  notes: { zh: "无表格", en: "no table" },
  empty: { zh: "空表", en: "empty" },
};

/** The columns of a finding wherever findings are listed as a table (HTML, CSV headers in words, report sheet). */
export const FINDING_WORDS = {
  file: { zh: "文件", en: "File" },
  sheet: { zh: "工作表", en: "Sheet" },
  cell: { zh: "单元格", en: "Cell" },
  line: { zh: "行", en: "Line" },
  rule: { zh: "规则", en: "Rule" },
  severity: { zh: "级别", en: "Severity" },
  subject: { zh: "项目", en: "Subject" },
  observed: { zh: "实际", en: "Observed" },
  expected: { zh: "应为", en: "Expected" },
  message: { zh: "说明", en: "Message" },
  quote: { zh: "原文", en: "Quoted sentence" },
} as const satisfies Record<string, Message>;

/** Observed and expected inside a sentence: "（实际 131%；应为 202.5%）", " (observed 131%; expected 202.5%)". */
export const INLINE_WORDS = {
  observed: { zh: "实际", en: "observed" },
  expected: { zh: "应为", en: "expected" },
} as const satisfies Record<string, Message>;

/** The figures read from report text, as their columns are headed (HTML, the pane's table, CSV, figures sheet). */
export const FIGURE_WORDS = {
  subject: { zh: "险种", en: "Fund" },
  line: { zh: "行", en: "Line" },
  budget: { zh: "预算支出", en: "Budget" },
  actual: { zh: "实际支出", en: "Actual" },
  statedCompletion: { zh: "报告完成率", en: "Stated completion" },
  change: { zh: "比上年增减", en: "Stated change" },
  statedGrowth: { zh: "报告增幅", en: "Stated growth" },
  income: { zh: "收入", en: "Income" },
  balance: { zh: "累计结余", en: "Accumulated balance" },
  components: { zh: "其中", en: "Components" },
  unit: { zh: "单位", en: "Unit" },
} as const satisfies Record<string, Message>;

/** The budget-vs-actual chart (HTML report, report sheet). */
export const CHART_WORDS = {
  fund: { zh: "险种", en: "Fund" },
  budget: { zh: "预算数", en: "Budget" },
  actual: { zh: "执行数", en: "Actual" },
} as const satisfies Record<string, Message>;

/** Fills {placeholders}; an unknown one stays as written. */
export function fillIn(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
