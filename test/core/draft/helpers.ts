/**
 * Test helpers for the drafter: fund tables built from a small spec (as the sheet reader would read them), the
 * same figures as a sheet in a real formula engine (HyperFormula, a test-only dependency under its GPLv3 licence
 * key) to evaluate the drafted formulas, and random valid tables for the property tests.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { Finding } from "../../../src/core/findings";
import { FundRow, FundTable, RowKind } from "../../../src/core/model";
import { readNumber } from "../../../src/core/numbers";
import { runFundRules } from "../../../src/core/rules";
import { DEFAULT_TARGETS } from "../../../src/core/targets";
import { CellValue, GridSheet, sheetCells } from "../../../src/core/grid";

export type SpecRole = "budget" | "actual" | "prior" | "statedChange" | "income" | "balance" | "statedCompletion" | "statedGrowth";

/** A cell: a number (with the places it is shown at), text, or blank. */
export type SpecValue = { n: number; places?: number } | { text: string } | null;

export interface SpecRow {
  subject: string;
  kind?: RowKind;
  /** Index (in rows) of the row a component belongs to. */
  parent?: number;
  values: Partial<Record<SpecRole, SpecValue>>;
}

export interface TableSpec {
  sheet: string;
  unit?: string;
  /** The figure columns, in order (B, C, …); column A holds the names. */
  columns: SpecRole[];
  rows: SpecRow[];
  /** Percent places of the stated rate columns. */
  rateDecimals?: number;
  /** Places the amounts are shown with (random tables show all at one precision). */
  amountPlaces?: number;
}

/** First data row (1-based): row 1 holds the headers. */
export const FIRST_ROW = 2;

function letter(col: number): string {
  return String.fromCharCode(65 + col);
}

/** The cell value a spec value stands for (a rate column's number is a fraction). */
function cellValue(v: SpecValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  return "text" in v ? v.text : v.n;
}

function numFmt(v: SpecValue | undefined, role: SpecRole, spec: TableSpec): string | undefined {
  if (!v || "text" in v) return undefined;
  if (role === "statedCompletion" || role === "statedGrowth") {
    const d = spec.rateDecimals ?? 0;
    return d === 0 ? "0%" : `0.${"0".repeat(d)}%`;
  }
  const p = v.places ?? 0;
  return p === 0 ? "0" : `0.${"0".repeat(p)}`;
}

/** The FundTable the sheet reader would make of the spec (refs: column letters, rows from FIRST_ROW). */
export function tableOf(spec: TableSpec): FundTable {
  const rows: FundRow[] = spec.rows.map((r, i) => {
    const sheetRow = FIRST_ROW + i;
    const figures: FundRow["figures"] = {};
    spec.columns.forEach((role, c) => {
      const v = r.values[role];
      figures[role] = { ref: `${letter(c + 1)}${sheetRow}`, read: readNumber(cellValue(v), numFmt(v, role, spec)) };
    });
    const row: FundRow = { subject: r.subject, subjectRef: `A${sheetRow}`, kind: r.kind ?? "item", figures };
    if (r.parent !== undefined) row.parent = r.parent;
    return row;
  });
  const table: FundTable = { sheet: spec.sheet, rows };
  if (spec.unit) table.unit = spec.unit;
  return table;
}

export function findingsOf(table: FundTable): Finding[] {
  return runFundRules(table, DEFAULT_TARGETS);
}

/** The spec as sheet data for HyperFormula (row 1: headers). */
export function sheetData(spec: TableSpec): (string | number | null)[][] {
  const data: (string | number | null)[][] = [["名称", ...spec.columns]];
  for (const r of spec.rows) data.push([r.subject, ...spec.columns.map((role) => cellValue(r.values[role]) as string | number | null)]);
  return data;
}

/** A grid sheet as HyperFormula data (numbers, text; errors as their code, which HyperFormula reads as errors). */
export function gridData(sheet: GridSheet): (string | number | boolean | null)[][] {
  const cells = sheetCells(sheet);
  const out: (string | number | boolean | null)[][] = [];
  for (let r = 0; r < cells.rowCount; r++) {
    const row: (string | number | boolean | null)[] = [];
    for (let c = 0; c < cells.rowLength(r); c++) {
      const v = cells.cell(r, c)?.value;
      row.push(v === undefined || v === null ? null : typeof v === "object" ? (v instanceof Date ? v.toISOString() : (v as { error: string }).error) : v);
    }
    out.push(row);
  }
  return out;
}

/**
 * A workbook in HyperFormula: the figure sheets as given, and an output sheet for the paragraphs' formulas.
 * "," is the thousands separator (so "1,015" typed as text reads as Excel reads it), hence ";" between arguments.
 */
export class FormulaBook {
  readonly hf: HyperFormula;
  private readonly out: number;

  constructor(sheets: Record<string, (string | number | boolean | null)[][]>) {
    this.hf = HyperFormula.buildFromSheets({ ...sheets, 起草: [[null]] }, { licenseKey: "gpl-v3", thousandSeparator: ",", decimalSeparator: ".", functionArgSeparator: ";" });
    this.out = this.hf.getSheetId("起草")!;
  }

  /** Writes the formulas in the output sheet's column A; returns what they evaluate to (an error as "#ERROR: …"). */
  evaluate(formulas: string[]): string[] {
    this.hf.setCellContents({ sheet: this.out, row: 0, col: 0 }, formulas.map((f) => [f]));
    return formulas.map((_, row) => this.value(row));
  }

  value(row: number): string {
    const v = this.hf.getCellValue({ sheet: this.out, row, col: 0 });
    if (v !== null && typeof v === "object") return `#ERROR: ${(v as { type: string; message: string }).type} ${(v as { message: string }).message}`;
    return String(v);
  }

  /** Sets a figure cell ("C5") on a sheet; the formulas recompute. */
  set(sheet: string, a1: string, value: string | number | null): void {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    this.hf.setCellContents({ sheet: this.hf.getSheetId(sheet)!, row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 }, [[value]]);
  }
}

// ---- random valid tables ----------------------------------------------------------------------------------

/** Fund names the report reader knows (a name it cannot tell from prose cannot round-trip). */
export const FUNDS = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "职工基本医疗保险", "城乡居民基本医疗保险", "工伤保险", "失业保险", "生育保险"];
/** 其中 item names as the reports write them (none names a fund or reads as a figure's label). */
export const ITEMS = ["基本养老金支出", "丧葬抚恤补助支出", "转移支出", "个人账户支出", "待遇支出", "其他支出", "医疗补助金", "稳岗返还"];


/** A random valid fund table: funds with budgets, spending, prior years or changes, 其中 items, income and balances. */
export function tableSpecArb(): fc.Arbitrary<TableSpec> {
  return fc
    .record({
      unit: fc.constantFrom("万元", "亿元"),
      places: fc.integer({ min: 0, max: 2 }),
      rateDecimals: fc.integer({ min: 0, max: 2 }),
      history: fc.constantFrom("prior", "change", "both", "none"),
      income: fc.boolean(),
      balance: fc.boolean(),
      statedRates: fc.boolean(),
      funds: fc.uniqueArray(fc.constantFrom(...FUNDS), { minLength: 1, maxLength: 4 }),
      seed: fc.array(fc.record({ blank: fc.integer({ min: 0, max: 9 }), items: fc.uniqueArray(fc.constantFrom(...ITEMS), { maxLength: 3 }), exact: fc.boolean() }), { minLength: 4, maxLength: 4 }),
      amounts: fc.array(fc.tuple(fc.integer({ min: 1, max: 50000 }), fc.integer({ min: 1, max: 50000 }), fc.integer({ min: 1, max: 50000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 60000 }), fc.integer({ min: -20000, max: 90000 })), { minLength: 4, maxLength: 4 }),
      shares: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
    })
    .map((r) => {
      const places = r.unit === "亿元" ? r.places + 2 : r.places;
      const columns: SpecRole[] = ["budget", "actual"];
      if (r.history === "prior" || r.history === "both") columns.push("prior");
      if (r.history === "change" || r.history === "both") columns.push("statedChange");
      if (r.income) columns.push("income");
      if (r.balance) columns.push("balance");
      if (r.statedRates) columns.push("statedCompletion");
      const scale = Math.pow(10, places);
      const amount = (k: number): SpecValue => ({ n: Math.round((k / 10) * scale) / scale, places });
      const rows: SpecRow[] = [];
      r.funds.forEach((subject, f) => {
        const [b, a, p, changeShare, income, balance] = r.amounts[f];
        const blank = r.seed[f].blank; // 0: the budget is blank, 1: the prior year, 2: the spending
        const actual = amount(a) as { n: number; places: number };
        const values: SpecRow["values"] = {
          budget: blank === 0 ? null : amount(b),
          actual: blank === 2 ? null : actual,
          prior: blank === 1 ? null : amount(p),
          statedChange: blank === 1 ? null : { n: Math.round(((actual.n * (changeShare - 50)) / 100) * scale) / scale, places },
          income: amount(income),
          balance: amount(balance),
          statedCompletion: { n: 0.97, places: 0 },
        };
        const parent = rows.length;
        rows.push({ subject, values });
        // 其中 items: their amounts either add up to the spending or are shares of it.
        const items = r.seed[f].items;
        let left = actual.n;
        items.forEach((name, k) => {
          const last = k === items.length - 1;
          const share = Math.round(((actual.n * r.shares[k]) / 300) * scale) / scale;
          const n = last && r.seed[f].exact && left >= 0 ? Math.round(left * scale) / scale : share;
          left -= share;
          rows.push({ subject: name, kind: "component", parent, values: { actual: { n, places } } });
        });
      });
      const spec: TableSpec = { sheet: "支出情况", unit: r.unit, columns, rows, rateDecimals: r.rateDecimals, amountPlaces: places };
      return spec;
    });
}
