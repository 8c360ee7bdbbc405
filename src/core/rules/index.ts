/**
 * The fund rules' runner. Rules read only the FundTable model, so tables read from a sheet and tables read from
 * report text (refs "L12", rows with line/quote) are checked the same way. The rules themselves are listed in
 * ../ruleCatalogue.ts, each in its own file.
 */
import { ABSENT, MISSING, NUMBER, TableFigures } from "../figureStore";
import { copyTexts, Finding, RuleId, Severity } from "../findings";
import { cellAt, lineAt, Location } from "../location";
import { FundRow, FundTable } from "../model";
import { clipText } from "../numbers";
import { FUND_RULES } from "../ruleCatalogue";
import { Targets, targetsFor } from "../targets";
import { Failure, internalError, internalErrorFinding } from "./internalError";
import { BAD_FIGURE, BLANK_FIGURE, FundRule, RuleContext, RuleFinding, TableFacts } from "./rule";
import { defaultOf } from "./threshold";

export type { FundRule } from "./rule";
export { FUND_RULES } from "../ruleCatalogue";

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
  const present = figures.presentRoles();
  for (let i = 0; i < n; i++) {
    let any = false;
    let f = 0;
    for (let k = 0; k < present.length; k++) {
      const kind = figures.kind(i, present[k]);
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

/**
 * A finding of a table (or row) whose source holds several years: it carries the year, and its message names it
 * after the subject ("城乡居民基本养老保险（2022年）：…", "… (2022): …").
 */
export function withPeriod(finding: Finding, period: number): void {
  finding.period = period;
  const { zh, en } = finding.message;
  const s = finding.subject;
  finding.message = {
    zh: s && zh.startsWith(`${s}：`) ? `${s}（${period}年）：${zh.slice(s.length + 1)}` : `${period}年：${zh}`,
    en: s && en.startsWith(`${s}: `) ? `${s} (${period}): ${en.slice(s.length + 2)}` : `${period}: ${en}`,
  };
}

export interface RunOptions {
  /** Called when a rule throws (a bug): besides the internal-error finding, for tests and logs. */
  onRuleError?(rule: RuleId, error: unknown): void;
  /** Run only these rules (the 预算执行率 block runs stated-rate-mismatch alone); default: every fund rule. */
  rules?: readonly FundRule[];
}

/**
 * Where a ref of the table is: a cell of the sheet, or — for report text — its line, quoting the row's sentence
 * (reportText/check.ts may quote a closer one).
 */
export function locate(table: FundTable, ref: string, row: FundRow | undefined): Location {
  if (!table.lines) return cellAt(table.sheet, ref);
  return lineAt(table.sheet, table.lines.get(ref) ?? row?.line ?? table.rows[0]?.line ?? 1, row?.quote);
}

/**
 * Runs every fund rule over every row of a table; all findings, in row order. Never throws: a rule that throws
 * loses its findings where it threw, the others go on, and an internal-error finding says which rule failed.
 * `figures`: the table's figures when the caller already has them.
 */
/** The longest subject a finding quotes whole (a fund's name is tens of characters). */
export const SUBJECT_LIMIT = 200;

export function runFundRules(table: FundTable, targets: Targets, options?: RunOptions, figures: TableFigures = TableFigures.of(table.rows)): Finding[] {
  const rules = options?.rules ?? FUND_RULES;
  const findings: Finding[] = [];
  const rows = table.rows;
  // Per rule (or step) that threw: the first row it threw on, and on how many.
  const failures = new Map<string, { failure: Failure; row: number }>();
  const failed = (rule: string, row: number, error: unknown) => {
    const known = failures.get(rule);
    if (known) known.failure.rows++;
    else failures.set(rule, { failure: { rule, error, rows: row >= 0 ? 1 : 0 }, row });
  };
  let facts: TableFacts;
  try {
    facts = tableFacts(table, figures);
  } catch (error) {
    failed("table structure (合计/其中)", -1, error);
    options?.onRuleError?.(internalError.id, error);
    facts = { components: [], totalMembers: new Map(), labelOnly: [], flags: new Uint8Array(rows.length) };
  }
  const subjects = new Map<number, string>();
  const subjectOf = (i: number): string => {
    let s = subjects.get(i);
    if (s !== undefined) return s;
    const row = rows[i];
    if (!row) return "";
    // A cell of megabytes quoted in every finding of its row would blow up every output: quote its start and its length.
    s = clipText(row.subject, SUBJECT_LIMIT) || `(${row.subjectRef})`;
    const parent = row.kind === "component" && row.parent !== undefined ? rows[row.parent] : undefined;
    if (parent && parent.subject && !FUND_NAME.test(row.subject)) s = `${parent.subject} / ${s}`;
    // A fund column group (a consolidation: counties as rows): the row is the county's figure of that fund.
    if (table.group) s = `${s} ${table.group}`;
    subjects.set(i, s);
    return s;
  };
  const hasOverrides = Object.keys(targets.funds ?? {}).length > 0;
  const targetCache = new Map<string, Targets>();
  const targetsOf = (i: number): Targets => {
    if (!hasOverrides || i < 0) return targets;
    const subject = subjectOf(i);
    let t = targetCache.get(subject);
    if (!t) targetCache.set(subject, (t = targetsFor(targets, subject)));
    return t;
  };
  const seen = new Set<string>();
  let current: FundRule = rules[0];
  const ctx: RuleContext = {
    table,
    figures,
    facts,
    threshold(i) {
      const t = current.threshold;
      if (t === undefined) return undefined;
      // (Targets made by parseTargets hold every threshold; a hand-made object may lack a new rule's.)
      return (targetsOf(i) as unknown as Record<string, unknown>)[t.key] ?? defaultOf(t);
    },
    subjectOf,
    firstTime(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
    report(i: number, f: RuleFinding) {
      const at = f.row ?? i;
      const row = at >= 0 ? rows[at] : undefined;
      const override = targetsOf(at).severity?.[current.id as RuleId];
      if (override === "off") return;
      const severity: Severity = override ?? f.severity ?? current.severity;
      const finding: Finding = {
        rule: current.id as RuleId,
        severity,
        at: locate(table, f.cell, row),
        related: f.related,
        subject: at >= 0 ? subjectOf(at) : "",
        observed: f.observed,
        expected: f.expected,
        message: f.message,
      };
      copyTexts(f, finding);
      const period = row?.period ?? table.period;
      if (period !== undefined) withPeriod(finding, period);
      findings.push(finding);
    },
  };
  for (const rule of rules) {
    if (!rule.checkTable) continue;
    current = rule;
    try {
      rule.checkTable(ctx);
    } catch (error) {
      failed(rule.id, -1, error);
      options?.onRuleError?.(rule.id as RuleId, error);
    }
  }
  const rowRules = rules.filter((rule) => rule.checkRow);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let k = 0; k < rowRules.length; k++) {
      const rule = rowRules[k];
      current = rule;
      try {
        rule.checkRow!(i, row, ctx);
      } catch (error) {
        failed(rule.id, i, error);
        options?.onRuleError?.(rule.id as RuleId, error);
      }
    }
  }
  for (const { failure, row } of failures.values()) {
    const override = targets.severity?.[internalError.id];
    if (override === "off") continue;
    const at = row >= 0 ? rows[row] : rows[0];
    const where = locate(table, at?.subjectRef ?? "A1", row >= 0 ? at : undefined);
    findings.push(internalErrorFinding(failure, { at: where, subject: row >= 0 ? subjectOf(row) : "" }, override ?? internalError.severity));
  }
  return findings;
}
