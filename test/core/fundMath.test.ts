import Decimal from "decimal.js";
import fc from "fast-check";
import * as fm from "../../src/core/fundMath";

const d = (x: number | string) => new Decimal(x);
const str = (r: fm.MathResult) => (r instanceof Decimal ? r.toString() : r);
function val(r: fm.MathResult): Decimal {
  if (!(r instanceof Decimal)) throw new Error("expected a value, got " + r);
  return r;
}

describe("fundMath on the seed figures (且末县 2019, 万元)", () => {
  test("completion rates", () => {
    expect(str(fm.completionRate(d(806), d(398)))).toMatch(/^2\.02512562814070351/);
    expect(fm.completionRate(d(4568), d(4398)).toString()).toMatch(/^1\.0386539/);
    expect(fm.completionRate(d(12328), d(12738)).toString()).toMatch(/^0\.9678128/);
    expect(fm.completionRate(d(619), d(0))).toBe("div0");
  });
  test("growth, change and implied prior", () => {
    expect(fm.yoyChange(d(4568), d(4112)).toString()).toBe("456");
    expect(val(fm.yoyGrowth(d(4568), d(4112))).toDecimalPlaces(4).toString()).toBe("0.1109");
    expect(val(fm.yoyGrowth(d(806), d(499))).toDecimalPlaces(3).toString()).toBe("0.615");
    expect(fm.yoyGrowth(d(1), d(0))).toBe("div0");
    expect(fm.yoyGrowth(d(-50), d(-100)).toString()).toBe("0.5"); // growth over a negative base uses |prior|
    expect(val(fm.priorFromGrowth(d(806), d("0.62"))).toDecimalPlaces(0).toString()).toBe("498");
    expect(fm.priorFromGrowth(d(806), d(-1))).toBe("div0");
  });
  test("balances, months, per capita, share", () => {
    expect(fm.balance(d(25004), d(34928)).toString()).toBe("-9924");
    expect(val(fm.payableMonths(d(3594), d(1011))).toDecimalPlaces(1).toString()).toBe("42.7");
    expect(fm.payableMonths(d(1), d(0))).toBe("div0");
    expect(val(fm.perCapita(d(1011), d(1618), d(10000))).toDecimalPlaces(2).toString()).toBe("6248.45");
    expect(fm.perCapita(d(1), d(0))).toBe("div0");
    expect(val(fm.share(d(215), d(4568))).toDecimalPlaces(4).toString()).toBe("0.0471");
    expect(fm.share(d(1), d(0))).toBe("div0");
    expect(fm.sum([d(4277), d(74), d(215)]).toString()).toBe("4566");
    expect(fm.budgetVariance(d(4568), d(4398)).toString()).toBe("170");
  });
  test("cagr is defined for positive figures only", () => {
    expect(fm.cagr(d(121), d(100), d(2)).toString()).toBe("0.1");
    expect(fm.cagr(d(0), d(100), d(2))).toBe("num");
    expect(fm.cagr(d(100), d(-1), d(2))).toBe("num");
    expect(fm.cagr(d(100), d(50), d(0))).toBe("num");
  });
  test("execution status bands include their edges", () => {
    expect(fm.executionStatus(d("0.95"))).toBe("within");
    expect(fm.executionStatus(d("1.05"))).toBe("within");
    expect(fm.executionStatus(d("0.9499"))).toBe("under");
    expect(fm.executionStatus(d("2.025"))).toBe("over");
    expect(fm.executionStatus(d("0.5"), d("0.4"), d("0.6"))).toBe("within");
  });
  test("sums are exact where floats are not", () => {
    expect(fm.sum([d(0.1), d(0.2)]).eq(d("0.3"))).toBe(true);
  });
  test("property: sum is order-independent and exact", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }).map((n) => d(n).div(100))), (xs) => {
        expect(fm.sum(xs).eq(fm.sum([...xs].reverse()))).toBe(true);
      })
    );
  });
});
