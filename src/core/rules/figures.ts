/**
 * Reading a table's figures for the rules: numbers only, floats first, exact only when it matters.
 * Rules read figures by row index and role through `TableFigures` (ctx.figures); nothing here allocates on the
 * float path, because it runs on every row of tables that may have 100,000.
 */
import Decimal from "decimal.js";
import { ACTUAL, BUDGET, PRIOR, STATED_CHANGE, TableFigures } from "../figureStore";
import type { FigureRole } from "../model";
import { exact } from "../numbers";

export type { FigureRole };
export {
  ABSENT,
  ACTUAL,
  BALANCE,
  BUDGET,
  INCOME,
  MISSING,
  NUMBER,
  OPENING_BALANCE,
  PEOPLE,
  PRIOR,
  STATED_INDEX,
  SURPLUS,
  STATED_CHANGE,
  STATED_COMPLETION,
  STATED_GROWTH,
  FIGURE_ROLES,
  TableFigures,
} from "../figureStore";
export type { Precision } from "../figureStore";

/** Relative window inside which a float comparison is redone exactly. */
const NEAR = 1e-9;

/*
 * The float checks below take the row index and a function of it for the exact value, not a closure: they run
 * on every row, and a closure over the row would be allocated on every row for the rare near-edge case.
 */

/**
 * Compares a computed float with an edge; within a hair of it, compares the exact value (`exactOf(f, i)`)
 * instead. Returns −1, 0 or 1 like Decimal.cmp.
 */
export function cmpEdge(x: number, edge: number, f: TableFigures, i: number, exactOf: (f: TableFigures, i: number) => Decimal): number {
  const diff = x - edge;
  if (Math.abs(diff) > NEAR * Math.max(1, Math.abs(edge), Math.abs(x))) return diff < 0 ? -1 : 1;
  return exactOf(f, i).cmp(new Decimal(edge));
}

/** Whether |a − b| > tolerance, from the floats: 1 yes, 0 no, −1 too close to tell (compare exactly). */
export function floatDiffers(a: number, b: number, tolerance: number): number {
  const diff = Math.abs(a - b);
  if (Math.abs(diff - tolerance) > NEAR * Math.max(1, Math.abs(a), Math.abs(b))) return diff > tolerance ? 1 : 0;
  return -1;
}

/** The exact value of a row's number figure (the caller knows it is a number). */
export function exactOf(f: TableFigures, i: number, role: number): Decimal {
  return exact(f.num(i, role)!);
}

/** The exact completion rate, actual ÷ budget, of a row with both as numbers and a budget that is not 0. */
export function exactCompletion(f: TableFigures, i: number): Decimal {
  return exactOf(f, i, ACTUAL).div(exactOf(f, i, BUDGET));
}

/** The prior year of a row: its prior figure, or the one implied by a stated change (actual − change). */
export interface PriorSource {
  value: number;
  exact: () => Decimal;
  refs: string[];
  implied: boolean;
}

export function priorOf(f: TableFigures, i: number): PriorSource | undefined {
  const p = f.num(i, PRIOR);
  if (p) return { value: p.value, exact: () => exact(p), refs: [f.ref(i, PRIOR)!], implied: false };
  const a = f.num(i, ACTUAL);
  const c = f.num(i, STATED_CHANGE);
  if (a && c) {
    return { value: a.value - c.value, exact: () => exact(a).minus(exact(c)), refs: [f.ref(i, STATED_CHANGE)!], implied: true };
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
 * Year-on-year growth as a float, or NaN when there is no usable prior year (none, zero, or an implied
 * prior at or below zero: then the change is not a plain increase) or a figure is negative (negative-figure).
 * Allocation-free: runs on every row (and NaN rather than undefined, so the float is never boxed).
 */
export function growthValue(f: TableFigures, i: number): number {
  const a = f.value(i, ACTUAL);
  if (!(a >= 0)) return NaN; // (NaN: not a number) a negative expenditure has no growth
  let prior = f.value(i, PRIOR);
  if (prior < 0) return NaN;
  if (prior !== prior) {
    const c = f.value(i, STATED_CHANGE);
    if (c !== c) return NaN;
    prior = a - c;
    if (prior <= 0) return NaN;
  }
  // (A figure's float is 0 only when its digits are 0: the number reader refuses underflow.)
  if (prior === 0) return NaN;
  return (a - prior) / Math.abs(prior);
}

/** The exact growth of a row that has one (growthValue gave a number). */
export function exactGrowth(f: TableFigures, i: number): Decimal {
  return computedGrowth(f, i)!.exact();
}

/** Growth with its exact value and the cells it came from, for a check that needs them. */
export function computedGrowth(f: TableFigures, i: number): Growth | undefined {
  const value = growthValue(f, i);
  if (value !== value) return undefined; // NaN: no growth
  const a = f.num(i, ACTUAL)!;
  const prior = priorOf(f, i)!;
  return {
    value,
    exact: () => {
      const p = prior.exact();
      return exact(a).minus(p).div(p.abs());
    },
    refs: [f.ref(i, ACTUAL)!, ...prior.refs],
    prior,
  };
}
