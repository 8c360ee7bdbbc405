/**
 * completion-band: actual ÷ budget against the target band (ok 95%–105%, warning to 90%/110%, error beyond).
 * Observed: the computed rate (no cell states it); expected: the band. A negative budget or actual has no
 * completion rate (negative-figure reports it), nor has a budget of 0 (unbudgeted-spending).
 */
import { defineFundRule } from "./rule";
import { ACTUAL, BUDGET, cmpEdge, exactCompletion } from "./figures";
import { amountOf, pct, pctBand } from "./figureText";

export const completionBand = defineFundRule({
  id: "completion-band",
  severity: "error",
  describe: {
    zh: "预算完成率（支出 ÷ 预算）应在目标区间内：默认95%–105%为正常，90%–95%或105%–110%为提醒，低于90%或高于110%为错误",
    en: "Completion rate (actual ÷ budget) within the target band: 95%–105% by default; 90–95% or 105–110% is a warning, beyond is an error",
  },
  shows: { observed: "the completion rate computed from the row (actual ÷ budget; no cell states it)", expected: "the target band (95%–105%)" },
  threshold: {
    key: "completionBand",
    perFund: true,
    fields: {
      okLow: { kind: "percent", looser: "lower", min: 0, max: 10, default: 0.95, label: { zh: "完成率正常区间下限（%）", en: "Completion ok from (%)" } },
      okHigh: { kind: "percent", looser: "higher", min: 0, max: 10, default: 1.05, label: { zh: "完成率正常区间上限（%）", en: "Completion ok up to (%)" } },
      warningLow: { kind: "percent", looser: "lower", min: 0, max: 10, default: 0.9, label: { zh: "完成率警告下限（%，低于此为错误）", en: "Warning below ok from (%), error under" } },
      warningHigh: { kind: "percent", looser: "higher", min: 0, max: 10, default: 1.1, label: { zh: "完成率警告上限（%，高于此为错误）", en: "Warning above ok up to (%), error over" } },
    },
    ordered: [
      ["warningLow", "okLow"],
      ["okLow", "okHigh"],
      ["okHigh", "warningHigh", "upper"],
    ],
  },
  checkRow(i, _row, ctx) {
    const f = ctx.figures;
    const bv = f.value(i, BUDGET);
    const av = f.value(i, ACTUAL);
    // (NaN: not a number.) A zero budget: unbudgeted-spending; a negative figure: negative-figure.
    if (!(bv > 0) || !(av >= 0)) return;
    const rate = av / bv;
    const band = ctx.threshold(i);
    let severity: "warning" | "error" | undefined;
    let below = false;
    if (cmpEdge(rate, band.okLow, f, i, exactCompletion) < 0) {
      below = true;
      severity = cmpEdge(rate, band.warningLow, f, i, exactCompletion) < 0 ? "error" : "warning";
    } else if (cmpEdge(rate, band.okHigh, f, i, exactCompletion) > 0) {
      severity = cmpEdge(rate, band.warningHigh, f, i, exactCompletion) > 0 ? "error" : "warning";
    }
    if (!severity) return;
    const subject = ctx.subjectOf(i);
    const observed = pct(exactCompletion(f, i), 1);
    const expected = pctBand(band.okLow, band.okHigh);
    const spent = amountOf(f.num(i, ACTUAL)!);
    const budget = amountOf(f.num(i, BUDGET)!);
    const far = severity === "error";
    ctx.report(i, {
      severity,
      cell: f.ref(i, ACTUAL)!,
      related: [f.ref(i, BUDGET)!],
      observed,
      expected,
      message: {
        zh: `${subject}：预算完成率${observed}（支出${spent} ÷ 预算${budget}），${below ? "低于" : "超出"}${expected}的目标区间${far ? (below ? "，预算执行明显不足" : "，超预算较多") : ""}`,
        en: `${subject}: completion rate ${observed} (actual ${spent} ÷ budget ${budget}) is ${below ? "below" : "above"} the ${expected} target band${far ? (below ? " by a wide margin" : ", well over budget") : ""}`,
      },
    });
  },
});
