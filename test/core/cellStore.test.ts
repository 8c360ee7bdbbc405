/**
 * The packed column store the .xlsx reader fills, against the literal grid it stands for: every read the core
 * makes gives the same answer, the core finds exactly the same on both forms, and building does not depend on
 * the order cells come in. Random sheets biased towards fund tables, so that findings come out.
 */
import fc from "fast-check";
import { CellStoreBuilder, NUMBER, STRING, packSheet } from "../../src/core/cellStore";
import { checkWorkbook } from "../../src/core/check";
import { CellRange, CellValue, GridCell, GridSheet, sheetCells } from "../../src/core/grid";
import { literal } from "../helpers/xlsx";

const HEADERS = ["基金名称", "预算数", "执行数", "完成率", "上年支出", "增幅", "累计结余", "备注"];
const SUBJECTS = ["企业职工基本养老保险", "工伤保险", "失业保险", "其中：养老金支出", "  转移支出", "合计", "注：说明"];
const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, "", "97%", "4,568", "1.31", "N/A", "单位：万元", "a & <b>") },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#N/A" }, true, false, new Date(Date.UTC(2019, 11, 31))) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(...SUBJECTS) }
);
const cell: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 6,
    arbitrary: fc.record({ value, numFmt: fc.constantFrom(undefined, undefined, "0%", "0.0%", "#,##0", "yyyy-mm-dd"), indent: fc.constantFrom(undefined, undefined, 1, 2) }, { requiredKeys: ["value"] }).map((c) => {
      const out: GridCell = { value: c.value };
      if (c.numFmt) out.numFmt = c.numFmt;
      if (c.indent) out.indent = c.indent;
      return out;
    }),
  }
);

/** A sheet as an adapter gives it: a header, rows of a subject and figures, holes, merges with their copies removed. */
const sheetArb: fc.Arbitrary<GridSheet> = fc
  .record({
    header: fc.shuffledSubarray(HEADERS, { minLength: 2, maxLength: 8 }),
    rows: fc.array(fc.option(fc.tuple(fc.constantFrom(...SUBJECTS), fc.array(cell, { maxLength: 9 })), { nil: undefined, freq: 6 }), { maxLength: 14 }),
    merges: fc.array(fc.record({ top: fc.nat(15), left: fc.nat(8), h: fc.nat(2), w: fc.nat(3) }), { maxLength: 3 }),
  })
  .map(({ header, rows, merges }) => {
    const cells: (GridCell | undefined)[][] = [header.map((h) => ({ value: h }))];
    rows.forEach((row, i) => {
      if (row) cells[i + 1] = [{ value: row[0] }, ...row[1]];
    });
    const ranges: CellRange[] = merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));
    for (const m of ranges)
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && cells[r]) cells[r][c] = undefined;
    return { name: "表", cells, merges: ranges };
  });

const norm = (v: CellValue) => (v === undefined ? null : v);

test("every read of a packed sheet equals the read of the literal sheet it came from", () => {
  fc.assert(
    fc.property(sheetArb, (sheet) => {
      const packed = packSheet(sheet);
      const plain = sheetCells(sheet);
      const width = Math.max(0, ...sheet.cells.map((r) => r?.length ?? 0)) + 2;
      for (let r = -1; r <= sheet.cells.length + 1; r++) {
        for (let c = -1; c < width; c++) {
          // A literal cell holding only undefined/null and no format is no cell in the packed form: both read blank.
          expect(norm(packed.value(r, c))).toEqual(norm(plain.value(r, c)));
          expect(packed.numFmt(r, c)).toBe(plain.numFmt(r, c));
          expect(packed.indent(r, c)).toBe(plain.indent(r, c));
        }
        expect(packed.rowLength(r)).toBeLessThanOrEqual(plain.rowLength(r));
      }
    }),
    { numRuns: 200 }
  );
});

test("the core finds exactly the same on the packed sheet and on the literal one", () => {
  let withFindings = 0;
  fc.assert(
    fc.property(sheetArb, (sheet) => {
      const a = checkWorkbook({ name: "w", sheets: [sheet] });
      const b = checkWorkbook({ name: "w", sheets: [packSheet(sheet)] });
      expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)));
      if (a.findings.length) withFindings++;
    }),
    { numRuns: 200 }
  );
  expect(withFindings).toBeGreaterThan(40); // not vacuous
});

test("cells given in any order, some twice, build the same store as in order (the later of two wins)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(30), fc.nat(12), fc.integer({ min: -50, max: 50 })), { maxLength: 60 }),
      fc.func(fc.integer()),
      (cells, key) => {
        const strings: string[] = [];
        const table = { formats: [undefined], indents: [0] };
        const shuffled = cells.map((c, i) => ({ c, i, k: key(i) })).sort((x, y) => x.k - y.k || x.i - y.i);
        const given = new CellStoreBuilder("s", strings, table, 4); // small: it must grow
        for (const { c } of shuffled) given.add(c[0], c[1], NUMBER, c[2], 0);
        const last = new Map<string, number>();
        for (const { c } of shuffled) last.set(`${c[0]},${c[1]}`, c[2]);
        const ordered = [...last.entries()].map(([at, v]) => [...at.split(",").map(Number), v]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        const expected = new CellStoreBuilder("s", strings, table);
        for (const [r, c, v] of ordered) expected.add(r, c, NUMBER, v, 0);
        expect(literal(given.build([]))).toEqual(literal(expected.build([])));
      }
    ),
    { numRuns: 200 }
  );
});

test("inside a merged area only the master keeps its value; the rows a merge leaves empty have no cells", () => {
  const strings = ["标题", "copy"];
  const b = new CellStoreBuilder("s", strings, { formats: [undefined], indents: [0] });
  b.add(0, 0, STRING, 0, 0); // A1 master
  b.add(0, 1, STRING, 1, 0); // B1 copy
  b.add(1, 0, STRING, 1, 0); // A2 copy (a whole row of copies)
  b.add(2, 0, NUMBER, 5, 0); // A3 outside
  const store = b.build([{ top: 0, left: 0, bottom: 1, right: 2 }]);
  expect(literal(store).cells).toEqual([[{ value: "标题" }], undefined, [{ value: 5 }]].map((r, i) => (i === 1 ? undefined : r)));
  expect(store.rowLength(1)).toBe(0);
  expect(store.value(0, 1)).toBeUndefined();
});

test("a packed sheet's cells read as literal rows, and writing into them fails loudly instead of changing nothing", () => {
  const sheet: GridSheet = { name: "s", cells: [[{ value: "基金名称" }, { value: "预算数" }], undefined as never, [{ value: "工伤保险" }, { value: 398, numFmt: "#,##0" }]], merges: [] };
  const packed = packSheet(sheet);
  expect(packed.cells.length).toBe(3);
  expect(packed.cells[1]).toBeUndefined();
  expect(packed.cells[2][1]).toEqual({ value: 398, numFmt: "#,##0" });
  expect(Array.from(packed.cells, (row) => row?.length ?? 0)).toEqual([2, 0, 2]);
  expect(packed.cells.map((row) => row[0]?.value)).toEqual(["基金名称", , "工伤保险"]); // a missing row is a hole, as in a literal grid
  expect(() => {
    packed.cells[2][1] = { value: 1 }; // modules are strict: a frozen row throws
  }).toThrow(TypeError);
});
