/**
 * components-sum: a total differs from the sum of its parts beyond half a unit of its last digit.
 * 合计/总计/小计 rows against the rows they add up: error either way. A 其中 list against the row it breaks
 * down: error when the parts exceed it, warning when they fall short (an item may be unlisted) — and only when
 * the list covers at least the coverage target (90%) of the total; a shorter list is a partial listing.
 */
import Decimal from "decimal.js";
import { exact, halfUnit, NumberRead } from "../numbers";
import { FundRow } from "../model";
import { FundRule, RuleContext } from "./types";
import { ABSENT, ACTUAL, BALANCE, BUDGET, FigureRole, INCOME, NUMBER, PEOPLE, PRIOR, differsBeyond, kindOf, num, valueOf } from "./figures";
import { ROLE_NAMES, amount } from "./format";

const SUM_ROLES: FigureRole[] = ["budget", "actual", "prior", "income", "balance", "people"];
const SUM_ROLE_INDEX = [BUDGET, ACTUAL, PRIOR, INCOME, BALANCE, PEOPLE];

interface Parts {
  /** The members whose figure is a number, in order. */
  rows: number[];
  floatSum: number;
  /** A part's figure is blank or text: the sum cannot be checked (missing-value / not-a-number say why). */
  incomplete: boolean;
}

/** The parts' floats; their reads and cells are fetched only for an exact sum or a finding. */
function partsOf(rows: FundRow[], members: number[], role: number): Parts {
  const parts: Parts = { rows: [], floatSum: 0, incomplete: false };
  for (const m of members) {
    const kind = kindOf(rows[m], role);
    if (kind === NUMBER) {
      parts.rows.push(m);
      parts.floatSum += valueOf(rows[m], role);
    } else if (kind !== ABSENT) parts.incomplete = true;
  }
  return parts;
}

function partReads(rows: FundRow[], parts: Parts, role: FigureRole): NumberRead[] {
  return parts.rows.map((m) => num(rows[m], role)!);
}

function exactSum(reads: NumberRead[]): Decimal {
  let s = new Decimal(0);
  for (const r of reads) s = s.plus(exact(r));
  return s;
}

function check(i: number, row: FundRow, ctx: RuleContext, members: number[], isTotal: boolean): void {
  const rows = ctx.table.rows;
  for (let k = 0; k < SUM_ROLES.length; k++) {
    const role = SUM_ROLES[k];
    const index = SUM_ROLE_INDEX[k];
    if (kindOf(row, index) !== NUMBER) continue;
    const parts = partsOf(rows, members, index);
    if (parts.rows.length === 0) continue;
    if (isTotal && parts.incomplete) continue;
    const t = num(row, role)!;
    const tolerance = 0.5 * Math.pow(10, -t.decimals);
    let sumExact: Decimal | undefined;
    const getSum = () => (sumExact ??= exactSum(partReads(rows, parts, role)));
    if (!differsBeyond(parts.floatSum, t.value, tolerance, () => getSum().minus(exact(t)), () => halfUnit(t))) continue;
    const sum = getSum();
    const total = exact(t);
    const over = sum.gt(total);
    let severity: "error" | "warning" = "error";
    if (!isTotal && !over) {
      // A 其中 list that falls short: a full breakdown only when it covers most of the total.
      if (total.lte(0)) continue;
      if (sum.div(total).lt(ctx.targetsOf(i).componentsCoverage)) continue;
      severity = "warning";
    }
    const subject = ctx.subjectOf(i);
    const what = ROLE_NAMES[role];
    const gap = amount(sum.minus(total).abs());
    const observed = amount(sum);
    const expected = amount(total);
    const list = isTotal ? { zh: "各项相加", en: "the rows it adds up total" } : { zh: "其中各项相加", en: "its components add up to" };
    ctx.report(i, {
      severity,
      cell: row.figures[role]!.ref,
      related: parts.rows.map((m) => rows[m].figures[role]!.ref),
      observed,
      expected,
      message: {
        zh: `${subject}：${what.zh}${expected}，但${list.zh}为${observed}，${over ? "多" : "少"}${gap}${!isTotal && !over ? "（如有未列明的项目请补充）" : ""}`,
        en: `${subject}: ${what.en} is ${expected}, but ${list.en} ${observed} (${gap} ${over ? "over" : "short"})${!isTotal && !over ? "; list any missing item" : ""}`,
      },
    });
  }
}

export const componentsSum: FundRule = {
  id: "components-sum",
  severity: "error",
  describe: {
    zh: "合计/小计应等于所列各项之和；“其中”各项之和不应超过总数，覆盖总数90%以上而仍不足时提醒",
    en: "A total equals the sum of its rows; a 其中 list must not exceed its total, and one covering ≥ 90% that falls short is a warning",
  },
  checkRow(i, row, ctx) {
    const members = ctx.facts.totalMembers.get(i);
    if (members && members.length) check(i, row, ctx, members, true);
    const components = ctx.facts.components[i];
    if (components && components.length) check(i, row, ctx, components, false);
  },
};
