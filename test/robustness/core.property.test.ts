/**
 * The core over hostile random grids (docs/robustness.md), biased towards real fund tables so that tables are
 * detected and findings come out (asserted, so that the properties cannot pass vacuously): numbers, huge and
 * tiny values (1e308, 5e-324, -0), NaN-like text ("NaN", "Infinity", "1e999"), blanks, error values, dates,
 * booleans, flattened rich text, 100,000-character text, ragged rows, merged areas that overlap or reach beyond
 * the grid, header words in Chinese and English. Invariants: never throws (no rule fails either); every finding
 * has a known rule id and severity and points inside the grid; a blank is never read as 0; a sheet's findings do
 * not depend on the order of the sheets. The report-text reader gets the same treatment with random prose.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { RULE_IDS } from "../../src/core/ruleCatalogue";
import { CellRange, CellValue, GridCell, GridSheet, fromA1 } from "../../src/core/grid";
import { readNumber } from "../../src/core/numbers";
import { checkReportText } from "../../src/core/reportText";
import { addressOf, placeOf } from "../../src/core/location";

const SUBJECT_HEADERS = ["基金名称", "险种", "项目", "Fund", "Item"];
const FIGURE_HEADERS = [
  "预算数", "全年预算数", "Budget", "执行数", "支出", "决算数", "Actual", "Expenditure", "上年数", "上年支出", "Prior year",
  "完成率", "完成率(%)", "Completion", "增幅", "增长率", "YoY %", "比上年增减", "Change", "收入", "Income", "累计结余", "Balance",
  "人数", "Recipients",
];
const INDICATOR_HEADERS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
const FUNDS = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险", "职业年金", "Work injury insurance"];
const ROW_LABELS = ["其中：养老金支出", "  转移支出", "　　丧葬抚恤补助", "合计", "小计", "Total", "其中：", "注：说明文字", "各项基金合计"];

const longText = "长".repeat(100_000);
const hugeAndTiny = fc.constantFrom<CellValue>(1e308, -1e308, 5e-324, -5e-324, -0, 0, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 1e-12, 0.95, 1.05, 0.3, 1.31);
const nanLikeText = fc.constantFrom<CellValue>("NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "0x1F", "١٢٣", "∞", "undefined", "null", "#DIV/0!", "4,568", "97%", "９７％", "(1,234)", "4568万元", "12.5‰", "—", "-", "", " ", "　", "约400", "+35.5%", "=1+1");
const errorValue = fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#N/A" }, { error: "#VALUE!" }, { error: "#REF!" }, { error: "#NUM!" });
const other = fc.constantFrom<CellValue>(true, false, new Date(Date.UTC(2019, 11, 31)), new Date(Date.UTC(1900, 0, 1)), longText, "a & <b> \"c\" 'd'", "单位：万元", "单位：元");
/** Rich text is flattened by the adapters into the runs' text: a string made of several runs. */
const richFlattened = fc.array(fc.constantFrom("单位：", "万元", "工伤", "保险", " ", "97", "%", "\n"), { minLength: 2, maxLength: 4 }).map((runs) => runs.join(""));

const figure: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: hugeAndTiny },
  { weight: 3, arbitrary: nanLikeText },
  { weight: 1, arbitrary: errorValue },
  { weight: 1, arbitrary: other },
  { weight: 1, arbitrary: richFlattened },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }
);

const numFmt = fc.constantFrom(undefined, undefined, "0%", "0.0%", "#,##0", "0.00", "General", "@", "yyyy-mm-dd", '#,##0.00_);(#,##0.00)');
const cellOf = (value: fc.Arbitrary<CellValue>): fc.Arbitrary<GridCell | undefined> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 8, arbitrary: fc.record({ value, numFmt, indent: fc.constantFrom(undefined, 0, 1, 2) }, { requiredKeys: ["value"] }) as fc.Arbitrary<GridCell> }
  );

/** A sheet that usually holds a fund (or indicator) table: optional title and unit, header, data rows, noise. */
const tableSheet: fc.Arbitrary<GridSheet> = fc
  .record({
    title: fc.option(fc.constantFrom("2019年社会保险基金支出情况表", "单位：万元", "单位：元", "Unit: 10,000 yuan"), { nil: undefined }),
    headers: fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...SUBJECT_HEADERS), fc.shuffledSubarray(FIGURE_HEADERS, { minLength: 2, maxLength: 6 })).map(([s, f]) => [s, ...f]) },
      { weight: 1, arbitrary: fc.shuffledSubarray(INDICATOR_HEADERS, { minLength: 3, maxLength: 8 }) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...SUBJECT_HEADERS, ...FIGURE_HEADERS, ...INDICATOR_HEADERS, "", "备注"), { maxLength: 7 }) }
    ),
    rows: fc.array(
      fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom<CellValue>(...FUNDS) }, { weight: 2, arbitrary: fc.constantFrom<CellValue>(...ROW_LABELS) }, { weight: 1, arbitrary: figure }), fc.array(cellOf(figure), { maxLength: 8 })),
      { maxLength: 10 }
    ),
    noise: fc.array(fc.array(cellOf(figure), { maxLength: 5 }), { maxLength: 3 }),
    merges: fc.array(fc.record({ top: fc.nat(16), left: fc.nat(9), h: fc.nat(3), w: fc.nat(4) }), { maxLength: 4 }),
    percentFmt: fc.boolean(),
  })
  .map(({ title, headers, rows, noise, merges, percentFmt }) => {
    const cells: (GridCell | undefined)[][] = [];
    if (title) cells.push([{ value: title }]);
    cells.push(headers.map((h) => ({ value: h })));
    for (const [subject, figures] of rows) {
      cells.push([{ value: subject }, ...figures.map((c) => (c && percentFmt && typeof c.value === "number" && c.value < 3 ? { ...c, numFmt: "0%" } : c))]);
    }
    cells.push(...noise);
    const ranges: CellRange[] = merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));
    // Adapters keep a merged value in its master only (merges may overlap and reach beyond the grid: hostile).
    for (const m of ranges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && cells[r]) cells[r][c] = undefined;
    return { name: "S", cells, merges: ranges };
  });

/** Sheets that are no table at all: ragged rows of anything. */
const noiseSheet: fc.Arbitrary<GridSheet> = fc
  .array(fc.option(fc.array(cellOf(figure), { maxLength: 9 }), { nil: undefined, freq: 5 }), { maxLength: 12 })
  .map((rows) => ({ name: "N", cells: rows as (GridCell | undefined)[][], merges: [{ top: 2, left: 1, bottom: 40, right: 30 }] }));

const sheetArb = fc.oneof({ weight: 4, arbitrary: tableSheet }, { weight: 1, arbitrary: noiseSheet });

/** Blank: nothing in the cell, nor in a merged area covering it (a merged cell is not blank; random grids may overlap merges). */
const isBlank = (sheet: GridSheet, a1: string) => {
  const at = fromA1(a1)!;
  const blank = (c: GridSheet["cells"][number][number]) => !c || readNumber(c.value, c.numFmt).kind === "missing";
  const covering = sheet.merges.filter((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right);
  return blank(sheet.cells[at.row]?.[at.col]) && covering.every((m) => blank(sheet.cells[m.top]?.[m.left]));
};

/** The grid's extent: rows and columns a finding may point at (merged areas count as part of the grid). */
function extent(sheet: GridSheet) {
  let cols = 0;
  for (const row of sheet.cells) if (row) cols = Math.max(cols, row.length);
  for (const m of sheet.merges) cols = Math.max(cols, m.right + 1);
  let rows = sheet.cells.length;
  for (const m of sheet.merges) rows = Math.max(rows, m.bottom + 1);
  return { rows, cols };
}

const stats = { runs: 0, withFundTable: 0, withFindings: 0, findings: 0, blanksFlagged: 0, rules: new Set<string>() };

test("random workbooks: never throws, findings well formed and inside the grid, a blank never read as 0", () => {
  fc.assert(
    fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 4 }), (generated) => {
      // Named in copies: fast-check shrinks the generated values, which must not be changed in place.
      const sheets = generated.map((s, k) => ({ ...s, name: k % 2 ? `O'Brien's "data" ${k}` : `表${k}` }));
      const failures: unknown[] = [];
      const result = checkWorkbook({ name: "random", sheets }, { onRuleError: (_rule, e) => failures.push(e) });
      expect(failures).toEqual([]);
      stats.runs++;
      if (result.sheets.some((s) => s.kind === "fund")) stats.withFundTable++;
      if (result.findings.length) stats.withFindings++;
      stats.findings += result.findings.length;
      for (const f of result.findings) {
        stats.rules.add(f.rule);
        expect(RULE_IDS).toContain(f.rule);
        expect(["error", "warning", "info"]).toContain(f.severity);
        const sheet = sheets.find((s) => s.name === placeOf(f.at))!;
        expect(sheet).toBeDefined();
        const { rows, cols } = extent(sheet);
        for (const a1 of [addressOf(f.at), ...f.related]) {
          const at = fromA1(a1);
          expect(at).toBeDefined();
          expect(at!.row).toBeLessThan(rows);
          expect(at!.col).toBeLessThan(cols);
        }
        expect(f.message.zh.length > 0 && f.message.en.length > 0).toBe(true);
        // No NaN/Infinity/undefined made by arithmetic; the user's own text may say it (not-a-number quotes "NaN").
        const typed = sheet.cells.flatMap((row) => (row ?? []).map((c) => (typeof c?.value === "string" ? c.value : ""))).join("\n");
        for (const text of [f.observed, f.expected, f.message.zh, f.message.en])
          for (const token of text.match(/NaN|Infinity|undefined|\[object/g) ?? []) expect(typed).toContain(token);
        // A blank is never 0: only missing-value (and indicator-unexplained, at the reason cell to fill) may point
        // at a blank, and then it says "blank" (or quotes the
        // placeholder the cell holds), never a number; no other finding uses a blank cell as one of its figures —
        // but merged-figure relates the cells its merge covers, blank in the grid by construction.
        if (isBlank(sheet, addressOf(f.at))) {
          stats.blanksFlagged++;
          expect(["missing-value", "indicator-unexplained"]).toContain(f.rule); // (the latter: the reason cell to fill)
          expect(f.observed).not.toMatch(/^[-+]?0(\.0+)?%?$/);
          // What the cell holds, or (a target or reason merged down over rows) what its merge holds.
          const at = fromA1(addressOf(f.at))!;
          const merge = sheet.merges.find((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right);
          const held = sheet.cells[at.row]?.[at.col]?.value ?? (merge ? sheet.cells[merge.top]?.[merge.left]?.value : undefined);
          expect([/空白|blank/i.test(f.observed), typeof held === "string" && held.trim() === f.observed]).toContain(true);
        }
        if (f.rule === "merged-figure") {
          // (Random grids may hold several merges with one top-left cell: the finding's is one of them.)
          const master = fromA1(addressOf(f.at))!;
          const merges = sheet.merges.filter((m) => m.top === master.row && m.left === master.col);
          const inside = (a1: string) => {
            const at = fromA1(a1)!;
            return merges.some((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right);
          };
          expect(f.related.every(inside)).toBe(true);
        } else if (f.rule !== "missing-value" && f.rule !== "unit-mismatch") for (const r of f.related) expect(isBlank(sheet, r)).toBe(false);
      }
    }),
    { numRuns: 300 }
  );
  // Not vacuous: tables were found, findings came out, blanks were met, and many rules fired.
  expect(stats.withFundTable).toBeGreaterThan(stats.runs * 0.4);
  expect(stats.withFindings).toBeGreaterThan(stats.runs * 0.3);
  expect(stats.blanksFlagged).toBeGreaterThan(0);
  expect(stats.rules.size).toBeGreaterThanOrEqual(6);
});

test("a blank is not a 0: turning a blank figure into 0 changes what is said about it", () => {
  // Budget blank → missing-value (never a completion rate against 0); budget 0 → spending without a budget.
  const sheet = (budget: CellValue): GridSheet => ({
    name: "S",
    cells: [[{ value: "基金名称" }, { value: "预算数" }, { value: "执行数" }], [{ value: "工伤保险" }, budget === undefined ? undefined : { value: budget }, { value: 806 }]],
    merges: [],
  });
  for (const blank of [undefined, null, "", " ", "　"] as CellValue[]) {
    const findings = checkWorkbook({ name: "w", sheets: [sheet(blank)] }).findings;
    expect(findings.filter((f) => addressOf(f.at) === "B2").map((f) => f.rule)).toEqual(["missing-value"]);
    expect(findings.some((f) => f.related.includes("B2"))).toBe(false);
  }
  const zero = checkWorkbook({ name: "w", sheets: [sheet(0)] }).findings;
  expect(zero.some((f) => f.rule === "missing-value")).toBe(false);
  expect(zero.length).toBeGreaterThan(0);
});

test("a sheet's findings do not depend on the order of the sheets", () => {
  fc.assert(
    fc.property(
      fc.array(sheetArb, { minLength: 2, maxLength: 4 }).chain((sheets) => fc.tuple(fc.constant(sheets), fc.shuffledSubarray(sheets.map((_, i) => i), { minLength: sheets.length, maxLength: sheets.length }))),
      ([generated, order]) => {
        const sheets = generated.map((s, k) => ({ ...s, name: `S${k}` }));
        const a = checkWorkbook({ name: "w", sheets });
        const b = checkWorkbook({ name: "w", sheets: order.map((i) => sheets[i]) });
        for (const s of sheets) expect(b.findings.filter((f) => placeOf(f.at) === s.name)).toEqual(a.findings.filter((f) => placeOf(f.at) === s.name));
        expect(b.summary).toEqual(a.summary);
      }
    ),
    { numRuns: 120 }
  );
});

const SENTENCES = [
  "{f}预算支出{n}万元，支出{n}万元，完成预算的{p}%。",
  "{f}支出{n}万元，比上年增支{n}万元，增幅{p}%。",
  "其中：基本养老金{n}万元，丧葬抚恤补助{n}万元。",
  "{f}收入{n}万元，支出{n}万元，当年结余{n}万元。",
  "单位：亿元",
  "",
  "{f}预算支出NaN万元，支出Infinity万元，完成预算的1e999%。",
  "<script>alert(1)</script>{f}",
];

test("random report text: never throws, findings point at an existing line L<n> and quote it", () => {
  const line = fc.tuple(fc.constantFrom(...SENTENCES), fc.constantFrom(...FUNDS), fc.array(fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.constantFrom("4,568", "１２３", "1e308", "0.0001", "-5")), { minLength: 4, maxLength: 4 }), fc.array(fc.oneof(fc.double({ min: -500, max: 500, noNaN: true }), fc.constantFrom(97, 131, 202.5)), { minLength: 2, maxLength: 2 })).map(([template, fund, numbers, rates]) => {
    let i = 0;
    let j = 0;
    return template.replace(/\{f\}/g, fund).replace(/\{n\}/g, () => String(numbers[i++ % 4])).replace(/\{p\}/g, () => String(Math.round(rates[j++ % 2] * 10) / 10));
  });
  let withFindings = 0;
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
      const text = lines.join(eol);
      const result = checkReportText(text);
      const count = text.split(/\r?\n/).length;
      if (result.findings.length) withFindings++;
      for (const f of result.findings) {
        expect(RULE_IDS).toContain(f.rule);
        expect(["error", "warning", "info"]).toContain(f.severity);
        const m = /^L(\d+)$/.exec(addressOf(f.at));
        expect(m).not.toBeNull();
        const n = Number(m![1]);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(count);
        for (const r of f.related) {
          const k = /^L(\d+)$/.exec(r);
          expect(k && Number(k[1]) >= 1 && Number(k[1]) <= count).toBeTruthy();
        }
        for (const t of [f.observed, f.expected, f.message.zh, f.message.en]) expect(t).not.toMatch(/NaN|Infinity|undefined|\[object/);
      }
    }),
    { numRuns: 300 }
  );
  expect(withFindings).toBeGreaterThan(20);
});

afterAll(() => {
  // The figures behind "not vacuous", for the record (printed once per run).
  process.stdout.write(`core.property: ${stats.runs} workbooks, ${stats.withFundTable} with a fund table, ${stats.withFindings} with findings (${stats.findings} in all, ${stats.blanksFlagged} at blanks), rules seen: ${[...stats.rules].sort().join(", ")}\n`);
});
