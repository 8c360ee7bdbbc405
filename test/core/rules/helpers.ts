/** Builds FundTables the way the report-text reader does (refs "L<n>", rows with line/quote), for rule tests. */
import { Finding } from "../../../src/core/findings";
import { FundRole, FundRow, FundTable, RowKind } from "../../../src/core/model";
import { readNumber, readNumberText } from "../../../src/core/numbers";
import { runFundRules } from "../../../src/core/rules";
import { DEFAULT_TARGETS, Targets } from "../../../src/core/targets";

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

export function table(rows: FundRow[], extra: Partial<FundTable> = {}): FundTable {
  return { sheet: "report.txt", rows, ...extra };
}

export function run(rows: FundRow[], targets: Targets = DEFAULT_TARGETS, extra: Partial<FundTable> = {}): Finding[] {
  const errors: unknown[] = [];
  const out = runFundRules(table(rows, extra), targets, { onRuleError: (_id, e) => errors.push(e) });
  if (errors.length) throw errors[0];
  return out;
}

export function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}
