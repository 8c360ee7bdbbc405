/**
 * The answers themselves: every figure a case writes is what its stated computation gives (decimal.js, half-up
 * at the places written, independent of the product); a clean case's answer has no error and no warning; ids and
 * files are unique; the clean corpus has at least six workbooks; findings of report text point at real lines.
 */
import { CASES, CLEAN_CASES } from "./cases";
import { PREFECTURE } from "./cases/p15-prefecture";

it("every claim of hand arithmetic holds", () => {
  const wrong = CASES.flatMap((c) => (c.claims ?? []).filter((cl) => cl.written !== cl.computed).map((cl) => `${c.id}: ${cl.what}: written ${cl.written}, computed ${cl.computed}`));
  expect(wrong).toEqual([]);
  expect(CASES.reduce((n, c) => n + (c.claims?.length ?? 0), 0)).toBeGreaterThan(500);
});

it("clean cases answer no error and no warning, and every planted case answers at least one", () => {
  for (const c of CLEAN_CASES) expect({ id: c.id, severities: c.findings.filter((f) => f.severity !== "info").map((f) => f.severity) }).toEqual({ id: c.id, severities: [] });
  for (const c of CASES.filter((x) => !x.clean && !x.unreadable && /planted|mistyped|wrong/.test(x.id))) {
    expect({ id: c.id, required: c.findings.some((f) => !f.optional && f.severity !== "info") }).toEqual({ id: c.id, required: true });
  }
});

it("the clean corpus has at least six workbooks", () => {
  expect(CLEAN_CASES.filter((c) => c.file.endsWith(".xlsx")).length).toBeGreaterThanOrEqual(6);
});

it("case ids and files are unique; every case names its sources", () => {
  expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  for (const c of CASES) expect({ id: c.id, sources: c.sources.length > 0 }).toEqual({ id: c.id, sources: true });
});

it("report-text findings point at a line of the built text", async () => {
  for (const c of CASES.filter((x) => x.file.endsWith(".txt"))) {
    const lines = (await c.build()).toString("utf8").split("\n");
    for (const f of c.findings) {
      const n = Number(/^L(\d+)$/.exec(f.cell ?? "")?.[1]);
      expect({ id: c.id, cell: f.cell, exists: n >= 1 && n <= lines.length && lines[n - 1].trim() !== "" }).toEqual({ id: c.id, cell: f.cell, exists: true });
    }
  }
});

it("the prefecture matrix covers every county file and names the consolidation apart", () => {
  const counties = PREFECTURE.matrix.counties.flatMap((c) => c.files);
  const files = PREFECTURE.files.map((c) => c.file);
  expect([...counties, PREFECTURE.matrix.consolidation].sort()).toEqual([...files].sort());
});
