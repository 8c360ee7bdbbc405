/** Reading the figures of a row for the rules: numbers only, floats first, exact only when it matters. */
import Decimal from "decimal.js";
import { ACTUAL, PRIOR, STATED_CHANGE, valueOf } from "../figureStore";
import { FundRole, FundRow } from "../model";
import { NumberRead, exact } from "../numbers";

export type FigureRole = Exclude<FundRole, "subject">;
export {
  ABSENT,
  ACTUAL,
  BALANCE,
  BUDGET,
  INCOME,
  MISSING,
  NUMBER,
  PEOPLE,
  PRIOR,
  STATED_CHANGE,
  STATED_COMPLETION,
  STATED_GROWTH,
  FIGURE_ROLES,
  kindOf,
  precisionOf,
  presentRoles,
  valueOf,
} from "../figureStore";
export type { Precision } from "../figureStore";

/** The row's figure for a role when it is a number; undefined when absent, blank, text or an error. */
export function num(row: FundRow, role: FigureRole): NumberRead | undefined {
  const f = row.figures[role];
  return f && f.read.kind === "number" ? f.read : undefined;
}

export function ref(row: FundRow, role: FigureRole): string | undefined {
  return row.figures[role]?.ref;
}

/** The figure is there as a column (or sentence) but blank. */
export function isBlank(row: FundRow, role: FigureRole): boolean {
  const f = row.figures[role];
  return !!f && f.read.kind === "missing";
}

/** Relative window inside which a float comparison is redone exactly. */
const NEAR = 1e-9;

/**
 * Compares a computed float with an edge; within a hair of it, compares the exact value instead.
 * Returns −1, 0 or 1 like Decimal.cmp.
 */
export function cmpEdge(x: number, edge: number, exactX: () => Decimal): number {
  const diff = x - edge;
  if (Math.abs(diff) > NEAR * Math.max(1, Math.abs(edge), Math.abs(x))) return diff < 0 ? -1 : 1;
  return exactX().cmp(new Decimal(edge));
}

/** |a − b| > tolerance, float first, exact near the edge. */
export function differsBeyond(a: number, b: number, tolerance: number, exactDiff: () => Decimal, exactTolerance: () => Decimal): boolean {
  const diff = Math.abs(a - b);
  if (Math.abs(diff - tolerance) > NEAR * Math.max(1, Math.abs(a), Math.abs(b))) return diff > tolerance;
  return exactDiff().abs().gt(exactTolerance());
}

/** The prior year of a row: its prior figure, or the one implied by a stated change (actual − change). */
export interface PriorSource {
  value: number;
  exact: () => Decimal;
  refs: string[];
  implied: boolean;
}

export function priorOf(row: FundRow): PriorSource | undefined {
  const p = num(row, "prior");
  if (p) return { value: p.value, exact: () => exact(p), refs: [row.figures.prior!.ref], implied: false };
  const a = num(row, "actual");
  const c = num(row, "statedChange");
  if (a && c) {
    return { value: a.value - c.value, exact: () => exact(a).minus(exact(c)), refs: [row.figures.statedChange!.ref], implied: true };
  }
  return undefined;
}

export interface Growth {
  value: number;
  exact: () => Decimal;
  refs: string[];
  prior: PriorSource;
}

/**
 * Year-on-year growth as a float, or undefined when there is no usable prior year (none, zero, or an implied
 * prior at or below zero: then the change is not a plain increase). Allocation-free: runs on every row.
 */
export function growthValue(row: FundRow): number | undefined {
  const a = valueOf(row, ACTUAL);
  if (a !== a) return undefined; // NaN: not a number
  let prior = valueOf(row, PRIOR);
  if (prior !== prior) {
    const c = valueOf(row, STATED_CHANGE);
    if (c !== c) return undefined;
    prior = a - c;
    if (prior <= 0) return undefined;
  }
  // (A figure's float is 0 only when its digits are 0: the number reader refuses underflow.)
  if (prior === 0) return undefined;
  return (a - prior) / Math.abs(prior);
}

/** Growth with its exact value and the cells it came from, for a check that needs them. */
export function computedGrowth(row: FundRow): Growth | undefined {
  const value = growthValue(row);
  if (value === undefined) return undefined;
  const a = num(row, "actual")!;
  const prior = priorOf(row)!;
  return {
    value,
    exact: () => {
      const p = prior.exact();
      return exact(a).minus(p).div(p.abs());
    },
    refs: [row.figures.actual!.ref, ...prior.refs],
    prior,
  };
}
