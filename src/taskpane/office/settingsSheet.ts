/** The very hidden settings sheet: targets and column choices stored with the workbook. */
import { MARKER_RANGE } from "../../core/addinSheets";
import { addinSheetKindOf, decodeSettings, DecodedSettings, encodeSettings, SETTINGS_SHEET_NAME, WorkbookSettings } from "../../settings/workbookSettings";

/** A sheet named like the settings sheet that the add-in did not write: its settings cannot be saved there. */
export class SheetNameTakenError extends Error {
  constructor(readonly sheet: string) {
    super(`a sheet named ${sheet} that fund-check did not write exists; rename it to save settings`);
    this.name = "SheetNameTakenError";
  }
}

/** Reads the settings sheet, if the workbook has one. */
export async function loadSettings(): Promise<DecodedSettings> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    await context.sync();
    if (sheet.isNullObject || used.isNullObject) return { problems: [] };
    // The settings block starts at A1; a used range that does not is no settings sheet of the add-in's.
    const values = used.rowIndex === 0 && used.columnIndex === 0 ? (used.values as unknown[][]) : [];
    if (addinSheetKindOf(SETTINGS_SHEET_NAME, (r, c) => values[r]?.[c]) !== "settings") return { problems: [] };
    return decodeSettings(values);
  });
}

/** Writes targets and mapping to the very hidden settings sheet (created on first save). */
export async function saveSettings(settings: WorkbookSettings): Promise<void> {
  await Excel.run(async (context) => {
    let sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
    sheet.load("name");
    const corner = sheet.getRangeByIndexes(0, 0, MARKER_RANGE.rows, MARKER_RANGE.columns);
    corner.load("values");
    await context.sync();
    if (sheet.isNullObject) sheet = context.workbook.worksheets.add(SETTINGS_SHEET_NAME);
    else {
      // Only the add-in's own settings sheet is ever cleared: a sheet of the user's with that name is left alone.
      const values = corner.values as unknown[][];
      if (addinSheetKindOf(SETTINGS_SHEET_NAME, (r, c) => values[r]?.[c]) !== "settings") throw new SheetNameTakenError(SETTINGS_SHEET_NAME);
      sheet.getRange().clear(Excel.ClearApplyTo.contents);
    }
    const cells = encodeSettings(settings);
    const range = sheet.getRangeByIndexes(0, 0, cells.length, cells[0].length);
    range.numberFormat = cells.map((row) => row.map(() => "@"));
    range.values = cells;
    sheet.visibility = Excel.SheetVisibility.veryHidden;
    await context.sync();
  });
}
