/** How findings write figures: the fast paths must give exactly what the Decimal formatting gives. */
import fc from "fast-check";
import { readNumber } from "../../../src/core/numbers";
import { amount, amountOf, growthBandText, pctBand, statedRate } from "../../../src/core/rules/figureText";
import { exact } from "../../../src/core/numbers";

function numberRead(value: unknown, numFmt?: string) {
  const r = readNumber(value, numFmt);
  if (r.kind !== "number") throw new Error(`not a number: ${String(value)}`);
  return r;
}

describe("amountOf", () => {
  test("plain digits are shown as written; more than 4 decimals, exponents and -0 go through Decimal", () => {
    expect(amountOf(numberRead(4568))).toBe("4568");
    expect(amountOf(numberRead(-12.5))).toBe("-12.5");
    expect(amountOf(numberRead("4,568.00"))).toBe("4568");
    expect(amountOf(numberRead(0.123456))).toBe("0.1235");
    expect(amountOf(numberRead(1e22))).toBe(amount(exact(numberRead(1e22))));
    expect(amountOf(numberRead(-0))).toBe("0");
  });

  test("gives what amount(exact(read)) gives, for cell numbers and typed text", () => {
    const cellNumbers = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100));
    const typed = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.nat({ max: 99999 }), fc.nat({ max: 6 })).map(([i, f, places]) => `${i}.${String(f).padStart(5, "0").slice(0, places)}`);
    fc.assert(
      fc.property(fc.oneof(cellNumbers, typed), (value) => {
        const r = readNumber(value);
        if (r.kind !== "number") return;
        expect(amountOf(r)).toBe(amount(exact(r)));
      }),
      { numRuns: 2000 }
    );
  });
});

describe("band texts", () => {
  test("the same band gives the same text each time, and different bands different texts", () => {
    expect(pctBand(0.95, 1.05)).toBe("95%–105%");
    expect(pctBand(0.95, 1.05)).toBe("95%–105%");
    expect(pctBand(0.9, 1.1)).toBe("90%–110%");
    expect(growthBandText(-0.3, 0.3)).toBe("±30%");
    expect(growthBandText(-0.2, 0.3)).toBe("-20%–+30%");
  });
});

describe("statedRate", () => {
  test("a rate reads as a percentage however it is stored: 97%, 0.97 formatted 0%, 0.97 with no format", () => {
    expect(statedRate(numberRead("97%"))).toBe("97%");
    expect(statedRate(numberRead(0.97, "0%"))).toBe("97%");
    expect(statedRate(numberRead(0.97))).toBe("97%");
    expect(statedRate(numberRead(0.9867))).toBe("98.67%");
    expect(statedRate(numberRead(1))).toBe("100%");
    expect(statedRate(numberRead(0.9))).toBe("90%");
    expect(statedRate(numberRead(-0.12))).toBe("-12%");
    expect(statedRate(numberRead("5‰"))).toBe("5‰");
  });
});
