/**
 * A detected fund table → the FundTable model the rules read: row kinds (其中 / indented components, 合计 /
 * 小计 totals), figures by role, percent-point columns turned into fractions, units seen.
 */
import Decimal from "decimal.js";
import { GridCell, GridSheet, columnLetters, toA1 } from "../grid";
import { Figure, FundRole, FundRow, FundTable, RowKind } from "../model";
import { NumberRead, ReadResult, readNumber, toHalfWidth } from "../numbers";
import { MONEY_UNITS } from "./labels";
import { DetectedColumn, DetectedTable } from "./tables";

type FigureRole = Exclude<FundRole, "subject">;

const COMPONENT_PREFIX = /^[\s\u3000\u00a0]*(?:其中|含|of\s*which|including|incl\.?)\s*[:：]?\s*/i;
const LEADING_SPACE = /^[\s\u3000\u00a0]+/;
const TOTAL = /(?:合计|总计|共计)$|^(?:合计|总计|共计)|^(?:grand\s*)?total\b|^sum$/i;
const SUBTOTAL = /小计$|^小计|^sub-?total\b/i;
/** Names that are funds or totals in their own right, never a line of the fund above. */
const FUND_NAME = /保险|基金|年金|合计|总计|小计|insurance|pension|fund|total/i;

export function subjectText(cell: GridCell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return "";
}

/** The name as a person reads it: no 其中：, no indent. */
export function cleanSubject(raw: string): string {
  // Most names need nothing: no space at either end, no 其中 or "of which" in front.
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (first > 0x7f && first !== 0x3000 && first !== 0x542b /* 含 */ && first !== 0x5176 /* 其 */ && last > 0x7f && last !== 0x3000) return raw;
  return raw.replace(COMPONENT_PREFIX, "").replace(/[\s\u3000\u00a0]+$/, "").replace(LEADING_SPACE, "");
}

const MAY_BE_TOTAL = /计|total|ｔｏｔａｌ|sum|ｓｕｍ/i;

export function rowKindOf(name: string): "total" | "subtotal" | undefined {
  if (!MAY_BE_TOTAL.test(name)) return undefined;
  const folded = toHalfWidth(name).replace(/\s+/g, "");
  if (SUBTOTAL.test(folded)) return "subtotal";
  if (TOTAL.test(folded)) return "total";
  return undefined;
}

/** "9700" → "97": moves the decimal point two places left without floating-point noise. */
function percentPointsToFraction(digits: string): string {
  if (/e/i.test(digits)) return new Decimal(digits).div(100).toString();
  const negative = digits.startsWith("-");
  let s = negative ? digits.slice(1) : digits;
  let [int, frac = ""] = s.split(".");
  int = int.padStart(3, "0");
  s = int.slice(0, -2) + "." + int.slice(-2) + frac;
  s = s.replace(/^0+(?=\d)/, "").replace(/\.?0+$/, "");
  if (s === "" || s === ".") s = "0";
  if (s.startsWith(".")) s = "0" + s;
  return s === "0" ? "0" : (negative ? "-" : "") + s;
}

function asPercentPoints(read: NumberRead): NumberRead {
  const digits = percentPointsToFraction(read.digits);
  return { ...read, value: read.value / 100, digits, percent: true };
}

const MISSING: ReadResult = { kind: "missing" };

/**
 * A figure read from a cell. Its A1 address is made when asked for: a 100,000-row table has a million figures
 * and only the few in findings need an address string.
 */
class CellFigure implements Figure {
  constructor(
    private readonly letters: string,
    private readonly row: number,
    readonly read: ReadResult
  ) {}
  get ref(): string {
    return this.letters + (this.row + 1);
  }
  toJSON(): { ref: string; read: ReadResult } {
    return { ref: this.ref, read: this.read };
  }
}

/** Column position (in the table's figure columns) of each role, −1 when the table has no such column. */
interface RoleSlots {
  budget: number;
  actual: number;
  prior: number;
  income: number;
  balance: number;
  statedCompletion: number;
  statedChange: number;
  statedGrowth: number;
  people: number;
}

/**
 * A row's figures with named fields (one shape for all rows of a table, no keyed stores: this runs per row).
 * Roles the table has no column for are left absent, as the model says.
 */
class RowFigures {
  budget?: Figure;
  actual?: Figure;
  prior?: Figure;
  income?: Figure;
  balance?: Figure;
  statedCompletion?: Figure;
  statedChange?: Figure;
  statedGrowth?: Figure;
  people?: Figure;
  constructor(s: RoleSlots, reads: ReadResult[][], letters: string[], i: number, r: number) {
    if (s.budget >= 0) this.budget = new CellFigure(letters[s.budget], r, reads[s.budget][i]);
    if (s.actual >= 0) this.actual = new CellFigure(letters[s.actual], r, reads[s.actual][i]);
    if (s.prior >= 0) this.prior = new CellFigure(letters[s.prior], r, reads[s.prior][i]);
    if (s.income >= 0) this.income = new CellFigure(letters[s.income], r, reads[s.income][i]);
    if (s.balance >= 0) this.balance = new CellFigure(letters[s.balance], r, reads[s.balance][i]);
    if (s.statedCompletion >= 0) this.statedCompletion = new CellFigure(letters[s.statedCompletion], r, reads[s.statedCompletion][i]);
    if (s.statedChange >= 0) this.statedChange = new CellFigure(letters[s.statedChange], r, reads[s.statedChange][i]);
    if (s.statedGrowth >= 0) this.statedGrowth = new CellFigure(letters[s.statedGrowth], r, reads[s.statedGrowth][i]);
    if (s.people >= 0) this.people = new CellFigure(letters[s.people], r, reads[s.people][i]);
  }
}

const RATE_ROLES = new Set<FigureRole>(["statedCompletion", "statedGrowth"]);

export interface BuiltFundTable {
  table: FundTable;
  /** 0-based sheet row of each FundRow. */
  rowNumbers: number[];
  /** The columns as finally understood (a change column holding percentages becomes growth). */
  columns: DetectedColumn[];
  /** Rate columns read as percent points ("完成率(%)" with 97). */
  percentPointColumns: number[];
}

/** Builds the fund model of one detected table. Never throws on cell content: odd cells become text figures. */
export function buildFundTable(sheet: GridSheet, detected: DetectedTable): BuiltFundTable {
  const cells = sheet.cells;
  let columns = detected.columns.slice();
  const subjectCol = columns.find((c) => c.role === "subject")?.col;
  const figureCols = columns.filter((c) => c.role !== "subject" && isFundFigureRole(c.role)) as (DetectedColumn & { role: FigureRole })[];

  // Read every figure once, column by column (the percent-point decision needs the whole column).
  const first = detected.firstRow;
  const count = Math.max(0, detected.lastRow - first + 1);
  // Units typed after figures ("4568万元") can only come from text cells: noted while reading.
  const cellUnits: { unit: string; ref: string; role: FigureRole }[] = [];
  const reads: ReadResult[][] = figureCols.map((fc) => {
    const out = new Array<ReadResult>(count);
    for (let i = 0; i < count; i++) {
      const row = cells[first + i];
      const cell = row ? row[fc.col] : undefined;
      if (!cell) {
        out[i] = MISSING;
        continue;
      }
      const read = readNumber(cell.value, cell.numFmt);
      out[i] = read;
      if (read.kind === "number" && read.unit !== undefined) cellUnits.push({ unit: read.unit, ref: toA1(first + i, fc.col), role: fc.role });
    }
    return out;
  });

  // A "change" column written in percentages is a growth column ("比上年增长" with 11%).
  const hasGrowth = figureCols.some((c) => c.role === "statedGrowth");
  figureCols.forEach((fc, k) => {
    if (fc.role !== "statedChange" || hasGrowth) return;
    let pct = 0;
    let plain = 0;
    for (const r of reads[k]) if (r.kind === "number") r.percent ? pct++ : plain++;
    if (pct > plain) figureCols[k] = { ...fc, role: "statedGrowth" };
  });
  columns = columns.map((c) => figureCols.find((f) => f.col === c.col) ?? c);

  // Percent points: a rate column whose header says "%" holds 97 for 97%; so does one whose plain numbers are
  // mostly above 2 (no completion or growth rate of 200%+ is usual; 97 as a fraction would be 9700%).
  const percentPointColumns: number[] = [];
  figureCols.forEach((fc, k) => {
    if (!RATE_ROLES.has(fc.role)) return;
    let big = 0;
    let plain = 0;
    for (const r of reads[k]) {
      if (r.kind !== "number" || r.percent) continue;
      plain++;
      if (Math.abs(r.value) > 2) big++;
    }
    if (plain === 0) return;
    if (fc.percentHeader || big * 2 > plain) {
      percentPointColumns.push(fc.col);
      const col = reads[k];
      for (let i = 0; i < col.length; i++) {
        const r = col[i];
        if (r.kind === "number" && !r.percent) col[i] = asPercentPoints(r);
      }
    }
  });

  // Units: the unit line, header suffixes and units typed after figures; more than one money unit is a mix.
  const unitsSeen: { unit: string; ref: string }[] = [];
  const noteUnit = (unit: string | undefined, ref: string) => {
    if (!unit || !(unit in MONEY_UNITS)) return;
    if (!unitsSeen.some((u) => u.unit === unit)) unitsSeen.push({ unit, ref });
  };
  if (detected.unit && detected.unitAt) noteUnit(detected.unit, toA1(detected.unitAt.row, detected.unitAt.col));
  for (const fc of figureCols) if (!RATE_ROLES.has(fc.role)) noteUnit(fc.unit, toA1(detected.headerBottom, fc.col));
  for (const u of cellUnits) if (!RATE_ROLES.has(u.role)) noteUnit(u.unit, u.ref);

  const rows: FundRow[] = [];
  const rowNumbers: number[] = [];
  let lastParent = -1;
  let lastParentIndent = 0;
  let lastParentHasBudget = false;
  let inComponentList = false;
  const budgetK = figureCols.findIndex((c) => c.role === "budget");
  const letters = figureCols.map((fc) => columnLetters(fc.col));
  const slot = (role: FigureRole) => figureCols.findIndex((c) => c.role === role);
  const slots: RoleSlots = {
    budget: slot("budget"),
    actual: slot("actual"),
    prior: slot("prior"),
    income: slot("income"),
    balance: slot("balance"),
    statedCompletion: slot("statedCompletion"),
    statedChange: slot("statedChange"),
    statedGrowth: slot("statedGrowth"),
    people: slot("people"),
  };

  for (let i = 0; i < count; i++) {
    const r = first + i;
    const sheetRow = cells[r];
    const subjectCell = subjectCol !== undefined && sheetRow ? sheetRow[subjectCol] : undefined;
    const raw = subjectText(subjectCell);
    const name = cleanSubject(raw);
    let present = 0;
    for (let k = 0; k < figureCols.length; k++) if (reads[k][i].kind !== "missing") present++;
    const figures = new RowFigures(slots, reads, letters, i, r);
    const c0 = raw.charCodeAt(0);
    const plainStart = c0 > 0x7f && c0 !== 0x3000 && c0 !== 0x542b && c0 !== 0x5176; // not a space, 含 or 其
    const prefixed = !plainStart && COMPONENT_PREFIX.test(raw);
    if (prefixed && name === "" && present === 0) {
      inComponentList = true; // a bare "其中：" line: the rows under it are components
      continue;
    }
    if (name === "" && present === 0) continue;

    const indent = (subjectCell?.indent ?? 0) + (!plainStart && LEADING_SPACE.test(raw) ? 1 : 0);
    const totalKind = rowKindOf(name);
    const hasBudget = budgetK >= 0 && reads[budgetK][i].kind === "number";
    let kind: RowKind;
    if (totalKind) kind = totalKind;
    else if (lastParent >= 0 && prefixed) kind = "component";
    else if (lastParent >= 0 && indent > lastParentIndent) kind = "component";
    else if (lastParent >= 0 && inComponentList && indent === 0 && !FUND_NAME.test(name) && !(lastParentHasBudget && hasBudget)) kind = "component";
    else kind = "item";

    const row: FundRow = {
      subject: name || (subjectCol !== undefined ? "" : ""),
      subjectRef: toA1(r, subjectCol ?? figureCols[0]?.col ?? 0),
      kind,
      figures,
    };
    if (kind === "component") {
      row.parent = lastParent;
      if (prefixed) inComponentList = true;
    } else {
      lastParent = rows.length;
      lastParentIndent = indent;
      lastParentHasBudget = hasBudget;
      inComponentList = false;
    }
    rows.push(row);
    rowNumbers.push(r);
  }

  const table: FundTable = { sheet: sheet.name, rows };
  if (detected.unit) table.unit = detected.unit;
  else if (unitsSeen.length) table.unit = unitsSeen[0].unit;
  if (unitsSeen.length > 1) table.unitsSeen = unitsSeen;
  return { table, rowNumbers, columns, percentPointColumns };
}

const FIGURE_ROLE_SET = new Set<string>(["budget", "actual", "prior", "income", "balance", "statedCompletion", "statedChange", "statedGrowth", "people"]);
function isFundFigureRole(role: string): role is FigureRole {
  return FIGURE_ROLE_SET.has(role);
}
