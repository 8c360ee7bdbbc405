import { FakeExcel } from "./fakeExcel";
import {
  clearAddinChanges,
  highlightFindings,
  internalLinkFormula,
  listSheets,
  loadSettings,
  readSheet,
  rowsPerBlock,
  saveSettings,
  selectCell,
  writeReportSheet,
  ReportSheetLabels,
  ESTIMATED_BYTES_PER_CELL,
  INDENT_COLUMNS,
  PROBE_ROWS,
  SheetNameTakenError,
} from "../../src/taskpane/excel";
import type { Finding } from "../../src/core/findings";
import type { CheckResult } from "../../src/core/api";
import { CHART_LIMIT } from "../../src/core/chart";
import { SETTINGS_SHEET_NAME } from "../../src/settings/workbookSettings";
import { cellAt } from "../../src/core/location";

/** A finding at 2019!C5 unless `cell` says another cell of that sheet. */
function finding(over: Partial<Finding> & { cell?: string }): Finding {
  const { cell = "C5", ...rest } = over;
  return {
    rule: "completion-band",
    severity: "error",
    at: cellAt("2019", cell),
    related: [],
    subject: "工伤保险",
    observed: "202.5%",
    expected: "95%–105%",
    message: { zh: "完成率 202.5% 超出 95%–105%", en: "Completion 202.5% is outside 95%–105%" },
    ...rest,
  };
}

const labels: ReportSheetLabels = {
  sheetName: "Check report",
  title: "Fund check report",
  headers: ["Severity", "Rule", "Sheet", "Cell", "Subject", "Observed", "Expected", "Message"],
  fundHeaders: ["Fund", "Budget", "Actual"],
  chartTitle: "Budget vs actual",
  notes: [],
  lang: "en",
};

function result(findings: Finding[]): CheckResult {
  return {
    sheets: [
      {
        name: "2019",
        kind: "fund",
        headerRow: 2,
        columns: { A: "subject", B: "budget", C: "actual" },
        tables: [
          {
            kind: "fund",
            headerRow: 2,
            firstRow: 3,
            lastRow: 6,
            columns: { A: "subject", B: "budget", C: "actual" },
            funds: [
              { subject: "企业职工基本养老保险", budget: 4398, actual: 4568 },
              { subject: "工伤保险", budget: 398, actual: 806 },
              { subject: "失业保险", actual: 619 },
            ],
          },
        ],
      },
    ],
    summary: { error: findings.filter((f) => f.severity === "error").length, warning: 0, info: 0 },
    findings,
  };
}

describe("reading sheets in blocks", () => {
  test("a 100,000-row sheet is read in a few blocks, each response under 5 MB", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("big");
    sheet.generated = { rows: 100000, cols: 10, cell: (r, c) => ({ value: c === 0 ? `项目${r}` : r * 10 + c, numFmt: c === 9 ? "0.0%" : undefined }) };
    excel.install();

    const progress: number[] = [];
    const grid = await readSheet("big", { onProgress: (p) => progress.push(p.rowsRead) });

    const blocks = 1 + Math.ceil((100000 - PROBE_ROWS) / rowsPerBlock(10, ESTIMATED_BYTES_PER_CELL + Math.ceil((40 * INDENT_COLUMNS) / 10)));
    expect(excel.syncs).toBe(1 + blocks); // one for the used range and merges, a small probe block, then one per block
    expect(excel.syncs).toBeLessThanOrEqual(40);
    expect(excel.largestResponse).toBeLessThan(5 * 1024 * 1024);
    expect(excel.refused).toBe(0);
    expect(progress[progress.length - 1]).toBe(100000);
    expect(grid.cells.length).toBe(100000);
    expect(grid.cells[99999][0]).toEqual({ value: "项目99999" });
    expect(grid.cells[99999][5]).toEqual({ value: 999995 });
    expect(grid.cells[12345][9]).toEqual({ value: 123459, numFmt: "0.0%" });
  });

  test("the number of syncs does not grow with rows inside a block", async () => {
    const counts: number[] = [];
    for (const rows of [10, PROBE_ROWS]) {
      const excel = new FakeExcel();
      excel.addSheet("s").generated = { rows, cols: 5, cell: (r) => ({ value: r }) };
      excel.install();
      await readSheet("s");
      counts.push(excel.syncs);
    }
    expect(counts).toEqual([2, 2]);
  });

  test("long texts: blocks shrink so that no response reaches 5 MB, and every row is read", async () => {
    const excel = new FakeExcel();
    const long = "社会保险基金支出绩效评价".repeat(40); // 480 characters, ~1.4 KB in UTF-8
    excel.addSheet("notes").generated = { rows: 5000, cols: 4, cell: (r) => ({ value: `${r}:${long}` }) };
    excel.install();
    const grid = await readSheet("notes");
    expect(excel.largestResponse).toBeLessThan(5 * 1024 * 1024);
    expect(excel.refused).toBe(0);
    // ~29 MB of text: the blocks are still well filled (≥ 1.5 MB each on average), not a sync per row.
    const totalBytes = 5000 * 4 * Buffer.byteLength(JSON.stringify(`4999:${long}`));
    expect(excel.syncs).toBeLessThanOrEqual(2 + Math.ceil(totalBytes / (1.5 * 1024 * 1024)));
    expect(grid.cells.length).toBe(5000);
    expect(String(grid.cells[4999][3]!.value).startsWith("4999:")).toBe(true);
  });

  test("keeps blanks as blanks, errors as errors, and reads indent, merges and offsets", async () => {
    const excel = new FakeExcel();
    const s = excel.addSheet("2019");
    s.set("B2", { value: "基金名称" }).set("C2", { value: "预算数" });
    s.set("B3", { value: "其中：基本养老金", indent: 2 }).set("C3", { value: "#DIV/0!" });
    s.set("B4", { value: "工伤保险" }).set("D4", { value: 0.97, numFmt: "0%" });
    s.merges = ["B1:D1"];
    s.set("B1", { value: "单位：万元" });
    excel.install();
    const grid = await readSheet("2019");
    expect(grid.cells[0][1]).toEqual({ value: "单位：万元" });
    expect(grid.cells[2][1]).toEqual({ value: "其中：基本养老金", indent: 2 });
    expect(grid.cells[2][2]).toEqual({ value: { error: "#DIV/0!" } });
    expect(grid.cells[3][2]).toBeUndefined(); // blank stays blank, never 0
    expect(grid.cells[3][3]).toEqual({ value: 0.97, numFmt: "0%" });
    expect(grid.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
  });

  test("lists every sheet: the check, not the name, tells the add-in's own sheets apart (by their content)", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019");
    excel.addSheet(SETTINGS_SHEET_NAME);
    excel.addSheet("校验报告");
    excel.install();
    expect(await listSheets()).toEqual({ names: ["2019", SETTINGS_SHEET_NAME, "校验报告"], active: "2019" });
  });
});

describe("highlights", () => {
  function workbook() {
    const excel = new FakeExcel();
    const s = excel.addSheet("2019");
    s.set("A5", { value: "工伤保险", fill: "#00FF00" });
    s.set("C5", { value: 806, fill: "#FFFF00" }); // the user's own fill on a flagged cell
    s.set("D5", { value: "131%" });
    s.conditionalFormats.push({ id: "user1", address: "C2:C9", type: "CellValue", fill: "#FF0000" });
    s.conditionalFormats.push({ id: "user2", address: "A1:A9", type: "Custom", formula: "=$A1=\"合计\"", fill: "#CCCCCC" });
    excel.install();
    return { excel, s };
  }

  test("highlight then clear restores the original fills and leaves the user's conditional formats", async () => {
    const { s } = workbook();
    const before = JSON.stringify({ cells: [...s.cells], cfs: s.conditionalFormats });
    const findings = [
      finding({ cell: "C5", severity: "warning" }),
      finding({ cell: "C5", severity: "error", rule: "stated-rate-mismatch" }),
      finding({ cell: "D5", severity: "info" }),
    ];
    const { cells, grouped } = await highlightFindings(findings);
    expect(cells).toBe(2);
    expect(grouped).toBe(true);
    const mine = s.conditionalFormats.filter((cf) => !cf.id.startsWith("user"));
    expect(mine.map((cf) => [cf.address, cf.fill])).toEqual([
      ["C5", "#FFC7CE"], // the worst severity of the cell wins
      ["D5", "#DDEBF7"],
    ]);
    expect(s.get("C5")!.fill).toBe("#FFFF00"); // the fill itself was never written

    // A second pass replaces the marks instead of piling them up.
    await highlightFindings([finding({ cell: "D5" })]);
    expect(s.conditionalFormats.filter((cf) => !cf.id.startsWith("user")).map((cf) => cf.address)).toEqual(["D5"]);

    await clearAddinChanges();
    expect(JSON.stringify({ cells: [...s.cells], cfs: s.conditionalFormats })).toBe(before);
  });

  test("each pass is one undo group where ExcelApi 1.20 exists, and ungrouped (said so) elsewhere", async () => {
    const { excel } = workbook();
    await highlightFindings([finding({})]);
    expect(excel.runs.at(-1)).toEqual({ mergeUndoGroup: true });
    excel.apiMinor = 19;
    const { grouped } = await highlightFindings([finding({})]);
    expect(grouped).toBe(false);
    expect(excel.runs.at(-1)).toEqual({});
  });

  test("clicking a finding activates its sheet and selects its cell", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    excel.addSheet("2019");
    excel.install();
    await selectCell("2019", "C5");
    expect(excel.active).toBe("2019");
    expect(excel.selection).toBe("2019!C5");
  });
});

describe("report sheet", () => {
  test("is replaced on each run, never duplicated, and writes findings as values with a link per finding", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019").set("A1", { value: "x" });
    excel.install();
    const tricky = finding({ subject: "=HYPERLINK(\"http://evil\",\"x\")", at: cellAt("2019", "D7"), message: { zh: "+cmd", en: "@SUM(1)" } });
    await writeReportSheet(result([finding({}), tricky]), labels);
    await writeReportSheet(result([finding({}), tricky]), labels);
    expect(excel.sheets.map((s) => s.name)).toEqual(["2019", "Check report"]);

    // Switching language replaces the English sheet with the Chinese one.
    await writeReportSheet(result([finding({})]), { ...labels, sheetName: "校验报告", lang: "zh" });
    expect(excel.sheets.map((s) => s.name)).toEqual(["2019", "校验报告"]);

    await writeReportSheet(result([finding({}), tricky]), labels);
    const report = excel.sheet("Check report")!;
    expect(report.get("A4")!.value).toBe("error");
    expect(report.get("E5")!.value).toBe("=HYPERLINK(\"http://evil\",\"x\")"); // stored as text
    expect(report.get("E5")!.formula).toBeUndefined();
    expect(report.get("H5")!.value).toBe("@SUM(1)");
    expect(report.get("H5")!.formula).toBeUndefined();
    expect(report.get("D5")!.formula).toBe("=HYPERLINK(\"#'2019'!D7\",\"2019!D7\")");
    expect(report.charts).toHaveLength(1);
    expect(report.charts[0]).toMatchObject({ type: "ColumnClustered", title: "Budget vs actual" });
    expect(report.get("J5")!.value).toBe("工伤保险");
    expect(report.get("K5")!.value).toBe(398);
    expect(report.get("L6")!.value).toBe(619);
    expect(report.get("K6")!.value).toBe(""); // no budget: left blank, never 0

    await clearAddinChanges();
    expect(excel.sheets.map((s) => s.name)).toEqual(["2019"]);
  });

  test("is marked as the add-in's in A2, and a user's sheet named 校验报告 is never replaced, cleared or deleted", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019");
    const users = excel.addSheet("校验报告");
    users.set("A1", { value: "基金名称" }).set("B1", { value: "预算数" }).set("A2", { value: "工伤保险" }).set("B2", { value: 398 });
    excel.install();
    const zh = { ...labels, sheetName: "校验报告", title: "基金校验报告", lang: "zh" as const };
    const first = await writeReportSheet(result([finding({})]), zh);
    expect(first.sheet).toBe("校验报告 (2)");
    expect(String(excel.sheet("校验报告 (2)")!.get("A2")!.value)).toMatch(/^fund-check:report · /);
    // Written again: its own earlier report is replaced, the user's sheet stays as it was.
    const second = await writeReportSheet(result([finding({})]), zh);
    expect(second.sheet).toBe("校验报告 (2)");
    expect(excel.sheets.map((s) => s.name)).toEqual(["2019", "校验报告", "校验报告 (2)"]);
    await clearAddinChanges();
    expect(excel.sheets.map((s) => s.name)).toEqual(["2019", "校验报告"]);
    expect(excel.sheet("校验报告")!.get("B2")!.value).toBe(398);
  });

  test("notes on what changed the checks go under the marker, above the findings", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019");
    excel.install();
    await writeReportSheet(result([finding({})]), { ...labels, notes: ["Settings stored in this workbook change the checks: rule completion-band off"] });
    const report = excel.sheet("Check report")!;
    expect(report.get("A3")!.value).toBe("Settings stored in this workbook change the checks: rule completion-band off");
    expect(report.get("A4")!.value).toBe("Severity");
    expect(report.get("B5")!.value).toBe("completion-band");
  });

  test("words observed and expected are written in the report's language", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019");
    excel.install();
    const blank = finding({ rule: "missing-value", severity: "info", cell: "B12", observed: "blank", observedText: { zh: "空白", en: "blank" }, expected: "budget", expectedText: { zh: "预算数", en: "budget" } });
    await writeReportSheet(result([blank]), { ...labels, sheetName: "校验报告", lang: "zh" });
    expect([excel.sheet("校验报告")!.get("F4")!.value, excel.sheet("校验报告")!.get("G4")!.value]).toEqual(["空白", "预算数"]);
    await writeReportSheet(result([blank]), labels);
    expect([excel.sheet("Check report")!.get("F4")!.value, excel.sheet("Check report")!.get("G4")!.value]).toEqual(["blank", "budget"]);
  });

  test("link formulas escape the sheet name and refuse anything that is not an address", () => {
    expect(internalLinkFormula("It's \"Q1\"", "$C$5", "x")).toBe("=HYPERLINK(\"#'It''s \"\"Q1\"\"'!C5\",\"x\")");
    expect(internalLinkFormula("2019", "C5\",\"evil", "x")).toBeUndefined();
  });
});

describe("settings sheet", () => {
  test("targets and mapping round-trip through a very hidden sheet", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019");
    excel.install();
    expect(await loadSettings()).toEqual({ problems: [] });
    const mapping = { "2019": { C: "actual", F: "ignore" } };
    await saveSettings({ targets: { completionBand: { okLow: 0.9 } }, mapping });
    await saveSettings({ targets: { completionBand: { okLow: 0.93 } }, mapping });
    const settings = excel.sheet(SETTINGS_SHEET_NAME)!;
    expect(settings.visibility).toBe("VeryHidden");
    expect(excel.sheets).toHaveLength(2);
    expect(await loadSettings()).toEqual({ targets: { completionBand: { okLow: 0.93 } }, mapping, problems: [] });
  });

  test("a user's sheet named like the settings sheet is neither read as settings nor overwritten", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019");
    const users = excel.addSheet(SETTINGS_SHEET_NAME);
    users.set("A1", { value: "targets" }).set("B1", { value: '{"severity":{"completion-band":"off"}}' });
    excel.install();
    expect(await loadSettings()).toEqual({ problems: [] });
    await expect(saveSettings({ targets: {} })).rejects.toThrow(SheetNameTakenError);
    expect(excel.sheet(SETTINGS_SHEET_NAME)!.get("A1")!.value).toBe("targets");
  });
});

describe("large results stay under Excel on the web's 5 MB request limit", () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      finding({ cell: `C${i + 4}`, subject: `第${i}号统筹区基本养老保险`, message: { zh: `第${i}号统筹区：完成率 202.5% 超出 95%–105% 的目标区间，超预算较多`, en: `No. ${i}: completion 202.5% is above the 95%–105% band, well over budget` } })
    );

  test("12,000 highlights are added in several syncs, each request under 5 MB, and cleared the same way", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019");
    excel.install();
    const { cells } = await highlightFindings(many(12_000));
    expect(cells).toBe(12_000);
    expect(excel.sheet("2019")!.conditionalFormats).toHaveLength(12_000);
    expect(excel.refusedRequests).toBe(0);
    expect(excel.largestRequest).toBeLessThanOrEqual(5 * 1024 * 1024);
    const { removed } = await clearAddinChanges();
    expect(removed).toBe(12_000);
    expect(excel.sheet("2019")!.conditionalFormats).toHaveLength(0);
    expect(excel.refusedRequests).toBe(0);
  });

  test("a report of 40,000 findings is written whole, in blocks, each request under 5 MB", async () => {
    const excel = new FakeExcel();
    excel.addSheet("2019");
    excel.install();
    const findings = many(40_000);
    await writeReportSheet(result(findings), labels);
    expect(excel.refusedRequests).toBe(0);
    expect(excel.largestRequest).toBeLessThanOrEqual(5 * 1024 * 1024);
    const report = excel.sheet("Check report")!;
    expect(report.get("E4")!.value).toBe("第0号统筹区基本养老保险");
    expect(report.get(`E${3 + 40_000}`)!.value).toBe("第39999号统筹区基本养老保险");
    expect(report.get(`H${3 + 40_000}`)!.value).toContain("No. 39999:");
    expect(report.get(`D${3 + 40_000}`)!.formula).toBe(`=HYPERLINK("#'2019'!C40003","2019!C40003")`);
  });
});

test("the report sheet lists every fund beside the chart, and the chart draws the first CHART_LIMIT", async () => {
  const excel = new FakeExcel();
  excel.addSheet("2019");
  excel.install();
  const r = result([finding({})]);
  r.sheets[0].tables[0].funds = Array.from({ length: 500 }, (_, i) => ({ subject: `第${i}号`, budget: 100 + i, actual: 90 + i }));
  await writeReportSheet(r, labels);
  const report = excel.sheet("Check report")!;
  expect(report.get("J4")!.value).toBe("第0号");
  expect(report.get("J503")!.value).toBe("第499号");
  expect(report.charts).toHaveLength(1);
  expect(report.charts[0].source).toContain(`J3:L${3 + CHART_LIMIT}`);
});
