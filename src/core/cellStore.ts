/**
 * A sheet's cells packed column-wise into typed arrays: what the .xlsx reader (src/xlsx/) fills and the core reads
 * through `SheetCells`. A cell costs 13 bytes (its column, kind, a float and a style number) instead of an object,
 * a boxed value and a slot in a row array; strings are indexes into one table per workbook (shared strings are
 * decoded once), number formats and indents indexes into one style table. Rows are kept in order, each row's
 * cells in column order, so reading a row is a walk over consecutive slots.
 *
 * A CellStore is also a `GridSheet`: its `cells` are made on demand, row by row, for code that walks the literal
 * arrays (the page's grid view, the settings sheet). The core never asks for them.
 */
import { CellError, CellRange, CellValue, GridCell, GridSheet, SheetCells } from "./grid";

/** What a slot holds. NONE marks a removed slot while building. */
export const NONE = 0;
/** A cell with a format or an indent and no value (value null). */
export const BLANK = 1;
export const NUMBER = 2;
/** `nums` holds the index into the string table. */
export const STRING = 3;
export const TRUE = 4;
export const FALSE = 5;
/** `nums` holds the index into the string table of the error's text ("#DIV/0!"). */
export const ERROR = 6;
/** `nums` holds milliseconds since 1970 (UTC). */
export const DATE = 7;

/** Number formats and indents of a workbook, by style number; style 0 has neither. */
export interface StyleTable {
  formats: (string | undefined)[];
  indents: number[];
}

/** Everything a CellStore holds, as plain data a worker can post (structured clone keeps typed arrays). */
export interface CellStoreData {
  name: string;
  merges: CellRange[];
  /** Cells of row r are the slots rowStart[r] … rowStart[r + 1] − 1; length rowCount + 1. */
  rowStart: Int32Array;
  cols: Uint16Array;
  kinds: Uint8Array;
  nums: Float64Array;
  styles: Uint16Array;
  strings: string[];
  styleTable: StyleTable;
}

export class CellStore implements GridSheet, SheetCells {
  readonly name: string;
  readonly merges: CellRange[];
  private readonly rowStart: Int32Array;
  private readonly cols: Uint16Array;
  private readonly kinds: Uint8Array;
  private readonly nums: Float64Array;
  private readonly styles: Uint16Array;
  private readonly strings: string[];
  private readonly formats: (string | undefined)[];
  private readonly indents: number[];
  private rows?: (GridCell | undefined)[][];

  constructor(readonly data: CellStoreData) {
    this.name = data.name;
    this.merges = data.merges;
    this.rowStart = data.rowStart;
    this.cols = data.cols;
    this.kinds = data.kinds;
    this.nums = data.nums;
    this.styles = data.styles;
    this.strings = data.strings;
    this.formats = data.styleTable.formats;
    this.indents = data.styleTable.indents;
  }

  get rowCount(): number {
    return this.rowStart.length - 1;
  }

  /** Number of cells held (styled blanks included). */
  get size(): number {
    return this.kinds.length;
  }

  rowLength(row: number): number {
    if (!(row >= 0 && row < this.rowStart.length - 1)) return 0;
    const end = this.rowStart[row + 1];
    return end > this.rowStart[row] ? this.cols[end - 1] + 1 : 0;
  }

  /** The slot of (row, col), −1 when there is no cell. */
  slot(row: number, col: number): number {
    const rowStart = this.rowStart;
    if (!(row >= 0 && row < rowStart.length - 1)) return -1;
    const start = rowStart[row];
    const end = rowStart[row + 1];
    if (start === end) return -1;
    const cols = this.cols;
    // Most rows are dense from their first cell: the slot is found by subtraction.
    const guess = start + (col - cols[start]);
    if (guess >= start && guess < end && cols[guess] === col) return guess;
    let lo = start;
    let hi = end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cols[mid];
      if (c === col) return mid;
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  value(row: number, col: number): CellValue {
    const i = this.slot(row, col);
    return i < 0 ? undefined : this.valueAt(i);
  }

  valueAt(i: number): CellValue {
    switch (this.kinds[i]) {
      case NUMBER:
        return this.nums[i];
      case STRING:
        return this.strings[this.nums[i]];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case ERROR: {
        const error: CellError = { error: this.strings[this.nums[i]] };
        return error;
      }
      case DATE:
        return new Date(this.nums[i]);
      default:
        return null;
    }
  }

  numFmt(row: number, col: number): string | undefined {
    const i = this.slot(row, col);
    return i < 0 ? undefined : this.formats[this.styles[i]];
  }

  indent(row: number, col: number): number | undefined {
    const i = this.slot(row, col);
    if (i < 0) return undefined;
    const indent = this.indents[this.styles[i]];
    return indent ? indent : undefined;
  }

  cell(row: number, col: number): GridCell | undefined {
    const i = this.slot(row, col);
    return i < 0 ? undefined : this.cellAt(i);
  }

  private cellAt(i: number): GridCell {
    const cell: GridCell = { value: this.valueAt(i) };
    const style = this.styles[i];
    if (style) {
      const numFmt = this.formats[style];
      if (numFmt) cell.numFmt = numFmt;
      const indent = this.indents[style];
      if (indent) cell.indent = indent;
    }
    return cell;
  }

  /** Row `row` as the literal form has it: a sparse array of cells, or undefined for a row without cells. */
  literalRow(row: number): (GridCell | undefined)[] | undefined {
    if (!(row >= 0 && row < this.rowStart.length - 1)) return undefined;
    const start = this.rowStart[row];
    const end = this.rowStart[row + 1];
    if (start === end) return undefined;
    const out: (GridCell | undefined)[] = [];
    for (let i = start; i < end; i++) out[this.cols[i]] = this.cellAt(i);
    return out;
  }

  /**
   * The literal rows, made when first read and then kept, each row when first read: an array-like view for
   * code written against `GridSheet.cells`. Reading every row this way costs what the literal grid costs.
   */
  get cells(): (GridCell | undefined)[][] {
    if (this.rows) return this.rows;
    const made = new Map<number, (GridCell | undefined)[] | undefined>();
    // Frozen: writing into these rows would change nothing the core reads, so it fails loudly instead.
    const rowAt = (row: number) => {
      if (!made.has(row)) {
        const cells = this.literalRow(row);
        if (cells) for (const cell of cells) if (cell) Object.freeze(cell);
        if (cells) Object.freeze(cells);
        made.set(row, cells);
      }
      return made.get(row);
    };
    const rowCount = this.rowCount;
    const index = (key: string | symbol): number => {
      if (typeof key !== "string") return -1;
      const n = Number(key);
      return Number.isInteger(n) && n >= 0 && String(n) === key ? n : -1;
    };
    this.rows = new Proxy([] as (GridCell | undefined)[][], {
      get(target, key, receiver) {
        if (key === "length") return rowCount;
        const n = index(key);
        if (n >= 0) return n < rowCount ? rowAt(n) : undefined;
        return Reflect.get(target, key, receiver);
      },
      has(target, key) {
        const n = index(key);
        if (n >= 0) return n < rowCount && rowAt(n) !== undefined;
        return Reflect.has(target, key);
      },
      set() {
        return false; // read-only
      },
    });
    return this.rows;
  }
}

/**
 * Fills a CellStore cell by cell. Cells normally come row by row in column order (as Excel writes them); any
 * other order, or a cell given twice (the later wins), is sorted out when building.
 */
export class CellStoreBuilder {
  private rows: Int32Array;
  private cols: Uint16Array;
  private kinds: Uint8Array;
  private nums: Float64Array;
  private styles: Uint16Array;
  private n = 0;
  private ordered = true;
  private lastRow = -1;
  private lastCol = -1;

  constructor(
    private readonly name: string,
    private readonly strings: string[],
    private readonly styleTable: StyleTable,
    capacity = 1024
  ) {
    const size = Math.max(16, Math.floor(capacity));
    this.rows = new Int32Array(size);
    this.cols = new Uint16Array(size);
    this.kinds = new Uint8Array(size);
    this.nums = new Float64Array(size);
    this.styles = new Uint16Array(size);
  }

  get count(): number {
    return this.n;
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const grow = <T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.rows = grow(this.rows, Int32Array);
    this.cols = grow(this.cols, Uint16Array);
    this.kinds = grow(this.kinds, Uint8Array);
    this.nums = grow(this.nums, Float64Array);
    this.styles = grow(this.styles, Uint16Array);
  }

  /** One cell: `kind` BLANK … DATE, `num` its float (see the kinds), `style` its style-table number. */
  add(row: number, col: number, kind: number, num: number, style: number): void {
    if (this.n === this.rows.length) this.grow();
    const i = this.n++;
    this.rows[i] = row;
    this.cols[i] = col;
    this.kinds[i] = kind;
    this.nums[i] = num;
    this.styles[i] = style;
    if (row > this.lastRow || (row === this.lastRow && col > this.lastCol)) {
      this.lastRow = row;
      this.lastCol = col;
    } else this.ordered = false;
  }

  /**
   * The store. Inside a merged area only the master (top-left) cell keeps its value, as Excel shows it: copies
   * in the other cells are dropped. `checkWork` is called with the work the merges cost, so the caller can
   * refuse a hostile sheet (overlapping merges over a million rows) before it is done.
   */
  build(merges: CellRange[], checkWork?: (work: number) => void): CellStore {
    let n = this.n;
    let rows = this.rows;
    let cols = this.cols;
    let kinds = this.kinds;
    let nums = this.nums;
    let styles = this.styles;
    if (!this.ordered) {
      // Stable sort by (row, column); of equal cells the last given is kept.
      const order = Array.from({ length: n }, (_, i) => i);
      order.sort((a, b) => rows[a] - rows[b] || cols[a] - cols[b] || a - b);
      const keep: number[] = [];
      for (let k = 0; k < order.length; k++) {
        const i = order[k];
        const next = order[k + 1];
        if (next !== undefined && rows[next] === rows[i] && cols[next] === cols[i]) continue;
        keep.push(i);
      }
      const pick = <T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
        const b = new make(keep.length);
        for (let k = 0; k < keep.length; k++) b[k] = a[keep[k]];
        return b;
      };
      rows = pick(rows, Int32Array);
      cols = pick(cols, Uint16Array);
      kinds = pick(kinds, Uint8Array);
      nums = pick(nums, Float64Array);
      styles = pick(styles, Uint16Array);
      n = keep.length;
    }
    const removed = dropMergedCopies(rows, cols, kinds, n, merges, checkWork);
    if (removed > 0) {
      let w = 0;
      for (let i = 0; i < n; i++) {
        if (kinds[i] === NONE) continue;
        rows[w] = rows[i];
        cols[w] = cols[i];
        kinds[w] = kinds[i];
        nums[w] = nums[i];
        styles[w] = styles[i];
        w++;
      }
      n = w;
    }
    const rowCount = n ? rows[n - 1] + 1 : 0;
    const rowStart = new Int32Array(rowCount + 1);
    for (let i = 0; i < n; i++) rowStart[rows[i] + 1]++;
    for (let r = 0; r < rowCount; r++) rowStart[r + 1] += rowStart[r];
    this.rows = new Int32Array(0); // the builder is spent
    const sorted = merges.slice().sort((a, b) => a.top - b.top || a.left - b.left);
    return new CellStore({
      name: this.name,
      merges: sorted,
      rowStart,
      cols: cols.subarray(0, n),
      kinds: kinds.subarray(0, n),
      nums: nums.subarray(0, n),
      styles: styles.subarray(0, n),
      strings: this.strings,
      styleTable: this.styleTable,
    });
  }
}

/**
 * Marks NONE every cell inside a merged area but its master. Rows are swept once in order with the merges that
 * cover them, so a sheet's cost is its cells times the merges over each row (a handful in real sheets).
 */
function dropMergedCopies(
  rows: Int32Array,
  cols: Uint16Array,
  kinds: Uint8Array,
  n: number,
  merges: CellRange[],
  checkWork?: (work: number) => void
): number {
  if (merges.length === 0 || n === 0) return 0;
  const byTop = merges.slice().sort((a, b) => a.top - b.top);
  let next = 0;
  let active: CellRange[] = [];
  let removed = 0;
  let work = 0;
  for (let i = 0; i < n; ) {
    const row = rows[i];
    if (active.length === 0 && next < byTop.length && byTop[next].top > row) {
      // No merge over this row: jump to the first cell at or below the next merge's top.
      const top = byTop[next].top;
      while (i < n && rows[i] < top) i++;
      continue;
    }
    if (active.length === 0 && next >= byTop.length) break;
    let end = i;
    while (end < n && rows[end] === row) end++;
    while (next < byTop.length && byTop[next].top <= row) active.push(byTop[next++]);
    if (active.length) {
      active = active.filter((m) => m.bottom >= row);
      for (const m of active) {
        for (let k = i; k < end; k++) {
          const c = cols[k];
          if (c >= m.left && c <= m.right && (row !== m.top || c !== m.left) && kinds[k] !== NONE) {
            kinds[k] = NONE;
            removed++;
          }
        }
      }
      work += active.length * (end - i);
      if (checkWork && work > 1_000_000) {
        checkWork(work);
        work = 0;
      }
    }
    i = end;
  }
  if (checkWork) checkWork(work);
  return removed;
}

/**
 * A literal sheet packed into a CellStore (the task pane or a test can hand the core either form; the core reads
 * both through SheetCells and finds the same). Cells without a value, format or indent are left out.
 */
export function packSheet(sheet: GridSheet): CellStore {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const styleTable: StyleTable = { formats: [undefined], indents: [0] };
  const styleIndex = new Map<string, number>();
  const text = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      stringIndex.set(s, i);
    }
    return i;
  };
  const styleOf = (numFmt: string | undefined, indent: number | undefined) => {
    if (!numFmt && !indent) return 0;
    const key = `${indent ?? 0}\u0000${numFmt ?? ""}`;
    let i = styleIndex.get(key);
    if (i === undefined) {
      i = styleTable.formats.push(numFmt || undefined) - 1;
      styleTable.indents.push(indent ?? 0);
      styleIndex.set(key, i);
    }
    return i;
  };
  const builder = new CellStoreBuilder(sheet.name, strings, styleTable);
  sheet.cells.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      const style = styleOf(cell.numFmt, cell.indent);
      const v = cell.value;
      if (typeof v === "number") builder.add(r, c, NUMBER, v, style);
      else if (typeof v === "string") builder.add(r, c, STRING, text(v), style);
      else if (typeof v === "boolean") builder.add(r, c, v ? TRUE : FALSE, 0, style);
      else if (v instanceof Date) {
        const ms = v.getTime();
        if (Number.isNaN(ms)) {
          if (style) builder.add(r, c, BLANK, 0, style);
        } else builder.add(r, c, DATE, ms, style);
      } else if (v && typeof v === "object" && typeof (v as CellError).error === "string") builder.add(r, c, ERROR, text((v as CellError).error), style);
      else if (style) builder.add(r, c, BLANK, 0, style);
    });
  });
  return builder.build(sheet.merges ?? []);
}
