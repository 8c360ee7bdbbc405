/** Sheets the pane adds for the user (report-text figures, the drafted paragraphs): always new, never replacing one. */
import type { NewSheetCell, NewSheetLayout } from "../host";
import { runWrite } from "./run";

/** Excel's sheet-name limit. */
const SHEET_NAME_MAX = 31;

/** `base`, or "base (2)", "base (3)"… — the first name no sheet has (Excel compares names case-insensitively). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const first = base.slice(0, SHEET_NAME_MAX);
  if (!taken.has(first.toLowerCase())) return first;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Adds a NEW sheet (named `baseName`, made unique: an existing sheet is never replaced or written) holding `rows`
 * from A1: values with their number formats, formulas as formulas. Every text value is written under the text
 * format "@", as on the report sheet, so text from a report (a fund named "=1+1") can never run as a formula;
 * only cells given as { formula } are formulas. Null in the arrays Office.js writes leaves a cell untouched, so
 * values and formulas go in two writes of one batch. One undo step where Excel supports grouping.
 */
export async function insertSheet(
  baseName: string,
  rows: readonly (readonly NewSheetCell[])[],
  formats: readonly (readonly string[])[] = [],
  layout: NewSheetLayout = {}
): Promise<{ sheet: string; grouped: boolean }> {
  const { value, grouped } = await runWrite(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(baseName, sheets.items.map((s) => s.name));
    const sheet = sheets.add(name);
    const height = rows.length;
    const width = Math.max(0, ...rows.map((row) => row.length));
    if (height && width) {
      const grid = (pick: (cell: NewSheetCell, r: number, c: number) => string | number | boolean | null) =>
        rows.map((row, r) => Array.from({ length: width }, (_, c) => pick(row[c] ?? null, r, c)));
      const range = sheet.getRangeByIndexes(0, 0, height, width);
      range.numberFormat = grid((cell, r, c) => (cell && "value" in cell && typeof cell.value === "string" ? "@" : formats[r]?.[c] ?? "General")) as string[][];
      range.values = grid((cell) => (cell && "value" in cell ? cell.value : null)) as (string | number | boolean)[][];
      range.formulas = grid((cell) => (cell && "formula" in cell ? cell.formula : null)) as string[][];
      sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      range.format.autofitColumns();
      (layout.columnWidths ?? []).forEach((points, c) => {
        if (!points || c >= width) return;
        const column = sheet.getRangeByIndexes(0, c, height, 1).format;
        column.columnWidth = points;
        column.wrapText = true;
        column.verticalAlignment = "Top";
      });
    }
    sheet.activate();
    await context.sync();
    return name;
  });
  return { sheet: value, grouped };
}
