/**
 * Hand arithmetic, made checkable. Each case lists the figures it states (a completion rate, a growth, a 合计)
 * with the computation behind them; `arith.test.ts` recomputes every one with decimal.js (half-up rounding to
 * the places written), independently of the product. A "clean" workbook with a real inconsistency would make
 * the corpus dishonest; this is the guard against that.
 */
import Decimal from "decimal.js";

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export interface Claim {
  /** What is computed, with its inputs. */
  what: string;
  /** The figure as the case writes it ("98.5", "19642"). */
  written: string;
  /** The same figure recomputed, rounded to the places of `written`. */
  computed: string;
}

type Num = number | string;

function places(written: string): number {
  const dot = written.indexOf(".");
  return dot < 0 ? 0 : written.length - dot - 1;
}

const fixed = (v: Decimal, written: string) => v.toFixed(places(written), Decimal.ROUND_HALF_UP);

/** Percent points, a ÷ b × 100. */
export const pct = (a: Num, b: Num) => new D(a).div(b).times(100);
/** Growth in percent points, (current − prior) ÷ |prior| × 100. */
export const growthPct = (current: Num, prior: Num) => new D(current).minus(prior).div(new D(prior).abs()).times(100);
/** Months of spending a balance covers: balance × 12 ÷ annual spending. */
export const months = (balance: Num, spending: Num) => new D(balance).times(12).div(spending);
/** Compound average growth in percent points over `years` steps. */
export const cagrPct = (end: Num, start: Num, years: number) => new D(end).div(start).pow(new D(1).div(years)).minus(1).times(100);
export const total = (parts: Num[]) => parts.reduce<Decimal>((s, p) => s.plus(p), new D(0));

/** A case's claims, added as the builder states its figures. */
export class Arithmetic {
  readonly claims: Claim[] = [];

  private add(what: string, written: string, value: Decimal): string {
    this.claims.push({ what, written, computed: fixed(value, written) });
    return written;
  }

  /** 完成率 (percent points as written, e.g. "98.5") = actual ÷ budget. */
  rate(what: string, written: string, actual: Num, budget: Num): string {
    return this.add(`${what}: ${actual} ÷ ${budget} × 100`, written, pct(actual, budget));
  }

  /** 增幅 (percent points) = (current − prior) ÷ prior. */
  growth(what: string, written: string, current: Num, prior: Num): string {
    return this.add(`${what}: (${current} − ${prior}) ÷ ${prior} × 100`, written, growthPct(current, prior));
  }

  /** 为上年的% (percent points) = current ÷ prior × 100. */
  index(what: string, written: string, current: Num, prior: Num): string {
    return this.add(`${what}: ${current} ÷ ${prior} × 100`, written, pct(current, prior));
  }

  /** A 合计 or a difference: the exact sum of signed parts. */
  sum(what: string, written: string, parts: Num[]): string {
    return this.add(`${what}: ${parts.join(" + ")}`, written, total(parts));
  }

  diff(what: string, written: string, a: Num, b: Num): string {
    return this.add(`${what}: ${a} − ${b}`, written, new D(a).minus(b));
  }

  months(what: string, written: string, balance: Num, spending: Num): string {
    return this.add(`${what}: ${balance} × 12 ÷ ${spending}`, written, months(balance, spending));
  }

  cagr(what: string, written: string, end: Num, start: Num, years: number): string {
    return this.add(`${what}: (${end} ÷ ${start})^(1/${years}) − 1`, written, cagrPct(end, start, years));
  }

  /** A figure rounded from a more precise one (万元 → 亿元, 元 → 万元): `exact` ÷ `divisor`. */
  rounded(what: string, written: string, exact: Num, divisor: Num): string {
    return this.add(`${what}: ${exact} ÷ ${divisor}`, written, new D(exact).div(divisor));
  }

  /** A fact the case relies on that is not a written figure ("months ≥ 6"): true must be "true". */
  holds(what: string, fact: boolean): void {
    this.claims.push({ what, written: "true", computed: String(fact) });
  }
}
