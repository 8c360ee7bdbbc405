/**
 * stated-change-mismatch: a stated increase/decrease differs from actual − prior by more than the rounding of the
 * three figures allows (half a unit of the last digit of each): published figures are rounded from unrounded
 * data, so 2432 for 13458 − 11027 = 2431 is consistent at 1 亿元, 2 is not. Observed: the change as stated;
 * expected: actual − prior.
 */
import { exact, halfUnit } from "../numbers";
import { defineFundRule } from "./rule";
import { ACTUAL, PRIOR, Precision, STATED_CHANGE, floatDiffers } from "./figures";
import { amount, amountOf, stated } from "./figureText";

const precision: Precision = { decimals: 0, percent: false, permille: false, places: 0 };

export const statedChangeMismatch = defineFundRule({
  id: "stated-change-mismatch",
  severity: "error",
  describe: { zh: "填报的比上年增减额与“本年−上年”不一致（超出三个数各自末位四舍五入的误差）", en: "A stated change differs from actual − prior by more than the rounding of the three figures" },
  checkRow(i, _row, ctx) {
    const f = ctx.figures;
    const cv = f.value(i, STATED_CHANGE);
    const av = f.value(i, ACTUAL);
    const pv = f.value(i, PRIOR);
    // (NaN: not a number.) Without a prior figure the change only implies the prior year.
    if (cv !== cv || av !== av || pv !== pv) return;
    f.precision(i, STATED_CHANGE, precision);
    if (precision.percent) return; // a percentage in a change column is a growth rate, checked as such
    let tolerance = 0.5 * Math.pow(10, -precision.decimals);
    // Within the change's own rounding (most rows): done, without reading the other figures' precision.
    if (floatDiffers(av - pv, cv, tolerance) === 0) return;
    f.precision(i, ACTUAL, precision);
    tolerance += 0.5 * Math.pow(10, -precision.decimals);
    f.precision(i, PRIOR, precision);
    tolerance += 0.5 * Math.pow(10, -precision.decimals);
    const differs = floatDiffers(av - pv, cv, tolerance);
    if (differs === 0) return;
    const a = f.num(i, ACTUAL)!;
    const p = f.num(i, PRIOR)!;
    const c = f.num(i, STATED_CHANGE)!;
    const computed = exact(a).minus(exact(p));
    const rounding = halfUnit(c).plus(halfUnit(a)).plus(halfUnit(p));
    if (differs < 0 && !computed.minus(exact(c)).abs().gt(rounding)) return; // too close for floats: exactly
    const subject = ctx.subjectOf(i);
    const expected = amount(computed);
    const said = stated(c);
    const actual = amountOf(a);
    const prior = amountOf(p);
    ctx.report(i, {
      cell: f.ref(i, STATED_CHANGE)!,
      related: [f.ref(i, ACTUAL)!, f.ref(i, PRIOR)!],
      observed: said,
      expected,
      message: {
        zh: `${subject}：填报的比上年增减额为${said}，但本年${actual}−上年${prior}=${expected}`,
        en: `${subject}: the stated change is ${said}, but actual ${actual} − prior ${prior} = ${expected}`,
      },
    });
  },
  shows: { observed: "the change as stated", expected: "actual − prior" },
});
