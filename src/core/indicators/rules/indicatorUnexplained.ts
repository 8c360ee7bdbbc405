/** indicator-unexplained: a missed target whose 偏差原因分析及改进措施 cell is empty. */
import { BLANK } from "../../findings";
import { toA1 } from "../../grid";
import { IndicatorRule } from "../types";
import { isPlaceholder, shown } from "../format";

export const indicatorUnexplained: IndicatorRule = {
  id: "indicator-unexplained",
  severity: "warning",
  describe: {
    zh: "未完成的绩效指标没有填写偏差原因分析及改进措施",
    en: "A missed target has no deviation reason (偏差原因分析及改进措施)",
  },
  checkRow(i, row, ctx) {
    const reasonCol = ctx.table.columns.reason;
    if (row.kind !== "indicator" || reasonCol === undefined) return;
    const e = ctx.evaluate(i);
    if (e.verdict?.kind !== "missed" || !e.target) return;
    const reason = row.text.reason;
    if (reason !== undefined && !isPlaceholder(reason)) return;
    const actual = shown(row.figures.indicatorActual, row.text.indicatorActual);
    const reasonCell = toA1(row.row, reasonCol);
    // The finding points at the missed actual (only missing-value points at a blank); the message names the cell to fill.
    ctx.report(i, {
      cell: row.figures.indicatorActual!.ref,
      related: row.figures.target ? [row.figures.target.ref] : [],
      observed: reason ?? BLANK.en,
      ...(reason === undefined ? { observedText: BLANK } : {}),
      expected: `${reasonCell}: a reason and a remedy`,
      expectedText: { zh: `${reasonCell}：偏差原因分析及改进措施`, en: `${reasonCell}: a reason and a remedy` },
      message: {
        zh: `${row.label}：实际完成值${actual}未达到年度指标值${e.target.text}，但${reasonCell}未填写偏差原因分析及改进措施`,
        en: `${row.label}: the target ${e.target.text} is missed (actual ${actual}) but no deviation reason or remedy is given in ${reasonCell}`,
      },
    });
  },
};
