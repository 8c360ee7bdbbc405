/**
 * The adapter between the fund model (src/core/model.ts, read through TableFigures) and the drafter: a checked
 * FundTable and its findings → the rows to draft, each with its amounts as shown, its 其中 items, the rows a 合计
 * adds up and the findings that point at it. Everything the drafter knows of the model passes through here, so a
 * change of the model (periods, units converted per table) is met in this one file.
 */
import Decimal from "decimal.js";
import { Finding } from "../findings";
import { locationFields } from "../location";
import { ABSENT, ACTUAL, BALANCE, BUDGET, ERROR, INCOME, MERGED, MISSING, NUMBER, PRIOR, Precision, STATED_CHANGE, STATED_COMPLETION, STATED_GROWTH, TableFigures } from "../figureStore";
import { FundTable, RowKind } from "../model";
import { exact, roundHalfUp } from "../numbers";
import { MONEY_UNITS } from "../units";
import { tableFacts } from "../rules";
import { normalizeLine } from "../reportText/normalize";
import { findSubjects } from "../reportText/subjects";
import { PlanFigure } from "./plan";

/** The amounts a paragraph is drafted from (rates are never copied: they are computed). */
export const AMOUNT_ROLES = ["budget", "actual", "prior", "statedChange", "income", "balance"] as const;
export type AmountRole = (typeof AMOUNT_ROLES)[number];

const ROLE_INDEX: Record<AmountRole, number> = {
  budget: BUDGET,
  actual: ACTUAL,
  prior: PRIOR,
  statedChange: STATED_CHANGE,
  income: INCOME,
  balance: BALANCE,
};

export type FigureState = "number" | "missing" | "text" | "error";

export interface DraftFigure extends PlanFigure {
  state: FigureState;
}

export interface DraftRow {
  /** Index in the table's rows. */
  index: number;
  subject: string;
  /** Where its name stands (A1, or "L12" for report text). */
  cell: string;
  kind: RowKind;
  /** The row's amounts by role; a role the table has no column for (or a merged cell) is absent. */
  figures: Partial<Record<AmountRole, DraftFigure>>;
  /** The 其中 items listed under it: rows (indices) whose names are not funds of their own. */
  components: number[];
  /** Which of its amounts the items break down. */
  componentsOf: "actual" | "income";
  /** For a 合计/小计: the rows it adds up. */
  members: number[];
  /** Drafted as a paragraph of its own (items, totals, and 其中 rows that are funds in their own right). */
  paragraph: boolean;
  /** The findings that point at this row. */
  findings: Finding[];
}

export interface DraftTable {
  sheet: string;
  unit?: string;
  rows: DraftRow[];
  /** Percent places of the rates the table states (97% → 0, 98.67% → 2); undefined when it states none. */
  statedRateDecimals?: number;
}

/** The funds a name names (canonical names, as the report reader knows them; generic words not counted). */
function fundsNamed(name: string): string[] {
  return findSubjects(normalizeLine(name))
    .filter((m) => !m.generic)
    .map((m) => m.subject);
}

/** Rate places of a stated rate: a fraction stored without a % format (0.97) has two more than its percentage. */
function ratePlaces(p: Precision): number {
  if (p.permille) return p.decimals + 1;
  return p.percent ? p.decimals : Math.max(0, p.decimals - 2);
}

/** An amount written with its own unit in the cell ("4568万元", "45680000元") in the table's unit, exactly. */
function inTableUnit(value: Decimal, places: number, unit: string | undefined, tableUnit: string | undefined): { value: Decimal; places: number } {
  if (!unit || !tableUnit || unit === tableUnit || !(unit in MONEY_UNITS) || !(tableUnit in MONEY_UNITS)) return { value, places };
  const shift = Math.round(Math.log10(MONEY_UNITS[tableUnit] / MONEY_UNITS[unit]));
  return shift >= 0 ? { value: value.div(new Decimal(10).pow(shift)), places: places + shift } : { value: value.times(new Decimal(10).pow(-shift)), places: Math.max(0, places + shift) };
}

/** The refs of a row (its name and each figure) and the findings' subjects that name it, for matching findings. */
function rowSubjects(table: FundTable, i: number): string[] {
  const row = table.rows[i];
  const own = row.subject || `(${row.subjectRef})`;
  const parent = row.kind === "component" && row.parent !== undefined ? table.rows[row.parent] : undefined;
  return parent && parent.subject ? [own, `${parent.subject} / ${own}`] : [own];
}

/** Reads a checked fund table for drafting. `findings`: the check's findings (any sheet's; others are ignored). */
export function draftInput(table: FundTable, findings: readonly Finding[]): DraftTable {
  const figures = TableFigures.of(table.rows);
  const facts = tableFacts(table, figures);
  const n = table.rows.length;
  const precision: Precision = { decimals: 0, percent: false, permille: false, places: 0 };

  // Places of each amount column, for a blank (whose formula must still write what is typed there later).
  const columnPlaces: Record<string, number> = {};
  let statedRateDecimals: number | undefined;
  for (let i = 0; i < n; i++) {
    for (const role of AMOUNT_ROLES) {
      if (figures.precision(i, ROLE_INDEX[role], precision)) columnPlaces[role] = Math.max(columnPlaces[role] ?? 0, precision.decimals);
    }
    for (const rate of [STATED_COMPLETION, STATED_GROWTH]) {
      if (figures.precision(i, rate, precision)) statedRateDecimals = Math.max(statedRateDecimals ?? 0, ratePlaces(precision));
    }
  }

  // A column with no figure yet takes the places of the table's other amounts.
  const tablePlaces = Math.max(0, ...Object.values(columnPlaces));

  const rows: DraftRow[] = [];
  for (let i = 0; i < n; i++) {
    const row = table.rows[i];
    const out: DraftRow = {
      index: i,
      subject: row.subject,
      cell: row.subjectRef,
      kind: row.kind,
      figures: {},
      components: [],
      componentsOf: "actual",
      members: facts.totalMembers.get(i) ?? [],
      paragraph: false,
      findings: [],
    };
    for (const role of AMOUNT_ROLES) {
      const r = ROLE_INDEX[role];
      const kind = figures.kind(i, r);
      if (kind === ABSENT || kind === MERGED) continue;
      const ref = figures.ref(i, r)!;
      const places = columnPlaces[role] ?? tablePlaces;
      if (kind !== NUMBER) {
        out.figures[role] = { ref, places, live: true, state: kind === MISSING ? "missing" : kind === ERROR ? "error" : "text" };
        continue;
      }
      const read = figures.num(i, r)!;
      figures.precision(i, r, precision);
      const shown = Math.max(0, precision.decimals);
      const converted = inTableUnit(exact(read), shown, read.unit, table.unit);
      out.figures[role] = {
        ref,
        value: roundHalfUp(converted.value, converted.places),
        places: converted.places,
        // A unit typed in the cell makes it text to Excel: the formula cannot read it.
        live: read.unit === undefined && !read.percent && !read.permille,
        state: "number",
      };
    }
    rows.push(out);
  }

  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const parts = facts.components[i] ?? [];
    // A 其中 row naming another fund (各项基金合计 › 其中：城乡居民基本养老保险) is that fund, drafted on its own; an
    // item that names its own fund (工伤保险 › 工伤保险待遇支出) stays an item.
    const own = fundsNamed(row.subject);
    const listed = parts.filter((c) => fundsNamed(table.rows[c].subject).every((f) => own.includes(f)));
    row.components = listed;
    // Items carrying income and no expenditure break down the income.
    if (listed.length && listed.every((c) => rows[c].figures.actual?.state !== "number" && rows[c].figures.income?.state === "number")) row.componentsOf = "income";
  }
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    // (A row whose figures are all blank is a heading or a note: nothing to draft.)
    const hasFigure = Object.values(row.figures).some((f) => f?.state === "number");
    if (!hasFigure) continue;
    if (row.kind !== "component") row.paragraph = true;
    else {
      const parent = table.rows[i].parent;
      row.paragraph = parent === undefined || !rows[parent]?.components.includes(i);
    }
  }

  // Findings by row: the cell must be one of the row's (or a related one), and the subject the row's. Report
  // text puts several funds on one line ("L12"), so the subject decides there.
  const byRef = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const refs = new Set<string>([table.rows[i].subjectRef]);
    for (const f of Object.values(rows[i].figures)) if (f) refs.add(f.ref);
    for (const role of [STATED_COMPLETION, STATED_GROWTH]) {
      const ref = figures.ref(i, role);
      if (ref) refs.add(ref);
    }
    for (const ref of refs) {
      const list = byRef.get(ref);
      if (list) list.push(i);
      else byRef.set(ref, [i]);
    }
  }
  for (const finding of findings) {
    const where = locationFields(finding.at);
    if (where.sheet !== table.sheet) continue;
    const candidates = byRef.get(where.cell);
    if (!candidates) continue;
    const named = candidates.find((i) => rowSubjects(table, i).includes(finding.subject));
    const at = named ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (at !== undefined) rows[at].findings.push(finding);
  }

  const draft: DraftTable = { sheet: table.sheet, rows };
  if (table.unit) draft.unit = table.unit;
  if (statedRateDecimals !== undefined) draft.statedRateDecimals = statedRateDecimals;
  return draft;
}
