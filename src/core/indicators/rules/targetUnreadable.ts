/**
 * target-unreadable: an indicator target that cannot be read, or an actual that cannot be set against it
 * (another unit, an answer that says neither yes nor no). A number where the target needs one is not-a-number.
 */
import { defineIndicatorRule } from "../types";
import { shown } from "../figureText";

export const targetUnreadable = defineIndicatorRule({
  id: "target-unreadable",
  severity: "info",
  describe: {
    zh: "无法识别的年度指标值（或实际完成值无法与之比较），该指标未作判断",
    en: "A target that cannot be read (or an actual that cannot be compared with it); the indicator is not judged",
  },
  shows: { observed: "the target (or the actual) as written", expected: "the forms a target may take (or the target)" },
  checkRow(i, row, ctx) {
    if (row.kind !== "indicator") return;
    const e = ctx.evaluate(i);
    if (!e.target) return;
    if (e.target.kind === "unreadable") {
      ctx.report(i, {
        cell: row.figures.target!.ref,
        related: [],
        observed: e.target.text,
        expected: "≥95%, ≤1%, 95%-105%, ≥1618人, 按时足额 …",
        message: {
          zh: `${row.label}：无法识别年度指标值“${e.target.text}”，该指标未作判断（可写作≥95%、1%以内、95%-105%、≥1618人、按时足额等）`,
          en: `${row.label}: the target "${e.target.text}" cannot be read, so the indicator is not judged (write ≥95%, 1%以内, 95%-105%, ≥1618人, 按时足额 …)`,
        },
      });
      return;
    }
    if (e.verdict?.kind !== "unreadable") return;
    // Text against a figure target is not-a-number's; this rule takes what is left (units, vague answers).
    if (e.actual.kind === "text" && (e.target.kind === "bound" || e.target.kind === "range")) return;
    if (e.actual.kind === "error") return;
    const actual = shown(row.figures.indicatorActual, row.text.indicatorActual);
    ctx.report(i, {
      cell: row.figures.indicatorActual!.ref,
      related: [row.figures.target!.ref],
      observed: actual,
      expected: e.target.text,
      message: {
        zh: `${row.label}：无法判断实际完成值“${actual}”是否达到年度指标值“${e.target.text}”${e.target.kind === "qualitative" ? "（可填写达成/已完成/是，或未达成/否）" : "（单位或写法不一致）"}，该指标未作判断`,
        en: `${row.label}: the actual value "${actual}" cannot be compared with the target "${e.target.text}" (${e.verdict.reason}); the indicator is not judged`,
      },
    });
  },
});
