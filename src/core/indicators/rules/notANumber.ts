/**
 * not-a-number (indicator cells): text where a figure is expected — an actual against a figure target, a weight,
 * a score. The same rule as the fund tables' (one id, one severity: ../../rules/notANumber.ts).
 */
import { A_NUMBER } from "../../findings";
import { IndicatorRole } from "../../model";
import { notANumber } from "../../rules/notANumber";
import { defineIndicatorRule } from "../types";
import { isPlaceholder } from "../figureText";

const ROLE_NAMES: Partial<Record<IndicatorRole, { zh: string; en: string }>> = {
  indicatorActual: { zh: "实际完成值", en: "actual value" },
  weight: { zh: "分值", en: "weight" },
  score: { zh: "得分", en: "score" },
};

export const indicatorNotANumber = defineIndicatorRule({
  id: notANumber.id,
  severity: notANumber.severity,
  shows: notANumber.shows,
  describe: {
    zh: "应填数字的指标单元格（数值型指标的实际完成值、分值、得分）填了文字",
    en: "Text where an indicator figure is expected (the actual of a figure target, a weight, a score)",
  },
  checkRow(i, row, ctx) {
    if (row.kind === "total") return;
    const e = ctx.evaluate(i);
    const roles: IndicatorRole[] = ["weight", "score"];
    if (e.target && (e.target.kind === "bound" || e.target.kind === "range")) roles.unshift("indicatorActual");
    for (const role of roles) {
      const f = row.figures[role];
      if (f?.read.kind !== "text" || isPlaceholder(f.read.text)) continue;
      const name = ROLE_NAMES[role]!;
      const text = f.read.text;
      ctx.report(i, {
        cell: f.ref,
        related: role === "indicatorActual" && row.figures.target ? [row.figures.target.ref] : [],
        observed: text,
        expected: role === "indicatorActual" ? e.target!.text : A_NUMBER.en,
        ...(role === "indicatorActual" ? {} : { expectedText: A_NUMBER }),
        message: {
          zh: `${row.label}：${name.zh}“${text}”不是数字${role === "indicatorActual" ? `，无法与年度指标值${e.target!.text}比较` : ""}`,
          en: `${row.label}: the ${name.en} "${text}" is not a number${role === "indicatorActual" ? `, so it cannot be compared with the target ${e.target!.text}` : ""}`,
        },
      });
    }
  },
});
