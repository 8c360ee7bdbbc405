/**
 * The custom functions (namespace FUND; README, Custom functions): thin wrappers around the core's exact
 * arithmetic (src/core/fundMath.ts) and indicator targets (src/core/indicators/targetValue.ts).
 *
 * Each function declares its parameters once (name, kind, default, bounds) with defineFunction (parameters.ts),
 * which reads every argument the same way: a single value or a range (broadcast element by element, results
 * spill), text figures, blanks as #N/A "missing value" (Excel desktop passes a blank as 0, which cannot be told
 * apart), and #VALUE! naming the argument. Nothing here throws: errors are CustomFunctions.Error values in the
 * element's position.
 *
 * The exported functions stay plain functions with their JSDoc: custom-functions-metadata-plugin generates
 * functions.json from those comments and the parameters' names (arguments are typed any[][] so that a value or a
 * range is accepted), and appends the CustomFunctions.associate calls to the built file. The Chinese metadata is
 * derived from it at build time (zhMetadataPlugin.js + zh-CN.strings.json).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values */
import Decimal from "decimal.js";
import * as fm from "../core/fundMath";
import { roundHalfUp } from "../core/numbers";
import { judge, scoreIndicator } from "../core/indicators/targetValue";
import { excelError } from "./excelErrors";
import { missing, toCell } from "./cells";
import { defineFunction } from "./parameters";
import { EXECUTION_LABELS, functionsLanguage } from "./language";
import { fastDifference, fastGrowth, fastQuotient } from "./fastExact";

const COMPLETION_RATE = defineFunction({
  id: "COMPLETION_RATE",
  parameters: [
    { name: "actual", kind: "number" },
    { name: "budget", kind: "number" },
  ],
  fast: fastQuotient,
  compute: (actual, budget) => toCell(fm.completionRate(actual, budget)),
});

/**
 * Completion rate (预算完成率) = actual ÷ budget, as a fraction (1.039 = 103.9%).
 * @customfunction COMPLETION_RATE COMPLETION_RATE
 * @param actual Actual spending (执行数/决算数): a number, a text figure such as "4,568", or a range.
 * @param budget Budget (预算数): a number, a text figure, or a range of the same shape. A budget of 0 gives #DIV/0!.
 * @returns The completion rate, element by element.
 */
export function completionRate(actual: any[][], budget: any[][]): any[][] {
  return COMPLETION_RATE(actual, budget);
}

const YOY_GROWTH = defineFunction({
  id: "YOY_GROWTH",
  parameters: [
    { name: "current", kind: "number" },
    { name: "prior", kind: "number" },
  ],
  fast: fastGrowth,
  compute: (current, prior) => toCell(fm.yoyGrowth(current, prior)),
});

/**
 * Year-on-year growth (增幅) = (current − prior) ÷ |prior|, as a fraction.
 * @customfunction YOY_GROWTH YOY_GROWTH
 * @param current This year's figure: a number, a text figure, or a range.
 * @param prior Last year's figure (上年数). A prior of 0 gives #DIV/0!.
 * @returns The growth rate, element by element.
 */
export function yoyGrowth(current: any[][], prior: any[][]): any[][] {
  return YOY_GROWTH(current, prior);
}

const YOY_CHANGE = defineFunction({
  id: "YOY_CHANGE",
  parameters: [
    { name: "current", kind: "number" },
    { name: "prior", kind: "number" },
  ],
  fast: fastDifference,
  compute: (current, prior) => toCell(fm.yoyChange(current, prior)),
});

/**
 * Year-on-year change (增减额) = current − prior, exact.
 * @customfunction YOY_CHANGE YOY_CHANGE
 * @param current This year's figure: a number, a text figure, or a range.
 * @param prior Last year's figure (上年数).
 * @returns The change, element by element.
 */
export function yoyChange(current: any[][], prior: any[][]): any[][] {
  return YOY_CHANGE(current, prior);
}

const BUDGET_VARIANCE = defineFunction({
  id: "BUDGET_VARIANCE",
  parameters: [
    { name: "actual", kind: "number" },
    { name: "budget", kind: "number" },
  ],
  fast: fastDifference,
  compute: (actual, budget) => toCell(fm.budgetVariance(actual, budget)),
});

/**
 * Budget variance = actual − budget, exact.
 * @customfunction BUDGET_VARIANCE BUDGET_VARIANCE
 * @param actual Actual spending: a number, a text figure, or a range.
 * @param budget Budget.
 * @returns Actual minus budget, element by element.
 */
export function budgetVariance(actual: any[][], budget: any[][]): any[][] {
  return BUDGET_VARIANCE(actual, budget);
}

const PRIOR_FROM_GROWTH = defineFunction({
  id: "PRIOR_FROM_GROWTH",
  parameters: [
    { name: "current", kind: "number" },
    { name: "growth", kind: "number" },
  ],
  compute: (current, growth) => toCell(fm.priorFromGrowth(current, growth)),
});

/**
 * The prior-year figure implied by a stated growth: current ÷ (1 + growth).
 * @customfunction PRIOR_FROM_GROWTH PRIOR_FROM_GROWTH
 * @param current This year's figure: a number, a text figure, or a range.
 * @param growth The stated growth as a fraction or percent text (0.11 or "11%"). −100% gives #DIV/0!.
 * @returns The implied prior-year figure, element by element.
 */
export function priorFromGrowth(current: any[][], growth: any[][]): any[][] {
  return PRIOR_FROM_GROWTH(current, growth);
}

const CAGR = defineFunction({
  id: "CAGR",
  parameters: [
    { name: "end", kind: "number" },
    { name: "start", kind: "number" },
    { name: "years", kind: "number" },
  ],
  compute: (end, start, years) => toCell(fm.cagr(end, start, years)),
});

/**
 * Compound annual growth (年均增长) = (end ÷ start)^(1/years) − 1.
 * @customfunction CAGR CAGR
 * @param end The figure at the end of the period.
 * @param start The figure at the start of the period. Start, end and years must be positive, else #NUM!.
 * @param years The number of years between start and end.
 * @returns The average annual growth rate, element by element.
 */
export function cagr(end: any[][], start: any[][], years: any[][]): any[][] {
  return CAGR(end, start, years);
}

const SHARE = defineFunction({
  id: "SHARE",
  parameters: [
    { name: "part", kind: "number" },
    { name: "total", kind: "number" },
  ],
  fast: fastQuotient,
  compute: (part, total) => toCell(fm.share(part, total)),
});

/**
 * Share (占比) = part ÷ total, as a fraction.
 * @customfunction SHARE SHARE
 * @param part The part: a number, a text figure, or a range.
 * @param total The whole. A total of 0 gives #DIV/0!.
 * @returns The share, element by element.
 */
export function share(part: any[][], total: any[][]): any[][] {
  return SHARE(part, total);
}

const PAYABLE_MONTHS = defineFunction({
  id: "PAYABLE_MONTHS",
  parameters: [
    { name: "balance", kind: "number" },
    { name: "annual_expenditure", kind: "number" },
  ],
  compute: (balance, annual_expenditure) => toCell(fm.payableMonths(balance, annual_expenditure)),
});

/**
 * Months of spending the accumulated balance can pay (累计结余可支付月数) = balance ÷ (annual expenditure ÷ 12).
 * @customfunction PAYABLE_MONTHS PAYABLE_MONTHS
 * @param balance Accumulated balance (累计结余).
 * @param annual_expenditure The year's expenditure (本年支出). 0 gives #DIV/0!.
 * @returns Months, element by element.
 */
export function payableMonths(balance: any[][], annual_expenditure: any[][]): any[][] {
  return PAYABLE_MONTHS(balance, annual_expenditure);
}

const PER_CAPITA = defineFunction({
  id: "PER_CAPITA",
  parameters: [
    { name: "amount", kind: "number" },
    { name: "people", kind: "number" },
    { name: "scale", kind: "number", default: "1" },
  ],
  compute: (amount, people, scale) => toCell(fm.perCapita(amount, people, scale)),
});

/**
 * Per-capita amount (人均) = amount × scale ÷ people.
 * @customfunction PER_CAPITA PER_CAPITA
 * @param amount The amount: a number, a text figure, or a range.
 * @param people The number of people. 0 gives #DIV/0!.
 * @param [scale] Optional multiplier, default 1; 10000 turns 万元 into 元.
 * @returns The amount per person, element by element.
 */
export function perCapita(amount: any[][], people: any[][], scale?: any[][]): any[][] {
  return PER_CAPITA(amount, people, scale);
}

const BALANCE = defineFunction({
  id: "BALANCE",
  parameters: [
    { name: "income", kind: "number" },
    { name: "expenditure", kind: "number" },
  ],
  fast: fastDifference,
  compute: (income, expenditure) => toCell(fm.balance(income, expenditure)),
});

/**
 * Current-period balance (当期结余) = income − expenditure, exact.
 * @customfunction BALANCE BALANCE
 * @param income Income (收入): a number, a text figure, or a range.
 * @param expenditure Expenditure (支出).
 * @returns Income minus expenditure, element by element.
 */
export function balance(income: any[][], expenditure: any[][]): any[][] {
  return BALANCE(income, expenditure);
}

const SUM_MATCHES = defineFunction({
  id: "SUM_MATCHES",
  parameters: [
    { name: "total", kind: "number" },
    { name: "parts", kind: "sum" },
    { name: "tolerance", kind: "number", default: "0", min: 0 },
  ],
  compute: (total, parts, tolerance) => parts.minus(total).abs().lte(tolerance),
});

/**
 * TRUE when the parts add up to the total: |Σ parts − total| ≤ tolerance, computed exactly. Blank parts are skipped.
 * @customfunction SUM_MATCHES SUM_MATCHES
 * @param total The stated total (合计): a number or a range of totals.
 * @param parts The component cells (其中项), one range; blanks are skipped.
 * @param [tolerance] Optional largest difference accepted, default 0.
 * @returns TRUE or FALSE for each total.
 */
export function sumMatches(total: any[][], parts: any[][], tolerance?: any[][]): any[][] {
  return SUM_MATCHES(total, parts, tolerance);
}

/** Decimal places of a decimal string ("0.968" → 3). */
function decimalPlaces(digits: string): number {
  return new Decimal(digits).decimalPlaces();
}

const RATE_MATCHES = defineFunction({
  id: "RATE_MATCHES",
  parameters: [
    { name: "stated", kind: "figure" },
    { name: "computed", kind: "number" },
    { name: "decimals", kind: "number", optional: true, whole: true, min: 0, max: 10 },
  ],
  compute: (stated, computed, decimals) => {
    // Without decimals a stated figure is compared at its own precision ("97%" → whole percent).
    const places =
      decimals?.toNumber() ??
      (stated.percent ? stated.decimals : stated.permille ? stated.decimals + 1 : Math.max(0, decimalPlaces(stated.digits) - 2));
    // 15 significant digits: what Excel itself keeps of a float, so binary noise never decides.
    const statedValue = new Decimal(stated.digits).toSignificantDigits(15);
    return roundHalfUp(computed.toSignificantDigits(15), places + 2).eq(statedValue);
  },
});

/**
 * TRUE when a stated rate equals the computed one rounded half-up to `decimals` percent places.
 * @customfunction RATE_MATCHES RATE_MATCHES
 * @param stated The stated rate as a fraction or percent text (0.97 or "97%").
 * @param computed The computed rate, e.g. =C5/B5 or FUND.COMPLETION_RATE(C5,B5).
 * @param [decimals] Optional percent places the rate was stated to; default: as many as the stated rate shows (97% → 0, 98.67% → 2).
 * @returns TRUE or FALSE, element by element.
 */
export function rateMatches(stated: any[][], computed: any[][], decimals?: any[][]): any[][] {
  return RATE_MATCHES(stated, computed, decimals);
}

const TARGET_MET = defineFunction({
  id: "TARGET_MET",
  parameters: [
    { name: "actual", kind: "answer" },
    { name: "target", kind: "target" },
  ],
  compute: (actual, target) => {
    const verdict = judge(actual, target);
    if (verdict.kind === "met") return true;
    if (verdict.kind === "missed") return false;
    if (verdict.kind === "missing") return missing();
    return excelError("invalidValue", verdict.reason);
  },
});

/**
 * TRUE when the actual value meets an indicator target written as text (≥95%, 1%以内, 95%-105%, 按时足额 …).
 * @customfunction TARGET_MET TARGET_MET
 * @param actual The actual value: a number, percent text ("97%"), a number with a unit ("1700人"), or an answer such as 已完成 / 未完成 for a qualitative target.
 * @param target The target as written in the indicator table, e.g. "≥95%", "不高于1%", "[95%,105%]", "按时足额".
 * @returns TRUE or FALSE, element by element; #VALUE! when the target cannot be read.
 */
export function targetMet(actual: any[][], target: any[][]): any[][] {
  return TARGET_MET(actual, target);
}

const INDICATOR_SCORE = defineFunction({
  id: "INDICATOR_SCORE",
  parameters: [
    { name: "actual", kind: "answer" },
    { name: "target", kind: "target" },
    { name: "weight", kind: "number", min: 0 },
  ],
  compute: (actual, target, weight) => {
    const result = scoreIndicator(actual, target, weight, "proportional");
    if (result.kind === "score") return result.value.toNumber();
    if (result.kind === "missing") return missing();
    return excelError("invalidValue", result.reason);
  },
});

/**
 * Score of one indicator: full weight when the target is met; a missed lower-bound target earns weight × actual ÷ target, an upper-bound one weight × target ÷ actual; clipped to [0, weight], two decimals.
 * @customfunction INDICATOR_SCORE INDICATOR_SCORE
 * @param actual The actual value (number, percent text, number with unit, or an answer for a qualitative target).
 * @param target The target as written, e.g. "≥95%".
 * @param weight The indicator's weight (分值), e.g. 10.
 * @returns The score, element by element.
 */
export function indicatorScore(actual: any[][], target: any[][], weight: any[][]): any[][] {
  return INDICATOR_SCORE(actual, target, weight);
}

const EXECUTION_STATUS = defineFunction({
  id: "EXECUTION_STATUS",
  parameters: [
    { name: "actual", kind: "number" },
    { name: "budget", kind: "number" },
    { name: "low", kind: "number", default: "0.95" },
    { name: "high", kind: "number", default: "1.05" },
  ],
  compute: (actual, budget, low, high) => {
    if (low.gt(high)) return excelError("invalidValue", "low: must not be above high");
    const rate = fm.completionRate(actual, budget);
    if (!fm.isValue(rate)) return toCell(rate);
    return EXECUTION_LABELS[functionsLanguage()][fm.executionStatus(rate, low, high)];
  },
});

/**
 * Budget execution status: within band, under-executed or over budget, from actual ÷ budget against a band (default 95%–105%). The label follows the add-in's language (Chinese by default).
 * @customfunction EXECUTION_STATUS EXECUTION_STATUS
 * @param actual Actual spending: a number, a text figure, or a range.
 * @param budget Budget. A budget of 0 gives #DIV/0!.
 * @param [low] Optional lower edge of the band, default 95%.
 * @param [high] Optional upper edge of the band, default 105%.
 * @returns A label (预算执行正常 / 执行不足 / 超预算, or within band / under-executed / over budget), element by element.
 */
export function executionStatus(actual: any[][], budget: any[][], low?: any[][], high?: any[][]): any[][] {
  return EXECUTION_STATUS(actual, budget, low, high);
}
