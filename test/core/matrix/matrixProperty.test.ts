/**
 * Properties of the matrix (fast-check): a county any of whose files could not be read is never shown as clean
 * (nor any of its funds as a pass), and the order of the input files does not change the matrix.
 */
import fc from "fast-check";
import { BatchFile, buildMatrix, countyStatus } from "../../../src/core/matrix";
import { consolidation, county, summarize } from "./fixtures";

const FUNDS = ["企业职工基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险"];
const COUNTIES = ["甲县", "乙县", "丙县", "丁区", "戊市"];

interface Spec {
  county: string;
  copy: number;
  unreadable: boolean;
  rows: [string, number | null, number | null][];
}

const fileArb: fc.Arbitrary<Spec> = fc.record({
  county: fc.constantFrom(...COUNTIES),
  copy: fc.integer({ min: 0, max: 1 }),
  unreadable: fc.boolean(),
  rows: fc.array(fc.tuple(fc.constantFrom(...FUNDS), fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 6000 }), { nil: null })), { minLength: 0, maxLength: 4 }),
});

function batch(specs: Spec[], withConsolidation: boolean): BatchFile[] {
  const seen = new Set<string>();
  const files: BatchFile[] = [];
  for (const s of specs) {
    const file = `in/${s.county}${s.copy ? "-2" : ""}.xlsx`;
    if (seen.has(file)) continue;
    seen.add(file);
    if (s.unreadable) files.push({ file, unreadable: "damaged" });
    else {
      const rows = s.rows.filter((r, i) => s.rows.findIndex((x) => x[0] === r[0]) === i);
      files.push(summarize(file, [county(s.county, rows)]));
    }
  }
  if (withConsolidation) files.push(summarize("in/州汇总.xlsx", [consolidation(FUNDS.slice(0, 2), COUNTIES.slice(0, 3).map((c, i) => [c, [100 + i, 99 + i, 50, 51]]))]));
  return files;
}

describe("matrix properties", () => {
  test("a county with a file that could not be read is never clean: its status is unreadable, whatever its other files hold", () => {
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (specs, withConsolidation) => {
        const files = batch(specs, withConsolidation);
        const m = buildMatrix(files);
        for (const f of files) {
          if (!("unreadable" in f)) continue;
          const c = m.counties.find((x) => x.files.includes(f.file))!;
          expect(c).toBeDefined();
          expect(c.unreadable).toBe("damaged");
          expect(countyStatus(c)).toBe("unreadable");
        }
        for (const c of m.counties) if (countyStatus(c) === "ok") expect(c.files.length > 0 && !c.unreadable && c.missing.length === 0).toBe(true);
      }),
      { numRuns: 60 }
    );
  });

  test("the order of the input files does not change the result", () => {
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.integer(), (specs, withConsolidation, seed) => {
        const files = batch(specs, withConsolidation);
        const shuffled = files
          .map((f, i) => ({ f, k: Math.sin(seed + i * 7919) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.f);
        expect(JSON.stringify(buildMatrix(shuffled))).toBe(JSON.stringify(buildMatrix(files)));
      }),
      { numRuns: 60 }
    );
  });
});
