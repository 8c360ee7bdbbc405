/**
 * FUND.COMPLETION_RATE over a 100,000-element range, as Excel hands it to the registered function
 * (number[][] of 100000×1), beside a plain-division loop over the same data in the same run.
 * Bar: ≤ 200 ms for the function. Exits non-zero when the bar is missed.
 */
import { completionRate } from "../src/functions/functions";

const N = 100_000;
const BAR_MS = 200;
const ROUNDS = 7;

// Figures as they look in the tables: whole 万元 and some with one or two decimals; no zero budgets.
const actual: number[][] = [];
const budget: number[][] = [];
let seed = 20190;
function next(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
for (let i = 0; i < N; i++) {
  const scale = i % 3 === 0 ? 1 : i % 3 === 1 ? 10 : 100;
  actual.push([Math.round(next() * 2_000_000) / scale]);
  budget.push([Math.round(1 + next() * 2_000_000) / scale]);
}

function plainDivision(): number[][] {
  const out: number[][] = new Array(N);
  for (let i = 0; i < N; i++) out[i] = [actual[i][0] / budget[i][0]];
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Warm-up, then the median of several rounds for each.
completionRate(actual, budget);
plainDivision();
const fnTimes: number[] = [];
const baseTimes: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  if (global.gc) global.gc();
  fnTimes.push(time(() => completionRate(actual, budget)));
  baseTimes.push(time(plainDivision));
}

// Sanity: the function agrees with plain division (to float precision) on every element.
const result = completionRate(actual, budget) as number[][];
let worst = 0;
for (let i = 0; i < N; i++) {
  const expected = actual[i][0] / budget[i][0];
  worst = Math.max(worst, Math.abs(result[i][0] - expected) / Math.abs(expected));
}

const fnMs = median(fnTimes);
const baseMs = median(baseTimes);
console.log(`COMPLETION_RATE over ${N.toLocaleString("en")}×1: ${fnMs.toFixed(1)} ms (median of ${ROUNDS}; bar ${BAR_MS} ms)`);
console.log(`plain division loop, same data:      ${baseMs.toFixed(2)} ms`);
console.log(`ratio function / plain division:     ${(fnMs / baseMs).toFixed(1)}×`);
console.log(`largest relative difference from float division: ${worst.toExponential(2)}`);
if (worst > 1e-15) {
  console.error("FAIL: COMPLETION_RATE disagrees with plain division beyond float precision");
  process.exit(1);
}
if (fnMs > BAR_MS) {
  console.error(`FAIL: ${fnMs.toFixed(1)} ms is above the ${BAR_MS} ms bar`);
  process.exit(1);
}
console.log("OK: within the bar");
