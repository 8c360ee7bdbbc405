/**
 * A plan evaluated with the table's figures: the drafted text. Every number goes through decimal.js and the
 * domain's arithmetic (src/core/fundMath.ts); rates and months are rounded half-up, as the reports round.
 */
import Decimal from "decimal.js";
import { balance, completionRate, isValue, MathResult, payableMonths, share, sum, yoyChange, yoyGrowth } from "../fundMath";
import { roundHalfUp } from "../numbers";
import { Amount, AmountFormat, Cond, CmpOp, ParagraphPlan, Piece, Ratio, Sentence, placesOf } from "./plan";

export function amountValue(a: Amount): Decimal | undefined {
  switch (a.k) {
    case "fig":
      return a.fig.value;
    case "sub": {
      const x = amountValue(a.a);
      const y = amountValue(a.b);
      if (x === undefined || y === undefined) return undefined;
      return a.fn === "change" ? yoyChange(x, y) : balance(x, y);
    }
    case "sum": {
      const present = a.items.filter((f) => f.value !== undefined).map((f) => f.value!);
      return present.length ? sum(present) : undefined;
    }
    case "if":
      return holds(a.cond) ? amountValue(a.then) : amountValue(a.else);
    case "const":
      return new Decimal(a.value);
  }
}

function valueOf(r: MathResult): Decimal | undefined {
  return isValue(r) ? r : undefined;
}

export function ratioValue(r: Ratio): Decimal | undefined {
  switch (r.fn) {
    case "completion": {
      const a = amountValue(r.actual);
      const b = amountValue(r.budget);
      return a === undefined || b === undefined ? undefined : valueOf(completionRate(a, b));
    }
    case "growth": {
      const c = amountValue(r.current);
      const p = amountValue(r.prior);
      return c === undefined || p === undefined ? undefined : valueOf(yoyGrowth(c, p));
    }
    case "months": {
      const b = amountValue(r.balance);
      const e = amountValue(r.expenditure);
      return b === undefined || e === undefined ? undefined : valueOf(payableMonths(b, e));
    }
    case "share": {
      const p = amountValue(r.part);
      const t = amountValue(r.total);
      return p === undefined || t === undefined ? undefined : valueOf(share(p, t));
    }
  }
}

function compare(x: Decimal, op: CmpOp, y: Decimal): boolean {
  const c = x.cmp(y);
  switch (op) {
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
  }
}

/** Does the condition hold for the table's figures? A comparison with a missing figure does not. */
export function holds(c: Cond): boolean {
  switch (c.k) {
    case "const":
      return c.v;
    case "present":
      return c.fig.value !== undefined;
    case "cmp": {
      const x = amountValue(c.a);
      const y = c.b === 0 ? new Decimal(0) : amountValue(c.b);
      return x !== undefined && y !== undefined && compare(x, c.op, y);
    }
    case "ratioCmp": {
      const r = ratioValue(c.ratio);
      return r !== undefined && compare(r, c.op, new Decimal(c.threshold));
    }
    case "and":
      return c.items.every(holds);
    case "or":
      return c.items.some(holds);
    case "not":
      return !holds(c.c);
    case "finding":
      return c.found;
  }
}

/** Digits with `places` decimals, never "-0". */
function fixed(v: Decimal, places: number): string {
  const rounded = roundHalfUp(v, places);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(places);
}

/** An amount as written: moved `shift` places left (万元 → million), at its places plus the shift. */
export function formatAmount(v: Decimal, places: number, format: AmountFormat): string {
  const shifted = format.shift ? v.div(new Decimal(10).pow(format.shift)) : v;
  return format.template.replace("{value}", fixed(shifted, places + format.shift));
}

/** A ratio as a percentage rounded half-up to `decimals` (the rounded figure, then its size when `abs`). */
export function percentText(r: Decimal, decimals: number, abs: boolean | undefined): string {
  let p = roundHalfUp(r.times(100), decimals);
  if (abs) p = p.abs();
  return fixed(p, decimals);
}

function missing(what: string): never {
  // A plan writes a figure only under a condition that it is there: reaching this is a bug in the plan.
  throw new Error(`draft: ${what} is written but has no value`);
}

export function pieceText(p: Piece): string {
  if (typeof p === "string") return p;
  switch (p.k) {
    case "amount": {
      let v = amountValue(p.amount);
      if (v === undefined) return missing("an amount");
      if (p.abs) v = v.abs();
      return formatAmount(v, placesOf(p.amount), p.format);
    }
    case "percent": {
      const r = ratioValue(p.ratio);
      if (r === undefined) return missing("a rate");
      return p.template.replace("{value}", percentText(r, p.decimals, p.abs));
    }
    case "number": {
      const r = ratioValue(p.ratio);
      if (r === undefined) return missing("a number");
      return fixed(r, p.decimals);
    }
    case "choose":
      return (holds(p.cond) ? p.then : p.else).map(pieceText).join("");
  }
}

export function sentenceText(s: Sentence): string {
  if (s.cond && !holds(s.cond)) return "";
  const clauses = s.clauses.filter((c) => holds(c.cond));
  if (clauses.length === 0) return "";
  return s.lead.map(pieceText).join("") + clauses.map((c) => c.pieces.map(pieceText).join("")).join(s.join) + s.end;
}

export function paragraphText(p: ParagraphPlan): string {
  return p.sentences
    .map(sentenceText)
    .filter((t) => t !== "")
    .join(p.join);
}
