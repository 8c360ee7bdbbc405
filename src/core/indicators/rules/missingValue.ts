/**
 * missing-value (indicator cells): a blank target, actual, weight or score in a column the table otherwise fills.
 * A column blank on every row is a form not yet filled in (a 绩效目标表 before the year's end), not a gap.
 * The same rule as the fund tables' (one id, one severity: ../../rules/missingValue.ts); a placeholder ("—",
 * "n/a") is quoted as what the cell holds.
 */
import { BLANK } from "../../findings";
import { IndicatorRole } from "../../model";
import { missingValue } from "../../rules/missingValue";
import { defineIndicatorRule } from "../types";

const ROLES: [IndicatorRole, { zh: string; en: string }][] = [
  ["target", { zh: "年度指标值", en: "target" }],
  ["indicatorActual", { zh: "实际完成值", en: "actual value" }],
  ["weight", { zh: "分值", en: "weight" }],
  ["score", { zh: "得分", en: "score" }],
];

export const indicatorMissingValue = defineIndicatorRule({
  id: missingValue.id,
  severity: missingValue.severity,
  shows: missingValue.shows,
  describe: {
    zh: "指标表中某列其他行已填写、本行却为空白（空白不按0处理）",
    en: "A blank target, actual, weight or score in a column the table otherwise fills (a blank is not read as 0)",
  },
  checkTable(ctx) {
    const rows = ctx.table.rows.map((row, i) => ({ row, i })).filter((x) => x.row.kind === "indicator");
    for (const [role, name] of ROLES) {
      const filled = rows.filter((x) => x.row.figures[role] && x.row.figures[role]!.read.kind !== "missing").length;
      if (filled === 0) continue;
      for (const { row, i } of rows) {
        const f = row.figures[role];
        if (!f || f.read.kind !== "missing") continue;
        // A row with nothing but a name is a heading, not an indicator with gaps.
        if (!row.text.target && !row.text.indicatorActual && row.figures.weight?.read.kind === "missing" && row.figures.score?.read.kind === "missing") continue;
        const placeholder = f.read.placeholder;
        ctx.report(i, {
          cell: f.ref,
          related: [],
          ...(placeholder !== undefined ? { observed: placeholder } : { observed: BLANK.en, observedText: BLANK }),
          expected: name.en,
          expectedText: name,
          message:
            placeholder !== undefined
              ? {
                  zh: `${row.label}：${name.zh}填的是“${placeholder}”，不是数字，相关检查未进行（不按0处理）`,
                  en: `${row.label}: the ${name.en} holds "${placeholder}", not a figure, so the checks that need it were not run (it is not read as 0)`,
                }
              : {
                  zh: `${row.label}：${name.zh}为空白，相关检查未进行（空白不按0处理）`,
                  en: `${row.label}: the ${name.en} is blank, so the checks that need it were not run (a blank is not read as 0)`,
                },
        });
      }
    }
  },
});
