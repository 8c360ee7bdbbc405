/**
 * indicator-target-miss: an indicator's actual value does not meet its target (target forms: docs/indicators.md).
 * Observed: the actual as written (a fraction against a percentage target as a percentage); expected: the target.
 */
import { defineIndicatorRule } from "../types";
import { shownActual } from "../figureText";

export const indicatorTargetMiss = defineIndicatorRule({
  id: "indicator-target-miss",
  severity: "warning",
  describe: {
    zh: "绩效指标的实际完成值未达到年度指标值（≥95%、1%以内、95%-105%、按时足额等）",
    en: "An indicator's actual value does not meet its target (≥95%, 1%以内, 95%-105%, 按时足额 …)",
  },
  shows: { observed: "the actual as written (a fraction against a percentage target as a percentage)", expected: "the target" },
  checkRow(i, row, ctx) {
    if (row.kind !== "indicator") return;
    const e = ctx.evaluate(i);
    if (e.verdict?.kind !== "missed" || !e.target) return;
    const actual = shownActual(row.figures.indicatorActual, row.text.indicatorActual, e.target);
    const target = e.target.text;
    const side =
      e.verdict.side === "low"
        ? { zh: "低于", en: "falls short of" }
        : e.verdict.side === "high"
          ? { zh: "超出", en: "exceeds the limit of" }
          : { zh: "未达到", en: "does not meet" };
    ctx.report(i, {
      cell: row.figures.indicatorActual!.ref,
      related: row.figures.target ? [row.figures.target.ref] : [],
      observed: actual,
      expected: target,
      message: {
        zh: `${row.label}：实际完成值${actual}${side.zh}年度指标值${target}，未完成目标`,
        en: `${row.label}: the actual value ${actual} ${side.en} the target ${target}; the target is missed`,
      },
    });
  },
});
