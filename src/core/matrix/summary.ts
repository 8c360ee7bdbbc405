/**
 * What the matrix keeps of one checked workbook (a FileSummary): its fund tables' rows with the few figures the
 * matrix and the cross-file check read (budget, actual, prior, balance, stated growth — each with its cell and the
 * precision it is written at), the text that may name its county, and its findings. A batch keeps these and drops
 * the grid, so memory grows with the findings and fund rows, not with the workbooks. Plain data: it crosses a
 * worker's boundary by structured clone.
 */
import type { CheckResult, ColumnMapping } from "../api";
import { sheetMapping } from "../check";
import { groupTables } from "../fundTables";
import { detectTables } from "../detect/tables";
import type { Finding, Summary } from "../findings";
import { GridSheet, SheetCells, sheetCells } from "../grid";
import type { Figure, FigureRole } from "../model";
import { isCountyName } from "./names";

/** A figure as written: its cell, exact digits, value, and decimals shown (in percent places for a percent). */
export interface SummaryFigure {
  ref: string;
  digits: string;
  value: number;
  decimals: number;
  /** As written with its unit when the reader converted it ("13621800元"). */
  written?: string;
}

export const SUMMARY_ROLES = ["budget", "actual", "prior", "balance", "statedGrowth"] as const satisfies readonly FigureRole[];
export type SummaryRole = (typeof SUMMARY_ROLES)[number];

export interface SummaryRow {
  /** The row's name as written (其中/indent removed). */
  subject: string;
  kind: "item" | "total" | "subtotal";
  /** A fund column group's fund (a consolidation's 工伤保险 over 预算数 | 执行数). */
  group?: string;
  /** The year of the row's figures, when its table's column groups are years. */
  period?: number;
  figures: Partial<Record<SummaryRole, SummaryFigure>>;
}

export interface SummaryTable {
  sheet: string;
  unit?: string;
  /** The years the table's figures are of (header or title). */
  years?: number[];
  rows: SummaryRow[];
}

export interface FileSummary {
  /** The path as the user gave it. */
  file: string;
  /** Texts above the first table of each sheet (titles), for the county name. */
  titles: string[];
  sheets: string[];
  tables: SummaryTable[];
  findings: Finding[];
  summary: Summary;
}

/** A file that could not be read or checked: never shown as clean. */
export interface UnreadableFile {
  file: string;
  /** Why, in words (the CLI's refusal text). */
  unreadable: string;
}

export type BatchFile = FileSummary | UnreadableFile;

export function isUnreadable(f: BatchFile): f is UnreadableFile {
  return (f as UnreadableFile).unreadable !== undefined;
}

function figureOf(f: Figure | undefined): SummaryFigure | undefined {
  if (!f || f.read.kind !== "number") return undefined;
  const out: SummaryFigure = { ref: f.ref, digits: f.read.digits, value: f.read.value, decimals: f.read.decimals };
  if (f.read.written) out.written = f.read.written;
  return out;
}

/** Text cells in the rows above a sheet's first table (at most the first five rows): its title, unit line … */
function titlesOf(cells: SheetCells, before: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.min(before, 5, cells.rowCount); r++) {
    for (let c = 0; c < Math.min(cells.rowLength(r), 30); c++) {
      const v = cells.value(r, c);
      if (typeof v === "string" && v.trim() !== "") out.push(v.trim().slice(0, 100));
    }
  }
  return out;
}

/** The fund tables of one sheet as the matrix reads them (the same detection and model the checks use). */
export function summarizeSheet(sheet: GridSheet | SheetCells, mapping?: ColumnMapping): { tables: SummaryTable[]; titles: string[] } {
  const cells = sheetCells(sheet);
  const detected = detectTables(cells, sheetMapping(mapping, cells.name));
  const tables: SummaryTable[] = [];
  const first = detected.tables[0];
  const titles = titlesOf(cells, first ? first.headerTop : 5);
  for (const t of detected.tables) {
    if (t.kind !== "fund") continue;
    const table: SummaryTable = { sheet: cells.name, rows: [] };
    if (t.years?.length) table.years = t.years;
    for (const { built, group } of groupTables(cells, t)) {
      table.unit ??= built.table.unit;
      for (const row of built.table.rows) {
        if (row.kind === "component") continue;
        const figures: SummaryRow["figures"] = {};
        const all = row.figures;
        for (const role of SUMMARY_ROLES) {
          const f = figureOf(all[role]);
          if (f) figures[role] = f;
        }
        const out: SummaryRow = { subject: row.subject, kind: row.kind, figures };
        if (group?.fund) out.group = group.fund;
        if (group?.year !== undefined) out.period = group.year;
        table.rows.push(out);
      }
    }
    tables.push(table);
  }
  return { tables, titles };
}

/** A checked workbook → what the matrix keeps of it. `sheets` are the workbook's sheets (the add-in's own are skipped by the result). */
export function summarizeWorkbook(file: string, sheets: readonly (GridSheet | SheetCells)[], result: CheckResult, mapping?: ColumnMapping): FileSummary {
  const checked = new Set(result.sheets.map((s) => s.name));
  const tables: SummaryTable[] = [];
  const titles: string[] = [];
  const names: string[] = [];
  for (const sheet of sheets) {
    const name = sheetCells(sheet).name;
    if (!checked.has(name)) continue;
    names.push(name);
    const s = summarizeSheet(sheet, mapping);
    titles.push(...s.titles);
    tables.push(...s.tables);
  }
  return { file, titles, sheets: names, tables, findings: result.findings, summary: result.summary };
}

/** A table is a consolidation when at least two of its rows are county names (县, 区, 市, 旗). */
export function isConsolidation(t: SummaryTable): boolean {
  let n = 0;
  for (const r of t.rows) if (r.kind === "item" && isCountyName(r.subject) && ++n >= 2) return true;
  return false;
}
