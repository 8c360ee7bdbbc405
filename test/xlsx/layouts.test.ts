/**
 * Sheet understanding on differently laid-out workbooks, each written with ExcelJS as a real .xlsx, read back
 * with the reader (src/xlsx/) and checked: the detected columns and the findings a user would see.
 */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import { CheckResult } from "../../src/core/api";
import { ColumnMapping } from "../../src/core/api";
import { gridOf } from "../helpers/xlsx";
import { addressOf, placeOf } from "../../src/core/location";
import { findingJson } from "../../src/core/findings";

type Row = (ExcelJS.CellValue | { v: ExcelJS.CellValue; fmt?: string; indent?: number })[];

function put(ws: ExcelJS.Worksheet, top: number, rows: Row[]): void {
  rows.forEach((cells, k) =>
    cells.forEach((c, j) => {
      if (c === null || c === undefined) return;
      const cell = ws.getCell(top + k, j + 1);
      if (typeof c === "object" && c !== null && "v" in (c as object)) {
        const o = c as { v: ExcelJS.CellValue; fmt?: string; indent?: number };
        cell.value = o.v;
        if (o.fmt) cell.numFmt = o.fmt;
        if (o.indent) cell.alignment = { indent: o.indent };
      } else cell.value = c as ExcelJS.CellValue;
    })
  );
}

async function check(name: string, build: (wb: ExcelJS.Workbook) => void, mapping?: ColumnMapping): Promise<CheckResult> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const errors: unknown[] = [];
  const result = checkWorkbook(await gridOf(wb, name + ".xlsx"), { mapping, onRuleError: (_r, e) => errors.push(e) });
  expect(errors).toEqual([]);
  return result;
}

const seen = (r: CheckResult) => r.findings.map((f) => `${f.severity} ${f.rule} ${placeOf(f.at)}!${addressOf(f.at)} ${f.subject}`);

test("1. two-row header with 2019年 and 2018年 groups: this year's actual vs last year's as the prior; 增长率(%) in percent points", async () => {
  const r = await check("years", (wb) => {
    const ws = wb.addWorksheet("2019决算");
    ws.mergeCells("A1:F1");
    put(ws, 1, [["某县2019年社会保险基金预算执行情况表"], [null, null, null, null, null, "单位：万元"]]);
    ws.mergeCells("A3:A4");
    ws.mergeCells("B3:C3");
    ws.mergeCells("E3:E4");
    ws.mergeCells("F3:F4");
    put(ws, 3, [
      ["险种", "2019年", null, "2018年", "增减额", "增长率(%)"],
      [null, "预算数", "执行数", "执行数"],
      ["企业职工基本养老保险", 4398, 4568, 4112, 456, 11.1],
      ["工伤保险", 398, 806, 499, 307, 61.5],
      ["城乡居民基本养老保险", 1015, 1011, 746, 265, 30.5],
    ]);
  });
  expect(r.sheets[0]).toMatchObject({ name: "2019决算", kind: "fund", headerRow: 3, columns: { A: "subject", B: "budget", C: "actual", D: "prior", E: "statedChange", F: "statedGrowth" } });
  expect(r.sheets[0].tables[0].unit).toBe("万元");
  expect(seen(r)).toEqual([
    "error completion-band 2019决算!C6 工伤保险",
    "warning yoy-growth-band 2019决算!F6 工伤保险",
    "warning yoy-growth-band 2019决算!C7 城乡居民基本养老保险", // the stated 30.5% disagrees: the finding is the computed growth, at the expenditure
    "error stated-rate-mismatch 2019决算!F7 城乡居民基本养老保险", // 265 / 746 = 35.5%, stated 30.5
  ]);
  expect(r.findings[2]).toMatchObject({ observed: "+35.5%", expected: "±30%" });
  expect(r.findings[3]).toMatchObject({ observed: "30.5%", expected: "35.52%" });
});

test("2. an English table: Fund / Budget (10,000 yuan) / Actual / % of budget / Prior year / YoY %, with a Total row", async () => {
  const r = await check("english", (wb) => {
    const ws = wb.addWorksheet("Funds");
    put(ws, 1, [
      ["Social insurance fund spending 2019"],
      ["Unit: 10,000 yuan"],
      ["FUND", "Budget (10,000 yuan)", "Actual", "% of Budget", "Prior Year", "YoY %"],
      ["Enterprise pension", 4398, 4568, { v: 1.039, fmt: "0.0%" }, 4112, { v: 0.111, fmt: "0.0%" }],
      ["Work injury", 398, 806, { v: 1.31, fmt: "0%" }, 499, { v: 0.615, fmt: "0.0%" }],
      ["Total", 4796, 5370, null, 4611, null],
    ]);
  });
  expect(r.sheets[0].columns).toEqual({ A: "subject", B: "budget", C: "actual", D: "statedCompletion", E: "prior", F: "statedGrowth" });
  expect(r.sheets[0].tables[0].unit).toBe("万元");
  expect(seen(r)).toEqual([
    "error completion-band Funds!C5 Work injury",
    "error stated-rate-mismatch Funds!D5 Work injury",
    "warning yoy-growth-band Funds!F5 Work injury",
    "error completion-band Funds!C6 Total",
    "error components-sum Funds!C6 Total", // 4568 + 806 = 5374, not 5370
  ]);
  expect(r.findings[4]).toMatchObject({ observed: "5370", expected: "5374" });
  expect(r.findings[1].message.en).toBe("Work injury: the stated completion rate is 131%, but actual ÷ budget gives 202.5%");
});

test("3. two tables on one sheet (blank row between), then a third right under a new header row", async () => {
  const r = await check("three-tables", (wb) => {
    const ws = wb.addWorksheet("汇总");
    put(ws, 1, [
      ["单位：万元"],
      ["项目", "预算支出", "实际支出"],
      ["工伤保险", 398, 398],
      ["失业保险", 600, 619],
      [],
      ["基金名称", "基金收入", "基金支出", "累计结余"],
      ["城乡居民基本养老保险", 1200, 1011, 3594],
      ["工伤保险", 300, 398, 150],
      ["项目", "全年预算数", "全年执行数"],
      ["合计", 1000, 1000],
      ["A", 500, 480],
      ["B", 500, 510],
    ]);
  });
  const s = r.sheets[0];
  expect(s.tables.map((t) => [t.headerRow, t.firstRow, t.lastRow, t.columns])).toEqual([
    [2, 3, 4, { A: "subject", B: "budget", C: "actual" }],
    [6, 7, 8, { A: "subject", B: "income", C: "actual", D: "balance" }],
    [9, 10, 12, { A: "subject", B: "budget", C: "actual" }],
  ]);
  expect(s.tables.map((t) => t.unit)).toEqual(["万元", "万元", "万元"]);
  expect(seen(r)).toEqual([
    "info payable-months-band 汇总!D7 城乡居民基本养老保险",
    "warning budget-balance 汇总!C8 工伤保险",
    "warning payable-months-band 汇总!D8 工伤保险", // 150 ÷ (398/12) = 4.5 months
    "error components-sum 汇总!C10 合计", // 合计 first: the rows below, 480 + 510 = 990
  ]);
  // the first table's 工伤 row is not a member of the second table's checks, and 619/600 = 103.2% is fine
});

test("4. 完成率(%) with 97 as percent points, numbers typed as text and full width, 执行率 column of plain 97s", async () => {
  const r = await check("points", (wb) => {
    const a = wb.addWorksheet("甲");
    put(a, 1, [
      ["基金名称", "预算支出(万元)", "执行数（万元）", "完成率(%)"],
      ["企业职工基本养老保险", "4,398", "4,568", 97],
      ["机关事业单位基本养老保险", "１２７３８", "12,328", "９７"],
      ["工伤保险", 398, 806, 202.5],
    ]);
    const b = wb.addWorksheet("乙");
    put(b, 1, [
      ["名称", "调整后预算", "决算数", "执行率"],
      ["城乡居民基本养老保险", 1015, 1011, 98],
      ["工伤保险", 398, 806, 131],
    ]);
  });
  expect(r.sheets.map((s) => s.columns)).toEqual([
    { A: "subject", B: "budget", C: "actual", D: "statedCompletion" },
    { A: "subject", B: "budget", C: "actual", D: "statedCompletion" },
  ]);
  expect(r.sheets[0].tables[0].unit).toBe("万元");
  expect(seen(r)).toEqual([
    "error stated-rate-mismatch 甲!D2 企业职工基本养老保险",
    "error completion-band 甲!C4 工伤保险", // stated 202.5 = 202.5%: no mismatch
    "error stated-rate-mismatch 乙!D2 城乡居民基本养老保险",
    "error completion-band 乙!C3 工伤保险",
    "error stated-rate-mismatch 乙!D3 工伤保险",
  ]);
  expect(r.findings[0]).toMatchObject({ observed: "97%", expected: "103.9%" });
});

test("5. components by 其中, by the cell indent and by leading spaces; a 合计 at the bottom; partial lists left alone", async () => {
  const r = await check("components", (wb) => {
    const ws = wb.addWorksheet("明细");
    put(ws, 1, [
      ["项目", "预算数", "支出数"],
      ["企业职工基本养老保险", 4398, 4568],
      ["其中：养老金支出", null, 4277],
      [{ v: "转移支出", indent: 1 }, null, 74],
      ["　　丧葬费支出", null, 225],
      ["失业保险", 600, 619],
      ["其中：失业支出", null, 25],
      ["  医疗支出", null, 9],
      ["工伤保险", 400, 410],
      ["  工伤医疗费", null, 300],
      ["  伤残津贴", null, 120],
      ["合计", 5398, 5597],
    ]);
  });
  expect(seen(r)).toEqual([
    "error components-sum 明细!C2 企业职工基本养老保险", // 4277 + 74 + 225 = 4576 > 4568 (a list falling short would be no finding)
    "error components-sum 明细!C9 工伤保险", // 300 + 120 = 420 > 410
  ]);
  // the 合计 adds up the three funds only (5398 and 4568 + 619 + 410 = 5597), not the components
  expect(r.findings[1]).toMatchObject({ observed: "410", expected: "420", subject: "工伤保险" });
  expect(r.sheets[0].tables[0].funds.map((f) => f.subject)).toEqual(["企业职工基本养老保险", "失业保险", "工伤保险", "合计"]);
});

test("6. notes, empty and indicator sheets; formulas, rich text and an error value in a fund table", async () => {
  const r = await check("kinds", (wb) => {
    const notes = wb.addWorksheet("说明");
    put(notes, 1, [["本表根据2019年决算数据填列，支出包括养老金支出、转移支出等。"], ["预算数为年初预算。"]]);
    wb.addWorksheet("空白");
    const ind = wb.addWorksheet("自评");
    put(ind, 1, [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["满意度指标", "服务对象满意度", "待遇享受人员满意度", "≥95%", "95%", 10, 10],
      ["效益指标", "社会效益", "上访率", "≤1%", "1%", 10, 10],
    ]);
    const f = wb.addWorksheet("表一");
    put(f, 1, [
      [{ richText: [{ text: "基金" }, { text: "名称", font: { bold: true } }] }, "预算数", "执行数", "完成率"],
      ["工伤保险", 398, { formula: "400*2+6", result: 806 }, { v: { formula: "C2/B2", result: 806 / 398 }, fmt: "0.0%" }],
      ["失业保险", 600, { error: "#REF!" }, "约100%"],
    ]);
  });
  expect(r.sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual([
    ["说明", "notes", null],
    ["空白", "empty", null],
    ["自评", "indicator", 1],
    ["表一", "fund", 1],
  ]);
  expect(r.sheets[2].columns).toEqual({ A: "level1", B: "level2", C: "indicator", D: "target", E: "indicatorActual", F: "weight", G: "score" });
  expect(seen(r)).toEqual([
    "error completion-band 表一!C2 工伤保险",
    "warning not-a-number 表一!C3 失业保险",
    "warning not-a-number 表一!D3 失业保险",
  ]);
  expect(r.findings[1].observed).toBe("#REF!");
  expect(r.findings[2].observed).toBe("约100%");
});

test("7. 元 and 万元 in one table: unit-mismatch", async () => {
  const r = await check("units", (wb) => {
    const ws = wb.addWorksheet("单位");
    put(ws, 1, [
      ["项目", "预算数(元)", "执行数(万元)"],
      ["工伤保险", 3980000, 398],
    ]);
  });
  expect(r.findings.filter((f) => f.rule === "unit-mismatch").map(findingJson)).toEqual([expect.objectContaining({ severity: "warning", cell: "C1", observed: "万元", expected: "元" })]);
});

test("8. a mapping rescues a sheet whose headers say nothing, and 'ignore' drops a column", async () => {
  const build = (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("Sheet1");
    put(ws, 1, [
      ["列1", "列2", "列3", "列4"],
      ["工伤保险", 398, 806, "x"],
    ]);
    const ok = wb.addWorksheet("Sheet2");
    put(ok, 1, [
      ["项目", "预算数", "执行数", "完成率"],
      ["工伤保险", 398, 806, "131%"],
    ]);
  };
  const without = await check("mapping0", build);
  expect(without.sheets[0].kind).toBe("notes");
  const mapped = await check("mapping1", build, { Sheet1: { A: "subject", B: "budget", C: "actual" }, Sheet2: { D: "ignore" } });
  expect(mapped.sheets.map((s) => s.columns)).toEqual([
    { A: "subject", B: "budget", C: "actual" },
    { A: "subject", B: "budget", C: "actual" },
  ]);
  expect(seen(mapped)).toEqual(["error completion-band Sheet1!C2 工伤保险", "error completion-band Sheet2!C2 工伤保险"]);
});
