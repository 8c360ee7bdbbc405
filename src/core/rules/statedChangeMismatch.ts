/** stated-change-mismatch: a stated increase/decrease differs from actual − prior by more than half a unit of its last digit. */
import { exact, halfUnit } from "../numbers";
import { FundRule } from "./types";
import { ACTUAL, PRIOR, Precision, STATED_CHANGE, differsBeyond, num, precisionOf, valueOf } from "./figures";

const precision: Precision = { decimals: 0, percent: false, permille: false, places: 0 };
import { amount, stated } from "./format";

export const statedChangeMismatch: FundRule = {
  id: "stated-change-mismatch",
  severity: "error",
  describe: { zh: "填报的比上年增减额与“本年−上年”不一致（超过末位半个单位）", en: "A stated change differs from actual − prior by more than half a unit of its last digit" },
  checkRow(i, row, ctx) {
    const cv = valueOf(row, STATED_CHANGE);
    const av = valueOf(row, ACTUAL);
    const pv = valueOf(row, PRIOR);
    // (NaN: not a number.) Without a prior figure the change only implies the prior year.
    if (cv !== cv || av !== av || pv !== pv) return;
    precisionOf(row, STATED_CHANGE, precision);
    if (precision.percent) return; // a percentage in a change column is a growth rate, checked as such
    const computed = av - pv;
    const tolerance = 0.5 * Math.pow(10, -precision.decimals);
    const computedExact = () => exact(num(row, "actual")!).minus(exact(num(row, "prior")!));
    const c = () => num(row, "statedChange")!;
    if (!differsBeyond(computed, cv, tolerance, () => computedExact().minus(exact(c())), () => halfUnit(c()))) return;
    const a = num(row, "actual")!;
    const p = num(row, "prior")!;
    const subject = ctx.subjectOf(i);
    const observed = amount(computedExact());
    const said = stated(c());
    ctx.report(i, {
      cell: row.figures.statedChange!.ref,
      related: [row.figures.actual!.ref, row.figures.prior!.ref],
      observed,
      expected: said,
      message: {
        zh: `${subject}：填报的比上年增减额为${said}，但本年${amount(exact(a))}−上年${amount(exact(p))}=${observed}`,
        en: `${subject}: the stated change is ${said}, but actual ${amount(exact(a))} − prior ${amount(exact(p))} = ${observed}`,
      },
    });
  },
};
