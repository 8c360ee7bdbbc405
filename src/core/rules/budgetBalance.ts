/**
 * budget-balance: expenditure exceeds income (target 以收定支，收支平衡，略有结余; warning). From the row's income
 * and expenditure when it has both; otherwise from a current balance the source states as negative (report text:
 * "当年收不抵支，缺口35万元"). A negative income or expenditure is negative-figure's, not a deficit.
 */
import { exact } from "../numbers";
import { defineFundRule } from "./rule";
import { ACTUAL, INCOME, exactOf } from "./figures";
import { amount, amountOf, stated } from "./figureText";

export const budgetBalance = defineFundRule({
  id: "budget-balance",
  severity: "warning",
  describe: { zh: "支出大于收入，未做到“以收定支，收支平衡，略有结余”", en: "Expenditure exceeds income (target: spend within income, balanced, small surplus)" },
  checkRow(i, row, ctx) {
    const f = ctx.figures;
    const iv = f.value(i, INCOME);
    const av = f.value(i, ACTUAL);
    if (iv !== iv || av !== av) {
      // (NaN: not both numbers.) The source may state the deficit itself.
      const balance = row.statedCurrentBalance;
      if (!balance || balance.read.kind !== "number" || !(balance.read.value < 0)) return;
      const subject = ctx.subjectOf(i);
      const gap = amount(exact(balance.read).abs());
      ctx.report(i, {
        cell: balance.ref,
        related: [],
        observed: stated(balance.read),
        expected: "≥ 0",
        message: {
          zh: `${subject}：当年收不抵支，当期缺口${gap}，未达到“以收定支，收支平衡，略有结余”的目标`,
          en: `${subject}: expenditure exceeds income this year by ${gap}, as stated (target: spend within income, with a small surplus)`,
        },
      });
      return;
    }
    if (iv < 0 || av < 0) return;
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
  shows: { observed: "the expenditure (or the current balance the text states)", expected: "at most the income (or ≥ 0)" },
});
