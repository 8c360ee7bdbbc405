/**
 * What every Office.js call of the pane shares: which ExcelApi versions this Excel supports, one undo step per
 * write action where Excel groups undo (ExcelApi 1.20, RunOptions.mergeUndoGroup; elsewhere ungrouped, and said
 * so), Excel on the web's 5 MB payload limit, and finding the add-in's own sheets by their content.
 */
import { MARKER_RANGE } from "../../core/addinSheets";
import { addinSheetKindOf } from "../../settings/workbookSettings";

/** Excel on the web refuses requests or responses above 5 MB; aim well below. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const BLOCK_TARGET_BYTES = 2.5 * 1024 * 1024;
/** Values + number format of one cell as JSON, generously: a 20-character Chinese text is ~60 bytes in UTF-8. */
export const ESTIMATED_BYTES_PER_CELL = 64;
/** Indent is read for the leftmost columns only, where a table's subject column stands. */
export const INDENT_COLUMNS = 3;
/** Rows of the first block of a sheet, read to measure its cells before sizing the other blocks. */
export const PROBE_ROWS = 200;

/**
 * Conditional formats added or deleted per sync. Office.js sends several object paths and actions for each (about
 * a kilobyte), so tens of thousands of highlights in one request would pass the 5 MB limit.
 */
export const FORMATS_PER_SYNC = 1500;

export function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code || "";
  const message = (error as { message?: string } | null)?.message || "";
  return /PayloadSize|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(code + " " + message);
}

export function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Runs a write batch as one undo step where Excel supports grouping; the batch must be safe to repeat. */
export async function runWrite<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<{ value: T; grouped: boolean }> {
  if (supports("1.20")) {
    try {
      return { value: await Excel.run({ mergeUndoGroup: true }, batch), grouped: true };
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (code !== "UndoNotSupported") throw error;
    }
  }
  return { value: await Excel.run(batch), grouped: false };
}

/**
 * The add-in's own sheets of one kind ("report"), recognised by their content (src/core/addinSheets.ts): the first
 * cells of every sheet in one sync.
 */
export async function addinSheets(context: Excel.RequestContext, kind: "settings" | "report"): Promise<Excel.Worksheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const corners = sheets.items.map((s) => {
    const range = s.getRangeByIndexes(0, 0, MARKER_RANGE.rows, MARKER_RANGE.columns);
    range.load("values");
    return range;
  });
  await context.sync();
  return sheets.items.filter((s, i) => addinSheetKindOf(s.name, (r, c) => (corners[i].values as unknown[][])[r]?.[c]) === kind);
}

export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 2; // CJK: 3 bytes in UTF-8
  return bytes;
}

/**
 * Hands `write` the rows in blocks of about BLOCK_TARGET_BYTES of JSON (at least one row each), `top` being the
 * sheet row of the block's first row, and syncs after each block but the last (the caller's sync sends that one).
 */
export async function writeRowsInBlocks<T>(
  context: Excel.RequestContext,
  rows: T[][],
  firstRow: number,
  write: (rows: T[][], top: number) => Promise<void>
): Promise<void> {
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    // Twice the JSON: the values and the number formats (or formulas) written beside them.
    while (end < rows.length && (end === start || bytes + 2 * jsonBytes(rows[end]) <= BLOCK_TARGET_BYTES)) bytes += 2 * jsonBytes(rows[end++]);
    await write(rows.slice(start, end), firstRow + start);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block keeps each request under 5 MB
    if (end < rows.length) await context.sync();
    start = end;
  }
}
