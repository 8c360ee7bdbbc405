/**
 * negative-figure: a negative budget, expenditure, prior-year expenditure, income or headcount (warning). It is a
 * sign error, or a refund typed as a row; either way no completion rate or growth is computed from it (the other
 * rules skip it), rather than reporting an under-execution of −99.6%.
 * Balances, changes and growth rates may be negative and are not flagged. A row named as a refund or write-back
 * (收回, 退回, 退还, 冲回, 冲减, 追回, 返还, refund) may be negative: it is not flagged unless the target
 * `negativeFigures.refundRows` is "flagged".
 */
import { defineFundRule } from "./rule";
import { ACTUAL, BUDGET, FIGURE_ROLES, INCOME, PEOPLE, PRIOR } from "./figures";
import { ROLE_NAMES, amountOf } from "./figureText";

const CHECKED = [BUDGET, ACTUAL, PRIOR, INCOME, PEOPLE];
const REFUND = /收回|退回|退还|冲回|冲减|冲销|追回|返还|refund|write-?back/i;

export const negativeFigure = defineFundRule({
  id: "negative-figure",
  severity: "warning",
  describe: {
    zh: "预算数、支出数、上年数、收入或人数为负数（可能是符号错误或退回冲减），不据此计算完成率或增幅；结余、增减额、增幅可为负；名为收回、退回、冲减等的退款行可为负（可在目标设置中改为提示）",
    en: "A negative budget, expenditure, prior-year figure, income or headcount (a sign error, or a refund row); no completion rate or growth is computed from it. Balances, changes and growth may be negative; so may a refund row (named 收回, 退回, 冲减 …) unless negativeFigures.refundRows is \"flagged\"",
  },
  shows: { observed: "the negative figure", expected: "≥ 0" },
  threshold: {
    key: "negativeFigures",
    perFund: false,
    fields: {
      refundRows: {
        kind: "choice",
        options: ["allowed", "flagged"],
        default: "allowed",
        looser: ["allowed"],
        label: { zh: "名为收回/退回/冲减的行出现负数", en: "Negative figures on a refund row (收回/退回/冲减)" },
        optionLabels: { allowed: { zh: "允许（不提示）", en: "allowed (not flagged)" }, flagged: { zh: "提示", en: "flagged" } },
      },
    },
  },
  checkRow(i, row, ctx) {
    const f = ctx.figures;
    for (let k = 0; k < CHECKED.length; k++) {
      const role = CHECKED[k];
      if (!(f.value(i, role) < 0)) continue; // (NaN: not a number)
      if (REFUND.test(row.subject) && ctx.threshold(i).refundRows === "allowed") return;
      const subject = ctx.subjectOf(i);
      const what = ROLE_NAMES[FIGURE_ROLES[role]];
      const value = amountOf(f.num(i, role)!);
      ctx.report(i, {
        cell: f.ref(i, role)!,
        related: [],
        observed: value,
        expected: "≥ 0",
        message: {
          zh: `${subject}：${what.zh}为负数（${value}），可能是符号错误或退回冲减，请核实；不据此计算完成率或增幅`,
          en: `${subject}: the ${what.en} is negative (${value}): a sign error, or a refund entered as a row? Check it; no completion rate or growth is computed from it`,
        },
      });
    }
  },
});
