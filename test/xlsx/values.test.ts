/** The reader on a real .xlsx written by ExcelJS: every kind of cell value a workbook holds, as the core sees it. */
import ExcelJS from "exceljs";
import { GridSheet, cellAt } from "../../src/core/grid";
import { toCellValue } from "../helpers/exceljsOracle";
import { readGridBoth } from "../helpers/xlsx";

let sheet: GridSheet;
let second: GridSheet;
let names: string[];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  ws.getCell("A1").value = 4568;
  ws.getCell("B1").value = { formula: "A1*2", result: 9136 };
  ws.getCell("C1").value = { richText: [{ text: "企业职工" }, { text: "基本养老保险", font: { bold: true } }] };
  ws.getCell("D1").value = { text: "说明", hyperlink: "https://example.org/" };
  ws.getCell("E1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("F1").value = new Date(Date.UTC(2019, 11, 31));
  ws.getCell("G1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("H1").value = true;
  ws.getCell("A2").value = 0.97;
  ws.getCell("A2").numFmt = "0%";
  ws.getCell("B2").value = "转移支出";
  ws.getCell("B2").alignment = { indent: 2 };
  ws.getCell("A3").value = 1;
  ws.getCell("B3").value = { formula: "A3+1", result: 2, shareType: "shared", ref: "B3:B5" } as ExcelJS.CellFormulaValue;
  ws.getCell("A4").value = 2;
  ws.getCell("B4").value = { sharedFormula: "B3", result: 3 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("A5").value = 3;
  ws.getCell("B5").value = { sharedFormula: "B3" } as ExcelJS.CellSharedFormulaValue; // never calculated: no result
  ws.mergeCells("A7:C8");
  ws.getCell("A7").value = "2019年";
  wb.addWorksheet("第二页").getCell("B2").value = "x";
  const { fflate: grid, zlib } = await readGridBoth(new Uint8Array(await wb.xlsx.writeBuffer()), "t.xlsx");
  expect(zlib).toEqual(grid); // the page's inflater and the CLI's give one grid
  expect(grid.name).toBe("t.xlsx");
  [sheet, second] = grid.sheets;
  names = grid.sheets.map((s) => s.name);
});

const v = (a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return cellAt(sheet, Number(m[2]) - 1, m[1].charCodeAt(0) - 65)?.value;
};

test("sheets keep their names and order", () => {
  expect(names).toEqual(["数据", "第二页"]);
  expect(second.cells[1][1]?.value).toBe("x");
});
test("numbers, booleans and dates stay what they are", () => {
  expect(v("A1")).toBe(4568);
  expect(v("H1")).toBe(true);
  expect(v("F1")).toEqual(new Date(Date.UTC(2019, 11, 31)));
});
test("a formula gives its cached result, also when the result is an error", () => {
  expect(v("B1")).toBe(9136);
  expect(v("G1")).toEqual({ error: "#DIV/0!" });
});
test("shared formulas give their results; one never calculated is blank, not 0", () => {
  expect(v("B3")).toBe(2);
  expect(v("B4")).toBe(3);
  expect(v("B5") ?? null).toBeNull();
});
test("rich text and hyperlinks become their plain text; error values stay errors", () => {
  expect(v("C1")).toBe("企业职工基本养老保险");
  expect(v("D1")).toBe("说明");
  expect(v("E1")).toEqual({ error: "#DIV/0!" });
});
test("number formats and indents are kept", () => {
  expect(cellAt(sheet, 1, 0)).toEqual({ value: 0.97, numFmt: "0%" });
  expect(cellAt(sheet, 1, 1)?.indent).toBe(2);
});
test("a merged area keeps its value in the master cell only", () => {
  expect(sheet.merges).toEqual([{ top: 6, left: 0, bottom: 7, right: 2 }]);
  expect(v("A7")).toBe("2019年");
  for (const a of ["B7", "C7", "A8", "B8", "C8"]) expect(v(a) ?? null).toBeNull();
});
test("the test oracle (ExcelJS's object model → grid): odd value shapes never become '[object Object]'", () => {
  expect(toCellValue({ something: 1 })).toBeNull();
  expect(toCellValue({ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "x" })).toBe("ab");
  expect(toCellValue(new Date(NaN))).toBeNull();
});
