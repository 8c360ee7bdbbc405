/**
 * payable-months-band: months of spending the balance covers, balance ÷ (expenditure ÷ 12): warning below 6,
 * info above 24. Observed: the computed months (no cell states them); expected: the band.
 */
import Decimal from "decimal.js";
import { defineFundRule } from "./rule";
import { ACTUAL, BALANCE, TableFigures, cmpEdge, exactOf } from "./figures";
import { amount, amountOf } from "./figureText";

function exactMonths(f: TableFigures, i: number): Decimal {
  return exactOf(f, i, BALANCE).times(12).div(exactOf(f, i, ACTUAL));
}

export const payableMonthsBand = defineFundRule({
  id: "payable-months-band",
  severity: "warning",
  describe: { zh: "累计结余可支付月数（结余 ÷ 月均支出）：少于6个月提醒，多于24个月提示结余偏多", en: "Months of spending the balance covers: below 6 is a warning, above 24 is noted (idle money)" },
  threshold: {
    key: "payableMonths",
    perFund: true,
    fields: {
      warningBelow: { kind: "months", looser: "lower", min: 0, max: 1200, default: 6, label: { zh: "可支付月数低于此值时警告", en: "Payable months: warning below" } },
      infoAbove: { kind: "months", looser: "higher", min: 0, max: 1200, default: 24, label: { zh: "可支付月数高于此值时提示", en: "Payable months: note above" } },
    },
    ordered: [["warningBelow", "infoAbove"]],
  },
  shows: { observed: "the months the balance covers, computed (balance ÷ monthly expenditure)", expected: "the band (6–24)" },
  checkRow(i, _row, ctx) {
    const f = ctx.figures;
    const bv = f.value(i, BALANCE);
    const av = f.value(i, ACTUAL);
    if (bv !== bv || !(av > 0)) return; // NaN: not a number
    const months = (bv * 12) / av;
    const band = ctx.threshold(i);
    let severity: "warning" | "info";
    if (cmpEdge(months, band.warningBelow, f, i, exactMonths) < 0) severity = "warning";
    else if (cmpEdge(months, band.infoAbove, f, i, exactMonths) > 0) severity = "info";
    else return;
    const subject = ctx.subjectOf(i);
    const observed = amount(exactMonths(f, i), 1);
    const expected = `${band.warningBelow}–${band.infoAbove}`;
    const balance = amountOf(f.num(i, BALANCE)!);
    const monthly = amount(exactOf(f, i, ACTUAL).div(12), 2);
    const figures = { zh: `累计结余${balance} ÷ 月均支出${monthly}`, en: `balance ${balance} ÷ monthly spending ${monthly}` };
    ctx.report(i, {
      severity,
      cell: f.ref(i, BALANCE)!,
      related: [f.ref(i, ACTUAL)!],
      observed,
      expected,
      message:
        severity === "warning"
          ? {
              zh: `${subject}：累计结余仅可支付${observed}个月（${figures.zh}），少于${band.warningBelow}个月，存在支付风险`,
              en: `${subject}: the balance covers only ${observed} months of spending (${figures.en}), below ${band.warningBelow}; payments are at risk`,
            }
          : {
              zh: `${subject}：累计结余可支付${observed}个月（${figures.zh}），超过${band.infoAbove}个月，结余偏多`,
              en: `${subject}: the balance covers ${observed} months of spending (${figures.en}), above ${band.infoAbove}; a large idle balance`,
            },
    });
  },
});
