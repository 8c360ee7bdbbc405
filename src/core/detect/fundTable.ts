/**
 * A detected fund table → the FundTable model the rules read: row kinds (其中 / indented components, 合计 /
 * 小计 totals), figures by role, percent-point columns turned into fractions, units seen.
 */
import Decimal from "decimal.js";
import { CellValue, GridSheet, SheetCells, columnLetters, sheetCells, toA1 } from "../grid";
import { FIGURE_ROLES, FigureStore, MISSING, NUMBER, StoreRow } from "../figureStore";
import { FigureRole, FundRow, FundTable, RowKind, isFigureRole } from "../model";
import { FormatPrecision, NumberRead, formatPrecision, readNumber, toHalfWidth } from "../numbers";
import { MONEY_UNITS, isMoneyUnit } from "../units";
import { markMergedFigures } from "./mergedFigures";
import { TransposedCells } from "./transposed";
import { DetectedColumn, DetectedTable } from "./tables";


const COMPONENT_PREFIX = /^[\s\u3000\u00a0]*(?:其中|含|of\s*which|including|incl\.?)\s*[:：]?\s*/i;
const LEADING_SPACE = /^[\s\u3000\u00a0]+/;
const TOTAL = /(?:合计|总计|共计)$|^(?:合计|总计|共计)|^(?:grand\s*)?total\b|^sum$/i;
const SUBTOTAL = /小计$|^小计|^sub-?total\b/i;
/** Names that are funds or totals in their own right, never a line of the fund above. */
const FUND_NAME = /保险|基金|年金|合计|总计|小计|insurance|pension|fund|total/i;
/** A numbered section (一、基金收入, 三、年末累计结余, (二)): never a component, and it ends a 其中 list. */
const NUMBERED_SECTION = /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;

export function subjectText(v: CellValue): string {
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
  const [whole, frac = ""] = s.split(".");
  const int = whole.padStart(3, "0");
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

const RATE_ROLES = new Set<FigureRole>(["statedCompletion", "statedGrowth", "statedIndex"]);

export interface BuiltFundTable {
  table: FundTable;
  /** 0-based sheet row of each FundRow. */
  rowNumbers: number[];
  /** The columns as finally understood (a change column holding percentages becomes growth). */
  columns: DetectedColumn[];
  /** Rate columns read as percent points ("完成率(%)" with 97). */
  percentPointColumns: number[];
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, p) => Math.pow(10, p));

/**
 * Decimal places of a float's shortest form (what String(value) writes), or −1 when that form has an exponent.
 * The fewest places p whose rounding, round(v × 10^p) ÷ 10^p, gives v back: that p-place decimal is the one
 * the float stands for, and no shorter one is (else it would be the shortest form). Writing the float out
 * (String) costs several times more, and every rate in a table is such a float.
 */
export function shortestPlaces(value: number): number {
  const size = Math.abs(value);
  if (Number.isInteger(value)) return size < 1e21 ? 0 : -1;
  if (size >= 1e-6 && size < 1e15) {
    for (let p = 1; p < POWERS_OF_TEN.length; p++) {
      const scale = POWERS_OF_TEN[p];
      const scaled = Math.round(size * scale);
      if (scaled > Number.MAX_SAFE_INTEGER) break;
      if (scaled / scale === size) return p;
    }
  }
  const shown = String(value);
  if (shown.indexOf("e") >= 0) return -1;
  const dot = shown.indexOf(".");
  return dot < 0 ? 0 : shown.length - dot - 1;
}

/** Builds the fund model of one detected table. Never throws on cell content: odd cells become text figures. */
export function buildFundTable(sheet: GridSheet | SheetCells, detected: DetectedTable): BuiltFundTable {
  const cells = sheetCells(sheet);
  let columns = detected.columns.slice();
  const subjectCol = columns.find((c) => c.role === "subject")?.col;
  const figureCols = columns.filter((c) => isFigureRole(c.role)) as (DetectedColumn & { role: FigureRole })[];

  // Read every figure once, column by column (the percent-point decision needs the whole column), into typed
  // arrays: a million figures kept as objects cost more in garbage collection than reading them.
  const first = detected.firstRow;
  const count = Math.max(0, detected.lastRow - first + 1);
  // A transposed view's columns are sheet rows: refs are then column letters of the view's rows and row numbers.
  const transposed = cells instanceof TransposedCells ? cells : undefined;
  const letterOf = (col: number) => (transposed ? String(transposed.fromRow + col + 1) : columnLetters(col));
  const a1 = (row: number, col: number) => (transposed ? transposed.a1(row, col) : toA1(row, col));
  const store = new FigureStore(count, first, figureCols.map((fc) => letterOf(fc.col)));
  store.transposed = transposed !== undefined;
  // Per column: percent numbers, other numbers, and other numbers above 2 in size.
  const width = figureCols.length;
  const figureColumns = figureCols.map((fc) => fc.col);
  const percents = new Int32Array(width);
  const plains = new Int32Array(width);
  const bigs = new Int32Array(width);
  // The last number format seen per column and its precision (a column mostly shares one format).
  const lastFormats = new Array<string | undefined>(width).fill(undefined);
  const lastPrecisions = new Array<FormatPrecision | undefined>(width).fill(undefined);
  // Units typed after figures ("4568万元") can only come from text cells: noted while reading.
  const cellUnits: { unit: string; ref: string; role: FigureRole; i: number; k: number }[] = [];
  // Row by row (as the grid lies in memory), every figure cell once.
  for (let i = 0; i < count; i++) {
    const r = first + i;
    if (cells.rowLength(r) === 0) continue; // the store's slots start blank
    for (let k = 0; k < width; k++) {
      const value = cells.value(r, figureColumns[k]);
      if (value === undefined || value === null) continue; // blank: the slot stays blank
      if (typeof value === "number" && Number.isFinite(value)) {
        // What readNumber gives a number cell, without the object: digits are the float's shortest form, and
        // its decimal places are found without writing it out (−1: it is written with an exponent).
        const places = shortestPlaces(value);
        if (places >= 0) {
          let precision = lastPrecisions[k];
          const numFmt = cells.numFmt(r, figureColumns[k]);
          if (numFmt !== lastFormats[k]) {
            lastFormats[k] = numFmt;
            lastPrecisions[k] = precision = formatPrecision(numFmt);
          }
          const percent = precision ? precision.percent : false;
          store.setNumber(i, k, value, precision ? precision.decimals : places, percent, places);
          if (percent) percents[k]++;
          else {
            plains[k]++;
            if (Math.abs(value) > 2) bigs[k]++;
          }
          continue;
        }
      }
      const read = readNumber(value, cells.numFmt(r, figureColumns[k]));
      store.set(i, k, read);
      if (read.kind !== "number") continue;
      if (read.percent) percents[k]++;
      else {
        plains[k]++;
        if (Math.abs(read.value) > 2) bigs[k]++;
      }
      if (read.unit !== undefined) cellUnits.push({ unit: read.unit, ref: a1(first + i, figureColumns[k]), role: figureCols[k].role, i, k });
    }
  }

  // A "change" column written in percentages is a growth column ("比上年增长" with 11%).
  const hasGrowth = figureCols.some((c) => c.role === "statedGrowth");
  for (let k = 0; k < figureCols.length; k++) {
    const fc = figureCols[k];
    if (fc.role !== "statedChange" || hasGrowth) continue;
    if (percents[k] > plains[k]) figureCols[k] = { ...fc, role: "statedGrowth" };
  }
  columns = columns.map((c) => figureCols.find((f) => f.col === c.col) ?? c);

  // Percent points: a rate column whose header says "%" holds 97 for 97%; so does one whose plain numbers are
  // mostly above 2 (no completion or growth rate of 200%+ is usual; 97 as a fraction would be 9700%).
  const percentPointColumns: number[] = [];
  for (let k = 0; k < figureCols.length; k++) {
    const fc = figureCols[k];
    if (!RATE_ROLES.has(fc.role)) continue;
    if (plains[k] === 0) continue;
    if (fc.percentHeader || bigs[k] * 2 > plains[k]) {
      percentPointColumns.push(fc.col);
      for (let i = 0; i < count; i++) {
        const r = store.read(i, k);
        if (r.kind === "number" && !r.percent) store.set(i, k, asPercentPoints(r));
      }
    }
  }
  // Units: amounts are brought to the table's unit before any rule runs (a 执行数（元） column in a 万元 table,
  // "4568万元" typed in a 元 table), exactly, their shown decimals moved with them.
  const tableUnit = detected.unit ?? figureCols.find((fc) => !RATE_ROLES.has(fc.role) && fc.unit && fc.unit in MONEY_UNITS)?.unit;
  if (tableUnit && tableUnit in MONEY_UNITS) {
    // A column headed in another unit: all its numbers (rare: most tables have one unit, and cost nothing here).
    for (let k = 0; k < figureCols.length; k++) {
      const fc = figureCols[k];
      if (RATE_ROLES.has(fc.role) || fc.role === "people" || !fc.unit || !(fc.unit in MONEY_UNITS) || fc.unit === tableUnit) continue;
      for (let i = 0; i < count; i++) {
        if (store.kinds[i * width + k] !== NUMBER) continue;
        const r = store.read(i, k);
        if (r.kind === "number" && !r.percent && !r.permille && !(r.unit && r.unit in MONEY_UNITS)) store.set(i, k, convertUnit(r, fc.unit, tableUnit));
      }
    }
    // A unit typed after a figure ("4568元").
    for (const u of cellUnits) {
      if (RATE_ROLES.has(u.role) || !(u.unit in MONEY_UNITS) || u.unit === tableUnit) continue;
      const r = store.read(u.i, u.k);
      if (r.kind === "number" && !r.percent && !r.permille) store.set(u.i, u.k, convertUnit(r, u.unit, tableUnit));
    }
  }

  // Each role reads the first column that has it.
  for (let role = 0; role < FIGURE_ROLES.length; role++) {
    const k = figureCols.findIndex((c) => c.role === FIGURE_ROLES[role]);
    if (k >= 0) store.setRole(role, k);
  }

  // Units: the unit line, header suffixes and units typed after figures; more than one money unit is a mix.
  const unitsSeen: { unit: string; ref: string }[] = [];
  const noteUnit = (unit: string | undefined, ref: string) => {
    if (!unit || !isMoneyUnit(unit)) return;
    if (!unitsSeen.some((u) => u.unit === unit)) unitsSeen.push({ unit, ref });
  };
  if (detected.unit && detected.unitAt) noteUnit(detected.unit, transposed ? toA1(detected.unitAt.row, detected.unitAt.col) : a1(detected.unitAt.row, detected.unitAt.col));
  for (const fc of figureCols) if (!RATE_ROLES.has(fc.role)) noteUnit(fc.unit, a1(detected.headerBottom, fc.col));
  for (const u of cellUnits) if (!RATE_ROLES.has(u.role)) noteUnit(u.unit, u.ref);

  const rows: FundRow[] = [];
  const rowNumbers: number[] = [];
  let lastParent = -1;
  let lastParentIndent = 0;
  let lastParentHasBudget = false;
  let inComponentList = false;
  const budgetK = figureCols.findIndex((c) => c.role === "budget");
  const kinds = store.kinds;
  const subjectLetters = letterOf(subjectCol ?? figureCols[0]?.col ?? 0);

  for (let i = 0; i < count; i++) {
    const r = first + i;
    const raw = subjectCol !== undefined ? subjectText(cells.value(r, subjectCol)) : "";
    const name = cleanSubject(raw);
    let present = 0;
    for (let k = 0, at = i * width; k < width; k++, at++) if (kinds[at] !== MISSING) present++;
    const c0 = raw.charCodeAt(0);
    const plainStart = c0 > 0x7f && c0 !== 0x3000 && c0 !== 0x542b && c0 !== 0x5176; // not a space, 含 or 其
    const prefixed = !plainStart && COMPONENT_PREFIX.test(raw);
    if (prefixed && name === "" && present === 0) {
      inComponentList = true; // a bare "其中：" line: the rows under it are components
      continue;
    }
    if (name === "" && present === 0) continue;

    const indent = (subjectCol !== undefined ? cells.indent(r, subjectCol) ?? 0 : 0) + (!plainStart && LEADING_SPACE.test(raw) ? 1 : 0);
    const totalKind = rowKindOf(name);
    const hasBudget = budgetK >= 0 && kinds[i * width + budgetK] === NUMBER;
    let kind: RowKind;
    if (totalKind) kind = totalKind;
    else if (NUMBERED_SECTION.test(raw)) kind = "item";
    else if (lastParent >= 0 && prefixed) kind = "component";
    else if (lastParent >= 0 && indent > lastParentIndent) kind = "component";
    else if (lastParent >= 0 && inComponentList && indent === 0 && !FUND_NAME.test(name) && !(lastParentHasBudget && hasBudget)) kind = "component";
    else kind = "item";

    const row = new StoreRow(name, kind, store, i, subjectLetters, kind === "component" ? lastParent : undefined);
    if (kind === "component") {
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

  const table: FundTable = { sheet: cells.name, rows };
  if (cells.merges.length) {
    const merged = markMergedFigures(cells, store, figureCols, (r) => sortedIndexOf(rowNumbers, r), a1);
    if (merged.length) table.mergedFigures = merged;
  }
  if (detected.unit) table.unit = detected.unit;
  else if (unitsSeen.length) table.unit = unitsSeen[0].unit;
  if (unitsSeen.length > 1) table.unitsSeen = unitsSeen;
  return { table, rowNumbers, columns, percentPointColumns };
}

/** An amount in another money unit, exactly: 13621800 元 → 1362.18 万元 (shown to 4 more places: 1362.1800). */
export function convertUnit(read: NumberRead, from: string, to: string): NumberRead {
  const shift = Math.round(Math.log10(MONEY_UNITS[from] / MONEY_UNITS[to]));
  if (shift === 0) return read;
  const value = new Decimal(read.digits).times(new Decimal(10).pow(shift));
  const decimals = Math.max(0, read.decimals - shift);
  return { ...read, value: value.toNumber(), digits: value.toFixed(), decimals, unit: to, written: read.written ?? `${new Decimal(read.digits).toFixed(read.decimals)}${from}` };
}

/** The index of `value` in an ascending list, or −1. */
function sortedIndexOf(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === value) return mid;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}


