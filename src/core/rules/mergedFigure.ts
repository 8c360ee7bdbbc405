/**
 * merged-figure: one value merged across several figure cells (2300 across 预算数 and 执行数, or down two funds'
 * rows). It belongs to no one cell, so none of them is checked: not a blank, and never the same figure twice.
 * The finding points at the merge's master cell, with the cells it covers as related (warning).
 */
import { defineFundRule } from "./rule";
import { ROLE_NAMES, stated } from "./figureText";

const ONE_PER_CELL = { zh: "每格一个数字", en: "one figure per cell" };

export const mergedFigure = defineFundRule({
  id: "merged-figure",
  severity: "warning",
  describe: {
    zh: "一个数字合并跨越了多个数字单元格（如预算数与执行数合并为一格），无法判断属于哪一格，相关检查未进行",
    en: "One value merged across several figure cells (such as 预算数 and 执行数): it belongs to no one cell, so the checks that need them are not run",
  },
  shows: { observed: "the merged value, at the merge's master cell", expected: "one figure per cell" },
  checkTable(ctx) {
    for (const m of ctx.table.mergedFigures ?? []) {
      const shown = m.read.kind === "number" ? stated(m.read) : m.read.kind === "text" ? m.read.text : m.read.kind === "error" ? m.read.error : "";
      const names = [...new Set(m.roles)].map((role) => ROLE_NAMES[role]);
      const across =
        names.length > 1
          ? { zh: `跨越了${names.map((n) => n.zh).join("、")}${names.length}列`, en: `across the ${names.map((n) => n.en).join(" and ")} columns` }
          : { zh: `跨越了${m.covered.length + 1}行的${names[0].zh}`, en: `down ${m.covered.length + 1} rows of ${names[0].en}` };
      const subject = ctx.subjectOf(m.row);
      ctx.report(m.row, {
        cell: m.ref,
        related: m.covered,
        observed: shown,
        expected: ONE_PER_CELL.en,
        expectedText: ONE_PER_CELL,
        message: {
          zh: `${subject}：${m.ref}的“${shown}”合并${across.zh}（${[m.ref, ...m.covered].join("、")}），无法判断它属于哪一格，相关检查未进行；请取消合并并分别填写`,
          en: `${subject}: "${shown}" in ${m.ref} is merged ${across.en} (${[m.ref, ...m.covered].join(", ")}), so it belongs to no one cell and the checks that need them are not run; unmerge it and fill each cell`,
        },
      });
    }
  },
});
