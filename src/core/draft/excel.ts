/**
 * A plan compiled to an Excel formula over the user's own cells: the paragraph rewrites itself when a figure
 * changes, with the wording that fits the new figures (增支 or 减支, a clause left out when its cell is blank, an
 * explanation asked for when a check would now find something).
 *
 * Only functions every Excel the add-in supports has, and plain ones (no LET, no FUND. functions: the sheet must
 * work where the add-in is not loaded): IF, AND, OR, NOT, IFERROR, ISNUMBER, LEN, ROUND, ABS, TEXT, TEXTJOIN.
 * Arithmetic is on integers: each amount is taken at its shown places and scaled to a whole number, so a rate is
 * ROUND(actual × 10^(d+2) ÷ budget, 0) on whole numbers, exact where the rounding is decided (a float ratio such
 * as 1.0005 would otherwise round down in an evaluator that formats the float as it is).
 */
import { Amount, Cond, ParagraphPlan, Piece, PlanFigure, Ratio, Sentence, placesOf, ratioParts } from "./plan";

export interface FormulaOptions {
  /** The sheet the figures are on (its name, quoted into every reference). */
  sheet: string;
  /** Argument separator: "," for Office.js `formulas` (en-US); ";" where a locale or an evaluator wants it. */
  argSeparator?: string;
  /** The cell a figure's ref stands for, when it is not the ref itself on `sheet`. */
  cellOf?(ref: string): string;
  /**
   * "fixed": an explanation is there or not as the check found it when drafted, instead of tested live (a
   * shorter formula, for a paragraph whose live one would pass Excel's limit).
   */
  explanations?: "live" | "fixed";
}

/** Excel's limit on a formula's length, in characters. */
export const MAX_FORMULA = 8192;

/** Excel keeps a text constant in a formula to 255 characters. */
const MAX_LITERAL = 255;

function pow10(n: number): string {
  return "1" + "0".repeat(n);
}

function textFormat(decimals: number): string {
  return decimals === 0 ? "0" : "0." + "0".repeat(decimals);
}

/** A1 → $A$1 (the paragraph cell may be moved or copied; its figures stay where they are). */
function absolute(ref: string): string {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(ref);
  return m ? `$${m[1].toUpperCase()}$${m[2]}` : ref;
}

export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

class Compiler {
  private readonly sep: string;
  constructor(private readonly options: FormulaOptions) {
    this.sep = options.argSeparator ?? ",";
  }

  private call(name: string, ...args: string[]): string {
    return `${name}(${args.join(this.sep)})`;
  }

  cell(fig: PlanFigure): string {
    const target = this.options.cellOf ? this.options.cellOf(fig.ref) : `${quoteSheet(this.options.sheet)}!${absolute(fig.ref)}`;
    return target;
  }

  literal(text: string): string {
    if (text.length <= MAX_LITERAL) return `"${text.replace(/"/g, '""')}"`;
    const parts: string[] = [];
    for (let at = 0; at < text.length; at += MAX_LITERAL) parts.push(this.literal(text.slice(at, at + MAX_LITERAL)));
    return parts.join("&");
  }

  /**
   * A figure is there: a number, or text Excel reads as one ("1,015"); not blank, not "—", not an error.
   * (Number-like and not blank: ISBLANK does not pass an error on, and --"" is an error in Excel but 0 elsewhere.)
   */
  present(fig: PlanFigure): string {
    if (!fig.live) return "(1=0)";
    const c = this.cell(fig);
    return `ISNUMBER(-(${c}&""))>ISBLANK(${c})`;
  }

  /** The amount × 10^places as a whole number, each figure rounded half-up at its own shown places first. */
  int(a: Amount, places: number): string {
    switch (a.k) {
      case "fig": {
        const f = a.fig;
        if (!f.live) return "0";
        const v = this.call("IFERROR", `--${this.cell(f)}`, "0");
        // (Rounded at 6 places before the whole number, so 2.675 × 100 = 267.49999999999997 rounds as 267.5.)
        const shown = f.places === 0 ? this.call("ROUND", v, "0") : this.call("ROUND", this.call("ROUND", `${v}*${pow10(f.places)}`, "6"), "0");
        return places > f.places ? `(${shown}*${pow10(places - f.places)})` : shown;
      }
      case "sub":
        return `(${this.int(a.a, places)}-${this.int(a.b, places)})`;
      case "sum":
        // (A missing figure is 0 here already: IFERROR(--"—",0), and --blank is 0.)
        return a.items.length === 0 ? "0" : `(${a.items.map((f) => this.int({ k: "fig", fig: f }, places)).join("+")})`;
      case "if":
        return this.call("IF", this.cond(a.cond), this.int(a.then, places), this.int(a.else, places));
      case "const": {
        // A decimal constant at `places` (≥ its own places) as a whole number: "0.5" at 1 → 5.
        const [whole, frac = ""] = a.value.replace(/^-/, "").split(".");
        const digits = (whole + frac.padEnd(places, "0")).replace(/^0+(?=\d)/, "");
        return (a.value.startsWith("-") ? "-" : "") + digits;
      }
    }
  }

  /** A ratio × factor, rounded half-up to a whole number (the divisor is positive where this is used). */
  roundedRatio(r: Ratio, factor: number): string {
    const { num, den, scale } = ratioParts(r);
    const places = Math.max(placesOf(num), placesOf(den));
    return this.call("ROUND", `${this.int(num, places)}*${scale * factor}/${this.int(den, places)}`, "0");
  }

  /** A condition as this formula tests it: a finding live, or fixed as found. */
  private effective(c: Cond): Cond {
    if (c.k !== "finding") return c;
    return this.options.explanations === "fixed" ? { k: "const", v: c.found } : this.effective(c.live);
  }

  /** A clause or sentence that can never be written (a rule turned off) is left out of the formula. */
  private never(c: Cond | undefined): boolean {
    const e = c && this.effective(c);
    return e !== undefined && e.k === "const" && !e.v;
  }

  cond(c: Cond): string {
    switch (c.k) {
      case "const":
        return c.v ? "(1=1)" : "(1=0)";
      case "present":
        return this.present(c.fig);
      case "cmp": {
        const places = Math.max(placesOf(c.a), c.b === 0 ? 0 : placesOf(c.b));
        return `${this.int(c.a, places)}${c.op}${c.b === 0 ? "0" : this.int(c.b, places)}`;
      }
      case "ratioCmp": {
        // num × scale ÷ den op t  ⇔  num × scale × 10^k op (t × 10^k) × den, for den > 0: whole numbers only.
        const { num, den, scale } = ratioParts(c.ratio);
        const places = Math.max(placesOf(num), placesOf(den));
        const [whole, frac = ""] = c.threshold.replace(/^-/, "").split(".");
        const tNum = (c.threshold.startsWith("-") ? "-" : "") + (whole + frac).replace(/^0+(?=\d)/, "");
        const factor = scale * Math.pow(10, frac.length);
        return `${this.int(num, places)}${factor === 1 ? "" : `*${factor}`}${c.op}${tNum === "1" ? "" : `${tNum}*`}${this.int(den, places)}`;
      }
      case "and":
        return this.call("AND", ...c.items.map((x) => this.cond(x)));
      case "or":
        return this.call("OR", ...c.items.map((x) => this.cond(x)));
      case "not":
        return this.call("NOT", this.cond(c.c));
      case "finding":
        return this.cond(this.effective(c));
    }
  }

  /** A template with {value} around a number's text. */
  private around(template: string, value: string): string {
    const at = template.indexOf("{value}");
    const before = template.slice(0, at);
    const after = template.slice(at + "{value}".length);
    return [before ? this.literal(before) : "", value, after ? this.literal(after) : ""].filter((x) => x !== "").join("&");
  }

  piece(p: Piece): string {
    if (typeof p === "string") return this.literal(p);
    switch (p.k) {
      case "amount": {
        const places = placesOf(p.amount);
        let v = this.int(p.amount, places);
        if (p.abs) v = `ABS(${v})`;
        const decimals = places + p.format.shift;
        const value = decimals === 0 ? v : `${v}/${pow10(decimals)}`;
        return this.around(p.format.template, this.call("TEXT", value, `"${textFormat(decimals)}"`));
      }
      case "percent": {
        let v = this.roundedRatio(p.ratio, Math.pow(10, p.decimals + 2));
        if (p.abs) v = `ABS(${v})`;
        const value = p.decimals === 0 ? v : `${v}/${pow10(p.decimals)}`;
        return this.around(p.template, this.call("TEXT", value, `"${textFormat(p.decimals)}"`));
      }
      case "number": {
        const v = this.roundedRatio(p.ratio, Math.pow(10, p.decimals));
        return this.call("TEXT", p.decimals === 0 ? v : `${v}/${pow10(p.decimals)}`, `"${textFormat(p.decimals)}"`);
      }
      case "choose": {
        // Two wordings around the same figure ("比上年增支{amount}" / "比上年减支{amount}"): the figure once,
        // only the words chosen.
        const cond = this.cond(p.cond);
        if (p.then.length === p.else.length && p.then.every((x, k) => (typeof x === "string") === (typeof p.else[k] === "string") && (typeof x === "string" || x === p.else[k]))) {
          return p.then
            .map((x, k) => (typeof x === "string" ? (x === p.else[k] ? this.literal(x) : this.call("IF", cond, this.literal(x), this.literal(p.else[k] as string))) : this.piece(x)))
            .join("&");
        }
        return this.call("IF", cond, this.pieces(p.then), this.pieces(p.else));
      }
    }
  }

  pieces(ps: Piece[]): string {
    // Adjacent words as one constant ("……（请补充）" & "。" → "……（请补充）。").
    const merged: Piece[] = [];
    for (const p of ps) {
      const last = merged[merged.length - 1];
      if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = last + p;
      else if (p !== "") merged.push(p);
    }
    return merged.length === 0 ? '""' : merged.map((p) => this.piece(p)).join("&");
  }

  sentence(s: Sentence): string {
    if (s.cond && !(s.cond.k === "const" && s.cond.v)) return this.call("IF", this.cond(s.cond), this.sentence({ ...s, cond: undefined }), '""');
    const live = s.clauses.filter((c) => !this.never(c.cond));
    if (live.length === 0) return '""';
    if (live.length === 1) return this.call("IF", this.cond(live[0].cond), this.pieces([...s.lead, ...live[0].pieces, s.end]), '""');
    const lead = s.lead.length ? this.pieces(s.lead) + "&" : "";
    const end = s.end ? "&" + this.literal(s.end) : "";
    const parts = live.map((c) => this.call("IF", this.cond(c.cond), this.pieces(c.pieces), '""'));
    const joined = this.call("TEXTJOIN", this.literal(s.join), "TRUE()", ...parts);
    // lead + mark + clauses + end, then the whole of it removed when no clause was there (lead + mark + end),
    // then the mark: each clause's condition is written once (an OR of them would write them all again).
    const whole = `${lead}CHAR(1)&${joined}${end}`;
    const empty = `${lead}CHAR(1)${end}`;
    return this.call("SUBSTITUTE", this.call("SUBSTITUTE", whole, empty, '""'), "CHAR(1)", '""');
  }

  paragraph(p: ParagraphPlan): string {
    const sentences = p.sentences.filter((s) => !this.never(s.cond) && s.clauses.some((c) => !this.never(c.cond))).map((s) => this.sentence(s));
    if (sentences.length === 0) return '=""';
    if (sentences.length === 1) return "=" + sentences[0];
    if (p.join === "") return "=" + sentences.join("&");
    return "=" + this.call("TEXTJOIN", this.literal(p.join), "TRUE()", ...sentences);
  }
}

/** The paragraph as an Excel formula (with its leading "="). */
export function paragraphFormula(plan: ParagraphPlan, options: FormulaOptions): string {
  return new Compiler(options).paragraph(plan);
}
