/**
 * From statements to per-fund figures (README, “Report text”) and to the FundTable the rules read. Figures of one fund stated
 * in different paragraphs merge; the first statement of a figure wins (a later, different restatement is kept in
 * `restated` so a reviewer can see it). Amounts are brought to one unit, the largest money unit the text uses,
 * so converting never invents precision: 8000万元 becomes 0.8000亿元, compared at half a unit of its 4th place.
 */
import Decimal from "decimal.js";
import { NumberRead } from "../numbers";
import { lineRef } from "../location";
import { Figure, FundRow, FundTable } from "../model";
import { MONEY_UNIT_NAMES, MONEY_UNITS } from "../units";
import { Statement } from "./extract";

export const FIGURE_FIELDS = [
  "budget",
  "actual",
  "prior",
  "statedCompletion",
  "change",
  "statedGrowth",
  "income",
  "balance",
  "currentBalance",
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** Where a figure was stated. */
export interface FigureSource {
  line: number;
  /** The figure as written ("4,568万元", "97%"). */
  text: string;
  /** Its sentence. */
  quote: string;
}

export interface ReportComponent {
  name: string;
  /** In the unit of the text. */
  amount: number;
  line: number;
  text: string;
}

/**
 * One fund's figures as the text states them (README, “Report text”). Amounts are in the unit of the text; rates are
 * fractions (97% → 0.97). Absent figures are omitted. Besides budget, actual and rates: `prior` (上年支出), `currentBalance`
 * (当年收支结余; 收不抵支 → negative), the parent of the components, and where each figure was stated.
 */
export interface ReportFigure {
  /** The fund, as the text names it (its year is `period`, never part of the name). */
  subject: string;
  /** The year the figures are of, when the text covers more than one ("2024", "2021-2023"). */
  period?: string;
  /** `period` as a number when it is one year (2024): the same field sheets' findings carry. */
  year?: number;
  /** Line of the fund's first figure. */
  line: number;
  budget?: number;
  actual?: number;
  prior?: number;
  statedCompletion?: number;
  change?: number;
  statedGrowth?: number;
  income?: number;
  balance?: number;
  currentBalance?: number;
  /** The 其中 list under the fund's expenditure (or, when only its income has one, under its income). */
  components?: ReportComponent[];
  /** Which total the components break down. */
  componentsOf?: "actual" | "income";
  /** Share of that total the components cover (0.9996 for 4566 of 4568): below the coverage target it is a partial list. */
  componentsCoverage?: number;
  sources: Partial<Record<FigureField, FigureSource>>;
  /** Figures stated again later with a different value (the first one is used). */
  restated?: { field: FigureField; line: number; text: string }[];
}

/** Internal: a fund's figures with their reads, for the table. */
export interface FundFigures {
  figure: ReportFigure;
  /** The fund's name without the year, and the year (as in ReportFigure.period). */
  fund: string;
  period?: string;
  /** Compound average growths (年均增长) stated over a range of years ending in this entry's range. */
  averages: { years: [number, number]; read: NumberRead; text: string; line: number; quote: string }[];
  reads: Partial<Record<FigureField, { read: NumberRead; line: number; quote: string }>>;
  components: { name: string; read: NumberRead; line: number; quote: string; text: string }[];
  /** First line and sentence. */
  line: number;
  quote: string;
}

const UNIT_ORDER = MONEY_UNIT_NAMES;

/** The unit of a text: the largest money unit among its figures (undefined when it states no amount). */
export function textUnit(statements: readonly Statement[]): string | undefined {
  let best = -1;
  for (const s of statements) if (s.moneyUnit) best = Math.max(best, UNIT_ORDER.indexOf(s.moneyUnit));
  return best >= 0 ? UNIT_ORDER[best] : undefined;
}

/** An amount in the text's unit, exactly, with its shown decimals moved with it. */
export function inUnit(read: NumberRead, from: string | undefined, to: string | undefined): NumberRead {
  if (!from || !to || from === to) return read;
  const shift = Math.round(Math.log10(MONEY_UNITS[to] / MONEY_UNITS[from]));
  if (shift <= 0) return read; // never happens: the text's unit is the largest
  const value = new Decimal(read.digits).div(new Decimal(10).pow(shift));
  return { ...read, value: value.toNumber(), digits: value.toFixed(), decimals: read.decimals + shift, unit: to };
}

function sameFigure(a: NumberRead, b: NumberRead): boolean {
  return a.digits === b.digits || new Decimal(a.digits).eq(new Decimal(b.digits));
}

/** A period as a message writes it: "2024年", "2021—2023年". */
export function periodText(period: string): string {
  return `${period.replace("-", "—")}年`;
}

/**
 * A figure's fund as a table of figures shows it, where one text holds several years of one fund: "工伤保险（2024年）".
 * A label for people only: the data keys it by `subject` and `period`.
 */
export function figureLabel(f: { subject: string; period?: string }): string {
  return f.period === undefined ? f.subject : `${f.subject}（${periodText(f.period)}）`;
}

/** A single year's period as a number ("2024" → 2024); a range has none. */
export function periodYear(period: string | undefined): number | undefined {
  return period !== undefined && /^\d{4}$/.test(period) ? Number(period) : undefined;
}

/** Does the text state figures of more than one year? Then every figure is keyed by its fund and its year. */
export function coversSeveralYears(statements: readonly Statement[]): boolean {
  let first: string | undefined;
  for (const s of statements) {
    if (s.period === undefined) continue;
    if (first === undefined) first = s.period;
    else if (s.period !== first) return true;
  }
  return false;
}

/** A change or growth against a named year other than the year before ("与2013年相比") is not a year-on-year figure. */
function notYearOnYear(s: Statement): boolean {
  if (s.base === undefined || !(s.role === "change" || s.role === "statedGrowth")) return false;
  return s.period === undefined || Number(s.period) - 1 !== s.base;
}

/** Merges statements into one entry per fund, in order of first appearance. */
export function mergeFigures(statements: readonly Statement[], unit: string | undefined): FundFigures[] {
  const funds = new Map<string, FundFigures>();
  /** For each statement index that is a total with components: which fund and field it was kept as. */
  const keptTotals = new Map<number, { fund: FundFigures; field: "actual" | "income" }>();
  const byYear = coversSeveralYears(statements);
  // A text of one year: its figures are of that year (data only: the funds are not keyed by it).
  const onlyYear = byYear ? undefined : periodYear(statements.find((s) => s.period !== undefined)?.period);
  statements.forEach((s, index) => {
    if (notYearOnYear(s)) return;
    // A compound average is kept with the last year of its range.
    const period = !byYear ? undefined : s.role === "statedCagr" ? String(s.years![1]) : s.period;
    const key = period === undefined ? s.subject : `${s.subject}\u0000${period}`;
    let fund = funds.get(key);
    if (!fund) {
      const figure: ReportFigure = { subject: s.subject, line: s.line, sources: {} };
      if (period !== undefined) figure.period = period;
      const year = periodYear(period) ?? onlyYear;
      if (year !== undefined) figure.year = year;
      fund = { figure, fund: s.subject, reads: {}, components: [], averages: [], line: s.line, quote: s.quote };
      if (period !== undefined) fund.period = period;
      funds.set(key, fund);
    }
    if (s.role === "statedCagr") {
      fund.averages.push({ years: s.years!, read: s.read, text: s.text, line: s.line, quote: s.quote });
      return;
    }
    const read = s.moneyUnit ? inUnit(s.read, s.moneyUnit, unit) : s.read;
    if (s.role === "component") {
      const owner = s.parent === undefined ? undefined : keptTotals.get(s.parent);
      if (!owner) return; // its total was a restatement: the components of the first statement count
      if (owner.fund.figure.componentsOf && owner.fund.figure.componentsOf !== owner.field) return;
      owner.fund.figure.componentsOf = owner.field;
      owner.fund.components.push({ name: s.componentName ?? "", read, line: s.line, quote: s.quote, text: s.text });
      return;
    }
    const field = s.role as FigureField;
    const kept = fund.reads[field];
    if (kept) {
      if (!sameFigure(kept.read, read)) (fund.figure.restated ??= []).push({ field, line: s.line, text: s.text });
      return;
    }
    fund.reads[field] = { read, line: s.line, quote: s.quote };
    fund.figure[field] = read.value;
    fund.figure.sources[field] = { line: s.line, text: s.text, quote: s.quote };
    if (field === "actual" || field === "income") keptTotals.set(index, { fund, field });
  });
  for (const fund of funds.values()) {
    // A fund's line is where its expenditure (or budget) is stated: its own paragraph, not an overview that
    // mentions one of its figures in passing.
    const main = fund.reads.actual ?? fund.reads.budget ?? fund.reads.income;
    if (main) {
      fund.line = main.line;
      fund.quote = main.quote;
      fund.figure.line = main.line;
    }
    // Expenditure components win over income components (the rules check one 其中 list per row).
    if (fund.components.length) {
      fund.figure.components = fund.components.map((c) => ({ name: c.name, amount: c.read.value, line: c.line, text: c.text }));
      const total = fund.reads[fund.figure.componentsOf ?? "actual"];
      if (total && !new Decimal(total.read.digits).isZero()) {
        const sum = fund.components.reduce((acc, c) => acc.plus(c.read.digits), new Decimal(0));
        fund.figure.componentsCoverage = sum.div(new Decimal(total.read.digits).abs()).toDecimalPlaces(4).toNumber();
      }
    }
  }
  for (const fund of funds.values()) fund.figure = inFieldOrder(fund.figure);
  return [...funds.values()].sort((a, b) => a.line - b.line);
}

/** The same figure with its keys in a stable order (subject, line, figures, components, sources), for readable JSON. */
function inFieldOrder(f: ReportFigure): ReportFigure {
  const out: ReportFigure = f.period === undefined ? { subject: f.subject, line: f.line, sources: {} } : { subject: f.subject, period: f.period, line: f.line, sources: {} };
  if (f.year !== undefined) out.year = f.year;
  for (const field of FIGURE_FIELDS) if (f[field] !== undefined) out[field] = f[field];
  if (f.components) out.components = f.components;
  if (f.componentsOf) out.componentsOf = f.componentsOf;
  if (f.componentsCoverage !== undefined) out.componentsCoverage = f.componentsCoverage;
  delete (out as Partial<ReportFigure>).sources;
  out.sources = f.sources;
  if (f.restated) out.restated = f.restated;
  return out;
}

const TABLE_FIELDS: Partial<Record<FigureField, keyof FundRow["figures"]>> = {
  budget: "budget",
  actual: "actual",
  prior: "prior",
  income: "income",
  balance: "balance",
  statedCompletion: "statedCompletion",
  change: "statedChange",
  statedGrowth: "statedGrowth",
};

/**
 * The text as a FundTable: one item row per fund (the all-funds total is an item too: a total in prose is not
 * the sum of the paragraphs, which rarely cover every fund), each followed by its component rows.
 */
export function toFundTable(funds: readonly FundFigures[], sheet: string, unit: string | undefined): FundTable {
  const rows: FundRow[] = [];
  // Refs name lines ("L12", as the JSON `cell` writes them); the table keeps the line each one stands for.
  const lines = new Map<string, number>();
  const ref = (line: number) => {
    const r = lineRef(line);
    lines.set(r, line);
    return r;
  };
  const byYear = new Map<string, FundFigures>();
  for (const fund of funds) if (fund.period !== undefined) byYear.set(`${fund.fund}\u0000${fund.period}`, fund);
  for (const fund of funds) {
    const figures: FundRow["figures"] = {};
    for (const [field, role] of Object.entries(TABLE_FIELDS) as [FigureField, keyof FundRow["figures"]][]) {
      const r = fund.reads[field];
      if (r) figures[role] = { ref: ref(r.line), read: r.read } satisfies Figure;
    }
    // A growth with no prior year or change of its own: the year before's expenditure, where the text states it.
    if (fund.reads.statedGrowth && !figures.prior && !figures.statedChange && fund.period !== undefined && /^\d{4}$/.test(fund.period)) {
      const before = byYear.get(`${fund.fund}\u0000${Number(fund.period) - 1}`)?.reads.actual;
      if (before) figures.prior = { ref: ref(before.line), read: before.read };
    }
    // A stated rate the text gives no base for: the base is a blank in that sentence (missing-value), never 0.
    const blank = (role: keyof FundRow["figures"], line: number) => {
      if (!figures[role]) figures[role] = { ref: ref(line), read: { kind: "missing" } };
    };
    const completion = fund.reads.statedCompletion;
    if (completion) {
      blank("budget", completion.line);
      blank("actual", completion.line);
    }
    const growth = fund.reads.statedGrowth;
    if (growth) {
      blank("actual", growth.line);
      if (!fund.reads.change) blank("prior", growth.line);
    }
    const parent = rows.length;
    const row: FundRow = { subject: fund.figure.subject, subjectRef: ref(fund.line), kind: "item", figures, line: fund.line, quote: fund.quote };
    if (fund.period !== undefined && fund.figure.year !== undefined) row.period = fund.figure.year;
    const balance = fund.reads.currentBalance;
    if (balance) row.statedCurrentBalance = { ref: ref(balance.line), read: balance.read };
    rows.push(row);
    const role = fund.figure.componentsOf ?? "actual";
    for (const c of fund.components) {
      rows.push({
        subject: c.name,
        subjectRef: ref(c.line),
        kind: "component",
        parent,
        figures: { [role]: { ref: ref(c.line), read: c.read } },
        line: c.line,
        quote: c.quote,
      });
    }
  }
  const table: FundTable = { sheet, lines, rows };
  if (unit) table.unit = unit;
  return table;
}
