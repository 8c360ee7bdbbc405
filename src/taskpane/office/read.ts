/**
 * Reading the workbook into the core's grid model. One sync for a sheet's used range and merged areas, then one
 * sync per block of rows. A block's rows are chosen so its response stays far below Excel on the web's 5 MB
 * payload limit (estimate × columns), shrink when the cells turn out heavier than estimated, and halve on a
 * payload-size error.
 */
import type { CellRange, CellValue, GridCell, GridSheet } from "../../core/grid";
import { fromA1 } from "../../core/grid";
import { CancelledError } from "../../core/check";
import type { CancelSignal, SheetList } from "../host";
import { BLOCK_TARGET_BYTES, ESTIMATED_BYTES_PER_CELL, INDENT_COLUMNS, PROBE_ROWS, isPayloadError, supports } from "./run";

/** Rows per block for a used range this wide, so that a block's response stays under the target. */
export function rowsPerBlock(columnCount: number, bytesPerCell = ESTIMATED_BYTES_PER_CELL): number {
  return Math.max(1, Math.floor(BLOCK_TARGET_BYTES / (Math.max(1, columnCount) * Math.max(1, bytesPerCell))));
}

const ERROR_VALUE = /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|GETTING_DATA)$/;

function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" && ERROR_VALUE.test(value)) return { error: value };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** UTF-8 size of a block's JSON, roughly (non-ASCII counted as 3 bytes). */
function approximateBytes(values: unknown[][], formats: unknown[][]): number {
  let bytes = 0;
  const add = (v: unknown) => {
    if (typeof v === "string") {
      bytes += v.length + 3;
      for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 127) bytes += 2;
    } else bytes += 12;
  };
  for (const row of values) for (const v of row) add(v);
  for (const row of formats) for (const v of row) add(v);
  return bytes;
}

/** "Sheet1!A1:B2, 'My, sheet'!C3" → 0-based rectangles. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const area = /(?:'(?:[^']|'')*'|[^!,\s][^!,]*)!(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g;
  let m: RegExpExecArray | null;
  while ((m = area.exec(address))) {
    const a = fromA1(m[1]);
    const b = fromA1(m[2] || m[1]);
    if (a && b) out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return out;
}

export async function listSheets(): Promise<SheetList> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const active = sheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    return { names: sheets.items.map((s) => s.name), active: active.name };
  });
}

export interface ReadProgress {
  rowsRead: number;
  rowsTotal: number;
}

/** Reads one sheet's used range into a GridSheet, block by block. */
export async function readSheet(name: string, options: { signal?: CancelSignal; onProgress?: (p: ReadProgress) => void } = {}): Promise<GridSheet> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const readMerges = supports("1.13");
    const merged = readMerges ? used.getMergedAreasOrNullObject() : undefined;
    if (merged) merged.load("address");
    await context.sync();

    const grid: GridSheet = { name, cells: [], merges: [] };
    if (used.isNullObject) return grid;
    if (merged && !merged.isNullObject && merged.address) grid.merges = parseAreas(merged.address);

    const { rowIndex, columnIndex, rowCount, columnCount } = used;
    const readIndent = supports("1.9");
    const indentColumns = Math.min(INDENT_COLUMNS, columnCount);
    const estimate = ESTIMATED_BYTES_PER_CELL + (readIndent ? Math.ceil((40 * indentColumns) / columnCount) : 0);
    // A small first block measures what the cells really weigh; the rest is sized from it.
    let rows = Math.min(PROBE_ROWS, rowsPerBlock(columnCount, estimate));
    let start = 0;
    while (start < rowCount) {
      if (options.signal?.cancelled) throw new CancelledError();
      const n = Math.min(rows, rowCount - start);
      const block = sheet.getRangeByIndexes(rowIndex + start, columnIndex, n, columnCount);
      block.load("values,numberFormat");
      const indents = readIndent
        ? sheet.getRangeByIndexes(rowIndex + start, columnIndex, n, indentColumns).getCellProperties({ format: { indentLevel: true } })
        : undefined;
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows keeps each response under 5 MB
        await context.sync();
      } catch (error) {
        if (isPayloadError(error) && n > 1) {
          rows = Math.max(1, Math.floor(n / 2));
          continue;
        }
        throw error;
      }
      const values = block.values as unknown[][];
      const formats = block.numberFormat as unknown[][];
      for (let r = 0; r < n; r++) {
        const rowValues = values[r] || [];
        let out: (GridCell | undefined)[] | undefined;
        for (let c = 0; c < columnCount; c++) {
          const value = toCellValue(rowValues[c]);
          if (value === null) continue;
          const cell: GridCell = { value };
          const fmt = formats[r]?.[c];
          if (typeof fmt === "string" && fmt !== "General" && fmt !== "") cell.numFmt = fmt;
          const indent = c < indentColumns ? indents?.value[r]?.[c]?.format?.indentLevel : undefined;
          if (typeof indent === "number" && indent > 0) cell.indent = indent;
          if (!out) out = grid.cells[rowIndex + start + r] = [];
          out[columnIndex + c] = cell;
        }
      }
      const perCell = approximateBytes(values, formats) / Math.max(1, n * columnCount);
      rows = rowsPerBlock(columnCount, Math.max(estimate, perCell * 1.5));
      start += n;
      options.onProgress?.({ rowsRead: start, rowsTotal: rowCount });
    }
    return grid;
  });
}

/** Activates a sheet and selects a cell (a finding's cell location). */
export async function selectCell(sheetName: string, address: string): Promise<void> {
  if (!fromA1(address)) return;
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}
