/**
 * stated-change-mismatch: a stated increase/decrease differs from actual − prior by more than half a unit of its
 * last digit. Observed: the change as stated; expected: actual − prior.
 */
import { exact, halfUnit } from "../numbers";
import { defineFundRule } from "./rule";
import { ACTUAL, PRIOR, Precision, STATED_CHANGE, floatDiffers } from "./figures";
import { amount, amountOf, stated } from "./figureText";

const precision: Precision = { decimals: 0, percent: false, permille: false, places: 0 };

export const statedChangeMismatch = defineFundRule({
  id: "stated-change-mismatch",
  severity: "error",
  describe: { zh: "填报的比上年增减额与“本年−上年”不一致（超过末位半个单位）", en: "A stated change differs from actual − prior by more than half a unit of its last digit" },
  checkRow(i, _row, ctx) {
    const f = ctx.figures;
    const cv = f.value(i, STATED_CHANGE);
    const av = f.value(i, ACTUAL);
    const pv = f.value(i, PRIOR);
    // (NaN: not a number.) Without a prior figure the change only implies the prior year.
    if (cv !== cv || av !== av || pv !== pv) return;
    f.precision(i, STATED_CHANGE, precision);
    if (precision.percent) return; // a percentage in a change column is a growth rate, checked as such
    const differs = floatDiffers(av - pv, cv, 0.5 * Math.pow(10, -precision.decimals));
    if (differs === 0) return;
    const a = f.num(i, ACTUAL)!;
    const p = f.num(i, PRIOR)!;
    const c = f.num(i, STATED_CHANGE)!;
    const computed = exact(a).minus(exact(p));
    if (differs < 0 && !computed.minus(exact(c)).abs().gt(halfUnit(c))) return; // too close for floats: exactly
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
