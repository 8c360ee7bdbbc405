/**
 * A fast path for the hot functions that keeps them exact. A number cell's figure is the shortest decimal that
 * reads back as its float (4568.5, 0.97). When both figures have at most 6 decimals and are not huge, they are
 * integers A and B once scaled by the same power of ten, held exactly in doubles; then A ÷ B (or A − B) in
 * floating point IS the exact decimal result rounded once to the nearest double — what decimal.js would give,
 * without allocating. Anything else (text, blanks, more decimals, huge values) returns undefined and takes the
 * decimal.js path.
 */

const POWERS = [1, 10, 100, 1000, 10000, 100000, 1000000];
/** Below 2^51 distinct k-decimal figures map to distinct doubles, so the scaled integer is THE figure. */
const LIMIT = 2 ** 51;

let scaledA = 0;
let scaledB = 0;

/** Scales two finite numbers to exact integers by a common power of ten; false if they cannot be. */
function scalePair(a: number, b: number): boolean {
  for (let k = 0; k < POWERS.length; k++) {
    const p = POWERS[k];
    const A = Math.round(a * p);
    if (A / p !== a || Math.abs(A) >= LIMIT) continue;
    const B = Math.round(b * p);
    if (B / p !== b || Math.abs(B) >= LIMIT) continue;
    scaledA = A;
    scaledB = B;
    return true;
  }
  return false;
}

/** a ÷ b exactly rounded, or undefined (also for b = 0: the caller decides what that means). */
export function fastQuotient(a: unknown, b: unknown): number | undefined {
  if (typeof a !== "number" || typeof b !== "number" || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  if (!scalePair(a, b)) return undefined;
  return scaledA / scaledB;
}

/** a − b exactly rounded, or undefined. */
export function fastDifference(a: unknown, b: unknown): number | undefined {
  if (typeof a !== "number" || typeof b !== "number" || !Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  for (let k = 0; k < POWERS.length; k++) {
    const p = POWERS[k];
    const A = Math.round(a * p);
    if (A / p !== a || Math.abs(A) >= LIMIT) continue;
    const B = Math.round(b * p);
    if (B / p !== b || Math.abs(B) >= LIMIT) continue;
    return (A - B) / p;
  }
  return undefined;
}

/** (a − b) ÷ |b| exactly rounded, or undefined. */
export function fastGrowth(a: unknown, b: unknown): number | undefined {
  if (typeof a !== "number" || typeof b !== "number" || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  if (!scalePair(a, b)) return undefined;
  const diff = scaledA - scaledB;
  if (Math.abs(diff) >= LIMIT) return undefined;
  return diff / Math.abs(scaledB);
}
