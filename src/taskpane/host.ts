/**
 * What the UI needs from "the workbook", whether it is open in Excel (Office.js, src/taskpane/excel.ts) or
 * loaded from a file in the standalone page (ExcelJS). The UI never calls Office.js itself.
 */
import type { GridSheet } from "../core/grid";
import type { Finding } from "../core/findings";
import type { CheckResult, ColumnMapping } from "../core/api";
import type { PassProgress } from "../core/check";
import type { SettingsOrigin } from "../core/settingsEffects";
import type { Targets } from "../core/targets";
import type { DecodedSettings, WorkbookSettings } from "../settings/workbookSettings";
import * as excel from "./excel";
import type { CancelSignal, NewSheetCell, NewSheetLayout, ReportSheetLabels, SheetList } from "./excel";

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
  kind: "office" | "browser";
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

/** The task pane inside Excel. excel.ts is small and touches Office only when called. */
export function officeHost(): WorkbookHost {
  return {
    kind: "office",
    name: "workbook",
    listSheets: excel.listSheets,
    readSheet: (name, options) => excel.readSheet(name, options),
    loadSettings: excel.loadSettings,
    saveSettings: excel.saveSettings,
    selectCell: excel.selectCell,
    highlight: excel.highlightFindings,
    clear: excel.clearAddinChanges,
    writeReport: excel.writeReportSheet,
    insertSheet: excel.insertSheet,
  };
}
