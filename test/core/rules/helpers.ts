/**
 * Builds FundTables the way the report-text reader does (refs "L<n>", rows with line/quote), and small sheets as
 * grids, for the rule tests (one file per rule: test/core/rules/<rule>.test.ts).
 */
import { checkSheet } from "../../../src/core/check";
import { Finding } from "../../../src/core/findings";
import { CellRange, CellValue, GridCell, GridSheet, fromA1 } from "../../../src/core/grid";
import { FundRole, FundRow, FundTable, RowKind } from "../../../src/core/model";
import { readNumber, readNumberText } from "../../../src/core/numbers";
import { runFundRules } from "../../../src/core/rules";
import { DEFAULT_TARGETS, Targets, parseTargets } from "../../../src/core/targets";
import { addressOf } from "../../../src/core/location";

type Figures = Partial<Record<Exclude<FundRole, "subject">, string | number | null>>;

let nextLine = 1;

/** One row: figures as written ("97%", "4,568", "" for a blank); refs are L<line>. */
export function row(subject: string, figures: Figures, kind: RowKind = "item", parent?: number): FundRow {
  const line = nextLine++;
  const r: FundRow = { subject, subjectRef: `L${line}`, kind, figures: {}, line, quote: `${subject} …` };
  if (parent !== undefined) r.parent = parent;
  for (const [role, v] of Object.entries(figures)) {
    const read = typeof v === "number" ? readNumber(v) : v === null ? { kind: "missing" as const } : readNumberText(v!);
    r.figures[role as Exclude<FundRole, "subject">] = { ref: `L${line}`, read };
  }
  return r;
}

/**
 * A table as the report-text reader makes one: its refs name lines and the table says which (`lines`), so findings
 * point at lines. (Refs here are this file's shorthand "L<n>", or written so by a test.)
 */
export function table(rows: FundRow[], extra: Partial<FundTable> = {}): FundTable {
  const lines = new Map<string, number>();
  const add = (ref: string) => {
    const m = /^L(\d+)$/.exec(ref);
    if (m) lines.set(ref, Number(m[1]));
  };
  for (const r of rows) {
    add(r.subjectRef);
    for (const f of Object.values(r.figures)) if (f) add(f.ref);
    if (r.statedCurrentBalance) add(r.statedCurrentBalance.ref);
  }
  for (const u of extra.unitsSeen ?? []) add(u.ref);
  return { sheet: "report.txt", lines, rows, ...extra };
}

/** Runs the fund rules; a rule that throws fails the test (it would be an internal-error finding). */
export function run(rows: FundRow[], targets: Targets = DEFAULT_TARGETS, extra: Partial<FundTable> = {}): Finding[] {
  const errors: unknown[] = [];
  const out = runFundRules(table(rows, extra), targets, { onRuleError: (_id, e) => errors.push(e) });
  if (errors.length) throw errors[0];
  return out;
}

export function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

export function targets(json: unknown): Targets {
  const parsed = parseTargets(json);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.targets;
}

/** A cell as a sheet holds it: a value, or a value with its number format. */
export type Cell = CellValue | { value: CellValue; numFmt: string };

/** A sheet from literal rows (row 1 first); merges as "B5:C5". */
export function grid(rows: Cell[][], merges: string[] = [], name = "基金支出"): GridSheet {
  const cells: (GridCell | undefined)[][] = rows.map((r) =>
    r.map((c) => (c === null || c === undefined ? undefined : typeof c === "object" && !(c instanceof Date) && "numFmt" in c ? { value: c.value, numFmt: c.numFmt } : { value: c as CellValue }))
  );
  const ranges: CellRange[] = merges.map((m) => {
    const [a, b] = m.split(":").map((x) => fromA1(x)!);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return { name, cells, merges: ranges };
}

/** Checks a sheet; a rule that throws fails the test. */
export function checkGrid(sheet: GridSheet, t?: Targets): Finding[] {
  const errors: unknown[] = [];
  const r = checkSheet(sheet, { targets: t, onRuleError: (_id, e) => errors.push(e) });
  if (errors.length) throw errors[0];
  return r.findings;
}

/** The findings as a reviewer scans them: rule, cell, observed, expected. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${addressOf(f.at)} ${f.observed} | ${f.expected}`);
}
