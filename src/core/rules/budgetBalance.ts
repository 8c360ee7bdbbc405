/** budget-balance: expenditure exceeds income (target 以收定支，收支平衡，略有结余; SPEC §4.2: warning). */
import { FundRule } from "./types";
import { ACTUAL, INCOME, exactOf } from "./figures";
import { amount, amountOf } from "./format";

export const budgetBalance: FundRule = {
  id: "budget-balance",
  severity: "warning",
  describe: { zh: "支出大于收入，未做到“以收定支，收支平衡，略有结余”", en: "Expenditure exceeds income (target: spend within income, balanced, small surplus)" },
  checkRow(i, _row, ctx) {
    const f = ctx.figures;
    const iv = f.value(i, INCOME);
    const av = f.value(i, ACTUAL);
    if (iv !== iv || av !== av) return; // NaN: not a number
    // Rounding to float keeps order, so only equal floats need the exact comparison.
    const over = av !== iv ? av > iv : exactOf(f, i, ACTUAL).gt(exactOf(f, i, INCOME));
    if (!over) return;
    const subject = ctx.subjectOf(i);
    const spent = amountOf(f.num(i, ACTUAL)!);
    const income = amountOf(f.num(i, INCOME)!);
    const gap = amount(exactOf(f, i, ACTUAL).minus(exactOf(f, i, INCOME)));
    ctx.report(i, {
      cell: f.ref(i, ACTUAL)!,
      related: [f.ref(i, INCOME)!],
      observed: spent,
      expected: "≤ " + income,
      message: {
        zh: `${subject}：支出${spent}大于收入${income}，当期缺口${gap}，未达到“以收定支，收支平衡，略有结余”的目标`,
        en: `${subject}: expenditure ${spent} exceeds income ${income} by ${gap} (target: spend within income, with a small surplus)`,
      },
    });
  },
};
