/** completion-band: actual ÷ budget against the target band (SPEC §4.2: ok 95%–105%, warning to 90%/110%, error beyond). */
import { exact } from "../numbers";
import { FundRule } from "./types";
import { ACTUAL, BUDGET, cmpEdge, num, valueOf } from "./figures";
import { amount, pct, pctBand } from "./format";

export const completionBand: FundRule = {
  id: "completion-band",
  severity: "error",
  describe: {
    zh: "预算完成率（支出 ÷ 预算）应在目标区间内：默认95%–105%为正常，90%–95%或105%–110%为提醒，低于90%或高于110%为错误",
    en: "Completion rate (actual ÷ budget) within the target band: 95%–105% by default; 90–95% or 105–110% is a warning, beyond is an error",
  },
  checkRow(i, row, ctx) {
    const bv = valueOf(row, BUDGET);
    const av = valueOf(row, ACTUAL);
    // A zero budget has no completion rate: unbudgeted-spending reports it. (NaN: not a number.)
    if (bv !== bv || av !== av || bv === 0) return;
    const rate = av / bv;
    const exactRate = () => exact(num(row, "actual")!).div(exact(num(row, "budget")!));
    const band = ctx.targetsOf(i).completionBand;
    let severity: "warning" | "error" | undefined;
    let below = false;
    if (cmpEdge(rate, band.okLow, exactRate) < 0) {
      below = true;
      severity = cmpEdge(rate, band.warningLow, exactRate) < 0 ? "error" : "warning";
    } else if (cmpEdge(rate, band.okHigh, exactRate) > 0) {
      severity = cmpEdge(rate, band.warningHigh, exactRate) > 0 ? "error" : "warning";
    }
    if (!severity) return;
    const a = num(row, "actual")!;
    const b = num(row, "budget")!;
    const subject = ctx.subjectOf(i);
    const observed = pct(exactRate(), 1);
    const expected = pctBand(band.okLow, band.okHigh);
    const figures = `支出${amount(exact(a))} ÷ 预算${amount(exact(b))}`;
    const figuresEn = `actual ${amount(exact(a))} ÷ budget ${amount(exact(b))}`;
    const far = severity === "error";
    ctx.report(i, {
      severity,
      cell: row.figures.actual!.ref,
      related: [row.figures.budget!.ref],
      observed,
      expected,
      message: {
        zh: `${subject}：预算完成率${observed}（${figures}），${below ? "低于" : "超出"}${expected}的目标区间${far ? (below ? "，预算执行明显不足" : "，超预算较多") : ""}`,
        en: `${subject}: completion rate ${observed} (${figuresEn}) is ${below ? "below" : "above"} the ${expected} target band${far ? (below ? " by a wide margin" : ", well over budget") : ""}`,
      },
    });
  },
};
