/**
 * Sheets the add-in writes itself: the very hidden settings sheet and the report sheet. Every reader (task pane,
 * standalone page, CLI) leaves them out and says so (CheckResult.skipped), so a workbook checked after a pass
 * gives the same findings as before it.
 *
 * A sheet is the add-in's by its content, never by its name alone: a user's fund sheet that happens to be named
 * 校验报告 is checked like any other. The add-in writes a marker where it writes the sheet: "fund-check settings"
 * in A1 of the settings sheet, "fund-check:report" opening A2 of the report sheet. Report sheets written before
 * that marker existed are recognised by their name together with their title and header row.
 */
import { CellValue, GridSheet, SheetCells, sheetCells } from "./grid";
import type { Lang } from "./words";

/** The settings sheet's name. Sheet names are at most 31 characters and may not contain : \ / ? * [ ]. */
export const SETTINGS_SHEET_NAME = "fund-check设置";

/** Names the report sheet takes (one per language). */
export const REPORT_SHEET_NAMES = ["校验报告", "Check report"] as const;

/** A1 of the settings sheet. */
export const SETTINGS_MARKER = "fund-check settings";

/** The start of A2 of the report sheet. */
export const REPORT_MARKER = "fund-check:report";

/** A2 of the report sheet: the marker, then what the sheet is, for the person who reads it. */
export function reportMarkerText(lang: Lang): string {
  return lang === "zh"
    ? `${REPORT_MARKER} · 由 fund-check 加载项生成：每次生成时替换，“清除”时删除。`
    : `${REPORT_MARKER} · Written by the fund-check add-in: replaced on each run, removed by Clear.`;
}

export type AddinSheetKind = "settings" | "report";

/** The report sheet's title and first header cells as written before the marker (both languages). */
const LEGACY_REPORT = [
  { title: "基金校验报告", headers: ["级别", "规则", "工作表", "单元格"] },
  { title: "Fund check report", headers: ["Severity", "Rule", "Sheet", "Cell"] },
];

function text(value: CellValue): string {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * Whether the first rows of a sheet are the add-in's: `value(row, col)` gives the cell values (0-based), from
 * whatever reads the sheet (the core's grid, Office.js values).
 */
export function addinSheetKindOf(name: string, value: (row: number, col: number) => unknown): AddinSheetKind | undefined {
  const at = (row: number, col: number) => text(value(row, col) as CellValue);
  if (at(0, 0) === SETTINGS_MARKER) return "settings";
  if (at(1, 0).startsWith(REPORT_MARKER)) return "report";
  if ((REPORT_SHEET_NAMES as readonly string[]).includes(name)) {
    for (const legacy of LEGACY_REPORT) {
      if (at(0, 0) === legacy.title && legacy.headers.every((h, c) => at(2, c) === h)) return "report";
    }
  }
  return undefined;
}

/** The rows and columns addinSheetKindOf looks at (for adapters that load a range: A1:D3). */
export const MARKER_RANGE = { rows: 3, columns: 4 } as const;

/** Whether a sheet read into the grid model is one the add-in wrote, and which. */
export function addinSheetKind(sheet: GridSheet | SheetCells): AddinSheetKind | undefined {
  const cells = sheetCells(sheet);
  return addinSheetKindOf(cells.name, (row, col) => (row < cells.rowCount ? cells.value(row, col) : undefined));
}
