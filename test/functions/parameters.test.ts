/**
 * The one wrapper that reads declared parameters (src/functions/parameters.ts), on small functions declared here,
 * and the FUND functions' declarations held against the metadata Excel shows (generated from their JSDoc).
 */
import fs from "fs";
import path from "path";
import Decimal from "decimal.js";
import { parseTree } from "custom-functions-metadata";
import "../../src/functions/functions"; // declares the FUND functions
import { DECLARED, defineFunction } from "../../src/functions/parameters";

const err = (code: string, message?: string) => (message === undefined ? { code } : { code, message });
const MISSING = err("#N/A", "missing value");

describe("defineFunction", () => {
  test("reads numbers and text figures, and hands compute exact decimals", () => {
    const seen: unknown[] = [];
    const PLUS = defineFunction({
      id: "TEST_PLUS",
      parameters: [
        { name: "a", kind: "number" },
        { name: "b", kind: "number" },
      ],
      compute: (a, b) => {
        seen.push(a, b);
        return a.plus(b).toNumber();
      },
    });
    expect(PLUS([[0.1]], [["0.2"]])).toEqual([[0.3]]);
    expect(seen.every((v) => v instanceof Decimal)).toBe(true);
  });

  test("the first argument that cannot be read decides the error, and compute never sees it", () => {
    let calls = 0;
    const F = defineFunction({
      id: "TEST_ORDER",
      parameters: [
        { name: "first", kind: "number" },
        { name: "second", kind: "number" },
      ],
      compute: () => ++calls,
    });
    expect(F([["x"]], [["y"]])).toEqual([[err("#VALUE!", 'first: not a number: "x"')]]);
    expect(F([[1]], [["y"]])).toEqual([[err("#VALUE!", 'second: not a number: "y"')]]);
    expect(F([[""]], [["y"]])).toEqual([[MISSING]]);
    expect(F([[{ code: "#REF!" }]], [[1]])).toEqual([[{ code: "#REF!" }]]);
    expect(calls).toBe(0);
  });

  test("a default fills a blank or omitted argument; bounds are checked on given values only", () => {
    const F = defineFunction({
      id: "TEST_DEFAULT",
      parameters: [
        { name: "x", kind: "number" },
        { name: "places", kind: "number", default: "12", whole: true, min: 0, max: 10 },
      ],
      compute: (x, places) => `${x.toString()}@${places.toString()}`,
    });
    expect(F([[1]])).toEqual([["1@12"]]); // the default is not held to the bounds
    expect(F([[1]], [[""]])).toEqual([["1@12"]]);
    expect(F([[1]], [[3]])).toEqual([["1@3"]]);
    expect(F([[1]], [[11]])).toEqual([[err("#VALUE!", "places: must be a whole number from 0 to 10")]]);
    expect(F([[1]], [[2.5]])).toEqual([[err("#VALUE!", "places: must be a whole number from 0 to 10")]]);
  });

  test("an optional argument without default reaches compute as undefined; min 0 reads 'must not be negative'", () => {
    const F = defineFunction({
      id: "TEST_OPTIONAL",
      parameters: [{ name: "limit", kind: "number", optional: true, min: 0 }],
      compute: (limit) => (limit === undefined ? "none" : limit.toNumber()),
    });
    expect(F()).toEqual([["none"]]);
    expect(F([[null]])).toEqual([["none"]]);
    expect(F([[0]])).toEqual([[0]]);
    expect(F([[-1]])).toEqual([[err("#VALUE!", "limit: must not be negative")]]);
  });

  test("a sum is read once over its whole range and is not broadcast against the others", () => {
    const F = defineFunction({
      id: "TEST_SUM",
      parameters: [
        { name: "scale", kind: "number" },
        { name: "parts", kind: "sum" },
      ],
      compute: (scale, parts) => parts.times(scale).toNumber(),
    });
    // parts is 1×3 and scale 2×1: no shape clash, one result per scale.
    expect(F([[1], [10]], [[0.1, "—", 0.2]])).toEqual([[0.3], [3]]);
    expect(F([[1]], [["", null]])).toEqual([[MISSING]]);
    expect(F([[1]], [[1, "n/a?"]])).toEqual([[err("#VALUE!", 'parts: not a number: "n/a?"')]]);
  });

  test("ranges broadcast and mismatched shapes name the declared parameters", () => {
    const F = defineFunction({
      id: "TEST_SHAPES",
      parameters: [
        { name: "left", kind: "number" },
        { name: "right", kind: "number" },
      ],
      compute: (l, r) => l.minus(r).toNumber(),
    });
    expect(F([[10], [20]], [[1]])).toEqual([[9], [19]]);
    expect(F([[1, 2]], [[1], [2]])).toEqual([[err("#VALUE!", "shapes differ: left is 1×2, right is 2×1")]]);
  });

  test("the fast path answers first; what it declines goes the declared way", () => {
    let declared = 0;
    const F = defineFunction({
      id: "TEST_FAST",
      parameters: [
        { name: "a", kind: "number" },
        { name: "b", kind: "number" },
      ],
      fast: (a, b) => (typeof a === "number" && typeof b === "number" ? -1 : undefined),
      compute: (a, b) => {
        declared++;
        return a.plus(b).toNumber();
      },
    });
    expect(F([[1]], [[2]])).toEqual([[-1]]);
    expect(declared).toBe(0);
    expect(F([["1"]], [[2]])).toEqual([[3]]);
    expect(declared).toBe(1);
  });

  test("targets and answers: blank → missing, unreadable target → #VALUE! naming it", () => {
    const F = defineFunction({
      id: "TEST_TARGET",
      parameters: [
        { name: "actual", kind: "answer" },
        { name: "goal", kind: "target" },
      ],
      compute: (actual, goal) => `${String(actual)} ${goal.kind}`,
    });
    expect(F([["97%"]], [["≥95%"]])).toEqual([["97% bound"]]);
    expect(F([[""]], [["≥95%"]])).toEqual([[MISSING]]);
    expect(F([["97%"]], [["2019年底前"]])).toEqual([[err("#VALUE!", 'goal: cannot read "2019年底前"')]]);
  });

  test("a crash inside compute is an error value, not a throw", () => {
    const F = defineFunction({
      id: "TEST_CRASH",
      parameters: [{ name: "a", kind: "number" }],
      compute: () => {
        throw new Error("boom");
      },
    });
    expect(F([[1]])).toEqual([[err("#VALUE!", "internal error: boom")]]);
  });
});

describe("the FUND functions' declarations", () => {
  // What Excel shows for each function: generated from functions.ts's JSDoc, as the build does.
  const source = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");
  const metadata = parseTree(fs.readFileSync(source, "utf8"), "functions.ts");

  test("the metadata parses without errors and lists fifteen functions", () => {
    expect(metadata.extras.flatMap((e) => e.errors)).toEqual([]);
    expect(metadata.functions.map((f) => f.id)).toHaveLength(15);
  });

  test("each function declares the parameters Excel shows, by name and in order, optional where Excel says so", () => {
    for (const f of metadata.functions) {
      const declared = DECLARED.get(f.id);
      expect([f.id, declared !== undefined]).toEqual([f.id, true]);
      const asDeclared = declared!.map((p) => ({ name: p.name, optional: p.kind === "number" && (p.default !== undefined || p.optional === true) }));
      const shown = f.parameters.map((p) => ({ name: p.name, optional: p.optional === true }));
      expect([f.id, asDeclared]).toEqual([f.id, shown]);
    }
  });
});
