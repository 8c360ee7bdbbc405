/**
 * A second, independent reading of an .xlsx for the tests: ExcelJS's full reader, then its object model → the
 * core's grid (what the CLI and the page did before src/xlsx/). The reader's tests compare its grid with this
 * one on the same files, so the two readings must agree on every cell: formula cells give their cached result,
 * rich text and hyperlinks their text, error values stay {error}, dates stay Dates, number formats and indents
 * are kept, and a merged area keeps its value only in its master cell (ExcelJS repeats the master's value in
 * every merged cell).
 */
import type ExcelJS from "exceljs";
import type { CellRange, CellValue, GridCell, GridSheet, GridWorkbook } from "../../src/core/grid";

/** ExcelJS's ValueType.Merge, without importing ExcelJS at run time. */
const VALUE_TYPE_MERGE = 1;

function richTextToString(rich: { richText?: { text?: unknown }[] }): string {
  return (rich.richText ?? []).map((run) => (typeof run?.text === "string" ? run.text : "")).join("");
}

/** A cell value as the core sees it. Unknown shapes become null rather than "[object Object]". */
export function toCellValue(value: unknown, depth = 0): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "object" || depth > 4) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return { error: v.error };
  if (Array.isArray(v.richText)) return richTextToString(v as { richText: { text?: unknown }[] });
  // Formula or shared formula: the cached result (absent when the file was never calculated → blank).
  if ("formula" in v || "sharedFormula" in v || "result" in v) return toCellValue(v.result, depth + 1);
  // Hyperlink: its shown text (which may itself be rich text).
  if ("hyperlink" in v || "text" in v) return toCellValue(v.text, depth + 1);
  return null;
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const out: CellRange[] = [];
  const merges = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (merges) {
    for (const m of Object.values(merges)) {
      const d = m?.model;
      if (d) out.push({ top: d.top - 1, left: d.left - 1, bottom: d.bottom - 1, right: d.right - 1 });
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/** One worksheet to a grid sheet. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): GridSheet {
  const cells: (GridCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged (non-master) cell repeats the master's value: keep it only in the master.
      if ((cell.type as unknown as number) === VALUE_TYPE_MERGE) return;
      const value = toCellValue(cell.value);
      const numFmt = cell.numFmt;
      const indent = cell.alignment?.indent;
      if ((value === null || value === undefined) && !numFmt && !indent) return;
      const g: GridCell = { value };
      if (numFmt) g.numFmt = numFmt;
      if (indent) g.indent = indent;
      out[colNumber - 1] = g;
    });
    if (out.length) cells[rowNumber - 1] = out;
  });
  return { name: ws.name, cells, merges: mergesOf(ws) };
}

/** A loaded ExcelJS workbook to the grid the core checks, sheets in workbook order. */
export function workbookToGrid(workbook: ExcelJS.Workbook, name: string): GridWorkbook {
  return { name, sheets: workbook.worksheets.map(worksheetToGrid) };
}
