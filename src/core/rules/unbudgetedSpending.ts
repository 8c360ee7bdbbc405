/** unbudgeted-spending: spending where the budget is 0, so no completion rate exists (SPEC §4.2: error). */
import { exact } from "../numbers";
import { FundRule } from "./types";
import { ACTUAL, BUDGET, num, valueOf } from "./figures";
import { amount } from "./format";

export const unbudgetedSpending: FundRule = {
  id: "unbudgeted-spending",
  severity: "error",
  describe: { zh: "预算为0却有支出（无预算支出，无法计算完成率）", en: "Spending against a budget of 0 (no completion rate exists)" },
  checkRow(i, row, ctx) {
    if (valueOf(row, BUDGET) !== 0 || !(valueOf(row, ACTUAL) > 0)) return; // NaN: not a number
    const a = num(row, "actual")!;
    const subject = ctx.subjectOf(i);
    const spent = amount(exact(a));
    ctx.report(i, {
      cell: row.figures.actual!.ref,
      related: [row.figures.budget!.ref],
      observed: spent,
      expected: "0",
      message: {
        zh: `${subject}：预算为0，但支出${spent}，属于无预算支出`,
        en: `${subject}: ${spent} spent against a budget of 0 (spending without a budget)`,
      },
    });
  },
};
