/**
 * The fund rules (SPEC §4.2) and their runner. Rules read only the FundTable model, so tables read from a
 * sheet and tables read from report text (refs "L12", rows with line/quote) are checked the same way.
 */
import { ABSENT, FIGURE_ROLES, MISSING, NUMBER, TableFigures } from "../figureStore";
import { copyTexts, Finding, RuleId, Severity } from "../findings";
import { FundTable } from "../model";
import { FundTargets, Targets, targetsFor } from "../targets";
import { budgetBalance } from "./budgetBalance";
import { completionBand } from "./completionBand";
import { componentsSum } from "./componentsSum";
import { missingValue } from "./missingValue";
import { notANumber } from "./notANumber";
import { payableMonthsBand } from "./payableMonthsBand";
import { statedChangeMismatch } from "./statedChangeMismatch";
import { statedRateMismatch } from "./statedRateMismatch";
import { unbudgetedSpending } from "./unbudgetedSpending";
import { unitMismatch } from "./unitMismatch";
import { yoyGrowthBand } from "./yoyGrowthBand";
import { BAD_FIGURE, BLANK_FIGURE, FundRule, RuleContext, RuleFinding, TableFacts } from "./types";

export type { FundRule } from "./types";

/** The catalogue, in the order findings of one row are listed. */
export const FUND_RULES: readonly FundRule[] = [
  unitMismatch,
  notANumber,
  missingValue,
  unbudgetedSpending,
  completionBand,
  statedRateMismatch,
  statedChangeMismatch,
  yoyGrowthBand,
  componentsSum,
  budgetBalance,
  payableMonthsBand,
];

export function fundRule(id: RuleId): FundRule | undefined {
  return FUND_RULES.find((r) => r.id === id);
}

/** Names that are funds in their own right; a component so named is shown alone, not as "parent / name". */
const FUND_NAME = /保险|基金|年金|insurance|pension|fund/i;

/** Components of each row, and the rows each 合计/总计/小计 adds up. */
export function tableFacts(table: FundTable, figures: TableFigures = TableFigures.of(table.rows)): TableFacts {
  const rows = table.rows;
  const n = rows.length;
  const components: number[][] = new Array(n);
  const labelOnly: boolean[] = new Array(n).fill(false);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let any = false;
    let f = 0;
    for (let role = 0; role < FIGURE_ROLES.length; role++) {
      const kind = figures.kind(i, role);
      if (kind === ABSENT) continue;
      if (kind === MISSING) f |= BLANK_FIGURE;
      else {
        any = true;
        if (kind !== NUMBER) f |= BAD_FIGURE;
      }
    }
    labelOnly[i] = !any;
    flags[i] = f;
  }
  for (let i = 0; i < n; i++) {
    const p = rows[i].parent;
    if (rows[i].kind === "component" && p !== undefined && p >= 0 && p < n && p !== i) (components[p] ??= []).push(i);
  }
  const totalMembers = new Map<number, number[]>();
  // A 合计 adds up the items since the previous 合计; a 小计 the items since the previous 小计 or 合计.
  // With nothing above it (合计 as the first row, common in Chinese tables) it adds up the items below it.
  // (Where each run starts is kept, not its rows: most tables have no total, and their rows are never listed.)
  const itemsBetween = (from: number, to: number): number[] => {
    const members: number[] = [];
    for (let j = from; j < to; j++) if (rows[j].kind === "item" && !labelOnly[j]) members.push(j);
    return members;
  };
  let sinceTotal = 0;
  let sinceSubtotal = 0;
  for (let i = 0; i < n; i++) {
    const kind = rows[i].kind;
    if (kind !== "total" && kind !== "subtotal") continue;
    let members = itemsBetween(kind === "total" ? sinceTotal : sinceSubtotal, i);
    if (!members.length) {
      let end = i + 1;
      while (end < n && rows[end].kind !== "total" && rows[end].kind !== "subtotal") end++;
      members = itemsBetween(i + 1, end);
    }
    if (members.length) totalMembers.set(i, members);
    sinceSubtotal = i + 1;
    if (kind === "total") sinceTotal = i + 1;
  }
  return { components, totalMembers, labelOnly, flags };
}

export interface RunHooks {
  /** Called when a rule throws (a bug): the rule's findings for that row are lost, the others go on. */
  onRuleError?(rule: RuleId, error: unknown): void;
}

/**
 * Runs every fund rule over every row of a table; all findings, in row order. Never throws.
 * `figures`: the table's figures when the caller already has them.
 */
export function runFundRules(table: FundTable, targets: Targets, hooks?: RunHooks, figures: TableFigures = TableFigures.of(table.rows)): Finding[] {
  const findings: Finding[] = [];
  const rows = table.rows;
  let facts: TableFacts;
  try {
    facts = tableFacts(table, figures);
  } catch (error) {
    hooks?.onRuleError?.("components-sum", error);
    facts = { components: [], totalMembers: new Map(), labelOnly: [], flags: new Uint8Array(rows.length) };
  }
  const subjects = new Map<number, string>();
  const subjectOf = (i: number): string => {
    let s = subjects.get(i);
    if (s !== undefined) return s;
    const row = rows[i];
    if (!row) return "";
    s = row.subject || `(${row.subjectRef})`;
    const parent = row.kind === "component" && row.parent !== undefined ? rows[row.parent] : undefined;
    if (parent && parent.subject && !FUND_NAME.test(row.subject)) s = `${parent.subject} / ${s}`;
    subjects.set(i, s);
    return s;
  };
  const hasOverrides = Object.keys(targets.funds ?? {}).length > 0;
  const targetCache = new Map<string, FundTargets>();
  const targetsOf = (i: number): FundTargets => {
    if (!hasOverrides) return targets;
    const subject = subjectOf(i);
    let t = targetCache.get(subject);
    if (!t) targetCache.set(subject, (t = targetsFor(targets, subject)));
    return t;
  };
  const seen = new Set<string>();
  let current: FundRule = FUND_RULES[0];
  const ctx: RuleContext = {
    table,
    figures,
    facts,
    targetsOf,
    subjectOf,
    firstTime(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
    report(i: number, f: RuleFinding) {
      const at = f.row ?? i;
      const row = at >= 0 ? rows[at] : undefined;
      const override = (at >= 0 ? targetsOf(at) : targets).severity?.[current.id];
      if (override === "off") return;
      const severity: Severity = override ?? f.severity ?? current.severity;
      const finding: Finding = {
        rule: current.id,
        severity,
        sheet: table.sheet,
        cell: f.cell,
        related: f.related,
        subject: at >= 0 ? subjectOf(at) : "",
        observed: f.observed,
        expected: f.expected,
        message: f.message,
      };
      copyTexts(f, finding);
      if (row?.line !== undefined) finding.line = row.line;
      if (row?.quote !== undefined) finding.quote = row.quote;
      findings.push(finding);
    },
  };
  for (const rule of FUND_RULES) {
    if (!rule.checkTable) continue;
    current = rule;
    try {
      rule.checkTable(ctx);
    } catch (error) {
      hooks?.onRuleError?.(rule.id, error);
    }
  }
  const rowRules = FUND_RULES.filter((rule) => rule.checkRow);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let k = 0; k < rowRules.length; k++) {
      const rule = rowRules[k];
      current = rule;
      try {
        rule.checkRow!(i, row, ctx);
      } catch (error) {
        hooks?.onRuleError?.(rule.id, error);
      }
    }
  }
  return findings;
}
