/**
 * The custom functions of SPEC §2 (namespace FUND): thin wrappers around the core's exact arithmetic
 * (src/core/fundMath.ts) and indicator targets (src/core/indicatorTargets.ts).
 *
 * Every argument is declared as a range (any[][]) so that a single value or a range is accepted; see cells.ts
 * for element-by-element work, broadcasting, text figures and blanks (#N/A "missing value"; Excel desktop passes
 * a blank as 0, which cannot be told apart). Results are matrices and spill. Nothing here throws: errors are
 * CustomFunctions.Error values in the element's position.
 *
 * Metadata (functions.json) is generated from these JSDoc comments by custom-functions-metadata-plugin, which
 * also appends the CustomFunctions.associate calls to the built file. The Chinese metadata is derived from it at
 * build time (zhMetadataPlugin.js + zh-CN.strings.json).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values */
import Decimal from "decimal.js";
import * as fm from "../core/fundMath";
import { readNumberText, roundHalfUp } from "../core/numbers";
import { IndicatorTarget, judge, readTarget, scoreIndicator } from "../core/indicatorTargets";
import { excelError, ExcelErrorValue } from "./excelErrors";
import { allCells, isBlank, isError, mapCells, missing, readDecimal, readFigure, readOptionalDecimal, toCell } from "./cells";
import { EXECUTION_LABELS, functionsLanguage } from "./language";
import { fastDifference, fastGrowth, fastQuotient } from "./fastExact";

type Cell = Decimal | ExcelErrorValue;

function isErr(value: Cell): value is ExcelErrorValue {
  return !(value instanceof Decimal);
}

/**
 * Two required figures → one number (or the first argument's error). `fast`, when given, answers plain number
 * cells exactly without decimal.js (fastExact.ts) and returns undefined for everything else.
 */
function binary(
  nameA: string,
  a: unknown,
  nameB: string,
  b: unknown,
  op: (x: Decimal, y: Decimal) => fm.MathResult,
  fast?: (x: unknown, y: unknown) => number | undefined
): any[][] {
  return mapCells(
    [
      { name: nameA, value: a },
      { name: nameB, value: b },
    ],
    (cells) => {
      if (fast) {
        const quick = fast(cells[0], cells[1]);
        if (quick !== undefined && Number.isFinite(quick)) return quick;
      }
      const x = readDecimal(nameA, cells[0]);
      if (isErr(x)) return x;
      const y = readDecimal(nameB, cells[1]);
      if (isErr(y)) return y;
      return toCell(op(x, y));
    }
  );
}

/**
 * Completion rate (预算完成率) = actual ÷ budget, as a fraction (1.039 = 103.9%).
 * @customfunction COMPLETION_RATE COMPLETION_RATE
 * @param actual Actual spending (执行数/决算数): a number, a text figure such as "4,568", or a range.
 * @param budget Budget (预算数): a number, a text figure, or a range of the same shape. A budget of 0 gives #DIV/0!.
 * @returns The completion rate, element by element.
 */
export function completionRate(actual: any[][], budget: any[][]): any[][] {
  return binary("actual", actual, "budget", budget, fm.completionRate, fastQuotient);
}

/**
 * Year-on-year growth (增幅) = (current − prior) ÷ |prior|, as a fraction.
 * @customfunction YOY_GROWTH YOY_GROWTH
 * @param current This year's figure: a number, a text figure, or a range.
 * @param prior Last year's figure (上年数). A prior of 0 gives #DIV/0!.
 * @returns The growth rate, element by element.
 */
export function yoyGrowth(current: any[][], prior: any[][]): any[][] {
  return binary("current", current, "prior", prior, fm.yoyGrowth, fastGrowth);
}

/**
 * Year-on-year change (增减额) = current − prior, exact.
 * @customfunction YOY_CHANGE YOY_CHANGE
 * @param current This year's figure: a number, a text figure, or a range.
 * @param prior Last year's figure (上年数).
 * @returns The change, element by element.
 */
export function yoyChange(current: any[][], prior: any[][]): any[][] {
  return binary("current", current, "prior", prior, fm.yoyChange, fastDifference);
}

/**
 * Budget variance = actual − budget, exact.
 * @customfunction BUDGET_VARIANCE BUDGET_VARIANCE
 * @param actual Actual spending: a number, a text figure, or a range.
 * @param budget Budget.
 * @returns Actual minus budget, element by element.
 */
export function budgetVariance(actual: any[][], budget: any[][]): any[][] {
  return binary("actual", actual, "budget", budget, fm.budgetVariance, fastDifference);
}

/**
 * The prior-year figure implied by a stated growth: current ÷ (1 + growth).
 * @customfunction PRIOR_FROM_GROWTH PRIOR_FROM_GROWTH
 * @param current This year's figure: a number, a text figure, or a range.
 * @param growth The stated growth as a fraction or percent text (0.11 or "11%"). −100% gives #DIV/0!.
 * @returns The implied prior-year figure, element by element.
 */
export function priorFromGrowth(current: any[][], growth: any[][]): any[][] {
  return binary("current", current, "growth", growth, fm.priorFromGrowth);
}

/**
 * Compound annual growth (年均增长) = (end ÷ start)^(1/years) − 1.
 * @customfunction CAGR CAGR
 * @param end The figure at the end of the period.
 * @param start The figure at the start of the period. Start, end and years must be positive, else #NUM!.
 * @param years The number of years between start and end.
 * @returns The average annual growth rate, element by element.
 */
export function cagr(end: any[][], start: any[][], years: any[][]): any[][] {
  return mapCells(
    [
      { name: "end", value: end },
      { name: "start", value: start },
      { name: "years", value: years },
    ],
    (cells) => {
      const e = readDecimal("end", cells[0]);
      if (isErr(e)) return e;
      const s = readDecimal("start", cells[1]);
      if (isErr(s)) return s;
      const y = readDecimal("years", cells[2]);
      if (isErr(y)) return y;
      return toCell(fm.cagr(e, s, y));
    }
  );
}

/**
 * Share (占比) = part ÷ total, as a fraction.
 * @customfunction SHARE SHARE
 * @param part The part: a number, a text figure, or a range.
 * @param total The whole. A total of 0 gives #DIV/0!.
 * @returns The share, element by element.
 */
export function share(part: any[][], total: any[][]): any[][] {
  return binary("part", part, "total", total, fm.share, fastQuotient);
}

/**
 * Months of spending the accumulated balance can pay (累计结余可支付月数) = balance ÷ (annual expenditure ÷ 12).
 * @customfunction PAYABLE_MONTHS PAYABLE_MONTHS
 * @param balance Accumulated balance (累计结余).
 * @param annual_expenditure The year's expenditure (本年支出). 0 gives #DIV/0!.
 * @returns Months, element by element.
 */
export function payableMonths(balance: any[][], annual_expenditure: any[][]): any[][] {
  return binary("balance", balance, "annual_expenditure", annual_expenditure, fm.payableMonths);
}

/**
 * Per-capita amount (人均) = amount × scale ÷ people.
 * @customfunction PER_CAPITA PER_CAPITA
 * @param amount The amount: a number, a text figure, or a range.
 * @param people The number of people. 0 gives #DIV/0!.
 * @param [scale] Optional multiplier, default 1; 10000 turns 万元 into 元.
 * @returns The amount per person, element by element.
 */
export function perCapita(amount: any[][], people: any[][], scale?: any[][]): any[][] {
  const one = new Decimal(1);
  return mapCells(
    [
      { name: "amount", value: amount },
      { name: "people", value: people },
      { name: "scale", value: scale },
    ],
    (cells) => {
      const a = readDecimal("amount", cells[0]);
      if (isErr(a)) return a;
      const p = readDecimal("people", cells[1]);
      if (isErr(p)) return p;
      const s = readOptionalDecimal("scale", cells[2], one);
      if (isErr(s)) return s;
      return toCell(fm.perCapita(a, p, s));
    }
  );
}

/**
 * Current-period balance (当期结余) = income − expenditure, exact.
 * @customfunction BALANCE BALANCE
 * @param income Income (收入): a number, a text figure, or a range.
 * @param expenditure Expenditure (支出).
 * @returns Income minus expenditure, element by element.
 */
export function balance(income: any[][], expenditure: any[][]): any[][] {
  return binary("income", income, "expenditure", expenditure, fm.balance, fastDifference);
}

/**
 * TRUE when the parts add up to the total: |Σ parts − total| ≤ tolerance, computed exactly. Blank parts are skipped.
 * @customfunction SUM_MATCHES SUM_MATCHES
 * @param total The stated total (合计): a number or a range of totals.
 * @param parts The component cells (其中项), one range; blanks are skipped.
 * @param [tolerance] Optional largest difference accepted, default 0.
 * @returns TRUE or FALSE for each total.
 */
export function sumMatches(total: any[][], parts: any[][], tolerance?: any[][]): any[][] {
  let sum = new Decimal(0);
  let counted = 0;
  let partsError: ExcelErrorValue | undefined;
  for (const cell of allCells(parts)) {
    // Blanks, and the "—" / "无" that stand for blank in hand-made tables, are skipped.
    if (isBlank(cell) || (typeof cell === "string" && readNumberText(cell).kind === "missing")) continue;
    const value = readDecimal("parts", cell);
    if (isErr(value)) {
      partsError = value;
      break;
    }
    sum = sum.plus(value);
    counted++;
  }
  const zero = new Decimal(0);
  return mapCells(
    [
      { name: "total", value: total },
      { name: "tolerance", value: tolerance },
    ],
    (cells) => {
      const t = readDecimal("total", cells[0]);
      if (isErr(t)) return t;
      if (partsError) return partsError;
      if (counted === 0) return missing();
      const tol = readOptionalDecimal("tolerance", cells[1], zero);
      if (isErr(tol)) return tol;
      if (tol.isNegative()) return excelError("invalidValue", "tolerance: must not be negative");
      return sum.minus(t).abs().lte(tol);
    }
  );
}

/** Decimal places of a decimal string ("0.968" → 3). */
function decimalPlaces(digits: string): number {
  return new Decimal(digits).decimalPlaces();
}

/**
 * TRUE when a stated rate equals the computed one rounded half-up to `decimals` percent places.
 * @customfunction RATE_MATCHES RATE_MATCHES
 * @param stated The stated rate as a fraction or percent text (0.97 or "97%").
 * @param computed The computed rate, e.g. =C5/B5 or FUND.COMPLETION_RATE(C5,B5).
 * @param [decimals] Optional percent places the rate was stated to; default: as many as the stated rate shows (97% → 0, 98.67% → 2).
 * @returns TRUE or FALSE, element by element.
 */
export function rateMatches(stated: any[][], computed: any[][], decimals?: any[][]): any[][] {
  return mapCells(
    [
      { name: "stated", value: stated },
      { name: "computed", value: computed },
      { name: "decimals", value: decimals },
    ],
    (cells) => {
      const s = readFigure("stated", cells[0]);
      if (!("kind" in s)) return s;
      const c = readDecimal("computed", cells[1]);
      if (isErr(c)) return c;
      let places: number;
      if (isBlank(cells[2])) {
        // SPEC §4.4: a stated figure is compared at its own precision ("97%" → whole percent).
        places = s.percent ? s.decimals : s.permille ? s.decimals + 1 : Math.max(0, decimalPlaces(s.digits) - 2);
      } else {
        const d = readDecimal("decimals", cells[2]);
        if (isErr(d)) return d;
        if (!d.isInteger() || d.isNegative() || d.gt(10)) return excelError("invalidValue", "decimals: must be a whole number from 0 to 10");
        places = d.toNumber();
      }
      // 15 significant digits: what Excel itself keeps of a float, so binary noise never decides.
      const statedValue = new Decimal(s.digits).toSignificantDigits(15);
      return roundHalfUp(c.toSignificantDigits(15), places + 2).eq(statedValue);
    }
  );
}

function targetOf(cell: unknown): IndicatorTarget | ExcelErrorValue {
  if (isBlank(cell)) return missing();
  if (isError(cell)) return cell;
  const target = readTarget(cell);
  if (target.kind === "unreadable") return excelError("invalidValue", `target: cannot read "${target.text}"`);
  return target;
}

function isTarget(value: IndicatorTarget | ExcelErrorValue): value is IndicatorTarget {
  return "kind" in value;
}

/**
 * TRUE when the actual value meets an indicator target written as text (≥95%, 1%以内, 95%-105%, 按时足额 …).
 * @customfunction TARGET_MET TARGET_MET
 * @param actual The actual value: a number, percent text ("97%"), a number with a unit ("1700人"), or an answer such as 已完成 / 未完成 for a qualitative target.
 * @param target The target as written in the indicator table, e.g. "≥95%", "不高于1%", "[95%,105%]", "按时足额".
 * @returns TRUE or FALSE, element by element; #VALUE! when the target cannot be read.
 */
export function targetMet(actual: any[][], target: any[][]): any[][] {
  return mapCells(
    [
      { name: "actual", value: actual },
      { name: "target", value: target },
    ],
    (cells) => {
      if (isBlank(cells[0])) return missing();
      if (isError(cells[0])) return cells[0];
      const t = targetOf(cells[1]);
      if (!isTarget(t)) return t;
      const verdict = judge(cells[0] as never, t);
      if (verdict.kind === "met") return true;
      if (verdict.kind === "missed") return false;
      if (verdict.kind === "missing") return missing();
      return excelError("invalidValue", verdict.reason);
    }
  );
}

/**
 * Score of one indicator: full weight when the target is met; a missed lower-bound target earns weight × actual ÷ target, an upper-bound one weight × target ÷ actual; clipped to [0, weight], two decimals.
 * @customfunction INDICATOR_SCORE INDICATOR_SCORE
 * @param actual The actual value (number, percent text, number with unit, or an answer for a qualitative target).
 * @param target The target as written, e.g. "≥95%".
 * @param weight The indicator's weight (分值), e.g. 10.
 * @returns The score, element by element.
 */
export function indicatorScore(actual: any[][], target: any[][], weight: any[][]): any[][] {
  return mapCells(
    [
      { name: "actual", value: actual },
      { name: "target", value: target },
      { name: "weight", value: weight },
    ],
    (cells) => {
      if (isBlank(cells[0])) return missing();
      if (isError(cells[0])) return cells[0];
      const t = targetOf(cells[1]);
      if (!isTarget(t)) return t;
      const w = readDecimal("weight", cells[2]);
      if (isErr(w)) return w;
      if (w.isNegative()) return excelError("invalidValue", "weight: must not be negative");
      const result = scoreIndicator(cells[0] as never, t, w, "proportional");
      if (result.kind === "score") return result.value.toNumber();
      if (result.kind === "missing") return missing();
      return excelError("invalidValue", result.reason);
    }
  );
}

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
  const labels = EXECUTION_LABELS[functionsLanguage()];
  const defaultLow = new Decimal("0.95");
  const defaultHigh = new Decimal("1.05");
  return mapCells(
    [
      { name: "actual", value: actual },
      { name: "budget", value: budget },
      { name: "low", value: low },
      { name: "high", value: high },
    ],
    (cells) => {
      const a = readDecimal("actual", cells[0]);
      if (isErr(a)) return a;
      const b = readDecimal("budget", cells[1]);
      if (isErr(b)) return b;
      const lo = readOptionalDecimal("low", cells[2], defaultLow);
      if (isErr(lo)) return lo;
      const hi = readOptionalDecimal("high", cells[3], defaultHigh);
      if (isErr(hi)) return hi;
      if (lo.gt(hi)) return excelError("invalidValue", "low: must not be above high");
      const rate = fm.completionRate(a, b);
      if (!fm.isValue(rate)) return toCell(rate);
      return labels[fm.executionStatus(rate, lo, hi)];
    }
  );
}
