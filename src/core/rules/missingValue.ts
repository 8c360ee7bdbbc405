/**
 * missing-value: a figure a check needs is blank — reported, never read as 0 (SPEC §4.2: info).
 * "Needs": the budget and the actual need each other (completion rate); a stated completion rate needs both;
 * a stated growth needs the actual and a prior year (figure or change); income and balance need the actual;
 * a total needs every row it adds up. (A row whose own figure is blank above a 其中 list is not flagged: the
 * list may be partial, so nothing can be checked and nothing is lost.)
 * Only blanks in a column (or sentence) that exists count: a table without a budget column is not missing one.
 */
import { FundRow } from "../model";
import { BLANK_FIGURE, FundRule } from "./types";
import { FIGURE_ROLES, FigureRole, MISSING, kindOf, valueOf } from "./figures";
import { ROLE_NAMES } from "./format";

interface Need {
  role: FigureRole;
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

const SUM_ROLES: FigureRole[] = ["budget", "actual", "prior", "income", "balance", "people"];

/** The figure is a number (read from the store without making the figure). */
function num(row: FundRow, role: FigureRole): boolean {
  return !Number.isNaN(valueOf(row, FIGURE_ROLES.indexOf(role)));
}

function needsOf(row: FundRow, rows: FundRow[], totalMembers: number[] | undefined): Need[] {
  const needs: Need[] = [];
  const refOf = (role: FigureRole) => row.figures[role]!.ref;
  const need = (role: FigureRole, because: Need["because"], ...from: FigureRole[]) => {
    if (kindOf(row, FIGURE_ROLES.indexOf(role)) === MISSING) needs.push({ role, because, related: from.filter((r) => row.figures[r]).map(refOf) });
  };
  if (num(row, "statedCompletion")) {
    need("budget", BECAUSE.statedCompletion, "statedCompletion");
    need("actual", BECAUSE.statedCompletion, "statedCompletion");
  }
  if (row.kind !== "component") {
    if (num(row, "actual")) need("budget", BECAUSE.completion, "actual");
    if (num(row, "budget")) need("actual", BECAUSE.completion, "budget");
  }
  if (num(row, "statedGrowth")) {
    need("actual", BECAUSE.growth, "statedGrowth");
    if (!num(row, "statedChange")) need("prior", BECAUSE.growth, "statedGrowth");
  }
  if (num(row, "statedChange")) need("actual", BECAUSE.growth, "statedChange");
  if (num(row, "income")) need("actual", BECAUSE.balance, "income");
  if (num(row, "balance")) need("actual", BECAUSE.balance, "balance");
  for (const role of SUM_ROLES) {
    if (totalMembers && num(row, role) && totalMembers.some((m) => num(rows[m], role))) {
      const k = FIGURE_ROLES.indexOf(role);
      for (const m of totalMembers) {
        if (kindOf(rows[m], k) === MISSING) needs.push({ role, because: BECAUSE.total, related: [row.figures[role]!.ref], row: m });
      }
    }
  }
  return needs;
}

export const missingValue: FundRule = {
  id: "missing-value",
  severity: "info",
  describe: { zh: "校验所需的数据为空（空白不按0处理）", en: "A figure a check needs is blank (a blank is never read as 0)" },
  checkRow(i, row, ctx) {
    // Most rows have no blank and add nothing up: nothing to do, nothing allocated.
    if (!(ctx.facts.flags[i] & BLANK_FIGURE) && !ctx.facts.totalMembers.has(i)) return;
    const needs = needsOf(row, ctx.table.rows, ctx.facts.totalMembers.get(i));
    for (const n of needs) {
      const at = n.row ?? i;
      const target = ctx.table.rows[at];
      const cell = target.figures[n.role]!.ref;
      if (!ctx.firstTime("missing-value " + cell)) continue;
      const subject = ctx.subjectOf(at);
      const what = ROLE_NAMES[n.role];
      ctx.report(i, {
        row: at,
        cell,
        related: n.related,
        observed: "空白 (blank)",
        expected: `${what.zh} (${what.en})`,
        message: {
          zh: `${subject}：${what.zh}为空，${n.because.zh}（空白不按0计算）`,
          en: `${subject}: the ${what.en} is blank, so ${n.because.en} (a blank is not read as 0)`,
        },
      });
    }
  },
};
