/**
 * Nothing lost (docs/robustness.md): real .xlsx content — the example workbook and a workbook with the user's own
 * fills, formulas, number formats, merges and conditional formats, written with ExcelJS — is loaded into the
 * in-memory Excel, then the task pane's adapter runs the whole cycle: read every sheet, check, highlight, write
 * the report sheet, highlight again, clear. Every cell (value, formula, number format, indent, fill), every
 * merge, every conditional format and the list of sheets must then be exactly what the file gave.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { FakeExcel, FakeSheet } from "../taskpane/fakeExcel";
import { clearAddinChanges, highlightFindings, listSheets, readSheet, writeReportSheet, ReportSheetLabels } from "../../src/taskpane/excel";
import { checkWorkbook } from "../../src/core/check";
import { toA1 } from "../../src/core/grid";
import { toCellValue } from "../helpers/exceljsOracle";
import { readGrid } from "../helpers/xlsx";
import { addressOf } from "../../src/core/location";

const labels: ReportSheetLabels = {
  sheetName: "校验报告",
  title: "校验报告",
  headers: ["级别", "规则", "工作表", "单元格", "项目", "实际", "应为", "说明"],
  notes: [],
  fundHeaders: ["基金", "预算", "支出"],
  chartTitle: "预算与支出",
  lang: "zh",
};

/** The user's workbook: fills on flagged cells, live formulas, number formats, merges, their own conditional formats. */
async function userWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`O'Brien's "2019" 表`);
  ws.mergeCells("A1:D1");
  ws.getCell("A1").value = "2019年社会保险基金支出情况表";
  ws.getCell("A2").value = { richText: [{ text: "单位：", font: { bold: true } }, { text: "万元" }] };
  ws.addRow(["基金名称", "预算数", "执行数", "完成率"]);
  const yellow: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  const rows: [string, number, number][] = [["企业职工基本养老保险", 4398, 4568], ["工伤保险", 398, 806], ["失业保险", 120, 118]];
  rows.forEach(([name, budget, actual], i) => {
    const r = 4 + i;
    ws.getCell(`A${r}`).value = name;
    ws.getCell(`B${r}`).value = budget;
    ws.getCell(`B${r}`).numFmt = "#,##0";
    ws.getCell(`C${r}`).value = actual;
    ws.getCell(`C${r}`).fill = yellow; // the user's own fill on a flagged cell
    ws.getCell(`D${r}`).value = { formula: `C${r}/B${r}`, result: actual / budget };
    ws.getCell(`D${r}`).numFmt = "0.0%";
  });
  ws.getCell("D5").value = 1.31; // a typed (wrong) rate instead of the formula
  ws.getCell("D5").numFmt = "0%";
  ws.getCell("A7").value = "合计";
  ws.getCell("B7").value = { formula: "SUM(B4:B6)", result: 4916 };
  ws.getCell("C7").value = { formula: "SUM(C4:C6)", result: 5492 };
  ws.getCell("A8").value = "=not a formula, typed as text";
  ws.getCell("A8").numFmt = "@";
  ws.addConditionalFormatting({ ref: "C4:C7", rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["B4"], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } } } }] });
  ws.addConditionalFormatting({ ref: "A4:A7", rules: [{ type: "expression", formulae: ['$A4="合计"'], priority: 2, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFCCCCCC" } } } }] });
  // Round-trip through the file format, so that what is loaded is what an .xlsx holds.
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(await wb.xlsx.writeBuffer());
  return loaded;
}

const argb = (color: unknown) => {
  const c = (color as { argb?: string } | undefined)?.argb;
  return c ? `#${c.slice(-6)}` : undefined;
};

/** The fake Excel holding what the .xlsx holds: values (formulas with their results), formats, fills, merges, CFs. */
function fakeFrom(workbook: ExcelJS.Workbook): FakeExcel {
  const excel = new FakeExcel();
  for (const ws of workbook.worksheets) {
    const sheet = excel.addSheet(ws.name);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const raw = cell.value as unknown;
        const formula = raw && typeof raw === "object" && "formula" in (raw as object) ? `=${(raw as { formula: string }).formula}` : undefined;
        const v = toCellValue(raw);
        const value = v === null ? undefined : v instanceof Date ? v.getTime() / 86400000 + 25569 : typeof v === "object" ? v.error : v;
        const fake = { value, formula, numFmt: cell.numFmt || undefined, indent: cell.alignment?.indent || undefined, fill: cell.fill?.type === "pattern" ? argb((cell.fill as ExcelJS.FillPattern).fgColor) : undefined };
        if (Object.values(fake).some((x) => x !== undefined)) sheet.set(toA1(r - 1, c - 1), Object.fromEntries(Object.entries(fake).filter(([, x]) => x !== undefined)));
      });
    });
    sheet.merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).map((master) => (ws as unknown as { _merges: Record<string, { range: string }> })._merges[master].range);
    const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: unknown } } }[] }[] }).conditionalFormattings ?? [];
    cfs.forEach((cf, i) =>
      cf.rules.forEach((rule, k) =>
        sheet.conditionalFormats.push({ id: `user-${i}-${k}`, address: cf.ref, type: rule.type === "expression" ? "Custom" : "CellValue", formula: rule.formulae?.[0], fill: argb(rule.style?.fill?.bgColor) })
      )
    );
  }
  excel.install();
  return excel;
}

function snapshot(excel: FakeExcel) {
  const sheet = (s: FakeSheet) => ({
    name: s.name,
    visibility: s.visibility,
    // Cells the add-in may have "ensured" without content are ignored: only what a cell holds counts.
    cells: [...s.cells.entries()].filter(([, c]) => Object.values(c).some((x) => x !== undefined)).map(([k, c]) => [k, JSON.stringify(c)]).sort(),
    merges: [...s.merges].sort(),
    conditionalFormats: s.conditionalFormats.map((cf) => JSON.stringify(cf)),
    charts: s.charts.length,
  });
  return { sheets: excel.sheets.map(sheet), active: excel.active };
}

async function fullCycle(excel: FakeExcel, expectFindings: (findings: ReturnType<typeof checkWorkbook>["findings"]) => void) {
  const before = snapshot(excel);
  const cellCount = before.sheets.reduce((n, s) => n + s.cells.length, 0);
  expect(cellCount).toBeGreaterThan(20);
  const { names } = await listSheets();
  const sheets = [];
  for (const name of names) sheets.push(await readSheet(name));
  const result = checkWorkbook({ name: "w", sheets });
  expectFindings(result.findings);

  const { cells } = await highlightFindings(result.findings);
  expect(cells).toBeGreaterThan(0);
  const during = snapshot(excel);
  // While highlighted: only the add-in's own conditional formats were added; every cell is untouched.
  for (const [i, s] of before.sheets.entries()) {
    expect(during.sheets[i].cells).toEqual(s.cells);
    expect(during.sheets[i].conditionalFormats.slice(0, s.conditionalFormats.length)).toEqual(s.conditionalFormats);
  }
  await writeReportSheet(result, labels);
  expect(excel.sheets.map((s) => s.name)).toEqual([...names, "校验报告"]);
  await highlightFindings(result.findings); // a second pass replaces the marks
  await writeReportSheet(result, labels); // and the report
  await clearAddinChanges();
  const after = snapshot(excel);
  after.active = before.active; // writing the report activates it; clearing cannot know what was active before
  expect(after).toEqual(before);
}

test("the example workbook: check → highlight → report → clear leaves every cell, merge and format as it was", async () => {
  const file = path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const excel = fakeFrom(wb);
  // The adapter reads what the file holds: the same merges as the CLI's and the page's reader give.
  const viaExcel = await readSheet(wb.worksheets[0].name);
  const viaFile = (await readGrid(fs.readFileSync(file), "x")).sheets[0];
  const order = (m: { top: number; left: number }[]) => [...m].sort((a, b) => a.top - b.top || a.left - b.left);
  expect(order(viaExcel.merges)).toEqual(order(viaFile.merges));
  await fullCycle(excel, (findings) => {
    expect(findings.some((f) => f.subject === "工伤保险" && f.rule === "stated-rate-mismatch" && f.observed === "131%" && f.expected === "202.5%")).toBe(true);
  });
});

test("a workbook with the user's fills, formulas, number formats and conditional formats: all restored exactly", async () => {
  const wb = await userWorkbook();
  const excel = fakeFrom(wb);
  const sheet = excel.sheets[0];
  expect(sheet.get("C5")).toMatchObject({ value: 806, fill: "#FFFF00" });
  expect(sheet.get("B7")).toMatchObject({ formula: "=SUM(B4:B6)", value: 4916 });
  expect(sheet.conditionalFormats).toHaveLength(2);
  await fullCycle(excel, (findings) => {
    expect(findings.some((f) => addressOf(f.at) === "C5" && f.rule === "completion-band")).toBe(true);
    expect(findings.some((f) => addressOf(f.at) === "D5" && f.rule === "stated-rate-mismatch")).toBe(true);
  });
});
