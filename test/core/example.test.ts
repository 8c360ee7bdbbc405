/** The committed example workbook (examples/qiemo-2019.xlsx, the seed report's tables) gives exactly the seed's findings. */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import { CheckResult } from "../../src/core/api";
import { readGrid } from "../helpers/xlsx";
import { addressOf, placeOf } from "../../src/core/location";

let result: CheckResult;
beforeAll(async () => {
  result = checkWorkbook(await readGrid(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx")), "qiemo-2019.xlsx"));
});

test("the sheets are understood: a fund sheet with two tables, an indicator sheet, a notes sheet", () => {
  expect(result.sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual([
    ["支出情况", "fund", 3],
    ["绩效指标", "indicator", 2],
    ["说明", "notes", null],
  ]);
  const fund = result.sheets[0];
  expect(fund.columns).toEqual({ A: "subject", B: "budget", C: "actual", D: "statedCompletion", E: "statedChange", F: "statedGrowth" });
  expect(fund.tables[1].columns).toEqual({ A: "subject", B: "income", C: "actual", D: "balance" });
  expect(fund.tables.map((t) => t.unit)).toEqual(["万元", "万元"]);
  expect(fund.tables[0].funds).toEqual([
    { subject: "企业职工基本养老保险", budget: 4398, actual: 4568 },
    { subject: "机关事业单位基本养老保险", budget: 12738, actual: 12328 },
    { subject: "城乡居民基本养老保险", budget: 1015, actual: 1011 },
    { subject: "工伤保险", budget: 398, actual: 806 },
    { subject: "失业保险", actual: 619 },
  ]);
});

test("exactly the findings of the seed report, in row order; observed what the cell holds, expected what it should", () => {
  expect(result.findings.map((f) => [f.rule, f.severity, addressOf(f.at), f.subject, f.observed, f.expected])).toEqual([
    ["stated-rate-mismatch", "error", "D5", "企业职工基本养老保险", "97%", "103.9%"],
    ["stated-rate-mismatch", "error", "D10", "城乡居民基本养老保险", "98%", "99.6%"],
    ["yoy-growth-band", "warning", "F10", "城乡居民基本养老保险", "36%", "±30%"],
    ["completion-band", "error", "C11", "工伤保险", "202.5%", "95%–105%"],
    ["stated-rate-mismatch", "error", "D11", "工伤保险", "131%", "202.5%"],
    ["yoy-growth-band", "warning", "F11", "工伤保险", "62%", "±30%"],
    ["missing-value", "info", "B12", "失业保险", "—", "budget"],
    ["budget-balance", "warning", "C18", "各项基金合计", "34928", "≤ 25004"],
    ["payable-months-band", "info", "D19", "城乡居民基本养老保险", "42.7", "6–24"],
  ]);
  expect(result.summary).toEqual({ error: 4, warning: 3, info: 2 });
  expect(result.findings.every((f) => placeOf(f.at) === "支出情况")).toBe(true);
});

test("机关事业单位基本养老保险 passes every rule; 失业保险's partial 其中 list is not summed; 企业职工's 其中 4566 against 4568 is within the rounding of four whole figures and, falling short, no finding", () => {
  expect(result.findings.filter((f) => f.rule === "components-sum")).toEqual([]);
  expect(result.findings.filter((f) => f.subject.includes("机关事业"))).toEqual([]);
  expect(result.findings.filter((f) => f.subject.startsWith("失业保险")).map((f) => f.rule)).toEqual(["missing-value"]);
});

test("messages a county accountant reads", () => {
  const zh = result.findings.map((f) => f.message.zh);
  expect(zh).toContain("工伤保险：预算完成率202.5%（支出806 ÷ 预算398），超出95%–105%的目标区间，超预算较多");
  expect(zh).toContain("失业保险：预算数填的是“—”，不是数字，无法核对填报的完成率（不按0计算）");
  expect(zh).toContain("工伤保险：填报的完成率为131%，但按支出÷预算计算应为202.5%");
});
