/**
 * A drafted paragraph as a plan: which clauses it has, under which condition, from which figures. The same plan is
 * read two ways: evaluated with the table's figures (decimal.js, ./evaluate.ts) it is the drafted text; compiled
 * (./excel.ts) it is an Excel formula over the user's cells that writes the same text from whatever they hold
 * now. One plan for both is what keeps the text and the live formula from ever saying different things.
 *
 * Amounts are the figures as the table shows them (a cell holding 4568.456 shown as 4568 is 4568): each has its
 * places, and every sum, difference and ratio is worked on the amounts as shown, so that a reader recomputing
 * the text's rates from its own amounts gets the rates it states.
 */
import Decimal from "decimal.js";

/** A figure of the table: where it stands, its amount as shown (undefined: no number there now), its places. */
export interface PlanFigure {
  /** A1 address on the table's sheet ("C5"), or "L12" for report text. */
  ref: string;
  value?: Decimal;
  /** Decimal places the amount is shown with (for a blank: the places of its column's other figures). */
  places: number;
  /**
   * False when the cell's content is a number only to the reader, not to Excel (a unit typed in the cell:
   * "4568万元"): a formula cannot read it.
   */
  live: boolean;
}

/**
 * An amount: a figure, a difference (增减额 = current − prior, 当期结余 = income − expenditure), a sum of the
 * figures present, or one of two amounts by a condition.
 */
export type Amount =
  | { k: "fig"; fig: PlanFigure }
  | { k: "sub"; fn: "change" | "balance"; a: Amount; b: Amount }
  | { k: "sum"; items: PlanFigure[] }
  | { k: "if"; cond: Cond; then: Amount; else: Amount }
  /** A constant ("0.5", half a unit of a total's last place), written with its places. */
  | { k: "const"; value: string; places: number };

/**
 * The domain's ratios (src/core/fundMath.ts), always where the condition around them has made the divisor
 * positive: 完成率 actual ÷ budget, 增幅 (current − prior) ÷ prior, 可支付月数 balance × 12 ÷ expenditure.
 */
export type Ratio =
  | { fn: "completion"; actual: Amount; budget: Amount }
  /** `change` when the table gives it directly (current − prior otherwise). */
  | { fn: "growth"; current: Amount; prior: Amount; change?: Amount }
  | { fn: "months"; balance: Amount; expenditure: Amount }
  | { fn: "share"; part: Amount; total: Amount };

/** A ratio as num × scale ÷ den. */
export function ratioParts(r: Ratio): { num: Amount; den: Amount; scale: number } {
  switch (r.fn) {
    case "completion":
      return { num: r.actual, den: r.budget, scale: 1 };
    case "growth":
      return { num: r.change ?? { k: "sub", fn: "change", a: r.current, b: r.prior }, den: r.prior, scale: 1 };
    case "months":
      return { num: r.balance, den: r.expenditure, scale: 12 };
    case "share":
      return { num: r.part, den: r.total, scale: 1 };
  }
}

export type CmpOp = ">" | ">=" | "<" | "<=" | "=" | "<>";

export type Cond =
  | { k: "const"; v: boolean }
  | { k: "present"; fig: PlanFigure }
  | { k: "cmp"; a: Amount; op: CmpOp; b: Amount | 0 }
  /** A ratio against a threshold written as a decimal ("1.05"); its divisor is positive where it is evaluated. */
  | { k: "ratioCmp"; ratio: Ratio; op: CmpOp; threshold: string }
  | { k: "and"; items: Cond[] }
  | { k: "or"; items: Cond[] }
  | { k: "not"; c: Cond }
  /**
   * A finding: in the drafted text, whether the check found it (`found`); in the formula, the same check made
   * live over the cells (`live`), so the explanation appears and goes as the figures change.
   */
  | { k: "finding"; found: boolean; live: Cond };

/** How an amount is written: its value (and places) moved `shift` places left, then a unit after it. */
export interface AmountFormat {
  shift: number;
  /** The amount template with {unit} filled in: "{value}万元", "{value} million yuan". */
  template: string;
}

export type Piece =
  | string
  | { k: "amount"; amount: Amount; abs?: boolean; format: AmountFormat }
  /** A ratio as a percentage rounded half-up to `decimals`. */
  | { k: "percent"; ratio: Ratio; decimals: number; abs?: boolean; template: string }
  /** A ratio as a plain number rounded half-up to `decimals` (months). */
  | { k: "number"; ratio: Ratio; decimals: number }
  | { k: "choose"; cond: Cond; then: Piece[]; else: Piece[] };

export interface Clause {
  cond: Cond;
  pieces: Piece[];
}

/** lead + the clauses whose condition holds, joined, + end; nothing at all when no clause holds. */
export interface Sentence {
  /** The sentence is written only when this holds (its 其中 items only beside their total). */
  cond?: Cond;
  lead: Piece[];
  clauses: Clause[];
  join: string;
  end: string;
}

export interface ParagraphPlan {
  sentences: Sentence[];
  /** Between sentences ("" in Chinese, " " in English). */
  join: string;
}

export const TRUE: Cond = { k: "const", v: true };
export const FALSE: Cond = { k: "const", v: false };

/** A comparison with 0 that fails when its figure is missing (a blank is not 0 here): it implies the figure is there. */
function impliesPresent(c: Cond, fig: PlanFigure): boolean {
  return c.k === "cmp" && c.b === 0 && c.a.k === "fig" && c.a.fig === fig && (c.op === ">" || c.op === "<" || c.op === "<>");
}

export function and(...items: Cond[]): Cond {
  // Nested ands flattened, a condition met twice kept once (conditions are shared objects: one per figure).
  let kept = [...new Set(items.flatMap((c) => (c.k === "and" ? c.items : [c])))].filter((c) => !(c.k === "const" && c.v));
  // present(B) beside B > 0 says nothing more (and costs the formula a test).
  kept = kept.filter((c) => !(c.k === "present" && kept.some((o) => impliesPresent(o, c.fig))));
  if (kept.some((c) => c.k === "const" && !c.v)) return FALSE;
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? kept[0] : { k: "and", items: kept };
}

export function or(...items: Cond[]): Cond {
  const kept = items.filter((c) => !(c.k === "const" && !c.v));
  if (kept.some((c) => c.k === "const" && c.v)) return TRUE;
  if (kept.length === 0) return FALSE;
  return kept.length === 1 ? kept[0] : { k: "or", items: kept };
}

export function not(c: Cond): Cond {
  return c.k === "const" ? { k: "const", v: !c.v } : { k: "not", c };
}

/** The places an amount is worked at: the most of its figures'. */
export function placesOf(a: Amount): number {
  switch (a.k) {
    case "fig":
      return a.fig.places;
    case "sub":
      return Math.max(placesOf(a.a), placesOf(a.b));
    case "sum":
      return a.items.reduce((m, f) => Math.max(m, f.places), 0);
    case "if":
      return Math.max(placesOf(a.then), placesOf(a.else));
    case "const":
      return a.places;
  }
}

/** The figures an amount, a condition or a piece reads. */
export function figuresOf(x: Amount | Cond | Piece | Ratio, out: PlanFigure[] = []): PlanFigure[] {
  if (typeof x === "string") return out;
  if ("fn" in x && !("k" in x)) {
    const parts = ratioParts(x);
    figuresOf(parts.num, out);
    figuresOf(parts.den, out);
    return out;
  }
  switch (x.k) {
    case "fig":
    case "present":
      out.push(x.fig);
      break;
    case "sub":
      figuresOf(x.a, out);
      figuresOf(x.b, out);
      break;
    case "sum":
      out.push(...x.items);
      break;
    case "if":
    case "choose":
      figuresOf(x.cond, out);
      if (x.k === "if") {
        figuresOf(x.then, out);
        figuresOf(x.else, out);
      } else {
        for (const p of [...x.then, ...x.else]) figuresOf(p, out);
      }
      break;
    case "cmp":
      figuresOf(x.a, out);
      if (x.b !== 0) figuresOf(x.b, out);
      break;
    case "ratioCmp":
      figuresOf(x.ratio, out);
      break;
    case "and":
    case "or":
      for (const c of x.items) figuresOf(c, out);
      break;
    case "not":
      figuresOf(x.c, out);
      break;
    case "finding":
      figuresOf(x.live, out);
      break;
    case "amount":
      figuresOf(x.amount, out);
      break;
    case "percent":
    case "number":
      figuresOf(x.ratio, out);
      break;
    case "const":
      break;
  }
  return out;
}
