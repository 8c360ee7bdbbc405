/** Property tests (fast-check): the functions never throw, a blank never becomes a number, shapes are kept. */
import Decimal from "decimal.js";
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { fastDifference, fastGrowth, fastQuotient } from "../../src/functions/fastExact";

type Fn = (...args: any[][][]) => unknown[][]; // eslint-disable-line @typescript-eslint/no-explicit-any
const FUNCTIONS: [string, Fn, number][] = [
  ["COMPLETION_RATE", F.completionRate as Fn, 2],
  ["YOY_GROWTH", F.yoyGrowth as Fn, 2],
  ["YOY_CHANGE", F.yoyChange as Fn, 2],
  ["BUDGET_VARIANCE", F.budgetVariance as Fn, 2],
  ["PRIOR_FROM_GROWTH", F.priorFromGrowth as Fn, 2],
  ["CAGR", F.cagr as Fn, 3],
  ["SHARE", F.share as Fn, 2],
  ["PAYABLE_MONTHS", F.payableMonths as Fn, 2],
  ["PER_CAPITA", F.perCapita as Fn, 3],
  ["BALANCE", F.balance as Fn, 2],
  ["SUM_MATCHES", F.sumMatches as Fn, 3],
  ["RATE_MATCHES", F.rateMatches as Fn, 3],
  ["TARGET_MET", F.targetMet as Fn, 2],
  ["INDICATOR_SCORE", F.indicatorScore as Fn, 3],
  ["EXECUTION_STATUS", F.executionStatus as Fn, 4],
];

const BLANKS = [null, undefined, ""];
const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ min: -1e-6, max: 1e-6 }),
  fc.constantFrom(1e308, -1e308, 5e-324, 0, -0),
  fc.string(),
  fc.constantFrom(...BLANKS, "4,568", "97%", "９７％", "(1,234)", "4568万元", "≥95%", "按时足额", "已完成", "—", true, { code: "#N/A" }),
  fc.integer().map((n) => `${n}%`)
);
const grid = (rows: number, cols: number) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** A case: a function, a common shape, and for each argument either that shape or 1×1. */
const callCase = fc
  .tuple(fc.integer({ min: 0, max: FUNCTIONS.length - 1 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([f, rows, cols]) =>
    fc.tuple(
      fc.constant(f),
      fc.constant([rows, cols] as const),
      fc.array(fc.oneof(grid(rows, cols), grid(1, 1)), { minLength: FUNCTIONS[f][2], maxLength: FUNCTIONS[f][2] })
    )
  );

function isErrorValue(x: unknown): x is { code: string } {
  return typeof x === "object" && x !== null && typeof (x as { code?: unknown }).code === "string";
}

test("never throws; every element is a finite number, a boolean, a label or an error value", () => {
  fc.assert(
    fc.property(callCase, ([f, , args]) => {
      const result = FUNCTIONS[f][1](...args);
      for (const row of result)
        for (const value of row) {
          const ok = (typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean" || typeof value === "string" || isErrorValue(value);
          expect(ok).toBe(true);
        }
    }),
    { numRuns: 3000 }
  );
});

test("shape is preserved under broadcasting (SUM_MATCHES: parts are consumed whole)", () => {
  fc.assert(
    fc.property(callCase, ([f, [rows, cols], args]) => {
      const [name, fn] = FUNCTIONS[f];
      const shaped = args.filter((a, i) => !(name === "SUM_MATCHES" && i === 1)).some((a) => a.length !== 1 || a[0].length !== 1);
      const result = fn(...args);
      if (shaped) {
        expect(result).toHaveLength(rows);
        for (const row of result) expect(row).toHaveLength(cols);
      } else {
        expect(result).toHaveLength(1);
        expect(result[0]).toHaveLength(1);
      }
    }),
    { numRuns: 2000 }
  );
});

/** Good values for the arguments after the first, so that only the blank can fail. */
const GOOD_REST: Record<string, unknown[]> = {
  CAGR: [100, 2],
  SUM_MATCHES: [[50, 50]],
  RATE_MATCHES: [0.97],
  TARGET_MET: ["≥95%"],
  INDICATOR_SCORE: ["≥95%", 10],
  PER_CAPITA: [5, 10000],
  EXECUTION_STATUS: [100, "95%", "105%"],
};

test("a blank never becomes a number: #N/A 'missing value' in its position, whatever else is passed", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: FUNCTIONS.length - 1 }),
      fc.integer({ min: 1, max: 4 }),
      fc.nat(),
      fc.constantFrom(...BLANKS),
      fc.array(cell, { minLength: 3, maxLength: 3 }),
      (f, rows, seed, blank, others) => {
        const [name, fn, arity] = FUNCTIONS[f];
        const blankRow = seed % rows;
        const first = Array.from({ length: rows }, (_, r) => [r === blankRow ? blank : 100]);
        // With arbitrary other arguments the blank's element is never a number.
        const anyArgs = [first, ...others.slice(0, arity - 1).map((c) => [[c]])];
        if (name === "SUM_MATCHES") anyArgs[1] = [[50], [50]];
        expect(typeof fn(...anyArgs)[blankRow][0]).not.toBe("number");
        // With good other arguments it is exactly #N/A "missing value", and the other rows are unaffected.
        const rest = GOOD_REST[name] ?? [100];
        const result = fn(first, ...rest.map((v) => (Array.isArray(v) ? [v] : [[v]])));
        expect(result[blankRow][0]).toMatchObject({ code: "#N/A", message: "missing value" });
        for (let r = 0; r < rows; r++) if (r !== blankRow) expect(isErrorValue(result[r][0])).toBe(false);
      }
    ),
    { numRuns: 1000 }
  );
});

test("the fast path is the exact decimal result rounded once, for every plain number it accepts", () => {
  // 40 significant digits: the reference is the exact result for all practical purposes (the default 20-digit
  // decimal.js result, rounded again to a double, could differ in the last bit in double-rounding cases).
  const D40 = Decimal.clone({ precision: 40 });
  const figure = fc.oneof(
    fc.integer({ min: -1e12, max: 1e12 }),
    fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => Number(new Decimal(n).div(10 ** k).toString())),
    fc.double({ noNaN: true, noDefaultInfinity: true })
  );
  fc.assert(
    fc.property(figure, figure, (a, b) => {
      const A = new D40(a);
      const B = new D40(b);
      const q = fastQuotient(a, b);
      if (q !== undefined) expect(q).toBe(A.div(B).toNumber());
      const d = fastDifference(a, b);
      if (d !== undefined) expect(d).toBe(A.minus(B).toNumber());
      const g = fastGrowth(a, b);
      if (g !== undefined) expect(g).toBe(A.minus(B).div(B.abs()).toNumber());
    }),
    { numRuns: 5000 }
  );
  // and it does take the fast path for ordinary table figures
  expect(fastQuotient(4568, 4398)).toBe(4568 / 4398);
  expect(fastQuotient(0.3, 0.1)).toBe(3);
  expect(fastQuotient("4568", 4398)).toBeUndefined();
  expect(fastQuotient(1, 0)).toBeUndefined();
});
