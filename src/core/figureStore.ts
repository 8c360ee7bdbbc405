/**
 * The figures of a sheet's fund table, kept column-wise in typed arrays instead of one object per cell.
 * A 100,000-row table has a million figures; as objects they all outlive the young generation, and copying them
 * there cost more than reading them. Here a figure is a float, its shown decimals and a few bits; the full
 * `Figure` ({ ref, read }) is made only when something asks for it (a finding, an exact comparison).
 * Rows read from report text keep plain objects; the rules read both through `TableFigures` (at the end),
 * which views a sheet table's store and copies report text's few figures into a small one.
 */
import Decimal from "decimal.js";
import { Figure, FIGURE_ROLES as ROLES_IN_MODEL_ORDER, FigureRole, FundRow, RowKind } from "./model";
import { columnLetters } from "./grid";
import { NumberRead, ReadResult } from "./numbers";

/**
 * Figure roles in model order (model.ts); a role's position here is its index in the store. (A constant of this
 * module, not a re-export: the rules read it in their row loops.)
 */
export const FIGURE_ROLES: readonly FigureRole[] = ROLES_IN_MODEL_ORDER;
export type { FigureRole };
export const BUDGET = 0;
export const ACTUAL = 1;
export const PRIOR = 2;
export const INCOME = 3;
export const BALANCE = 4;
export const STATED_COMPLETION = 5;
export const STATED_CHANGE = 6;
export const STATED_GROWTH = 7;
export const PEOPLE = 8;
export const SURPLUS = 9;
export const OPENING_BALANCE = 10;
export const STATED_INDEX = 11;
const ROLE_COUNT = 12;

/** What a slot holds. ABSENT: the table has no column for the role (the model leaves the role out). */
export const ABSENT = 0;
export const MISSING = 1;
export const NUMBER = 2;
export const TEXT = 3;
export const ERROR = 4;
/** Part of a merged area spanning several figure cells (one 2300 across 预算数 and 执行数): no figure of either. */
export const MERGED = 5;

const PERCENT_BIT = 1;
/** The full read is kept in `odd` (text, error, unit, per mille, or digits the float does not give back). */
const ODD_BIT = 2;

const MISSING_READ: ReadResult = { kind: "missing" };

/** The digits the number reader gives a float (JavaScript's shortest form; exponent forms through Decimal). */
export function floatDigits(value: number): string {
  if (value === 0) return "0";
  const shown = String(value);
  return shown.indexOf("e") >= 0 ? new Decimal(value).toString() : shown;
}

/** Decimal places written in a digits string; −1 when it has an exponent. */
function placesIn(digits: string): number {
  if (digits.indexOf("e") >= 0 || digits.indexOf("E") >= 0) return -1;
  const dot = digits.indexOf(".");
  return dot < 0 ? 0 : digits.length - dot - 1;
}

/** A figure read from a cell; its A1 address is made when asked for (only findings need one). */
class CellFigure implements Figure {
  constructor(
    private readonly letters: string,
    private readonly row: number,
    readonly read: ReadResult,
    private readonly transposed = false
  ) {}
  get ref(): string {
    return this.transposed ? columnLetters(this.row) + this.letters : this.letters + (this.row + 1);
  }
  toJSON(): { ref: string; read: ReadResult } {
    return { ref: this.ref, read: this.read };
  }
}

export class FigureStore {
  readonly kinds: Uint8Array;
  readonly values: Float64Array;
  /** Decimal places as shown (the number reader's `decimals`). */
  readonly decimals: Int32Array;
  /** Decimal places of the figure's own digits (−1: written with an exponent). */
  readonly places: Int32Array;
  readonly bits: Uint8Array;
  readonly odd = new Map<number, ReadResult>();
  /** Where a slot's figure stands when it is not its column's cell: "L12" for a line of report text. */
  readonly refs = new Map<number, string>();
  /** Number of columns: slot of (row i, column c) is i × width + c. */
  readonly width: number;
  /** The column each role reads (−1: the table has no column for it). */
  readonly roleColumn = new Int32Array(ROLE_COUNT).fill(-1);
  /**
   * A transposed table (funds as columns): a store row is a sheet column (letters from `firstRow + i`) and a store
   * column a sheet row (`letters` then hold its 1-based row number).
   */
  transposed = false;

  /**
   * `count` rows, the first on 0-based sheet row `firstRow`, of the columns with these letters; every slot
   * starts blank (or absent: a report-text row has only the figures its sentences give).
   */
  constructor(
    readonly count: number,
    readonly firstRow: number,
    readonly letters: readonly string[],
    start: typeof MISSING | typeof ABSENT = MISSING
  ) {
    this.width = letters.length;
    const n = count * this.width;
    this.kinds = new Uint8Array(n).fill(start);
    this.values = new Float64Array(n);
    this.decimals = new Int32Array(n);
    this.places = new Int32Array(n);
    this.bits = new Uint8Array(n);
  }

  /** The role's figures are column `col`'s. */
  setRole(role: number, col: number): void {
    this.roleColumn[role] = col;
  }

  /** A number whose digits are the float's own (integer or shortest form), as the number reader gives it. */
  setNumber(i: number, col: number, value: number, decimals: number, percent: boolean, places: number): void {
    const at = i * this.width + col;
    if (this.bits[at] & ODD_BIT) this.odd.delete(at);
    this.kinds[at] = NUMBER;
    this.values[at] = value;
    this.decimals[at] = decimals;
    this.places[at] = places;
    this.bits[at] = percent ? PERCENT_BIT : 0;
  }

  /** Any read; kept whole when the arrays could not give it back exactly. */
  set(i: number, col: number, read: ReadResult): void {
    const at = i * this.width + col;
    if (this.bits[at] & ODD_BIT) this.odd.delete(at);
    this.bits[at] = 0;
    switch (read.kind) {
      case "missing":
        this.kinds[at] = MISSING;
        if (read.placeholder === undefined) return;
        break; // a placeholder ("—", "n/a") is kept to be quoted
      case "text":
        this.kinds[at] = TEXT;
        break;
      case "error":
        this.kinds[at] = ERROR;
        break;
      case "number": {
        this.kinds[at] = NUMBER;
        this.values[at] = read.value;
        this.decimals[at] = read.decimals;
        this.places[at] = placesIn(read.digits);
        if (read.percent) this.bits[at] = PERCENT_BIT;
        const plain = read.unit === undefined && read.permille === undefined && read.digits === floatDigits(read.value);
        if (plain) return;
        break;
      }
    }
    this.bits[at] |= ODD_BIT;
    this.odd.set(at, read);
  }

  /** Marks a slot as covered by a merge across several figure cells (see MERGED); its value is not kept. */
  setMerged(i: number, col: number): void {
    const at = i * this.width + col;
    if (this.bits[at] & ODD_BIT) this.odd.delete(at);
    this.bits[at] = 0;
    this.kinds[at] = MERGED;
  }

  /** The read of a slot, as the number reader gave it (made anew for plain numbers). */
  readAt(at: number): ReadResult {
    if (this.bits[at] & ODD_BIT) return this.odd.get(at)!;
    if (this.kinds[at] !== NUMBER) return MISSING_READ;
    const value = this.values[at];
    const read: NumberRead = { kind: "number", value, digits: floatDigits(value), decimals: this.decimals[at], percent: (this.bits[at] & PERCENT_BIT) !== 0 };
    return read;
  }

  read(i: number, col: number): ReadResult {
    return this.readAt(i * this.width + col);
  }

  /** A1 address (or report line) of a slot's figure. */
  refAt(at: number): string {
    const ref = this.refs.get(at);
    if (ref !== undefined) return ref;
    const row = Math.floor(at / this.width);
    if (this.transposed) return columnLetters(this.firstRow + row) + this.letters[at - row * this.width];
    return this.letters[at - row * this.width] + (this.firstRow + row + 1);
  }

  figure(i: number, role: number): Figure | undefined {
    const col = this.roleColumn[role];
    if (col < 0) return undefined;
    return new CellFigure(this.letters[col], this.firstRow + i, this.readAt(i * this.width + col), this.transposed);
  }
}

const STORE = Symbol("store");
const SLOT = Symbol("slot");

/**
 * A row of a sheet's fund table: its name and kind, and its figures read from the store. The `Figure`s
 * (`row.figures.actual`) are made only when asked for; the rules read the store through `TableFigures`, so a
 * 100,000-row table is 100,000 small objects and no more.
 */
export class StoreRow implements FundRow {
  constructor(
    readonly subject: string,
    public kind: RowKind,
    readonly store: FigureStore,
    /** The row's index in the store (its sheet row is the store's first row + index). */
    readonly index: number,
    private readonly subjectLetters: string,
    /** Set on every row, undefined or not, so that all rows share one shape (the rules read millions of them). */
    public parent: number | undefined
  ) {}
  get subjectRef(): string {
    if (this.store.transposed) return columnLetters(this.store.firstRow + this.index) + this.subjectLetters;
    return this.subjectLetters + (this.store.firstRow + this.index + 1);
  }
  get figures(): RowFigures {
    return new RowFigures(this.store, this.index);
  }
  toJSON(): FundRow {
    const out: FundRow = { subject: this.subject, subjectRef: this.subjectRef, kind: this.kind, figures: this.figures.toJSON() };
    if (this.parent !== undefined) out.parent = this.parent;
    return out;
  }
}

/**
 * A sheet row's figures by role, made on access from the store (roles without a column are undefined).
 * State sits under symbols so the object enumerates like the model's plain figures minus the roles: use
 * `presentRoles` / `figureList` to walk it.
 */
export class RowFigures {
  readonly [STORE]: FigureStore;
  readonly [SLOT]: number;
  constructor(store: FigureStore, i: number) {
    this[STORE] = store;
    this[SLOT] = i;
  }
  get budget(): Figure | undefined {
    return this[STORE].figure(this[SLOT], BUDGET);
  }
  get actual(): Figure | undefined {
    return this[STORE].figure(this[SLOT], ACTUAL);
  }
  get prior(): Figure | undefined {
    return this[STORE].figure(this[SLOT], PRIOR);
  }
  get income(): Figure | undefined {
    return this[STORE].figure(this[SLOT], INCOME);
  }
  get balance(): Figure | undefined {
    return this[STORE].figure(this[SLOT], BALANCE);
  }
  get statedCompletion(): Figure | undefined {
    return this[STORE].figure(this[SLOT], STATED_COMPLETION);
  }
  get statedChange(): Figure | undefined {
    return this[STORE].figure(this[SLOT], STATED_CHANGE);
  }
  get statedGrowth(): Figure | undefined {
    return this[STORE].figure(this[SLOT], STATED_GROWTH);
  }
  get people(): Figure | undefined {
    return this[STORE].figure(this[SLOT], PEOPLE);
  }
  get surplus(): Figure | undefined {
    return this[STORE].figure(this[SLOT], SURPLUS);
  }
  get openingBalance(): Figure | undefined {
    return this[STORE].figure(this[SLOT], OPENING_BALANCE);
  }
  get statedIndex(): Figure | undefined {
    return this[STORE].figure(this[SLOT], STATED_INDEX);
  }
  toJSON(): Partial<Record<FigureRole, Figure>> {
    const out: Partial<Record<FigureRole, Figure>> = {};
    for (let k = 0; k < ROLE_COUNT; k++) {
      const f = this[STORE].figure(this[SLOT], k);
      if (f) out[FIGURE_ROLES[k]] = f;
    }
    return out;
  }
}

/**
 * A table's figures as the rules read them, by table row and role, straight from a store's arrays: a float, a
 * kind or a precision costs no object; a `NumberRead` or a ref is made only for a finding or an exact check.
 * A sheet table views the store its rows were read into; report text (plain figures) is copied into a small one.
 */
export class TableFigures {
  private readonly kinds: Uint8Array;
  private readonly values: Float64Array;
  private readonly roleColumn: Int32Array;

  /** `base[i]`: the store slot of table row i's first column. */
  private constructor(
    private readonly store: FigureStore,
    private readonly base: Int32Array
  ) {
    this.kinds = store.kinds;
    this.values = store.values;
    this.roleColumn = store.roleColumn;
  }

  static of(rows: readonly FundRow[]): TableFigures {
    const first = rows[0];
    if (first instanceof StoreRow && rows.every((r) => r instanceof StoreRow && r.store === first.store)) {
      const base = new Int32Array(rows.length);
      const width = first.store.width;
      for (let i = 0; i < rows.length; i++) base[i] = (rows[i] as StoreRow).index * width;
      return new TableFigures(first.store, base);
    }
    // Plain figures (report text, tests): one column per role any row has, slots absent until a figure is set.
    const present = new Set<string>();
    for (const row of rows) for (const role of Object.keys(row.figures)) present.add(role);
    const roles = FIGURE_ROLES.filter((role) => present.has(role));
    const store = new FigureStore(rows.length, 0, roles.map(() => ""), ABSENT);
    roles.forEach((role, col) => store.setRole(FIGURE_ROLES.indexOf(role), col));
    const base = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      base[i] = i * store.width;
      for (let col = 0; col < roles.length; col++) {
        const figure = rows[i].figures[roles[col]];
        if (!figure) continue;
        store.set(i, col, figure.read);
        store.refs.set(base[i] + col, figure.ref);
      }
    }
    return new TableFigures(store, base);
  }

  /** The roles the table has a column for (every other role is ABSENT on every row). */
  presentRoles(): number[] {
    const out: number[] = [];
    for (let role = 0; role < ROLE_COUNT; role++) if (this.roleColumn[role] >= 0) out.push(role);
    return out;
  }

  /** ABSENT, MISSING, NUMBER, TEXT, ERROR or MERGED. */
  kind(i: number, role: number): number {
    const col = this.roleColumn[role];
    return col < 0 ? ABSENT : this.kinds[this.base[i] + col];
  }

  /** The figure's float when it is a number; NaN when absent, blank, text or an error. */
  value(i: number, role: number): number {
    const col = this.roleColumn[role];
    if (col < 0) return NaN;
    const at = this.base[i] + col;
    return this.kinds[at] === NUMBER ? this.values[at] : NaN;
  }

  /** Precision facts of a number figure, written into `out`; false when not a number. */
  precision(i: number, role: number, out: Precision): boolean {
    const col = this.roleColumn[role];
    if (col < 0) return false;
    const at = this.base[i] + col;
    const s = this.store;
    if (this.kinds[at] !== NUMBER) return false;
    if (s.bits[at] & ODD_BIT) return fromRead(s.odd.get(at), out);
    out.decimals = s.decimals[at];
    out.percent = (s.bits[at] & PERCENT_BIT) !== 0;
    out.permille = false;
    out.places = s.places[at];
    return true;
  }

  /** The figure as read; undefined when the row has none for the role. */
  read(i: number, role: number): ReadResult | undefined {
    const col = this.roleColumn[role];
    if (col < 0) return undefined;
    const at = this.base[i] + col;
    return this.kinds[at] === ABSENT ? undefined : this.store.readAt(at);
  }

  /** The figure's read when it is a number. */
  num(i: number, role: number): NumberRead | undefined {
    const col = this.roleColumn[role];
    if (col < 0) return undefined;
    const at = this.base[i] + col;
    if (this.kinds[at] !== NUMBER) return undefined;
    const r = this.store.readAt(at);
    return r.kind === "number" ? r : undefined;
  }

  /** Where the figure stands (A1 or "L12"); undefined when the row has none for the role. */
  ref(i: number, role: number): string | undefined {
    const col = this.roleColumn[role];
    if (col < 0) return undefined;
    const at = this.base[i] + col;
    return this.kinds[at] === ABSENT ? undefined : this.store.refAt(at);
  }
}

/**
 * Precision facts of a number figure, for the float pre-checks: shown decimals, percent / per mille and the
 * decimal places of its own digits (−1 with an exponent).
 */
export interface Precision {
  decimals: number;
  percent: boolean;
  permille: boolean;
  places: number;
}

function fromRead(r: ReadResult | undefined, out: Precision): boolean {
  if (r === undefined || r.kind !== "number") return false;
  out.decimals = r.decimals;
  out.percent = r.percent;
  out.permille = r.permille === true;
  out.places = placesIn(r.digits);
  return true;
}
