/**
 * Writing the corpus's workbooks with ExcelJS, the way offices lay them out by hand: titles merged across the
 * table, a unit line, merged two-row headers, rates stored as fractions with a % format or typed as text,
 * formulas with their cached results. Kept small: a sheet is written from rows of cell values.
 */
import ExcelJS from "exceljs";

/**
 * A cell as written: a string or number as typed, null for an empty cell, or a number with a format
 * (`{ v: 0.985, fmt: "0.0%" }`), or a formula with the result Excel cached (`{ f: "SUM(B5:B9)", v: 19915 }`).
 */
export type Cell = string | number | null | { v: number; fmt: string } | { f: string; v: number; fmt?: string };

/** A rate stored as a fraction with a percent format: pct("98.5") → 0.985 shown as 98.5%. */
export function pct(points: string, fmt?: string): Cell {
  const decimals = points.includes(".") ? points.length - points.indexOf(".") - 1 : 0;
  // The fraction from the digits (no float arithmetic): "98.5" → "0.985".
  const v = Number((Number(points) / 100).toPrecision(12));
  return { v, fmt: fmt ?? (decimals ? "0." + "0".repeat(decimals) + "%" : "0%") };
}

/** A number shown with fixed decimals ("0.00"), as 亿元 tables are. */
export function fixed(value: number, decimals: number): Cell {
  return { v: value, fmt: decimals ? "0." + "0".repeat(decimals) : "0" };
}

export class SheetWriter {
  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** Writes rows of cells from `topLeft` ("A3") down. */
  rows(topLeft: string, rows: Cell[][]): this {
    const start = this.ws.getCell(topLeft);
    const r0 = Number(start.row);
    const c0 = Number(start.col);
    rows.forEach((cells, i) => cells.forEach((cell, j) => this.set(r0 + i, c0 + j, cell)));
    return this;
  }

  cell(address: string, value: Cell): this {
    const c = this.ws.getCell(address);
    this.set(Number(c.row), Number(c.col), value);
    return this;
  }

  merge(range: string, value?: Cell): this {
    this.ws.mergeCells(range);
    if (value !== undefined) this.cell(range.split(":")[0], value);
    return this;
  }

  widths(...widths: number[]): this {
    this.ws.columns = widths.map((width) => ({ width }));
    return this;
  }

  bold(...addresses: string[]): this {
    for (const a of addresses) this.ws.getCell(a).font = { bold: true };
    return this;
  }

  indent(address: string, level: number): this {
    this.ws.getCell(address).alignment = { indent: level };
    return this;
  }

  private set(row: number, col: number, cell: Cell): void {
    if (cell === null) return;
    const target = this.ws.getCell(row, col);
    if (typeof cell === "string" || typeof cell === "number") target.value = cell;
    else if ("f" in cell) {
      target.value = { formula: cell.f, result: cell.v };
      if (cell.fmt) target.numFmt = cell.fmt;
    } else {
      target.value = cell.v;
      target.numFmt = cell.fmt;
    }
  }
}

/** A new workbook with fixed dates, so a rebuilt file differs only where its content does. */
export function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "fund-check corpus";
  wb.created = new Date(Date.UTC(2024, 2, 1));
  wb.modified = new Date(Date.UTC(2024, 2, 1));
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): SheetWriter {
  return new SheetWriter(wb.addWorksheet(name));
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Report text as UTF-8 bytes, lines joined with "\n" (line n of the array is line n + 1 of the file). */
export function text(lines: string[]): Buffer {
  return Buffer.from(lines.join("\n") + "\n", "utf8");
}

/** 1-based line number of the first line containing `needle` (for findings that point at "L<n>"). */
export function lineOf(lines: string[], needle: string): number {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`corpus: no line contains ${needle}`);
  return i + 1;
}
