/**
 * The task pane's only door to Excel: every Office.js call lives under ./office/, one file per concern — reading
 * (read.ts), highlights (highlights.ts), the report sheet (reportSheet.ts: a pure layout, then a thin writer),
 * the settings sheet (settingsSheet.ts), sheets added for the user (newSheet.ts), and what they share (run.ts:
 * API-set checks, undo grouping, the 5 MB payload limit). None of it changes a value, formula or format the user
 * made. officeHost() is that adapter behind the WorkbookHost port (./host.ts).
 */
import type { WorkbookHost } from "./host";
import { listSheets, readSheet, selectCell } from "./office/read";
import { clearAddinChanges, highlightFindings } from "./office/highlights";
import { writeReportSheet } from "./office/reportSheet";
import { loadSettings, saveSettings } from "./office/settingsSheet";
import { insertSheet } from "./office/newSheet";

export { CancelledError } from "../core/check";
export { chartRows } from "../core/chart";
export type { CancelSignal, NewSheetCell, NewSheetLayout, ReportSheetLabels, SheetList } from "./host";
export { BLOCK_TARGET_BYTES, ESTIMATED_BYTES_PER_CELL, FORMATS_PER_SYNC, INDENT_COLUMNS, PAYLOAD_LIMIT_BYTES, PROBE_ROWS } from "./office/run";
export { listSheets, parseAreas, readSheet, rowsPerBlock, selectCell } from "./office/read";
export type { ReadProgress } from "./office/read";
export { HIGHLIGHT_COLORS, HIGHLIGHT_MARKER, cellsToHighlight, clearAddinChanges, highlightFindings } from "./office/highlights";
export { internalLinkFormula, reportSheetLayout, writeReportSheet } from "./office/reportSheet";
export type { ReportSheetLayout } from "./office/reportSheet";
export { SheetNameTakenError, loadSettings, saveSettings } from "./office/settingsSheet";
export { insertSheet, uniqueSheetName } from "./office/newSheet";

/** The task pane inside Excel. The Office.js modules are touched only when a member is called. */
export function officeHost(): WorkbookHost {
  return {
    name: "workbook",
    listSheets,
    readSheet: (name, options) => readSheet(name, options),
    loadSettings,
    saveSettings,
    selectCell,
    highlight: highlightFindings,
    clear: clearAddinChanges,
    writeReport: writeReportSheet,
    insertSheet,
  };
}
