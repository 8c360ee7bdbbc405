/** Figures as a person writes them in findings: "202.5%", "95%–105%", "4566", "42.7". */
import Decimal from "decimal.js";
import { NumberRead, exact, roundHalfUp } from "../numbers";

export type Num = number | Decimal;

function dec(v: Num): Decimal {
  return v instanceof Decimal ? v : new Decimal(v);
}

/** A fraction as a percentage with fixed decimals: 2.025 → "202.5%". */
export function pct(value: Num, decimals = 1): string {
  return roundHalfUp(dec(value).times(100), decimals).toFixed(decimals) + "%";
}

/** A fraction as a percentage with as many decimals as it has: 0.95 → "95%", 0.955 → "95.5%". */
export function pctPlain(value: Num): string {
  return dec(value).times(100).toDecimalPlaces(6).toString() + "%";
}

/** A signed percentage: +35.5%, −12.0%. */
export function signedPct(value: Num, decimals = 1): string {
  const d = dec(value);
  return (d.gte(0) ? "+" : "") + pct(d, decimals);
}

/**
 * A computed rate shown beside a stated one: one place more than the stated figure, and more when that
 * display would round to a different stated value than the exact rate does (96.496% beside "97%" shows 96.50%).
 */
export function computedPct(computed: Decimal, statedDecimals: number): string {
  const percent = computed.times(100);
  const exactRounded = roundHalfUp(percent, statedDecimals);
  for (let d = statedDecimals + 1; d <= statedDecimals + 4; d++) {
    const shown = roundHalfUp(percent, d);
    if (roundHalfUp(shown, statedDecimals).eq(exactRounded)) return shown.toFixed(d) + "%";
  }
  return roundHalfUp(percent, statedDecimals + 4).toFixed(statedDecimals + 4) + "%";
}

/** A stated figure exactly as written: "97%", "456", "0.97". */
export function stated(read: NumberRead): string {
  if (read.written !== undefined) return read.written;
  const v = exact(read);
  if (read.permille) return v.times(1000).toFixed(read.decimals) + "‰";
  if (read.percent) return v.times(100).toFixed(read.decimals) + "%";
  return v.toFixed(read.decimals);
}

/**
 * A stated rate as a person reads it: "97%" whether typed as 97%, formatted 0% or stored as 0.97 with no format
 * (a fraction's two extra places are the percentage's own).
 */
export function statedRate(read: NumberRead): string {
  if (read.percent || read.permille) return stated(read);
  return exact(read).times(100).toFixed(Math.max(0, read.decimals - 2)) + "%";
}

/** An amount at the given decimals (default: as many as it has, up to 4). */
export function amount(value: Num, decimals?: number): string {
  const d = dec(value);
  if (decimals !== undefined) return roundHalfUp(d, decimals).toFixed(decimals);
  return d.toDecimalPlaces(4).toString();
}

/** A figure's digits as they are, when they need no rounding or reformatting to be shown as an amount. */
const PLAIN_AMOUNT = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{0,3}[1-9])?$/;

/**
 * A figure as an amount (as many decimals as it has, up to 4): what `amount(exact(read))` gives, without Decimal
 * when the digits already are that (findings show several amounts each; most are plain digits).
 */
export function amountOf(read: NumberRead): string {
  // Converted from another unit: in the table's unit, then as written ("709.04万元（7090400元）").
  if (read.written !== undefined) return `${amount(exact(read))}${read.unit ?? ""}（${read.written}）`;
  const d = read.digits;
  return PLAIN_AMOUNT.test(d) && d !== "-0" ? d : amount(exact(read));
}

// Band texts are the same for every row under one target: made once per band.
const bandTexts = new Map<string, string>();
function cachedBandText(key: string, make: () => string): string {
  let text = bandTexts.get(key);
  if (text === undefined) {
    if (bandTexts.size > 1000) bandTexts.clear(); // targets are few; never let odd inputs grow it
    bandTexts.set(key, (text = make()));
  }
  return text;
}

/** "95%–105%" for a band of fractions. */
export function pctBand(low: number, high: number): string {
  return cachedBandText(`pct ${low} ${high}`, () => `${pctPlain(low)}–${pctPlain(high)}`);
}

/** "±30%" when symmetric, else "−20%–+30%". */
export function growthBandText(low: number, high: number): string {
  return cachedBandText(`growth ${low} ${high}`, () => {
    if (low === -high) return "±" + pctPlain(high);
    const sign = (v: number) => (v >= 0 ? "+" : "") + pctPlain(v);
    return `${sign(low)}–${sign(high)}`;
  });
}

/** Role names for messages. */
export const ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  budget: { zh: "预算数", en: "budget" },
  actual: { zh: "支出数", en: "actual spending" },
  prior: { zh: "上年数", en: "prior-year figure" },
  income: { zh: "收入", en: "income" },
  balance: { zh: "累计结余", en: "balance" },
  statedCompletion: { zh: "完成率", en: "completion rate" },
  statedChange: { zh: "比上年增减额", en: "change on the prior year" },
  statedGrowth: { zh: "增幅", en: "growth rate" },
  people: { zh: "人数", en: "headcount" },
  surplus: { zh: "当年结余", en: "current-year surplus" },
  openingBalance: { zh: "上年结余", en: "balance brought forward" },
  statedIndex: { zh: "为上年的%", en: "ratio to the prior year" },
};
