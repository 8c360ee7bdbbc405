/**
 * indicator-unexplained: a missed target whose 偏差原因分析及改进措施 cell is empty (or holds only "—", "/").
 * The finding points at that cell, the one to fill (observed: blank, or the placeholder it holds; expected: a
 * reason and a remedy), with the missed actual and its target as related.
 */
import { BLANK } from "../../findings";
import { toA1 } from "../../grid";
import { defineIndicatorRule } from "../types";
import { isPlaceholder, shownActual } from "../figureText";

const A_REASON = { zh: "偏差原因分析及改进措施", en: "a reason and a remedy" };

export const indicatorUnexplained = defineIndicatorRule({
  id: "indicator-unexplained",
  severity: "warning",
  describe: {
    zh: "未完成的绩效指标没有填写偏差原因分析及改进措施",
    en: "A missed target has no deviation reason (偏差原因分析及改进措施)",
  },
  shows: { observed: "the 偏差原因 cell: blank, or its placeholder", expected: "a reason and a remedy" },
  checkRow(i, row, ctx) {
    const reasonCol = ctx.table.columns.reason;
    if (row.kind !== "indicator" || reasonCol === undefined) return;
    const e = ctx.evaluate(i);
    if (e.verdict?.kind !== "missed" || !e.target) return;
    const reason = row.text.reason;
    if (reason !== undefined && !isPlaceholder(reason)) return;
    const actual = shownActual(row.figures.indicatorActual, row.text.indicatorActual, e.target);
    const reasonCell = toA1(row.row, reasonCol);
    ctx.report(i, {
      cell: reasonCell,
      related: [row.figures.indicatorActual!.ref, ...(row.figures.target ? [row.figures.target.ref] : [])],
      observed: reason ?? BLANK.en,
      ...(reason === undefined ? { observedText: BLANK } : {}),
      expected: A_REASON.en,
      expectedText: A_REASON,
      message: {
        zh: `${row.label}：实际完成值${actual}未达到年度指标值${e.target.text}，但${reasonCell}未填写偏差原因分析及改进措施`,
        en: `${row.label}: the target ${e.target.text} is missed (actual ${actual}) but no deviation reason or remedy is given in ${reasonCell}`,
      },
    });
  },
});
