/** The decimal places of a cell's float, found without writing it out, must be exactly those String() writes. */
import fc from "fast-check";
import { shortestPlaces } from "../../../src/core/detect/fundTable";

function placesOfString(value: number): number {
  const shown = String(value);
  if (shown.includes("e")) return -1;
  const dot = shown.indexOf(".");
  return dot < 0 ? 0 : shown.length - dot - 1;
}

describe("shortestPlaces", () => {
  test("figures as tables hold them", () => {
    expect(shortestPlaces(4568)).toBe(0);
    expect(shortestPlaces(0.97)).toBe(2);
    expect(shortestPlaces(-0.123)).toBe(3);
    expect(shortestPlaces(1.0389)).toBe(4);
    expect(shortestPlaces(0.1 + 0.2)).toBe(17); // 0.30000000000000004, as String writes it
    expect(shortestPlaces(1e-7)).toBe(-1); // String writes 1e-7
    expect(shortestPlaces(1e21)).toBe(-1);
  });

  test("agrees with String() on any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(shortestPlaces(v)).toBe(placesOfString(v));
      }),
      { numRuns: 20000 }
    );
  });

  test("agrees with String() on decimals of up to 15 places and on rates computed by division", () => {
    const decimals = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 15 })).map(([n, p]) => n / Math.pow(10, p));
    const rates = fc.tuple(fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 1e7 })).map(([a, b]) => a / b);
    fc.assert(
      fc.property(fc.oneof(decimals, rates), (v) => {
        expect(shortestPlaces(v)).toBe(placesOfString(v));
      }),
      { numRuns: 20000 }
    );
  });
});
