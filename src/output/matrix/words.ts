/** The matrix outputs' words (zh, en) and how a cell's value is written. */
import type { Lang } from "../../core/words";
import type { Band, Matrix, MatrixCell, Measure } from "../../core/matrix";

export const MW = {
  title: { zh: "各县基金核对矩阵", en: "Counties × funds check matrix" },
  county: { zh: "县（市、区）", en: "County" },
  worstFund: { zh: "最差基金", en: "Worst fund" },
  worstCounty: { zh: "最差的县", en: "Worst county" },
  summaryRow: { zh: "各县合计", en: "All counties" },
  unreadable: { zh: "无法读取", en: "unreadable" },
  noWorkbook: { zh: "无报表", en: "no workbook" },
  missing: { zh: "缺少", en: "missing" },
  noFigure: { zh: "无数", en: "no figure" },
  other: { zh: "其他问题", en: "Other findings" },
  consistency: { zh: "跨文件核对（汇总表与各县报表）", en: "Across files (consolidation vs county workbooks)" },
  sheetMatrix: { zh: "各工作表作为县：生成矩阵工作表", en: "Sheets as counties: write the matrix sheet" },
  sheetMatrixName: { zh: "县基金矩阵", en: "County matrix" },
  sheetMatrixWritten: { zh: "矩阵已写入工作表“{sheet}”（{n} 个县）。", en: "Matrix written to sheet “{sheet}” ({n} counties)." },
  noFindings: { zh: "此项未发现问题", en: "No findings for this fund" },
  noMismatch: { zh: "汇总表与各县报表一致", en: "The consolidation agrees with the county workbooks" },
  noConsolidation: { zh: "本批文件中没有汇总表（各县为行的表）", en: "No consolidation (a table with counties as rows) in the batch" },
  consolidation: { zh: "汇总表", en: "Consolidation" },
  notes: { zh: "未能核对的内容", en: "Not compared" },
  findings: { zh: "全部问题", en: "All findings" },
  file: { zh: "文件", en: "File" },
  sheet: { zh: "工作表", en: "Sheet" },
  cell: { zh: "单元格", en: "Cell" },
  rule: { zh: "规则", en: "Rule" },
  severity: { zh: "级别", en: "Severity" },
  subject: { zh: "项目", en: "Subject" },
  message: { zh: "说明", en: "Message" },
  fund: { zh: "基金", en: "Fund" },
  status: { zh: "状态", en: "Status" },
  value: { zh: "数值", en: "Value" },
  band: { zh: "区间", en: "Band" },
  errors: { zh: "错误", en: "errors" },
  warnings: { zh: "警告", en: "warnings" },
  info: { zh: "提示", en: "info" },
  totals: { zh: "共 {files} 个文件：错误 {error}，警告 {warning}，提示 {info}，无法读取 {unreadable}", en: "{files} files: {error} errors, {warning} warnings, {info} info, {unreadable} unreadable" },
  budget: { zh: "预算数", en: "Budget" },
  actual: { zh: "执行数", en: "Actual" },
  chart: { zh: "预算与执行：各基金在可读取的各县报表中的合计（万元）", en: "Budget vs actual: each fund summed over the county workbooks that could be read (万元)" },
} as const;

export const MEASURE_WORDS: Record<Measure, { zh: string; en: string }> = {
  completion: { zh: "预算完成率", en: "completion rate" },
  growth: { zh: "比上年增幅", en: "growth on the prior year" },
  "payable-months": { zh: "累计结余可支付月数", en: "months the balance covers" },
};

export const BAND_WORDS: Record<Band, { zh: string; en: string }> = {
  ok: { zh: "正常", en: "ok" },
  info: { zh: "提示", en: "note" },
  warning: { zh: "警告", en: "warning" },
  error: { zh: "错误", en: "error" },
  none: { zh: "无数", en: "no figure" },
};

export function w(key: keyof typeof MW, lang: Lang, vars: Record<string, string | number> = {}): string {
  return MW[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** 0.981 → "98.1%" (completion, growth), 12.34 → "12.3" (months); "—" when there is none. */
export function valueText(v: number | null, measure: Measure): string {
  if (v === null || !Number.isFinite(v)) return "—";
  if (measure === "payable-months") return v.toFixed(1);
  const pct = (v * 100).toFixed(1);
  return measure === "growth" && v > 0 ? `+${pct}%` : `${pct}%`;
}

/** The counts behind a cell, short: "E2 W1 I1" (empty when none). */
export function countsText(c: { errors: number; warnings: number; info: number }): string {
  return [c.errors ? `E${c.errors}` : "", c.warnings ? `W${c.warnings}` : "", c.info ? `I${c.info}` : ""].filter(Boolean).join(" ");
}

/** What a county × fund cell shows when it has no cell: unreadable, no workbook, or missing. */
export function absentText(m: Matrix, county: Matrix["counties"][number], lang: Lang): string {
  void m;
  if (county.unreadable) return w("unreadable", lang);
  if (county.noWorkbook) return w("noWorkbook", lang);
  return w("missing", lang);
}

export type { MatrixCell };
