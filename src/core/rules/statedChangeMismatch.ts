/** stated-change-mismatch: a stated increase/decrease differs from actual − prior by more than half a unit of its last digit. */
import { exact, halfUnit } from "../numbers";
import { FundRule } from "./types";
import { differsBeyond, num } from "./figures";
import { amount, stated } from "./format";

export const statedChangeMismatch: FundRule = {
  id: "stated-change-mismatch",
  severity: "error",
  describe: { zh: "填报的比上年增减额与“本年−上年”不一致（超过末位半个单位）", en: "A stated change differs from actual − prior by more than half a unit of its last digit" },
  checkRow(i, row, ctx) {
    const c = num(row, "statedChange");
    const a = num(row, "actual");
    const p = num(row, "prior");
    if (!c || !a || !p) return; // without a prior figure the change only implies the prior year
    if (c.percent) return; // a percentage in a change column is a growth rate, checked as such
    const computed = a.value - p.value;
    const tolerance = 0.5 * Math.pow(10, -c.decimals);
    const computedExact = () => exact(a).minus(exact(p));
    if (!differsBeyond(computed, c.value, tolerance, () => computedExact().minus(exact(c)), () => halfUnit(c))) return;
    const subject = ctx.subjectOf(i);
    const observed = amount(computedExact());
    const said = stated(c);
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
