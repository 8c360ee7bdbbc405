/**
 * The reader against an independent reading of the same files: ExcelJS's full reader and its object model turned
 * into the grid (test/helpers/exceljsOracle.ts, what the CLI and the page used before src/xlsx/). Both must give
 * exactly the same grid, cell by cell, on workbooks holding merges, number formats, indents, rich text, formulas
 * with every kind of result, dates, errors and booleans; through node's zlib (the CLI) and fflate (the page).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { GridWorkbook } from "../../src/core/grid";
import { richWorkbook, tempDir } from "../cli/workbooks";
import { workbookToGrid } from "../helpers/exceljsOracle";
import { literalWorkbook, readGridBoth } from "../helpers/xlsx";

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every reading of the file: the CLI's (file → zlib), the page's (bytes → fflate), and ExcelJS's. */
async function readings(file: string): Promise<{ cli: GridWorkbook; page: GridWorkbook; exceljs: GridWorkbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const both = await readGridBoth(fs.readFileSync(file), path.basename(file));
  const cli = await readWorkbook(file);
  expect(literalWorkbook(both.zlib)).toStrictEqual(literalWorkbook(cli));
  return { cli: literalWorkbook(cli), page: literalWorkbook(both.fflate), exceljs: workbookToGrid(wb, path.basename(file)) };
}

describe("the reader ≡ ExcelJS's full reader + its grid", () => {
  it("on a workbook with merges, number formats, indent, rich text, formulas, dates, errors and booleans", async () => {
    const { cli, page, exceljs } = await readings(await richWorkbook(path.join(dir, "rich.xlsx")));
    expect(cli).toStrictEqual(exceljs);
    expect(page).toStrictEqual(exceljs);
    // and the grid holds what the workbook holds (not two equally wrong readings)
    const sheet = cli.sheets[0];
    expect(cli.sheets.map((s) => s.name)).toEqual(["基金支出", "绩效自评表", "空"]);
    expect(sheet.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 4 }, { top: 2, left: 1, bottom: 2, right: 2 }]));
    expect(sheet.cells[1][0]?.value).toBe("单位：万元");
    expect(sheet.cells[4][1]).toEqual({ value: 4398, numFmt: "#,##0" });
    expect(sheet.cells[4][3]).toMatchObject({ value: 1.0386, numFmt: "0.0%" });
    expect(sheet.cells[4][4]).toEqual({ value: new Date(Date.UTC(2019, 11, 31)), numFmt: "yyyy-mm-dd" });
    expect(sheet.cells[6][0]).toMatchObject({ value: "丧葬抚恤补助", indent: 2 });
    expect(sheet.cells[6][3]?.value).toEqual({ error: "#DIV/0!" });
    expect(sheet.cells[6][4]?.value).toBe("有");
    expect(sheet.cells[7][2]?.value).toBe(true);
    expect(sheet.cells[8]).toBeUndefined(); // B9 is formatted but empty: no cell
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
    const { cli, page, exceljs } = await readings(file);
    expect(cli).toStrictEqual(exceljs);
    expect(page).toStrictEqual(exceljs);
    expect(cli.sheets[0].cells[2][2]?.value).toBeCloseTo(101, 6);
    expect(cli.sheets[0].cells[3][2]?.value).toBeCloseTo(102.01, 6);
  });

  it.each(["qiemo-2019.xlsx", "indicator-self-evaluation.xlsx"])("on the example workbook %s", async (name) => {
    const { cli, page, exceljs } = await readings(path.join(__dirname, "..", "..", "examples", name));
    expect(cli).toStrictEqual(exceljs);
    expect(page).toStrictEqual(exceljs);
  });
});
