/**
 * The grid model every adapter fills (ExcelJS in the CLI and the standalone page, Office.js in the task pane)
 * and the core reads. It knows nothing of where the cells came from.
 * Rows and columns are 0-based here; A1 addresses are made with `toA1`.
 */

/** An Excel error value such as #DIV/0! or #N/A, kept as data. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | Date | CellError | null | undefined;

export interface GridCell {
  /** The value (for a formula, its cached result). Rich text arrives already flattened to a string. */
  value: CellValue;
  /** The cell's number format code as stored ("0.0%", "#,##0"), if any. Formats are not applied to `value`. */
  numFmt?: string;
  /** The cell's indent level (Excel's "increase indent"), if any. */
  indent?: number;
}

/** An inclusive rectangle, 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridSheet {
  name: string;
  /** cells[row][col]; rows may be ragged or missing (undefined = empty). */
  cells: (GridCell | undefined)[][];
  /** Merged areas. Adapters keep the value in the top-left (master) cell; copies in the others are harmless. */
  merges: CellRange[];
}

export interface GridWorkbook {
  /** A name for messages (file name, or "Book1"). */
  name: string;
  sheets: GridSheet[];
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && typeof (value as CellError).error === "string";
}

export function cellAt(sheet: GridSheet, row: number, col: number): GridCell | undefined {
  const r = sheet.cells[row];
  return r ? r[col] : undefined;
}

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based row and column to an A1 address: (0, 0) → "A1". */
export function toA1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** "B12" → { row: 11, col: 1 }; undefined when it is not an A1 address. */
export function fromA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Letters to a 0-based column index: "A" → 0. */
export function columnIndex(letters: string): number | undefined {
  const a = fromA1(letters + "1");
  return a ? a.col : undefined;
}
