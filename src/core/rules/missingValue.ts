/**
 * missing-value: a figure a check needs is blank — reported, never read as 0 (info).
 * "Needs": the budget and the actual need each other (completion rate); a stated completion rate needs both;
 * a stated growth needs the actual and a prior year (figure or change); income and balance need the actual;
 * a total needs every row it adds up. (A row whose own figure is blank above a 其中 list is not flagged: the
 * list may be partial, so nothing can be checked and nothing is lost.)
 * Only blanks in a column (or sentence) that exists count: a table without a budget column is not missing one.
 * A placeholder ("—", "n/a", "无") is missing too, and the finding quotes it: observed is what the cell holds.
 */
import { BLANK } from "../findings";
import { FundRow } from "../model";
import { BLANK_FIGURE, RuleContext, defineFundRule } from "./rule";
import { ACTUAL, BALANCE, BUDGET, FIGURE_ROLES, INCOME, MISSING, NUMBER, PEOPLE, PRIOR, STATED_CHANGE, STATED_COMPLETION, STATED_GROWTH, TableFigures } from "./figures";
import { ROLE_NAMES } from "./figureText";

interface Need {
  role: number;
  because: { zh: string; en: string };
  related: string[];
  /** The row the blank is on, when not the row being checked (a row a total adds up). */
  row?: number;
}

const BECAUSE = {
  completion: { zh: "无法计算预算完成率", en: "the completion rate cannot be computed" },
  statedCompletion: { zh: "无法核对填报的完成率", en: "the stated completion rate cannot be checked" },
  growth: { zh: "无法核对填报的增幅", en: "the stated growth cannot be checked" },
  balance: { zh: "无法核对收支或结余", en: "income, balance and spending cannot be compared" },
  total: { zh: "无法核对合计数", en: "the total cannot be checked" },
};

const SUM_ROLES = [BUDGET, ACTUAL, PRIOR, INCOME, BALANCE, PEOPLE];

/** Figure `role` of row i is a number. */
function isNumber(f: TableFigures, i: number, role: number): boolean {
  return f.kind(i, role) === NUMBER;
}

function anyNumber(f: TableFigures, rows: number[], role: number): boolean {
  for (const m of rows) if (isNumber(f, m, role)) return true;
  return false;
}

/** Notes that row i needs `role` (for `because`, as `from` shows) when it is blank. */
function need(needs: Need[], f: TableFigures, i: number, role: number, because: Need["because"], from: number): void {
  if (f.kind(i, role) !== MISSING) return;
  const related = f.ref(i, from);
  needs.push({ role, because, related: related === undefined ? [] : [related] });
}

function needsOf(f: TableFigures, i: number, row: FundRow, totalMembers: number[] | undefined): Need[] {
  const needs: Need[] = [];
  if (isNumber(f, i, STATED_COMPLETION)) {
    need(needs, f, i, BUDGET, BECAUSE.statedCompletion, STATED_COMPLETION);
    need(needs, f, i, ACTUAL, BECAUSE.statedCompletion, STATED_COMPLETION);
  }
  if (row.kind !== "component") {
    if (isNumber(f, i, ACTUAL)) need(needs, f, i, BUDGET, BECAUSE.completion, ACTUAL);
    if (isNumber(f, i, BUDGET)) need(needs, f, i, ACTUAL, BECAUSE.completion, BUDGET);
  }
  if (isNumber(f, i, STATED_GROWTH)) {
    need(needs, f, i, ACTUAL, BECAUSE.growth, STATED_GROWTH);
    if (!isNumber(f, i, STATED_CHANGE)) need(needs, f, i, PRIOR, BECAUSE.growth, STATED_GROWTH);
  }
  if (isNumber(f, i, STATED_CHANGE)) need(needs, f, i, ACTUAL, BECAUSE.growth, STATED_CHANGE);
  if (isNumber(f, i, INCOME)) need(needs, f, i, ACTUAL, BECAUSE.balance, INCOME);
  if (isNumber(f, i, BALANCE)) need(needs, f, i, ACTUAL, BECAUSE.balance, BALANCE);
  if (totalMembers) {
    for (const role of SUM_ROLES) {
      if (!isNumber(f, i, role) || !anyNumber(f, totalMembers, role)) continue;
      for (const m of totalMembers) {
        if (f.kind(m, role) === MISSING) needs.push({ role, because: BECAUSE.total, related: [f.ref(i, role)!], row: m });
      }
    }
  }
  return needs;
}

export const missingValue = defineFundRule({
  id: "missing-value",
  severity: "info",
  describe: { zh: "校验所需的数据为空（空白不按0处理）", en: "A figure a check needs is blank (a blank is never read as 0)" },
  checkRow(i, row, ctx) {
    // Most rows have no blank and add nothing up: nothing to do, nothing allocated.
    if (!(ctx.facts.flags[i] & BLANK_FIGURE) && !ctx.facts.totalMembers.has(i)) return;
    reportNeeds(i, row, ctx);
  },
  shows: { observed: "blank, or the placeholder the cell holds (—, n/a, 无)", expected: "the figure it should hold (budget, score …)" },
});

function reportNeeds(i: number, row: FundRow, ctx: RuleContext<undefined>): void {
  const f = ctx.figures;
  for (const n of needsOf(f, i, row, ctx.facts.totalMembers.get(i))) {
    const at = n.row ?? i;
    const cell = f.ref(at, n.role)!;
    if (!ctx.firstTime("missing-value " + cell)) continue;
    const subject = ctx.subjectOf(at);
    const what = ROLE_NAMES[FIGURE_ROLES[n.role]];
    const read = f.read(at, n.role);
    const placeholder = read?.kind === "missing" ? read.placeholder : undefined;
    if (placeholder !== undefined) {
      ctx.report(i, {
        row: at,
        cell,
        related: n.related,
        observed: placeholder,
        expected: what.en,
        expectedText: what,
        message: {
          zh: `${subject}：${what.zh}填的是“${placeholder}”，不是数字，${n.because.zh}（不按0计算）`,
          en: `${subject}: the ${what.en} holds "${placeholder}", not a figure, so ${n.because.en} (it is not read as 0)`,
        },
      });
      continue;
    }
    ctx.report(i, {
      row: at,
      cell,
      related: n.related,
      observed: BLANK.en,
      observedText: BLANK,
      expected: what.en,
      expectedText: what,
      message: {
        zh: `${subject}：${what.zh}为空，${n.because.zh}（空白不按0计算）`,
        en: `${subject}: the ${what.en} is blank, so ${n.because.en} (a blank is not read as 0)`,
      },
    });
  }
}
