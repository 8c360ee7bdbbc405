/**
 * unbudgeted-spending: spending where the budget is 0, so no completion rate exists (error). Observed: the
 * spending; expected: 0, what may be spent against a budget of 0.
 */
import { defineFundRule } from "./rule";
import { ACTUAL, BUDGET } from "./figures";
import { amountOf } from "./figureText";

export const unbudgetedSpending = defineFundRule({
  id: "unbudgeted-spending",
  severity: "error",
  describe: { zh: "预算为0却有支出（无预算支出，无法计算完成率）", en: "Spending against a budget of 0 (no completion rate exists)" },
  checkRow(i, _row, ctx) {
    const f = ctx.figures;
    if (f.value(i, BUDGET) !== 0 || !(f.value(i, ACTUAL) > 0)) return; // NaN: not a number
    const subject = ctx.subjectOf(i);
    const spent = amountOf(f.num(i, ACTUAL)!);
    ctx.report(i, {
      cell: f.ref(i, ACTUAL)!,
      related: [f.ref(i, BUDGET)!],
      observed: spent,
      expected: "0",
      message: {
        zh: `${subject}：预算为0，但支出${spent}，属于无预算支出`,
        en: `${subject}: ${spent} spent against a budget of 0 (spending without a budget)`,
      },
    });
  },
  shows: { observed: "the expenditure", expected: "0 (nothing may be spent against a budget of 0)" },
});
