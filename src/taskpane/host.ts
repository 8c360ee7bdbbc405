/**
 * The port: what the UI needs from "the workbook", whether it is open in Excel (Office.js: ./excel.ts and
 * ./office/) or opened from a file in the standalone page (./workerHost.ts, ./standalone.ts). The port owns the
 * types it speaks in; the UI never calls Office.js itself. Where the pane runs (Excel or the page) is the App's
 * `standalone` prop alone; a host's optional members say what it can do, not where it is.
 */
import type { GridSheet } from "../core/grid";
import type { Finding } from "../core/findings";
import type { CheckResult, ColumnMapping } from "../core/api";
import type { PassProgress } from "../core/check";
import type { SettingsOrigin } from "../core/settingsEffects";
import type { Targets } from "../core/targets";
import type { DecodedSettings, WorkbookSettings } from "../settings/workbookSettings";
import type { CancelSignal } from "../core/check";
import type { Lang } from "../core/words";

export type { CancelSignal };

export interface SheetList {
  /** Every sheet, in tab order (the check leaves out the add-in's own, recognised by their content). */
  names: string[];
  active: string;
}

export interface ReportSheetLabels {
  sheetName: string;
  title: string;
  headers: string[]; // severity, rule, sheet, cell, subject, observed, expected, message
  fundHeaders: [string, string, string];
  chartTitle: string;
  /** Notes on what changed the checks or was left out (scopeNotes), written under the marker. */
  notes: string[];
  lang: Lang;
}

/** A cell of a sheet the add-in adds: a value (a text value always stays text) or a formula of the add-in's own. */
export type NewSheetCell = { value: string | number | boolean } | { formula: string } | null;

/** Columns given a width (points) are wrapped and top-aligned instead of autofitted: long text such as a paragraph. */
export interface NewSheetLayout {
  columnWidths?: readonly (number | undefined)[];
}


/** A check the host runs itself: the sheets, the settings in force, progress and the cancel flag. */
export interface HostPass {
  names: readonly string[];
  targets?: Targets;
  mapping?: ColumnMapping;
  origin?: { targets?: SettingsOrigin; mapping?: SettingsOrigin };
  signal?: CancelSignal;
  onProgress?: (p: PassProgress) => void;
}

export interface WorkbookHost {
  /** A name for messages and downloads. */
  name: string;
  listSheets(): Promise<SheetList>;
  readSheet(name: string, options: { signal?: CancelSignal }): Promise<GridSheet>;
  loadSettings(): Promise<DecodedSettings>;
  /** Absent where the workbook cannot be written (the standalone page). */
  saveSettings?(settings: WorkbookSettings): Promise<void>;
  selectCell?(sheet: string, cell: string): Promise<void>;
  highlight?(findings: readonly Finding[]): Promise<{ cells: number; grouped: boolean }>;
  clear?(): Promise<{ removed: number; grouped: boolean }>;
  writeReport?(result: CheckResult, labels: ReportSheetLabels): Promise<{ sheet: string; grouped: boolean }>;
  /**
   * Checks the named sheets where the workbook lives (the standalone page: in its Web Worker, off the page's
   * thread). Absent: the pane reads each sheet through readSheet and checks it itself (runCheck.ts).
   */
  check?(pass: HostPass): Promise<CheckResult>;
  /** Adds a new sheet (never replacing one): the report text's figures with live FUND. formulas, the drafted paragraphs as live formulas. */
  insertSheet?(baseName: string, rows: NewSheetCell[][], formats: string[][], layout?: NewSheetLayout): Promise<{ sheet: string; grouped: boolean }>;
}
