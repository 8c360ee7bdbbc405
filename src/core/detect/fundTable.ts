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
  return raw.replace(COMPONENT_PREFIX, "").replace(/[\s\u3000\u00a0]+$/, "").replace(LEADING_SPACE, "");
}

export function rowKindOf(name: string): "total" | "subtotal" | undefined {
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

function readCell(cell: GridCell | undefined): ReadResult {
  if (!cell) return { kind: "missing" };
  return readNumber(cell.value, cell.numFmt);
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
  const reads: ReadResult[][] = figureCols.map((fc) => {
    const out = new Array<ReadResult>(count);
    for (let i = 0; i < count; i++) {
      const row = cells[first + i];
      out[i] = readCell(row ? row[fc.col] : undefined);
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
  figureCols.forEach((fc, k) => {
    if (RATE_ROLES.has(fc.role)) return;
    const col = reads[k];
    for (let i = 0; i < col.length; i++) {
      const r = col[i];
      if (r.kind === "number" && r.unit !== undefined) noteUnit(r.unit, toA1(first + i, fc.col));
    }
  });

  const rows: FundRow[] = [];
  const rowNumbers: number[] = [];
  let lastParent = -1;
  let lastParentIndent = 0;
  let lastParentHasBudget = false;
  let inComponentList = false;
  const budgetK = figureCols.findIndex((c) => c.role === "budget");
  const letters = figureCols.map((fc) => columnLetters(fc.col));

  for (let i = 0; i < count; i++) {
    const r = first + i;
    const sheetRow = cells[r];
    const subjectCell = subjectCol !== undefined && sheetRow ? sheetRow[subjectCol] : undefined;
    const raw = subjectText(subjectCell);
    const name = cleanSubject(raw);
    const figures: FundRow["figures"] = {};
    let present = 0;
    for (let k = 0; k < figureCols.length; k++) {
      const read = reads[k][i];
      const figure: Figure = { ref: letters[k] + (r + 1), read };
      figures[figureCols[k].role] = figure;
      if (read.kind !== "missing") present++;
    }
    const prefixed = COMPONENT_PREFIX.test(raw);
    if (prefixed && name === "" && present === 0) {
      inComponentList = true; // a bare "其中：" line: the rows under it are components
      continue;
    }
    if (name === "" && present === 0) continue;

    const indent = (subjectCell?.indent ?? 0) + (LEADING_SPACE.test(raw) ? 1 : 0);
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
