import Decimal from "decimal.js";
import fc from "fast-check";
import {
  exact,
  formatPrecision,
  halfUnit,
  NumberRead,
  readNumber,
  readNumberText,
  roundHalfUp,
  statedMatches,
  toHalfWidth,
} from "../../src/core/numbers";

function num(value: unknown, numFmt?: string): NumberRead {
  const r = readNumber(value, numFmt);
  if (r.kind !== "number") throw new Error(`expected a number for ${JSON.stringify(value)}, got ${JSON.stringify(r)}`);
  return r;
}

describe("readNumberText: figures as people type them", () => {
  test.each([
    ["4,568", 4568, "4568", 0, false, undefined],
    ["97%", 0.97, "0.97", 0, true, undefined],
    ["９７％", 0.97, "0.97", 0, true, undefined],
    ["(1,234)", -1234, "-1234", 0, false, undefined],
    ["（1,234）", -1234, "-1234", 0, false, undefined],
    ["4568万元", 4568, "4568", 0, false, "万元"],
    ["98.67%", 0.9867, "0.9867", 2, true, undefined],
    ["1,234.5", 1234.5, "1234.5", 1, false, undefined],
    ["-12.50", -12.5, "-12.5", 2, false, undefined],
    ["−5", -5, "-5", 0, false, undefined],
    ["¥1,000", 1000, "1000", 0, false, undefined],
    ["1618人", 1618, "1618", 0, false, "人"],
    ["6个月", 6, "6", 0, false, "个月"],
    ["  42  ", 42, "42", 0, false, undefined],
    ["1.5e3", 1500, "1500", 0, false, undefined],
    [".5", 0.5, "0.5", 1, false, undefined],
  ])("%s", (text, value, digits, decimals, percent, unit) => {
    const r = readNumberText(text);
    expect(r).toMatchObject({ kind: "number", value, digits, decimals, percent });
    expect((r as NumberRead).unit).toBe(unit);
  });

  test.each(["", "   "])("%j is missing, never 0", (text) => {
    expect(readNumberText(text)).toEqual({ kind: "missing" });
  });

  test.each(["-", "—", "－", "/", "无", "N/A", "null", " n/a "])("%j is a placeholder: missing, never 0, and kept as written to be quoted", (text) => {
    expect(readNumberText(text)).toEqual({ kind: "missing", placeholder: text.trim() });
  });

  test.each(["abc", "4,56", "12abc", "%", "1.2.3", "一百", "#DIV/0!"])("%j is text", (text) => {
    expect(readNumberText(text)).toEqual({ kind: "text", text });
  });

  test("per mille keeps its scale and says so", () => {
    const r = readNumberText("5‰") as NumberRead;
    expect(r).toMatchObject({ kind: "number", value: 0.005, percent: false, permille: true, decimals: 0 });
    expect(halfUnit(r).toString()).toBe("0.0005");
    expect(statedMatches(r, new Decimal("0.0054"))).toBe(true);
    expect(statedMatches(r, new Decimal("0.0056"))).toBe(false);
  });

  test("out-of-range exponents are text, not Infinity or a silent 0 (bug fixed)", () => {
    expect(readNumberText("1e400").kind).toBe("text");
    expect(readNumberText("1e-400").kind).toBe("text");
    expect(readNumberText("1e999999999999").kind).toBe("text");
    expect(readNumberText("1e-999999999999").kind).toBe("text");
    expect(readNumberText("1e300")).toMatchObject({ kind: "number", value: 1e300 });
  });
});

describe("readNumber: cell values", () => {
  test("null and undefined are missing", () => {
    expect(readNumber(null)).toEqual({ kind: "missing" });
    expect(readNumber(undefined)).toEqual({ kind: "missing" });
  });
  test("a number keeps its shortest decimal digits", () => {
    expect(num(0.97)).toMatchObject({ value: 0.97, digits: "0.97", decimals: 2, percent: false });
    expect(num(4568)).toMatchObject({ digits: "4568", decimals: 0 });
    expect(num(0.1 + 0.2).digits).toBe("0.30000000000000004");
  });
  test("a percent format makes a percent with its shown places", () => {
    expect(num(0.9867, "0.00%")).toMatchObject({ percent: true, decimals: 2 });
    expect(num(0.97, "0%")).toMatchObject({ percent: true, decimals: 0 });
    expect(num(4568, "#,##0.0_ ")).toMatchObject({ percent: false, decimals: 1 });
  });
  test("non-finite numbers, booleans and dates are text", () => {
    expect(readNumber(NaN).kind).toBe("text");
    expect(readNumber(Infinity).kind).toBe("text");
    expect(readNumber(true)).toEqual({ kind: "text", text: "TRUE" });
    expect(readNumber(new Date("2019-12-31T00:00:00Z"))).toEqual({ kind: "text", text: "2019-12-31" });
  });
  test("Excel errors stay errors", () => {
    expect(readNumber({ error: "#DIV/0!" })).toEqual({ kind: "error", error: "#DIV/0!" });
  });
});

describe("precision helpers", () => {
  test("formatPrecision", () => {
    expect(formatPrecision("0.0%")).toEqual({ decimals: 1, percent: true });
    expect(formatPrecision("#,##0.00_ ;[Red]-#,##0.00")).toEqual({ decimals: 2, percent: false });
    expect(formatPrecision("General")).toBeUndefined();
    expect(formatPrecision(undefined)).toBeUndefined();
  });
  test("halfUnit is half of the last shown digit", () => {
    expect(halfUnit(num("97%")).toString()).toBe("0.005");
    expect(halfUnit(num("98.67%")).toString()).toBe("0.00005");
    expect(halfUnit(num("4568")).toString()).toBe("0.5");
  });
  test("roundHalfUp rounds .5 away from zero", () => {
    expect(roundHalfUp(new Decimal("0.965"), 2).toString()).toBe("0.97");
    expect(roundHalfUp(new Decimal("-0.965"), 2).toString()).toBe("-0.97");
    expect(roundHalfUp(new Decimal("0.9649"), 2).toString()).toBe("0.96");
  });
  test("statedMatches on the seed (且末县 2019)", () => {
    // 机关事业单位: 12328 / 12738 = 96.78…% rounds to the stated 97%.
    expect(statedMatches(num("97%"), new Decimal(12328).div(12738))).toBe(true);
    // 企业职工: 4568 / 4398 = 103.9% is not 97%.
    expect(statedMatches(num("97%"), new Decimal(4568).div(4398))).toBe(false);
    // 机关事业单位 growth 6.496% rounds to the stated 6%.
    expect(statedMatches(num("6%"), new Decimal(752).div(11576))).toBe(true);
    expect(exact(num("4,568")).toString()).toBe("4568");
  });
});

describe("properties", () => {
  const anyInput = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.double(),
    fc.integer(),
    fc.constantFrom(null, undefined, "", " ", "—", true, false, { error: "#N/A" }, new Date(0), [], {}),
    fc.tuple(fc.integer(), fc.constantFrom("%", "万元", "人", "‰", "e5", "e-5", "")).map(([n, s]) => `${n}${s}`)
  );

  test("never throws, and every figure it returns is finite and agrees with its digits", () => {
    fc.assert(
      fc.property(anyInput, fc.option(fc.constantFrom("0%", "0.00%", "#,##0", "General", "@")), (value, fmt) => {
        const r = readNumber(value, fmt ?? undefined);
        if (r.kind === "number") {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(new Decimal(r.digits).toNumber() === r.value).toBe(true); // -0 and 0 are the same figure
          expect(Number.isInteger(r.decimals) && r.decimals >= 0).toBe(true);
        }
      }),
      { numRuns: 2000 }
    );
  });

  test("a blank is never a number", () => {
    fc.assert(
      fc.property(fc.constantFrom(null, undefined, ""), fc.string({ unit: fc.constantFrom(" ", "\t", "\u3000") }), (blank, spaces) => {
        expect(readNumber(blank).kind).toBe("missing");
        expect(readNumber(spaces).kind).toBe("missing");
      })
    );
  });

  test("thousands separators, full width and percent signs do not change the value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const grouped = n.toLocaleString("en-US");
        expect(num(grouped).digits).toBe(String(n));
        expect(num(toHalfWidth(grouped)).value).toBe(n);
        const wide = grouped.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(num(wide).value).toBe(n);
        expect(num(`${n}%`).digits).toBe(new Decimal(n).div(100).toString());
      })
    );
  });

  test("a number cell reads back to the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(num(x).value).toBe(x);
        expect(exact(num(x)).toNumber()).toBe(x === 0 ? 0 : x); // -0 reads as the figure 0
      })
    );
  });
});
