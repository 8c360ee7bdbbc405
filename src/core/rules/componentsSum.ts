/**
 * components-sum: a total differs from the sum of its parts by more than rounding can explain.
 * 合计/总计/小计 rows against the rows they add up: error either way. A 其中 list against the row it breaks
 * down: error when the parts exceed it. A list that falls short is no finding by default: published 决算 tables
 * list only their main items (their 其中 lists cover anywhere from 38% to 99% of the total), so a shortfall is
 * an unlisted item far more often than a mistake. A user whose lists are full breakdowns by convention sets the
 * coverage target (e.g. 90%): a list covering at least that much and falling short is then a warning.
 * Rounding: each figure is written rounded to its last digit, so a total of n parts may differ from the sum of
 * the written parts by up to half a unit of each (n + 1 half units when all share one precision): 7.87 亿元
 * against four parts adding to 7.85 is rounding, 8.03 against 7.73 is not.
 * Observed: the total as written; expected: the sum of its parts.
 */
import Decimal from "decimal.js";
import { exact, halfUnit } from "../numbers";
import { RuleContext, defineFundRule } from "./rule";
import { ABSENT, ACTUAL, BALANCE, BUDGET, FIGURE_ROLES, INCOME, NUMBER, OPENING_BALANCE, PEOPLE, PRIOR, Precision, SURPLUS, TableFigures, floatDiffers } from "./figures";
import { ROLE_NAMES, amount } from "./figureText";

const SUM_ROLES = [BUDGET, ACTUAL, PRIOR, INCOME, BALANCE, SURPLUS, OPENING_BALANCE, PEOPLE];

const precision: Precision = { decimals: 0, percent: false, permille: false, places: 0 };

/** Half a unit of the last written digit of each part: how far rounding alone can move their sum. */
function partsRounding(f: TableFigures, parts: readonly number[], role: number): number {
  let half = 0;
  for (let j = 0; j < parts.length; j++) if (f.precision(parts[j], role, precision)) half += 0.5 * Math.pow(10, -precision.decimals);
  return half;
}

function exactPartsRounding(f: TableFigures, parts: readonly number[], role: number): Decimal {
  let half = new Decimal(0);
  for (const m of parts) half = half.plus(halfUnit(f.num(m, role)!));
  return half;
}

/** The members whose figure for the role is a number, in order. */
function numberParts(f: TableFigures, members: number[], role: number): number[] {
  return members.filter((m) => f.kind(m, role) === NUMBER);
}

/** (Helpers, not closures in check: a closure over the role would cost every row a context.) */
function partRefs(f: TableFigures, parts: number[], role: number): string[] {
  return parts.map((m) => f.ref(m, role)!);
}

function exactSum(f: TableFigures, parts: number[], role: number): Decimal {
  let s = new Decimal(0);
  for (const m of parts) s = s.plus(exact(f.num(m, role)!));
  return s;
}

function check(i: number, ctx: RuleContext<number>, members: number[], isTotal: boolean): void {
  const f = ctx.figures;
  for (let k = 0; k < SUM_ROLES.length; k++) {
    const role = SUM_ROLES[k];
    const totalValue = f.value(i, role);
    if (totalValue !== totalValue) continue; // NaN: not a number
    // The parts' floats first; their reads and cells are fetched only for an exact sum or a finding.
    let floatSum = 0;
    let numbers = 0;
    let incomplete = false; // a part is blank or text: a total cannot be checked (missing-value / not-a-number say why)
    for (let j = 0; j < members.length; j++) {
      const kind = f.kind(members[j], role);
      if (kind === NUMBER) {
        floatSum += f.value(members[j], role);
        numbers++;
      } else if (kind !== ABSENT) incomplete = true;
    }
    if (numbers === 0 || (isTotal && incomplete)) continue;
    const t = f.num(i, role)!;
    const parts = numberParts(f, members, role);
    const differs = floatDiffers(floatSum, totalValue, 0.5 * Math.pow(10, -t.decimals) + partsRounding(f, parts, role));
    if (differs === 0) continue;
    const sum = exactSum(f, parts, role);
    const total = exact(t);
    if (differs < 0 && !sum.minus(total).abs().gt(halfUnit(t).plus(exactPartsRounding(f, parts, role)))) continue; // too close for floats: exactly
    const over = sum.gt(total);
    let severity: "error" | "warning" = "error";
    if (!isTotal && !over) {
      // A 其中 list that falls short: a full breakdown only when it covers most of the total.
      if (total.lte(0)) continue;
      const coverage = ctx.threshold(i);
      if (coverage >= 1 || sum.div(total).lt(coverage)) continue;
      severity = "warning";
    }
    const subject = ctx.subjectOf(i);
    const what = ROLE_NAMES[FIGURE_ROLES[role]];
    const gap = amount(sum.minus(total).abs());
    const observed = amount(total);
    const expected = amount(sum);
    const list = isTotal ? { zh: "各项相加", en: "the rows it adds up total" } : { zh: "其中各项相加", en: "its components add up to" };
    ctx.report(i, {
      severity,
      cell: f.ref(i, role)!,
      related: partRefs(f, parts, role),
      observed,
      expected,
      message: {
        zh: `${subject}：${what.zh}${observed}，但${list.zh}为${expected}，比${what.zh}${over ? "多" : "少"}${gap}${!isTotal && !over ? "（如有未列明的项目请补充）" : ""}`,
        en: `${subject}: ${what.en} is ${observed}, but ${list.en} ${expected} (${gap} ${over ? "over" : "short"})${!isTotal && !over ? "; list any missing item" : ""}`,
      },
    });
  }
}

export const componentsSum = defineFundRule({
  id: "components-sum",
  severity: "error",
  describe: {
    zh: "合计/小计应等于所列各项之和（允许各数四舍五入的误差）；“其中”各项之和不应超过总数（未列全的“其中”默认不提示）",
    en: "A total equals the sum of its rows (within the rounding of its figures); a 其中 list must not exceed its total (a partial list is no finding by default)",
  },
  shows: { observed: "the total as written (合计, or the row a 其中 list breaks down)", expected: "the sum of its parts" },
  threshold: {
    key: "componentsCoverage",
    perFund: true,
    field: { kind: "percent", looser: "higher", min: 0, max: 1, default: 1, label: { zh: "“其中”项合计达到总数的此比例（%）时按完整构成校验", en: "其中 list is a full breakdown from (% of its total)" } },
  },
  checkRow(i, _row, ctx) {
    const members = ctx.facts.totalMembers.get(i);
    if (members && members.length) check(i, ctx, members, true);
    const components = ctx.facts.components[i];
    if (components && components.length) check(i, ctx, components, false);
  },
});
