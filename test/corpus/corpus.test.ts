/**
 * The realistic corpus against the product (src/cli's main, in this process): every case not listed in
 * KNOWN_GAPS must pass — a clean workbook stays clean, a planted error stays found. A listed case that starts
 * to pass fails the test too, so that its line is deleted from known-gaps.ts and it is guarded from then on.
 * The full table (with the gaps) comes from the runner: npx ts-node -P tsconfig.jest.json test/corpus/run.ts
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CASES } from "./cases";
import { PREFECTURE } from "./cases/p15-prefecture";
import { CaseResult, describe as describeFinding } from "./compare";
import { MATRIX_ID, buildAll, runCase, runMatrix } from "./corpus";
import { KNOWN_GAPS } from "./known-gaps";

let dir: string;
const gaps = new Set(KNOWN_GAPS.map((g) => g.id));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-corpus-"));
  await buildAll(dir, CASES);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function problems(r: CaseResult): string[] {
  return [
    ...r.missed.map((m) => `missed: ${describeFinding(m)}`),
    ...r.falseFindings.map((f) => `false: ${describeFinding(f)}`),
    ...r.wrong.map((w) => `wrong: ${w}`),
    ...r.other.map((o) => `other: ${o}`),
  ];
}

it("KNOWN_GAPS names existing cases, once each", () => {
  const ids = new Set([...CASES.map((c) => c.id), MATRIX_ID]);
  expect(KNOWN_GAPS.filter((g) => !ids.has(g.id)).map((g) => g.id)).toEqual([]);
  expect(gaps.size).toBe(KNOWN_GAPS.length);
});

describe("cases that pass today keep passing", () => {
  for (const c of CASES.filter((x) => !gaps.has(x.id))) {
    it(c.id, async () => {
      const r = await runCase(c, dir, "src");
      expect(problems(r)).toEqual([]);
    });
  }
});

describe("known gaps still fail (delete a case's line from known-gaps.ts once it passes)", () => {
  for (const c of CASES.filter((x) => gaps.has(x.id))) {
    it(c.id, async () => {
      const r = await runCase(c, dir, "src");
      expect({ id: c.id, passes: r.pass }).toEqual({ id: c.id, passes: false });
    });
  }
  it(MATRIX_ID, async () => {
    const r = await runMatrix(dir, "src");
    if (gaps.has(MATRIX_ID)) expect({ id: MATRIX_ID, passes: r.pass }).toEqual({ id: MATRIX_ID, passes: false });
    else {
      expect(r.problems).toEqual([]);
      // The order of the input files does not change the matrix.
      expect((await runMatrix(dir, "src", true)).problems).toEqual([]);
    }
  });
});

it("the prefecture set is part of the corpus", () => {
  for (const f of PREFECTURE.files) expect(CASES).toContain(f);
});
