/**
 * The grid model every adapter fills (the .xlsx reader of src/xlsx/ in the CLI and the standalone page, Office.js
 * in the task pane) and the core reads. It knows nothing of where the cells came from. A sheet is either the
 * literal `GridSheet` (arrays of cells) or the packed column store the .xlsx reader builds (./cellStore.ts); the
 * core reads both through `SheetCells`.
 * Rows and columns are 0-based here; A1 addresses are made with `toA1` and read with `parseA1` / `fromA1`.
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

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). A cell beyond it is a damaged or hostile file. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/**
 * Read access to a sheet's cells, whatever holds them: the literal `cells` arrays (the task pane, tests) or the
 * packed column store the .xlsx reader fills (./cellStore.ts). The core reads cells only through this, so a
 * 200,000-row sheet needs no object per cell. Rows and columns are 0-based; reading outside the grid gives
 * "no cell" (undefined).
 */
export interface SheetCells {
  readonly name: string;
  readonly merges: CellRange[];
  /** No row at or after this index holds a cell. */
  readonly rowCount: number;
  /** No cell of row `row` lies at or after this column (0 for a row without cells). */
  rowLength(row: number): number;
  /** The cell's value; undefined when there is no cell, null for a cell that only has a format. */
  value(row: number, col: number): CellValue;
  numFmt(row: number, col: number): string | undefined;
  indent(row: number, col: number): number | undefined;
  /** The cell as a GridCell (made on each call for a packed sheet: for the few places that need one). */
  cell(row: number, col: number): GridCell | undefined;
}

/** SheetCells over the literal `cells` arrays. */
class ArrayCells implements SheetCells {
  readonly name: string;
  readonly merges: CellRange[];
  private readonly cells: (GridCell | undefined)[][];
  constructor(sheet: GridSheet) {
    this.name = sheet.name;
    this.merges = sheet.merges ?? [];
    this.cells = sheet.cells;
  }
  get rowCount(): number {
    return this.cells.length;
  }
  rowLength(row: number): number {
    const r = this.cells[row];
    return r ? r.length : 0;
  }
  cell(row: number, col: number): GridCell | undefined {
    const r = this.cells[row];
    return r ? r[col] : undefined;
  }
  value(row: number, col: number): CellValue {
    const r = this.cells[row];
    const cell = r ? r[col] : undefined;
    return cell ? cell.value : undefined;
  }
  numFmt(row: number, col: number): string | undefined {
    const r = this.cells[row];
    const cell = r ? r[col] : undefined;
    return cell ? cell.numFmt : undefined;
  }
  indent(row: number, col: number): number | undefined {
    const r = this.cells[row];
    const cell = r ? r[col] : undefined;
    return cell ? cell.indent : undefined;
  }
}

function isSheetCells(sheet: GridSheet | SheetCells): sheet is SheetCells {
  return typeof (sheet as Partial<SheetCells>).value === "function";
}

/** The sheet's cells as the core reads them: a packed sheet as it is, literal arrays through a thin view. */
export function sheetCells(sheet: GridSheet | SheetCells): SheetCells {
  return isSheetCells(sheet) ? sheet : new ArrayCells(sheet);
}

export function cellAt(sheet: GridSheet, row: number, col: number): GridCell | undefined {
  return sheetCells(sheet).cell(row, col);
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

/** Where parseA1 puts what it read. */
export interface A1Position {
  row: number;
  col: number;
}

/**
 * The one A1 reader: character codes `codes[start..end)` holding 1–3 letters and a row number, each optionally
 * after a `$` ("B12", "$B$12", "xfd1"). Writes the 0-based row and column into `out`; false when it is not an
 * A1 address. Takes codes (a Uint8Array of the sheet XML, or a string's char codes) so that the .xlsx reader
 * parses a million `r="B12"` attributes without making a string of each.
 */
export function parseA1(codes: ArrayLike<number>, start: number, end: number, out: A1Position): boolean {
  let i = start;
  if (i < end && codes[i] === 36 /* $ */) i++;
  let col = 0;
  let letters = 0;
  for (; i < end; i++) {
    const c = codes[i] | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    letters++;
  }
  if (letters === 0 || letters > 3) return false;
  if (i < end && codes[i] === 36) i++;
  if (i === end) return false;
  let row = 0;
  for (; i < end; i++) {
    const d = codes[i] - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  out.row = row - 1;
  out.col = col - 1;
  return true;
}

const scratch = new Uint16Array(24);

/** "B12" → { row: 11, col: 1 }; undefined when it is not an A1 address. */
export function fromA1(address: string): { row: number; col: number } | undefined {
  const text = address.trim();
  if (text.length > scratch.length) return undefined;
  for (let i = 0; i < text.length; i++) scratch[i] = text.charCodeAt(i);
  const out = { row: 0, col: 0 };
  return parseA1(scratch, 0, text.length, out) ? out : undefined;
}

/** Letters to a 0-based column index: "A" → 0. */
export function columnIndex(letters: string): number | undefined {
  const a = fromA1(letters + "1");
  return a ? a.col : undefined;
}
