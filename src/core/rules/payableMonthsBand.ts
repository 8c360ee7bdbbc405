/** payable-months-band: months of spending the balance covers, balance ÷ (expenditure ÷ 12) (SPEC §4.2: warning < 6, info > 24). */
import { exact } from "../numbers";
import { FundRule } from "./types";
import { ACTUAL, BALANCE, cmpEdge, num, valueOf } from "./figures";
import { amount } from "./format";

export const payableMonthsBand: FundRule = {
  id: "payable-months-band",
  severity: "warning",
  describe: { zh: "累计结余可支付月数（结余 ÷ 月均支出）：少于6个月提醒，多于24个月提示结余偏多", en: "Months of spending the balance covers: below 6 is a warning, above 24 is noted (idle money)" },
  checkRow(i, row, ctx) {
    const bv = valueOf(row, BALANCE);
    const av = valueOf(row, ACTUAL);
    if (bv !== bv || !(av > 0)) return; // NaN: not a number
    const months = (bv * 12) / av;
    const exactMonths = () => exact(num(row, "balance")!).times(12).div(exact(num(row, "actual")!));
    const band = ctx.targetsOf(i).payableMonths;
    let severity: "warning" | "info";
    if (cmpEdge(months, band.warningBelow, exactMonths) < 0) severity = "warning";
    else if (cmpEdge(months, band.infoAbove, exactMonths) > 0) severity = "info";
    else return;
    const bal = num(row, "balance")!;
    const a = num(row, "actual")!;
    const subject = ctx.subjectOf(i);
    const observed = amount(exactMonths(), 1);
    const expected = `${band.warningBelow}–${band.infoAbove}`;
    const figures = { zh: `累计结余${amount(exact(bal))} ÷ 月均支出${amount(exact(a).div(12), 2)}`, en: `balance ${amount(exact(bal))} ÷ monthly spending ${amount(exact(a).div(12), 2)}` };
    ctx.report(i, {
      severity,
      cell: row.figures.balance!.ref,
      related: [row.figures.actual!.ref],
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
};
