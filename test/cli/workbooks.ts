/** Small .xlsx files written with ExcelJS into a temp dir, for the CLI tests. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-cli-"));
}

/** A one-table fund sheet: rows of [subject, budget, actual, stated completion as a fraction]. */
export async function fundWorkbook(file: string, rows: [string, number, number, number][], sheetName = "基金支出"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(["单位：万元"]);
  ws.addRow(["基金名称", "预算数", "执行数", "完成率"]);
  for (const r of rows) {
    const row = ws.addRow(r);
    row.getCell(4).numFmt = "0%";
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** Exercises what the reader and ExcelJS (the tests' oracle) must agree on: merges, formats, indent, rich text, formulas, dates, errors. */
export async function richWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("基金支出");
  ws.mergeCells("A1:E1");
  ws.getCell("A1").value = "2019年社会保险基金支出情况表";
  ws.getCell("A2").value = { richText: [{ text: "单位：", font: { bold: true } }, { text: "万元" }] };
  ws.mergeCells("B3:C3");
  ws.getCell("B3").value = "2019年";
  ws.getCell("A4").value = "基金名称";
  ws.getCell("B4").value = "预算数";
  ws.getCell("C4").value = "执行数";
  ws.getCell("D4").value = "完成率";
  ws.getCell("E4").value = "备注";
  ws.getCell("A5").value = "企业职工基本养老保险";
  ws.getCell("B5").value = 4398;
  ws.getCell("B5").numFmt = "#,##0";
  ws.getCell("C5").value = "4,568";
  ws.getCell("D5").value = { formula: "C5/B5", result: 1.0386 };
  ws.getCell("D5").numFmt = "0.0%";
  ws.getCell("E5").value = new Date(Date.UTC(2019, 11, 31));
  ws.getCell("E5").numFmt = "yyyy-mm-dd";
  ws.getCell("A6").value = "其中：基本养老金";
  ws.getCell("A7").value = "丧葬抚恤补助";
  ws.getCell("A7").alignment = { indent: 2 };
  ws.getCell("C7").value = 74;
  ws.getCell("C7").numFmt = "0.00";
  ws.getCell("D7").value = { formula: "C7/B7", result: { error: "#DIV/0!" } };
  ws.getCell("E7").value = { formula: 'IF(C7>0,"有","无")', result: "有" };
  ws.getCell("A8").value = "合计";
  ws.getCell("B8").value = { formula: "SUM(B5:B7)", result: 4398 };
  ws.getCell("C8").value = { formula: "C5>0", result: true };
  ws.getCell("D8").value = { error: "#N/A" };
  ws.getCell("E8").value = true;
  ws.getCell("B9").numFmt = "0.00"; // styled but empty
  ws.getCell("A10").value = "  全角　空格";
  ws.getCell("B10").value = -0.5;
  ws.getCell("B10").numFmt = '#,##0.00_);(#,##0.00)';
  ws.getCell("C10").value = 1e-9;
  ws.getCell("D10").value = "a & <b> \"c\"";
  const second = wb.addWorksheet("绩效自评表");
  second.getCell("C3").value = "满意度";
  second.getCell("D3").value = "≥95%";
  second.getCell("E3").value = 0.97;
  second.getCell("E3").numFmt = "0%";
  second.mergeCells("A3:B4");
  second.getCell("A3").value = "效益指标";
  wb.addWorksheet("空");
  await wb.xlsx.writeFile(file);
  return file;
}
