/** "Insert as sheet" of the report-text view: the figures become a NEW sheet with live FUND. formulas (README, “Report text”). */
import * as fs from "fs";
import * as path from "path";
import { FakeExcel } from "./fakeExcel";
import { insertSheet, uniqueSheetName } from "../../src/taskpane/excel";
import { checkReportText, figuresSheet } from "../../src/taskpane/reportText";
import type { ReportFigure } from "../../src/core/reportText";

const seedText = fs.readFileSync(path.join(__dirname, "..", "fixtures", "qiemo-2019-report.txt"), "utf8");
const seedFigures = checkReportText(seedText).figures;

/** Row (1-based, as in Excel) of a fund on the inserted sheet: figures start under the header. */
function rowOf(subject: string): number {
  return seedFigures.findIndex((f) => f.subject === subject) + 2;
}

describe("insert the report's figures as a sheet", () => {
  test("a sheet of that name is never replaced: the figures go to a new, uniquely named sheet", async () => {
    const excel = new FakeExcel();
    const mine = excel.addSheet("报告数字").set("A1", { value: "我的数据" }).set("B2", { value: 42, numFmt: "0.00" });
    excel.addSheet("2019");
    excel.install();
    const { rows, formats } = figuresSheet(seedFigures, "zh");

    const first = await insertSheet("报告数字", rows, formats);
    expect(first.sheet).toBe("报告数字 (2)");
    expect(excel.sheets.map((s) => s.name)).toEqual(["报告数字", "2019", "报告数字 (2)"]);
    expect(mine.get("A1")).toEqual({ value: "我的数据" });
    expect(mine.get("B2")).toEqual({ value: 42, numFmt: "0.00" });
    expect(mine.cells.size).toBe(2);
    expect(excel.active).toBe("报告数字 (2)");
    expect(first.grouped).toBe(true);
    expect(excel.runs.at(-1)).toEqual({ mergeUndoGroup: true });

    const second = await insertSheet("报告数字", rows, formats);
    expect(second.sheet).toBe("报告数字 (3)");
    expect(excel.sheets).toHaveLength(4);
  });

  test("stated figures are values with their formats, the checks are live FUND. formulas", async () => {
    const excel = new FakeExcel();
    excel.install();
    const { rows, formats } = figuresSheet(seedFigures, "en");
    const { sheet } = await insertSheet("Report figures", rows, formats);
    const s = excel.sheet(sheet)!;
    expect(s.get("A1")).toMatchObject({ value: "Fund", numFmt: "@" });
    expect(s.get("A1")!.formula).toBeUndefined();

    const r = rowOf("工伤保险");
    expect(s.get(`A${r}`)).toMatchObject({ value: "工伤保险", numFmt: "@" });
    expect(s.get(`B${r}`)).toMatchObject({ value: 398 });
    expect(s.get(`C${r}`)).toMatchObject({ value: 806 });
    expect(s.get(`D${r}`)).toMatchObject({ value: 1.31, numFmt: "0%" }); // stated 131%, a number
    expect(s.get(`B${r}`)!.formula).toBeUndefined();
    expect(s.get(`D${r}`)!.formula).toBeUndefined();
    expect(s.get(`E${r}`)).toMatchObject({ formula: `=FUND.COMPLETION_RATE(C${r},B${r})`, numFmt: "0.0%" });
    expect(s.get(`F${r}`)!.formula).toBe(`=FUND.RATE_MATCHES(D${r},E${r})`);

    // 其中 list of 企业职工基本养老保险: its sum is a formula; falling short of its total (4566 of 4568) it is a
    // partial list, as the checks treat it by default (componentsCoverage 100%): marked, not matched.
    const p = rowOf("企业职工基本养老保险");
    expect(s.get(`P${p}`)!.formula).toBe("=4277+74+215");
    expect(s.get(`Q${p}`)).toMatchObject({ value: "partial list" });
    // 失业保险 states no budget: no completion formula, the blank stays blank (never 0).
    const u = rowOf("失业保险");
    expect(s.get(`B${u}`)?.value).toBeUndefined();
    expect(s.get(`E${u}`)?.value).toBeUndefined();
    expect(s.get(`E${u}`)?.formula).toBeUndefined();
  });

  test("a fund name from the text that looks like a formula is written as text, never run", async () => {
    const excel = new FakeExcel();
    excel.install();
    const hostile: ReportFigure[] = [
      { subject: '=HYPERLINK("http://evil.example","x")', line: 3, budget: 100, actual: 97, statedCompletion: 0.97, sources: {} },
      { subject: "+1+1", line: 4, budget: 10, actual: 10, sources: {} },
    ];
    const { rows, formats } = figuresSheet(hostile, "en");
    const { sheet } = await insertSheet("Report figures", rows, formats);
    const s = excel.sheet(sheet)!;
    expect(s.get("A2")).toEqual({ value: '=HYPERLINK("http://evil.example","x")', numFmt: "@", formula: undefined });
    expect(s.get("A3")).toMatchObject({ value: "+1+1", numFmt: "@" });
    expect(s.get("E2")!.formula).toBe("=FUND.COMPLETION_RATE(C2,B2)");
  });

  test("without undo grouping (before ExcelApi 1.20) the sheet is still added, and says so", async () => {
    const excel = new FakeExcel();
    excel.apiMinor = 13;
    excel.install();
    const { rows, formats } = figuresSheet(seedFigures, "zh");
    const result = await insertSheet("报告数字", rows, formats);
    expect(result).toEqual({ sheet: "报告数字", grouped: false });
    expect(excel.sheet("报告数字")!.get("A1")).toMatchObject({ value: "险种" });
  });
});

test("unique sheet names: case-insensitive like Excel, within its 31 characters", () => {
  expect(uniqueSheetName("Report figures", ["Sheet1"])).toBe("Report figures");
  expect(uniqueSheetName("Report figures", ["report FIGURES", "Report figures (2)"])).toBe("Report figures (3)");
  const long = "x".repeat(40);
  expect(uniqueSheetName(long, [])).toHaveLength(31);
  expect(uniqueSheetName(long, ["x".repeat(31)])).toBe("x".repeat(27) + " (2)");
});
