/**
 * stated-rate-mismatch: a stated completion rate or growth rate differs from the one computed from the row's
 * figures, after rounding the computed one to the stated precision (97% → whole percent; 98.67% → 2 places).
 * Growth comes from the prior-year figure, or from a stated change: change ÷ (actual − change).
 * Observed: the rate as stated (a fraction without a % format shown as a percentage); expected: the computed one.
 * Nothing is computed from a negative budget or expenditure (negative-figure reports it).
 */
import Decimal from "decimal.js";
import { NumberRead, statedMatches } from "../numbers";
import { RuleContext, defineFundRule } from "./rule";
import { ACTUAL, BUDGET, Precision, STATED_COMPLETION, STATED_GROWTH, STATED_INDEX, TableFigures, computedGrowth, exactCompletion, exactGrowth, growthValue } from "./figures";
import { computedPct, statedRate } from "./figureText";

const HALF_UNITS = Array.from({ length: 13 }, (_, p) => 0.5 * Math.pow(10, -p));

const precision: Precision = { decimals: 0, percent: false, permille: false, places: 0 };

/**
 * Float pre-check of statedMatches: decides without Decimal unless the computed value sits near a rounding edge.
 * `stated` is the float of the row's figure for `role` (a number).
 */
function matchesStated(f: TableFigures, i: number, role: number, stated: number, computed: number, exactOf: (f: TableFigures, i: number) => Decimal): boolean {
  f.precision(i, role, precision);
  const p = precision;
  const places = p.permille ? p.decimals + 3 : p.percent ? p.decimals + 2 : p.decimals;
  // The fast path holds when the stated figure has no more digits than it shows (then it is its own rounding);
  // its own places are −1 when its digits have an exponent.
  if (p.places >= 0 && p.places <= places && places <= 12) {
    const half = HALF_UNITS[places];
    const diff = Math.abs(computed - stated);
    const eps = 1e-9 * Math.max(1, Math.abs(computed), Math.abs(stated)); // far above float error; inside it, go exact
    if (diff < half - eps) return true;
    if (diff > half + eps) return false;
  }
  return statedMatches(f.num(i, role)!, exactOf(f, i));
}

/** A computed rate in the stated rate's style: per mille, or a percentage with enough places to compare. */
function asRate(s: NumberRead, v: Decimal): string {
  if (s.permille) return v.times(1000).toDecimalPlaces(s.decimals + 1, 4).toFixed(s.decimals + 1) + "‰";
  // A fraction without a % format (0.97) has two more places than the percentage it stands for (97%).
  return computedPct(v, s.percent ? s.decimals : Math.max(0, s.decimals - 2));
}

function checkCompletion(i: number, ctx: RuleContext<undefined>): void {
  const f = ctx.figures;
  const sv = f.value(i, STATED_COMPLETION);
  const av = f.value(i, ACTUAL);
  const bv = f.value(i, BUDGET);
  if (sv !== sv || !(av >= 0) || !(bv > 0)) return; // (NaN: not a number) no rate from a 0 or negative budget
  if (matchesStated(f, i, STATED_COMPLETION, sv, av / bv, exactCompletion)) return;
  const s = f.num(i, STATED_COMPLETION)!;
  const subject = ctx.subjectOf(i);
  const expected = asRate(s, exactCompletion(f, i));
  const said = statedRate(s);
  ctx.report(i, {
    cell: f.ref(i, STATED_COMPLETION)!,
    related: [f.ref(i, ACTUAL)!, f.ref(i, BUDGET)!],
    observed: said,
    expected,
    message: {
      zh: `${subject}：填报的完成率为${said}，但按支出÷预算计算应为${expected}`,
      en: `${subject}: the stated completion rate is ${said}, but actual ÷ budget gives ${expected}`,
    },
  });
}

function checkGrowth(i: number, ctx: RuleContext<undefined>): void {
  const f = ctx.figures;
  const sv = f.value(i, STATED_GROWTH);
  if (sv !== sv) return; // NaN: not a number
  const value = growthValue(f, i);
  if (value !== value) return; // NaN: no growth
  if (matchesStated(f, i, STATED_GROWTH, sv, value, exactGrowth)) return;
  const s = f.num(i, STATED_GROWTH)!;
  const g = computedGrowth(f, i)!;
  const subject = ctx.subjectOf(i);
  const expected = asRate(s, g.exact());
  const said = statedRate(s);
  const how = g.prior.implied ? { zh: "按增减额÷（支出−增减额）计算", en: "change ÷ (actual − change) gives" } : { zh: "按（支出−上年）÷上年计算", en: "(actual − prior) ÷ prior gives" };
  ctx.report(i, {
    cell: f.ref(i, STATED_GROWTH)!,
    related: g.refs,
    observed: said,
    expected,
    message: {
      zh: `${subject}：填报的增幅为${said}，但${how.zh}应为${expected}`,
      en: `${subject}: the stated growth is ${said}, but ${how.en} ${expected}`,
    },
  });
}

/** actual ÷ prior: what a stated ratio to the prior year (为上年的%) should be. */
function exactIndex(f: TableFigures, i: number): Decimal {
  return exactGrowth(f, i).plus(1);
}

function checkIndex(i: number, ctx: RuleContext<undefined>): void {
  const f = ctx.figures;
  const sv = f.value(i, STATED_INDEX);
  if (sv !== sv) return; // NaN: not a number
  const value = growthValue(f, i);
  if (value !== value) return; // NaN: no prior year to compare with
  if (matchesStated(f, i, STATED_INDEX, sv, value + 1, exactIndex)) return;
  const s = f.num(i, STATED_INDEX)!;
  const g = computedGrowth(f, i)!;
  const subject = ctx.subjectOf(i);
  const expected = asRate(s, g.exact().plus(1));
  const said = statedRate(s);
  ctx.report(i, {
    cell: f.ref(i, STATED_INDEX)!,
    related: g.refs,
    observed: said,
    expected,
    message: {
      zh: `${subject}：填报的为上年的${said}，但按支出÷上年计算应为${expected}`,
      en: `${subject}: the stated ratio to the prior year is ${said}, but actual ÷ prior gives ${expected}`,
    },
  });
}

export const statedRateMismatch = defineFundRule({
  id: "stated-rate-mismatch",
  severity: "error",
  describe: {
    zh: "填报的完成率或增幅与按本行数据计算的结果（按填报精度四舍五入后）不一致",
    en: "A stated completion or growth rate differs from the one computed from the row's figures, rounded to the stated precision",
  },
  shows: { observed: "the rate as stated (131%)", expected: "the rate computed from the row (202.5%)" },
  checkRow(i, _row, ctx) {
    checkCompletion(i, ctx);
    checkGrowth(i, ctx);
    checkIndex(i, ctx);
  },
});
