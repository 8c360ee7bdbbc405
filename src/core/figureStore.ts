/**
 * The figures of a sheet's fund table, kept column-wise in typed arrays instead of one object per cell.
 * A 100,000-row table has a million figures; as objects they all outlive the young generation, and copying them
 * there cost more than reading them. Here a figure is a float, its shown decimals and a few bits; the full
 * `Figure` ({ ref, read }) is made only when something asks for it (a finding, an exact comparison).
 * Rows read from report text keep plain objects; the accessors at the end read both kinds of row alike.
 */
import Decimal from "decimal.js";
import { Figure, FUND_ROLES, FundRole, FundRow } from "./model";
import { NumberRead, ReadResult } from "./numbers";

export type FigureRole = Exclude<FundRole, "subject">;

/** Figure roles in model order (every fund role but the subject); a role's position here is its index in the store. */
export const FIGURE_ROLES: readonly FigureRole[] = FUND_ROLES.filter((role): role is FigureRole => role !== "subject");
export const BUDGET = 0;
export const ACTUAL = 1;
export const PRIOR = 2;
export const INCOME = 3;
export const BALANCE = 4;
export const STATED_COMPLETION = 5;
export const STATED_CHANGE = 6;
export const STATED_GROWTH = 7;
export const PEOPLE = 8;
const ROLE_COUNT = 9;

/** What a slot holds. ABSENT: the table has no column for the role (the model leaves the role out). */
export const ABSENT = 0;
export const MISSING = 1;
export const NUMBER = 2;
export const TEXT = 3;
export const ERROR = 4;

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
    readonly read: ReadResult
  ) {}
  get ref(): string {
    return this.letters + (this.row + 1);
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
  /** Number of columns: slot of (row i, column c) is i × width + c. */
  readonly width: number;
  /** The column each role reads (−1: the table has no column for it). */
  readonly roleColumn = new Int32Array(ROLE_COUNT).fill(-1);

  /**
   * `count` rows, the first on 0-based sheet row `firstRow`, of the columns with these letters; every slot
   * starts blank.
   */
  constructor(
    readonly count: number,
    readonly firstRow: number,
    readonly letters: readonly string[]
  ) {
    this.width = letters.length;
    const n = count * this.width;
    this.kinds = new Uint8Array(n).fill(MISSING);
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
        return;
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

  /** Slot of row i's figure for a role, −1 when the table has no column for the role. */
  slot(i: number, role: number): number {
    const col = this.roleColumn[role];
    return col < 0 ? -1 : i * this.width + col;
  }

  figure(i: number, role: number): Figure | undefined {
    const col = this.roleColumn[role];
    if (col < 0) return undefined;
    return new CellFigure(this.letters[col], this.firstRow + i, this.readAt(i * this.width + col));
  }
}

const STORE = Symbol("store");
const SLOT = Symbol("slot");

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
  toJSON(): Partial<Record<FigureRole, Figure>> {
    const out: Partial<Record<FigureRole, Figure>> = {};
    for (let k = 0; k < ROLE_COUNT; k++) {
      const f = this[STORE].figure(this[SLOT], k);
      if (f) out[FIGURE_ROLES[k]] = f;
    }
    return out;
  }
}

// ---- accessors for the rules: one code path for sheet rows (store) and text rows (plain objects) ---------

function plainRead(row: FundRow, role: number): ReadResult | undefined {
  return row.figures[FIGURE_ROLES[role]]?.read;
}

/** ABSENT, MISSING, NUMBER, TEXT or ERROR. */
export function kindOf(row: FundRow, role: number): number {
  const f = row.figures;
  if (f instanceof RowFigures) {
    const at = f[STORE].slot(f[SLOT], role);
    return at < 0 ? ABSENT : f[STORE].kinds[at];
  }
  const r = plainRead(row, role);
  if (!r) return ABSENT;
  return r.kind === "number" ? NUMBER : r.kind === "missing" ? MISSING : r.kind === "text" ? TEXT : ERROR;
}

/** The figure's float when it is a number; NaN when absent, blank, text or an error. Allocation-free. */
export function valueOf(row: FundRow, role: number): number {
  const f = row.figures;
  if (f instanceof RowFigures) {
    const s = f[STORE];
    const at = s.slot(f[SLOT], role);
    return at >= 0 && s.kinds[at] === NUMBER ? s.values[at] : NaN;
  }
  const r = plainRead(row, role);
  return r !== undefined && r.kind === "number" ? r.value : NaN;
}

/**
 * Precision facts of a number figure, for the float pre-checks: shown decimals, percent (1) / per mille (2)
 * and the decimal places of its own digits (−1 with an exponent). Written into `out`; false when not a number.
 */
export interface Precision {
  decimals: number;
  percent: boolean;
  permille: boolean;
  places: number;
}

export function precisionOf(row: FundRow, role: number, out: Precision): boolean {
  const f = row.figures;
  if (f instanceof RowFigures) {
    const s = f[STORE];
    const at = s.slot(f[SLOT], role);
    if (at < 0 || s.kinds[at] !== NUMBER) return false;
    if (s.bits[at] & ODD_BIT) return fromRead(s.odd.get(at), out);
    out.decimals = s.decimals[at];
    out.percent = (s.bits[at] & PERCENT_BIT) !== 0;
    out.permille = false;
    out.places = s.places[at];
    return true;
  }
  return fromRead(plainRead(row, role), out);
}

function fromRead(r: ReadResult | undefined, out: Precision): boolean {
  if (r === undefined || r.kind !== "number") return false;
  out.decimals = r.decimals;
  out.percent = r.percent;
  out.permille = r.permille === true;
  out.places = placesIn(r.digits);
  return true;
}

/** The roles a row has a figure for (a column or a sentence), in the order its figures enumerate. */
export function presentRoles(row: FundRow): FigureRole[] {
  const f = row.figures;
  if (f instanceof RowFigures) {
    const out: FigureRole[] = [];
    const s = f[STORE];
    for (let k = 0; k < ROLE_COUNT; k++) if (s.roleColumn[k] >= 0) out.push(FIGURE_ROLES[k]);
    return out;
  }
  return Object.keys(f) as FigureRole[];
}
