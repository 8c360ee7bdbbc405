/**
 * "Draft report text" → Insert as sheet, on the fake Excel: the user's table is read through the pane's own
 * Office.js reader, drafted, and inserted as a NEW sheet whose paragraph cells are live formulas over the user's
 * cells. The formulas the fake recorded are then evaluated by a real formula engine (HyperFormula, as
 * test/core/draft/formulas.test.ts does): they give the drafted text, and rewrite themselves when a figure changes.
 */
import * as fs from "fs";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { FakeExcel, FakeSheet } from "./fakeExcel";
import { officeHost } from "../../src/taskpane/excel";
import { insertSheet } from "../../src/taskpane/excel";
import { DRAFT_SHEET_WIDTHS, draftSections, draftSheet, readWorkbook, renderText } from "../../src/taskpane/draft";
import { readGrid, literalWorkbook } from "../helpers/xlsx";
import { GridWorkbook, sheetCells, toA1 } from "../../src/core/grid";

let seed: GridWorkbook;
beforeAll(async () => {
  seed = literalWorkbook(await readGrid(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx")), "qiemo-2019.xlsx"));
});

/** The seed's sheets copied into a fake Excel, cell by cell (values and number formats). */
function excelWithSeed(): FakeExcel {
  const excel = new FakeExcel();
  for (const sheet of seed.sheets) {
    const fake = excel.addSheet(sheet.name);
    const cells = sheetCells(sheet);
    for (let r = 0; r < cells.rowCount; r++)
      for (let c = 0; c < cells.rowLength(r); c++) {
        const v = cells.value(r, c);
        if (v === null || v === undefined || typeof v === "object") continue;
        fake.set(toA1(r, c), { value: v, numFmt: cells.numFmt(r, c) });
      }
    fake.merges = sheet.merges.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`);
  }
  excel.install();
  return excel;
}

/**
 * Excel's "," between arguments as ";" (outside "text" and 'sheet' quotes): HyperFormula then reads "1,015" typed
 * as text as the number Excel reads, as test/core/draft/helpers.ts configures it.
 */
function semicolons(formula: string): string {
  let out = "";
  let quote: string | undefined;
  for (const ch of formula) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ",") {
      out += ";";
      continue;
    }
    out += ch;
  }
  return out;
}

/** A fake sheet as HyperFormula sheet data: values, and formulas where the fake recorded one. */
function sheetData(sheet: FakeSheet): (string | number | boolean | null)[][] {
  const out: (string | number | boolean | null)[][] = [];
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    while (out.length <= r) out.push([]);
    out[r][c] = cell.formula ? semicolons(cell.formula) : cell.value ?? null;
  }
  return out.map((row) => Array.from({ length: row.length }, (_, c) => row[c] ?? null));
}

describe("Insert as sheet: the drafted paragraphs as live formulas", () => {
  test("a new sheet beside the user's, never replacing one; each paragraph cell gives the drafted text and follows the figures", async () => {
    const excel = excelWithSeed();
    const taken = excel.addSheet("报告草稿").set("A1", { value: "我的草稿" });
    const host = officeHost();
    const sections = draftSections(await readWorkbook(host), "zh");
    expect(sections.length).toBeGreaterThan(0);
    const { rows, formats } = draftSheet(sections, "zh");
    const { sheet } = await insertSheet("报告草稿", rows, formats, { columnWidths: DRAFT_SHEET_WIDTHS });

    expect(sheet).toBe("报告草稿 (2)");
    expect(taken.cells.size).toBe(1);
    expect(taken.get("A1")).toEqual({ value: "我的草稿" });
    const drafted = excel.sheet(sheet)!;
    const paragraphs = sections.flatMap((s) => s.paragraphs);
    const formulaCells = [...drafted.cells.values()].filter((c) => c.formula);
    expect(formulaCells).toHaveLength(paragraphs.length);
    expect(drafted.get("A3")).toMatchObject({ value: "（一）企业职工基本养老保险", numFmt: "@" });
    expect(drafted.get("B3")!.formula).toMatch(/^=.*'支出情况'!\$C\$5/);

    // Excel's own evaluation, played by HyperFormula over the user's sheet and the inserted one.
    const hf = HyperFormula.buildFromSheets(
      Object.fromEntries(excel.sheets.map((s) => [s.name, sheetData(s)])),
      { licenseKey: "gpl-v3", thousandSeparator: ",", decimalSeparator: ".", functionArgSeparator: ";" }
    );
    const out = hf.getSheetId(sheet)!;
    const formulaRows = [...drafted.cells.entries()].filter(([, c]) => c.formula).map(([key]) => key.split(",").map(Number));
    const values = () => formulaRows.map(([row, col]) => String(hf.getCellValue({ sheet: out, row, col })));
    expect(values()).toEqual(paragraphs.map((p) => p.text));
    expect(values()[3]).toContain("工伤保险预算支出398万元，实际支出806万元，完成预算的202.5%");

    // 工伤保险 spends 380 of its 398: the paragraph now says 95.5% and drops the over-budget explanation.
    hf.setCellContents({ sheet: hf.getSheetId("支出情况")!, row: 10, col: 2 }, [[380]]);
    expect(values()[3]).toContain("实际支出380万元，完成预算的95.5%");
    expect(values()[3]).not.toContain("超预算");
  });

  test("the sheet's layout: a header, a title per table, the drafting notes as values after the paragraphs", () => {
    const sections = draftSections(seed, "en");
    const { rows } = draftSheet(sections, "en");
    expect(rows[0]).toEqual([{ value: "Fund" }, { value: "Paragraph (formula: follows the table's figures)" }]);
    expect(rows[1]).toEqual([{ value: sections[0].title }, null]);
    const texts = rows.flat().filter((c): c is { value: string } => !!c && "value" in c).map((c) => String(c.value));
    expect(texts).toContain(sections[0].wording.notesTitle);
    expect(texts.some((t) => t.startsWith("D11: "))).toBe(true);
    // The same notes the plain text (Copy all) carries.
    expect(renderText(sections)).toContain(sections[0].wording.notesTitle);
  });
});
