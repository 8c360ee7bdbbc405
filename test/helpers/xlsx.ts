/** Reading .xlsx in the tests the way the CLI and the standalone page read them (src/xlsx/). */
import ExcelJS from "exceljs";
import { zlibInflate } from "../../src/cli/zip";
import { GridCell, GridSheet, GridWorkbook, sheetCells } from "../../src/core/grid";
import { Inflater, readXlsx } from "../../src/xlsx";

/** .xlsx bytes → the grid, with fflate (the page's inflater) unless given node's zlib (the CLI's). */
export async function readGrid(bytes: Uint8Array | ArrayBuffer, name = "book.xlsx", inflate?: Inflater): Promise<GridWorkbook> {
  return readXlsx(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), { name, inflate });
}

/** The same bytes through both inflaters; they must give the same grid. */
export async function readGridBoth(bytes: Uint8Array | ArrayBuffer, name = "book.xlsx"): Promise<{ fflate: GridWorkbook; zlib: GridWorkbook }> {
  return { fflate: await readGrid(bytes, name), zlib: await readGrid(bytes, name, zlibInflate) };
}

/** An ExcelJS workbook written as .xlsx and read back with the product's reader. */
export async function gridOf(wb: ExcelJS.Workbook, name = "book.xlsx"): Promise<GridWorkbook> {
  return readGrid(new Uint8Array(await wb.xlsx.writeBuffer()), name);
}

/** A sheet as plain arrays (rows and cells with holes where there are none): to compare grids, or to edit one. */
export function literal(sheet: GridSheet): GridSheet {
  const cells = sheetCells(sheet);
  const rows: (GridCell | undefined)[][] = [];
  for (let r = 0; r < cells.rowCount; r++) {
    const row: (GridCell | undefined)[] = [];
    for (let c = 0; c < cells.rowLength(r); c++) {
      const cell = cells.cell(r, c);
      if (cell) row[c] = { ...cell };
    }
    if (row.length) rows[r] = row;
  }
  return { name: sheet.name, cells: rows, merges: [...sheet.merges] };
}

export function literalWorkbook(workbook: GridWorkbook): GridWorkbook {
  return { name: workbook.name, sheets: workbook.sheets.map(literal) };
}
