/**
 * Sheets the add-in writes itself: the very hidden settings sheet and the report sheet. Every reader (task pane,
 * standalone page, CLI) skips them, so a workbook checked after a pass gives the same findings as before it.
 */

/** The settings sheet's name. Sheet names are at most 31 characters and may not contain : \ / ? * [ ]. */
export const SETTINGS_SHEET_NAME = "fund-check设置";

/** Names the report sheet takes (one per language). Both are the add-in's own and are replaced on each run. */
export const REPORT_SHEET_NAMES = ["校验报告", "Check report"] as const;

/** Sheets the add-in wrote itself: never checked, never counted as the user's tables. */
export function isAddinSheet(name: string): boolean {
  return name === SETTINGS_SHEET_NAME || (REPORT_SHEET_NAMES as readonly string[]).includes(name);
}
