/**
 * checkWorkbook over random small grids (numbers, text, blanks, errors, huge and tiny values, header words,
 * 其中/合计 rows, merges, ragged rows): it never throws, no rule fails, every finding is well formed and points
 * inside the grid, and a blank is never read as 0 (only missing-value, and indicator-unexplained at the reason
 * cell to fill, point at a blank; nothing relates to one but merged-figure, to the cells its merge covers).
 */
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { RULE_IDS } from "../../src/core/ruleCatalogue";
import { CellRange, CellValue, GridCell, GridSheet, fromA1 } from "../../src/core/grid";
import { readNumber } from "../../src/core/numbers";
import { addressOf, placeOf } from "../../src/core/location";

const labels = ["基金名称", "项目", "预算数", "执行数", "支出", "上年数", "完成率", "完成率(%)", "增幅", "比上年增减", "收入", "累计结余", "2019年", "2018年", "Fund", "Budget", "Actual", "YoY %", "单位：万元", "单位：元", "一级指标", "得分", "分值", "指标名称"];
const subjects = ["企业职工基本养老保险", "工伤保险", "其中：养老金支出", "  转移支出", "　　医疗支出", "合计", "小计", "Total", "其中：", "失业保险", "注：说明文字"];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 1e-12, 0.95, 1.05, 0.3, Number.MAX_SAFE_INTEGER) },
  { weight: 2, arbitrary: fc.constantFrom(...labels) },
  { weight: 2, arbitrary: fc.constantFrom(...subjects) },
  { weight: 2, arbitrary: fc.constantFrom("97%", "4,568", "９７％", "(1,234)", "4568万元", "—", "", " ", "约400", "1e400", "12.5‰", "NaN", "-") },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#N/A" }, true, new Date(Date.UTC(2019, 0, 1))) }
);

const cell: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 5,
    arbitrary: fc.record(
      { value, numFmt: fc.constantFrom(undefined, "0%", "0.0%", "#,##0", "0.00", "General", "@"), indent: fc.constantFrom(undefined, 0, 1, 2) },
      { requiredKeys: ["value"] }
    ) as fc.Arbitrary<GridCell>,
  }
);

const sheetArb: fc.Arbitrary<GridSheet> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 14 }),
    merges: fc.array(fc.record({ top: fc.nat(12), left: fc.nat(6), h: fc.nat(2), w: fc.nat(3) }), { maxLength: 3 }),
  })
  .map(({ rows: generated, merges }) => {
    // A copy: mutating the generated arrays breaks fast-check's shrinking (it then fails or never ends).
    const rows = generated.map((row) => row.slice());
    const ranges: CellRange[] = merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));
    // Adapters keep a merged value in the master only.
    for (const m of ranges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && rows[r]) rows[r][c] = undefined;
    return { name: "S", cells: rows, merges: ranges };
  });

/** Nothing (or a placeholder) in the cell itself. */
function ownCellMissing(sheet: GridSheet, a1: string): boolean {
  const at = fromA1(a1)!;
  const c = sheet.cells[at.row]?.[at.col];
  return !c || readNumber(c.value, c.numFmt).kind === "missing";
}

/** Nothing (or a placeholder) in the cell, nor in a merged area covering it: a merged cell is not blank. */
function readsMissing(sheet: GridSheet, a1: string): boolean {
  const at = fromA1(a1)!;
  const missing = (c: GridCell | undefined) => !c || readNumber(c.value, c.numFmt).kind === "missing";
  const covering = sheet.merges.filter((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right);
  return missing(sheet.cells[at.row]?.[at.col]) && covering.every((m) => missing(sheet.cells[m.top]?.[m.left]));
}

test("random grids: never throws, findings well formed, inside the grid, no blank read as 0", () => {
  fc.assert(
    // Names are given in a map, not by mutating the generated sheets, which would break fast-check's shrinking.
    fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 3 }).map((list) => list.map((s, k) => ({ ...s, name: `S${k}` }))), (sheets) => {
      const failures: unknown[] = [];
      const result = checkWorkbook({ name: "random", sheets }, { onRuleError: (_rule, e) => failures.push(e) });
      expect(failures).toEqual([]);
      expect(result.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
      for (const f of result.findings) {
        expect(RULE_IDS).toContain(f.rule);
        expect(["error", "warning", "info"]).toContain(f.severity);
        const sheet = sheets.find((s) => s.name === placeOf(f.at))!;
        expect(sheet).toBeDefined();
        for (const a1 of [addressOf(f.at), ...f.related]) {
          const at = fromA1(a1);
          expect(at).toBeDefined();
          expect(at!.row).toBeLessThan(sheet.cells.length);
          expect(at!.col).toBeLessThan(Math.max(7, ...sheet.merges.map((m) => m.right + 1)));
        }
        expect(typeof f.message.zh === "string" && f.message.zh.length > 0 && f.message.en.length > 0).toBe(true);
        // not-a-number and table-unreadable quote the cells' own text (which may well be "NaN"); every other observed value is computed.
        if (f.rule !== "not-a-number" && f.rule !== "table-unreadable") expect(f.observed).not.toMatch(/NaN|Infinity|undefined/);
        expect(f.expected).not.toMatch(/NaN|Infinity|undefined/);
        if (f.rule === "missing-value") expect(ownCellMissing(sheet, addressOf(f.at))).toBe(true);
        else if (f.rule === "indicator-unexplained") expect(f.observed).not.toMatch(/^[-+]?\d/); // the reason cell to fill: blank or a placeholder, never a figure
        else if (f.rule === "merged-figure") expect(readsMissing(sheet, addressOf(f.at))).toBe(false); // its related cells are those its merge covers
        else if (f.rule !== "unit-mismatch") {
          expect(readsMissing(sheet, addressOf(f.at))).toBe(false);
          for (const r of f.related) expect(readsMissing(sheet, r)).toBe(false);
        }
      }
    }),
    { numRuns: 400 }
  );
});

test("a sheet checked alone gives the same result as inside a workbook (no sheet depends on another)", () => {
  fc.assert(
    fc.property(sheetArb.map((s) => ({ ...s, name: "A" })), sheetArb.map((s) => ({ ...s, name: "B" })), (a, b) => {
      const both = checkWorkbook({ name: "w", sheets: [a, b] });
      const alone = checkWorkbook({ name: "w", sheets: [b] });
      expect(both.findings.filter((f) => placeOf(f.at) === "B")).toEqual(alone.findings);
    }),
    { numRuns: 150 }
  );
});
