/** budget-balance: expenditure exceeds income (target 以收定支，收支平衡，略有结余; SPEC §4.2: warning). */
import { exact } from "../numbers";
import { FundRule } from "./types";
import { ACTUAL, INCOME, num, valueOf } from "./figures";
import { amount } from "./format";

export const budgetBalance: FundRule = {
  id: "budget-balance",
  severity: "warning",
  describe: { zh: "支出大于收入，未做到“以收定支，收支平衡，略有结余”", en: "Expenditure exceeds income (target: spend within income, balanced, small surplus)" },
  checkRow(i, row, ctx) {
    const iv = valueOf(row, INCOME);
    const av = valueOf(row, ACTUAL);
    if (iv !== iv || av !== av) return; // NaN: not a number
    // Rounding to float keeps order, so only equal floats need the exact comparison.
    const over = av !== iv ? av > iv : exact(num(row, "actual")!).gt(exact(num(row, "income")!));
    if (!over) return;
    const inc = num(row, "income")!;
    const a = num(row, "actual")!;
    const subject = ctx.subjectOf(i);
    const spent = amount(exact(a));
    const income = amount(exact(inc));
    const gap = amount(exact(a).minus(exact(inc)));
    ctx.report(i, {
      cell: row.figures.actual!.ref,
      related: [row.figures.income!.ref],
      observed: spent,
      expected: "≤ " + income,
      message: {
        zh: `${subject}：支出${spent}大于收入${income}，当期缺口${gap}，未达到“以收定支，收支平衡，略有结余”的目标`,
        en: `${subject}: expenditure ${spent} exceeds income ${income} by ${gap} (target: spend within income, with a small surplus)`,
      },
    });
  },
};
