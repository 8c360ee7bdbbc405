/** The streaming reader must give exactly the grid that ExcelJS's full reader + workbookToGrid give. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { richWorkbook, tempDir } from "./workbooks";

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function bothReaders(file: string) {
  const viaExcelJS = await readWorkbook(file, { reader: "exceljs" });
  const streamed = await readWorkbook(file, { reader: "stream" });
  return { viaExcelJS, streamed };
}

describe("streaming reader ≡ ExcelJS + workbookToGrid", () => {
  it("on a workbook with merges, number formats, indent, rich text, formulas, dates, errors and booleans", async () => {
    const { viaExcelJS, streamed } = await bothReaders(await richWorkbook(path.join(dir, "rich.xlsx")));
    expect(streamed).toStrictEqual(viaExcelJS);
    // and the grid holds what the workbook holds (not two equally wrong readings)
    const sheet = streamed.sheets[0];
    expect(streamed.sheets.map((s) => s.name)).toEqual(["基金支出", "绩效自评表", "空"]);
    expect(sheet.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 4 }, { top: 2, left: 1, bottom: 2, right: 2 }]));
    expect(sheet.cells[1][0]?.value).toBe("单位：万元");
    expect(sheet.cells[4][1]).toEqual({ value: 4398, numFmt: "#,##0" });
    expect(sheet.cells[4][3]).toMatchObject({ value: 1.0386, numFmt: "0.0%" });
    expect(sheet.cells[6][0]).toMatchObject({ value: "丧葬抚恤补助", indent: 2 });
    expect(sheet.cells[6][3]?.value).toEqual({ error: "#DIV/0!" });
    expect(sheet.cells[6][4]?.value).toBe("有");
    expect(sheet.cells[7][2]?.value).toBe(true);
    expect(sheet.cells[9][3]?.value).toBe('a & <b> "c"');
  });

  it("on a workbook written by ExcelJS's streaming writer (inline strings, no shared strings)", async () => {
    const file = path.join(dir, "streamed.xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet("基金支出");
    ws.mergeCells("A1:C1");
    ws.getCell("A1").value = "标题";
    ws.addRow(["基金名称", "预算数", "执行数"]).commit();
    for (let i = 0; i < 50; i++) {
      const row = ws.addRow([`基金${i}`, 100 + i, { formula: `B${i + 3}*1.01`, result: (100 + i) * 1.01 }]);
      row.getCell(2).numFmt = "#,##0.00";
      row.commit();
    }
    ws.commit();
    await wb.commit();
    const { viaExcelJS, streamed } = await bothReaders(file);
    expect(streamed).toStrictEqual(viaExcelJS);
    expect(streamed.sheets[0].cells[2][2]?.value).toBeCloseTo(101, 6);
    expect(streamed.sheets[0].cells[3][2]?.value).toBeCloseTo(102.01, 6);
  });

  it("on the example workbook", async () => {
    const example = path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx");
    const { viaExcelJS, streamed } = await bothReaders(example);
    expect(streamed).toStrictEqual(viaExcelJS);
  });

  it("the automatic choice (ExcelJS for a small file) gives the same grid as streaming", async () => {
    const file = await richWorkbook(path.join(dir, "auto.xlsx"));
    expect(await readWorkbook(file)).toStrictEqual(await readWorkbook(file, { reader: "stream" }));
  });
});
