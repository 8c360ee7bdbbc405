/** The core's public result shapes (docs/reference.md). `checkWorkbook` in ./check.ts produces them. */
import type { AddinSheetKind } from "./addinSheets";
import { Finding, Summary } from "./findings";
import { Role } from "./model";
import type { SettingsEffect } from "./settingsEffects";

export type SheetKind = "fund" | "indicator" | "notes" | "empty";

/**
 * Charts of budget vs actual (the HTML report, the report sheet) draw at most this many funds: more bars are no
 * longer readable, and a 100,000-row table would make a page or a chart nobody can use.
 */
export const CHART_LIMIT = 200;

/** One fund's amounts, for the budget-vs-actual chart (HTML report, report sheet). */
export interface FundAmounts {
  subject: string;
  budget?: number;
  actual?: number;
  /** A table of income and expenditure (收入、支出): charted as income against expenditure. */
  income?: number;
}

export interface TableReport {
  kind: "fund" | "indicator";
  /** 1-based rows as Excel shows them. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  unit?: string;
  /** Column letter → role, as detected or as overridden by a mapping (a transposed table: see `items`). */
  columns: Record<string, Role>;
  funds: FundAmounts[];
  /** "rows": one fund (or item) per row, roles in columns; "columns": funds across, items down (transposed). */
  orientation?: "rows" | "columns";
  /** 1-based rows of the header (for a transposed table, the row naming the funds). */
  headerRows?: number[];
  /** The years the table's figures are of (its header's years, else its title's). */
  years?: number[];
  /** A transposed table: 1-based row number → role of that row. */
  items?: Record<string, Role>;
  /** Column groups checked each as a table of its own: one year of a multi-year header, or one fund of a consolidation. */
  groups?: { label: string; year?: number; fund?: string; columns: Record<string, Role> }[];
}

export interface SheetReport {
  name: string;
  kind: SheetKind;
  /** The first table's header row (1-based), null when the sheet has no table. */
  headerRow: number | null;
  /** The first table's column roles (column letter → role). */
  columns: Record<string, Role>;
  tables: TableReport[];
}

/** A sheet left out because the add-in wrote it (recognised by its content, ./addinSheets.ts). */
export interface SkippedSheet {
  name: string;
  as: AddinSheetKind;
}

export interface CheckResult {
  sheets: SheetReport[];
  summary: Summary;
  /** In the one order of findings (./order.ts). */
  findings: Finding[];
  /** The add-in's own sheets, not checked; absent when there were none. */
  skipped?: SkippedSheet[];
  /** Where the settings in effect loosen or silence the default checks; absent when they do not. */
  settings?: SettingsEffect[];
}

/** Column roles chosen by the user, by sheet name then column letter; "ignore" drops a detected column. */
export type ColumnMapping = Record<string, Record<string, Role | "ignore">>;
