/**
 * How the custom functions read their arguments: every argument may be a single value or a range (a 2-D array),
 * ranges of one shape are worked element by element, a 1×1 value is broadcast, and the result has the common
 * shape (it spills). Elements are read with the core number reader, so "4,568", "97%", "９７％", "(1,234)" and
 * "4568万元" are figures.
 *
 * Blank cells: a blank ("" or null) is MISSING, never 0, and gives #N/A "missing value" in its position.
 * Limitation: Excel desktop hands a blank cell to a custom function as 0, so there it cannot be told apart from a
 * typed 0 (Excel on the web passes blanks through). Documented in the README (Custom functions).
 */
import Decimal from "decimal.js";
import { MathResult } from "../core/fundMath";
import { NumberRead, readNumber, readNumberText } from "../core/numbers";
import { asErrorValue, excelError, ExcelErrorValue } from "./excelErrors";

export const MISSING_MESSAGE = "missing value";

/** One argument of a call: its name (for messages) and what Excel passed. */
export interface Arg {
  name: string;
  value: unknown;
}

/** Whatever Excel passed, as rows of cells: a single value is 1×1; a 1-D array is one row. */
export function toMatrix(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [[undefined]];
  let nested = true;
  for (const row of value) {
    if (!Array.isArray(row)) {
      nested = false;
      break;
    }
  }
  if (!nested) return [value];
  return (value as unknown[][]).map((row) => (row.length === 0 ? [undefined] : row));
}

export function shapeOf(matrix: unknown[][]): [number, number] {
  let cols = 0;
  for (const row of matrix) if (row.length > cols) cols = row.length;
  return [matrix.length, cols];
}

/** A blank cell: nothing, or text that is empty after trimming. */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function quote(text: string): string {
  const short = text.length > 40 ? text.slice(0, 40) + "…" : text;
  return JSON.stringify(short);
}

export function notANumber(name: string, cell: unknown): ExcelErrorValue {
  const shown = typeof cell === "string" ? quote(cell) : typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : quote(String(cell));
  return excelError("invalidValue", `${name}: not a number: ${shown}`);
}

export function missing(): ExcelErrorValue {
  return excelError("notAvailable", MISSING_MESSAGE);
}

/** Reads one element as a figure with how it was written, or the error value to put in its place. */
export function readFigure(name: string, cell: unknown): NumberRead | ExcelErrorValue {
  const error = asErrorValue(cell);
  if (error) return error;
  if (typeof cell === "boolean") return notANumber(name, cell);
  const read = typeof cell === "string" ? readNumberText(cell) : readNumber(cell);
  switch (read.kind) {
    case "number":
      return read;
    case "missing":
      return missing();
    case "error":
      return asErrorValue({ error: read.error }) ?? excelError("invalidValue", `${name}: ${read.error}`);
    default:
      return notANumber(name, cell);
  }
}

/** Reads one element as an exact decimal, or the error value to put in its place. */
export function readDecimal(name: string, cell: unknown): Decimal | ExcelErrorValue {
  // Fast path for the common case, a number cell: its shortest decimal form is what the user sees.
  if (typeof cell === "number" && Number.isFinite(cell)) return new Decimal(cell);
  const read = readFigure(name, cell);
  return "kind" in read ? new Decimal(read.digits) : read;
}

export function isError(value: unknown): value is ExcelErrorValue {
  return !(value instanceof Decimal) && asErrorValue(value) !== undefined;
}

/** A Decimal result (or the reason there is none) as what the cell shows: a number or an error. */
export function toCell(result: MathResult | ExcelErrorValue): number | ExcelErrorValue {
  if (result instanceof Decimal) {
    const n = result.toNumber();
    return Number.isFinite(n) ? n : excelError("invalidNumber", "result out of range");
  }
  if (result === "div0") return excelError("divisionByZero");
  if (result === "num") return excelError("invalidNumber");
  return result;
}

function describe(shape: [number, number]): string {
  return `${shape[0]}×${shape[1]}`;
}

/**
 * Applies `compute` element by element. Ranges must have one shape; 1×1 arguments are broadcast.
 * Mismatched shapes give a single #VALUE! naming the shapes. `compute` gets the cells of one position
 * (the same array object each time: read it, do not keep it).
 */
export function mapCells(args: readonly Arg[], compute: (cells: unknown[]) => unknown): unknown[][] {
  const matrices = args.map((a) => toMatrix(a.value));
  const shapes = matrices.map(shapeOf);
  let rows = 1;
  let cols = 1;
  let owner = -1;
  for (let i = 0; i < shapes.length; i++) {
    const [r, c] = shapes[i];
    if (r === 1 && c === 1) continue;
    if (owner < 0) {
      rows = r;
      cols = c;
      owner = i;
    } else if (r !== rows || c !== cols) {
      return [[excelError("invalidValue", `shapes differ: ${args[owner].name} is ${describe(shapes[owner])}, ${args[i].name} is ${describe(shapes[i])}`)]];
    }
  }
  const scalar = shapes.map(([r, c]) => r === 1 && c === 1);
  const cells: unknown[] = new Array(args.length);
  const out: unknown[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      for (let i = 0; i < matrices.length; i++) {
        cells[i] = scalar[i] ? matrices[i][0][0] : matrices[i][r][c];
      }
      let value: unknown;
      try {
        value = compute(cells);
      } catch (error) {
        // Last line of defence: a function never throws into Excel.
        value = excelError("invalidValue", "internal error: " + (error instanceof Error ? error.message : String(error)));
      }
      line[c] = value;
    }
    out[r] = line;
  }
  return out;
}

/** Every cell of a range, row by row (for SUM_MATCHES's parts). */
export function allCells(value: unknown): unknown[] {
  const out: unknown[] = [];
  for (const row of toMatrix(value)) for (const cell of row) out.push(cell);
  return out;
}
