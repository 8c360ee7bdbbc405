/**
 * Reads an .xlsx file into the core's GridWorkbook, read-only.
 *
 * - Every file is first checked without inflating anything: it must exist, be a zip (an OLE file is a legacy
 *   .xls or a password-protected workbook), and its central directory must not claim more than the zip limits
 *   (./zip.ts) — the zip-bomb guard.
 * - Small workbooks go through ExcelJS's full reader and `workbookToGrid`, the same path as the standalone page,
 *   after their entries have been inflated once through the size-counting stream (JSZip trusts nothing less).
 * - Large workbooks (worksheets above STREAM_THRESHOLD_BYTES uncompressed) are streamed: the sheet XML is parsed
 *   as it inflates and the grid is built directly, so ExcelJS's object model of every cell is never held.
 *   ExcelJS's own streaming reader is not used because it drops merged cells, keeps only the last run of inline
 *   rich text and reads formula error/boolean results as NaN/numbers; this reader reuses ExcelJS's style
 *   parser and date rules so that both paths give the same grid (tested in test/cli/readWorkbook.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellRange, CellValue, GridCell, GridSheet, GridWorkbook } from "../core/grid";
import { workbookToGrid } from "../exceljs/toGrid";
import { InputError, asInputError } from "./inputError";
import { ZipDirectory, closeZip, entryStream, entryText, openZip } from "./zip";

// ExcelJS internals, reused so that number formats, indents, dates and text decoding match its full reader.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseSax: (stream: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]> = require("exceljs/lib/utils/parse-sax");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const StyleManager = require("exceljs/lib/xlsx/xform/style/styles-xform");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excelUtils: {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904: boolean): Date;
  xmlDecode(text: string): string;
} = require("exceljs/lib/utils/utils");

interface SaxNode {
  name: string;
  attributes: Record<string, string>;
  isSelfClosing?: boolean;
}
type SaxEvent = { eventType: "opentag"; value: SaxNode } | { eventType: "text"; value: string } | { eventType: "closetag"; value: SaxNode };

/** Worksheets larger than this (uncompressed XML, all sheets together) are streamed rather than loaded by ExcelJS. */
export const STREAM_THRESHOLD_BYTES = 16 * 1024 * 1024;

export type ReaderChoice = "auto" | "exceljs" | "stream";

/**
 * Size limits of what is read, so that a huge workbook is refused with a clear message instead of exhausting the
 * heap (a grid cell costs ~100 bytes of heap; 1,000,000 rows × 4 columns needs about 1 GB). Fund tables have tens
 * of rows; the benchmark size (SPEC §8) is 100,000 rows × 10 columns = 1,000,000 cells. The streaming reader
 * stops at the first row past a limit, so a refused file costs no more memory than the limit itself.
 */
export const MAX_ROWS_PER_SHEET = 200_000;
/** Filled cells of the whole workbook. */
export const MAX_CELLS = 2_000_000;
/** Excel's own grid: a cell address beyond it is a damaged or hostile file. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

export interface ReadLimits {
  rowsPerSheet: number;
  cells: number;
}

/** Counts rows and cells as they are read and refuses the file past the limits. */
class SizeCounter {
  private cells = 0;
  constructor(private readonly limits: ReadLimits) {}
  sheet(name: string) {
    let rows = 0;
    return {
      row: () => {
        if (++rows > this.limits.rowsPerSheet) throw new InputError("tooManyRows", { name, limit: this.limits.rowsPerSheet });
      },
      cell: () => {
        if (++this.cells > this.limits.cells) throw new InputError("tooManyCells", { name, limit: this.limits.cells });
      },
    };
  }
  /** The same limits over a grid built by ExcelJS. */
  grid(grid: GridWorkbook): void {
    for (const sheet of grid.sheets) {
      const count = this.sheet(sheet.name);
      for (const row of sheet.cells) {
        if (!row) continue;
        count.row();
        for (const cell of row) if (cell) count.cell();
      }
    }
  }
}

export interface ReadOptions {
  /** "auto" (default) picks by size; the others force one path (tests, benchmarks). */
  reader?: ReaderChoice;
  /** Overrides of the zip limits (tests). */
  limits?: { total: number; entry: number };
  /** Overrides of the row and cell limits (tests). */
  size?: Partial<ReadLimits>;
}

/** An input that exists, is a regular file and is not empty; otherwise the InputError that says which. */
export function statInput(file: string): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw asInputError(e);
  }
  if (!stat.isFile()) throw new InputError("notAFile");
  if (stat.size === 0) throw new InputError("empty");
  return stat;
}

/** Checks the file's type and sizes without inflating it; returns the open zip directory. */
function openChecked(file: string, limits?: ReadOptions["limits"]): ZipDirectory {
  const stat = statInput(file);
  const magic = Buffer.alloc(8);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, magic, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (magic.readUInt32BE(0) === 0xd0cf11e0) throw new InputError(oleIsEncrypted(file, stat.size) ? "encrypted" : "legacyXls");
  if (magic.readUInt16BE(0) !== 0x504b) throw new InputError("notZip");
  const zip = openZip(file, limits);
  if (!zip.entries.has("[Content_Types].xml")) {
    closeZip(zip);
    throw new InputError("notXlsx", { detail: "[Content_Types].xml missing" });
  }
  return zip;
}

/** A password-protected .xlsx is an OLE compound file holding an "EncryptedPackage" stream (name in UTF-16LE). */
function oleIsEncrypted(file: string, size: number): boolean {
  const length = Math.min(size, 64 * 1024 * 1024);
  const buffer = Buffer.alloc(length);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, buffer, 0, length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return buffer.includes(Buffer.from("EncryptedPackage", "utf16le"));
}

export async function readWorkbook(file: string, options: ReadOptions = {}): Promise<GridWorkbook> {
  const name = path.basename(file);
  let zip: ZipDirectory | undefined;
  try {
    zip = openChecked(file, options.limits);
    let sheetBytes = 0;
    for (const entry of zip.entries.values()) if (entry.name.startsWith("xl/worksheets/")) sheetBytes += entry.uncompressedSize;
    const reader = options.reader ?? "auto";
    const counter = new SizeCounter({ rowsPerSheet: options.size?.rowsPerSheet ?? MAX_ROWS_PER_SHEET, cells: options.size?.cells ?? MAX_CELLS });
    if (reader === "stream" || (reader === "auto" && sheetBytes > STREAM_THRESHOLD_BYTES)) {
      return await streamToGrid(zip, name, counter);
    }
    // ExcelJS (JSZip) inflates every entry in memory without checking it against its declared size: inflate
    // them once here through the counting stream first, so that a zip lying about its sizes is refused.
    for (const entry of zip.entries.values()) for await (const _ of entryStream(zip, entry)) void _;
    closeZip(zip);
    zip = undefined;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const grid = workbookToGrid(workbook, name);
    counter.grid(grid);
    return grid;
  } catch (e) {
    throw asInputError(e);
  } finally {
    if (zip) closeZip(zip);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Streaming path

const localName = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

function attr(node: SaxNode, name: string): string | undefined {
  const a = node.attributes;
  if (a[name] !== undefined) return a[name];
  for (const key of Object.keys(a)) if (localName(key) === name && key !== "xmlns:" + name) return a[key];
  return undefined;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(base), target));
}

async function relationships(zip: ZipDirectory, relsPath: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const entry = zip.entries.get(relsPath);
  if (!entry) return map;
  for await (const events of parseSax(entryStream(zip, entry))) {
    for (const e of events) {
      if (e.eventType === "opentag" && localName(e.value.name) === "Relationship") {
        const id = attr(e.value, "Id");
        const target = attr(e.value, "Target");
        if (id && target && attr(e.value, "TargetMode") !== "External") map.set(id, target);
        const type = attr(e.value, "Type") ?? "";
        if (target && type.endsWith("/officeDocument")) map.set("#officeDocument", target);
      }
    }
  }
  return map;
}

interface StyleInfo {
  numFmt?: string;
  indent?: number;
  isDate: boolean;
}

async function streamToGrid(zip: ZipDirectory, name: string, counter: SizeCounter): Promise<GridWorkbook> {
  const rootRels = await relationships(zip, "_rels/.rels");
  const workbookPath = resolvePart("", rootRels.get("#officeDocument") ?? "xl/workbook.xml");
  const workbookEntry = zip.entries.get(workbookPath);
  if (!workbookEntry) throw new InputError("notXlsx", { detail: `${workbookPath} missing` });

  // Sheets in workbook order.
  const sheetRefs: { name: string; rId: string }[] = [];
  let date1904 = false;
  for await (const events of parseSax(entryStream(zip, workbookEntry))) {
    for (const e of events) {
      if (e.eventType !== "opentag") continue;
      const tag = localName(e.value.name);
      if (tag === "sheet") sheetRefs.push({ name: attr(e.value, "name") ?? "", rId: attr(e.value, "id") ?? "" });
      else if (tag === "workbookPr") {
        const v = attr(e.value, "date1904");
        date1904 = v === "1" || v === "true";
      }
    }
  }
  const relsPath = path.posix.join(path.posix.dirname(workbookPath), "_rels", path.posix.basename(workbookPath) + ".rels");
  const workbookRels = await relationships(zip, relsPath);
  const partOf = (target: string | undefined) => (target ? resolvePart(workbookPath, target) : undefined);

  // Styles, through ExcelJS's own parser so that numFmt (built-in ids included) and indent match its full reader.
  let styleManager: { getStyleModel(id: number): { numFmt?: string; alignment?: { indent?: number } } | null } | undefined;
  const stylesPath = [...workbookRels.values()].map(partOf).find((p) => p && /styles\.xml$/i.test(p));
  const stylesEntry = stylesPath ? zip.entries.get(stylesPath) : undefined;
  if (stylesEntry) {
    styleManager = new StyleManager();
    await (styleManager as unknown as { parseStream(s: AsyncIterable<unknown>): Promise<void> }).parseStream(entryStream(zip, stylesEntry));
  }
  const styleCache = new Map<number, StyleInfo>();
  const styleOf = (id: number): StyleInfo => {
    let info = styleCache.get(id);
    if (!info) {
      const model = styleManager && id ? styleManager.getStyleModel(id) : null;
      info = { isDate: false };
      if (model && model.numFmt) {
        info.numFmt = model.numFmt;
        info.isDate = excelUtils.isDateFmt(model.numFmt);
      }
      if (model && model.alignment && model.alignment.indent) info.indent = model.alignment.indent;
      styleCache.set(id, info);
    }
    return info;
  };

  const sharedPath = [...workbookRels.values()].map(partOf).find((p) => p && /sharedStrings\.xml$/i.test(p));
  const sharedEntry = sharedPath ? zip.entries.get(sharedPath) : undefined;
  const shared = sharedEntry ? await readSharedStrings(zip, sharedEntry) : [];

  const sheets: GridSheet[] = [];
  for (const ref of sheetRefs) {
    const part = partOf(workbookRels.get(ref.rId));
    const entry = part ? zip.entries.get(part) : undefined;
    if (!entry || !part || !/worksheets\//.test(part)) continue; // chart sheets and dialog sheets hold no cells
    sheets.push(await readSheet(zip, entry, ref.name, shared, styleOf, date1904, counter.sheet(ref.name)));
  }
  return { name, sheets };
}

/** Shared strings, rich text flattened to its runs' text; phonetic guides (rPh) are not part of the value. */
async function readSharedStrings(zip: ZipDirectory, entry: ReturnType<ZipDirectory["entries"]["get"]> & object): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let inPhonetic = false;
  let inText = false;
  for await (const events of parseSax(entryStream(zip, entry))) {
    for (const e of events) {
      if (e.eventType === "opentag") {
        const tag = localName(e.value.name);
        if (tag === "si") current = "";
        else if (tag === "rPh") inPhonetic = true;
        else if (tag === "t" && !inPhonetic) inText = !e.value.isSelfClosing;
      } else if (e.eventType === "text") {
        if (inText) current += e.value;
      } else {
        const tag = localName(e.value.name);
        if (tag === "t") inText = false;
        else if (tag === "rPh") inPhonetic = false;
        else if (tag === "si") strings.push(current);
      }
    }
  }
  return strings;
}

function columnFromRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

function rangeFromRef(ref: string): CellRange | undefined {
  const [a, b = a] = ref.split(":");
  const rowOf = (s: string) => Number(/\d+/.exec(s)?.[0] ?? NaN) - 1;
  const top = rowOf(a);
  const bottom = rowOf(b);
  const left = columnFromRef(a);
  const right = columnFromRef(b);
  if (![top, bottom, left, right].every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  return { top, left, bottom, right };
}

async function readSheet(
  zip: ZipDirectory,
  entry: NonNullable<ReturnType<ZipDirectory["entries"]["get"]>>,
  name: string,
  shared: string[],
  styleOf: (id: number) => StyleInfo,
  date1904: boolean,
  count: { row(): void; cell(): void }
): Promise<GridSheet> {
  const cells: (GridCell | undefined)[][] = [];
  const merges: CellRange[] = [];
  let rowIndex = -1;
  let colIndex = -1;
  let row: (GridCell | undefined)[] | undefined;
  // state of the cell being read
  let inCell = false;
  let type: string | undefined;
  let styleId = 0;
  let hasFormula = false;
  let v: string | undefined;
  let inline: string | undefined;
  let capture: "v" | "is" | undefined;
  let inPhonetic = false;

  for await (const events of parseSax(entryStream(zip, entry))) {
    for (const e of events) {
      if (e.eventType === "text") {
        if (capture === "v") v = (v ?? "") + e.value;
        else if (capture === "is") inline = (inline ?? "") + e.value;
        continue;
      }
      const node = e.value;
      const tag = localName(node.name);
      if (e.eventType === "opentag") {
        switch (tag) {
          case "row": {
            const r = attr(node, "r");
            rowIndex = r ? parseInt(r, 10) - 1 : rowIndex + 1;
            colIndex = -1;
            row = undefined; // made on the row's first kept cell: a row with none stays a hole, as in workbookToGrid
            break;
          }
          case "c": {
            const r = attr(node, "r");
            colIndex = r ? columnFromRef(r) : colIndex + 1;
            type = attr(node, "t");
            const s = attr(node, "s");
            styleId = s ? parseInt(s, 10) : 0;
            hasFormula = false;
            v = undefined;
            inline = undefined;
            inCell = true;
            break;
          }
          case "f":
            if (inCell) hasFormula = true;
            break;
          case "v":
            if (inCell && !node.isSelfClosing) {
              capture = "v";
              v = v ?? "";
            }
            break;
          case "rPh":
            inPhonetic = true;
            break;
          case "t":
            if (inCell && !inPhonetic && !node.isSelfClosing) {
              capture = "is";
              inline = inline ?? "";
            }
            break;
          case "mergeCell": {
            const range = rangeFromRef(attr(node, "ref") ?? "");
            if (range) merges.push(range);
            break;
          }
        }
      } else {
        switch (tag) {
          case "v":
          case "t":
            capture = undefined;
            break;
          case "rPh":
            inPhonetic = false;
            break;
          case "c": {
            inCell = false;
            // A cell with neither value nor formula is empty however it is styled (ExcelJS: Null or Merge type).
            if (rowIndex < 0 || colIndex < 0 || (v === undefined && inline === undefined && !hasFormula)) break;
            const style = styleOf(styleId);
            const value = cellValue(type, hasFormula, v, inline, shared, style, date1904);
            if (value === null && !style.numFmt && !style.indent) break;
            const cell: GridCell = { value };
            if (style.numFmt) cell.numFmt = style.numFmt;
            if (style.indent) cell.indent = style.indent;
            if (rowIndex >= EXCEL_ROWS || colIndex >= EXCEL_COLUMNS) {
              throw new InputError("corrupt", { detail: `a cell of sheet ${name} lies outside Excel's grid` });
            }
            if (!row) {
              if (!cells[rowIndex]) count.row();
              row = cells[rowIndex] ?? (cells[rowIndex] = []);
            }
            if (!row[colIndex]) count.cell();
            row[colIndex] = cell;
            break;
          }
        }
      }
    }
  }
  dropMergedCopies(cells, merges);
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { name, cells, merges };
}

/** Inside a merged area only the master (top-left) cell keeps its value, as workbookToGrid does. */
function dropMergedCopies(cells: (GridCell | undefined)[][], merges: CellRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < cells.length; r++) {
      const row = cells[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) delete row[c];
      let length = row.length;
      while (length > 0 && row[length - 1] === undefined) length--;
      if (length === 0) delete cells[r];
      else row.length = length;
    }
  }
}

/** The cell's value as ExcelJS's full reader gives it, then as workbookToGrid flattens it (formula → result). */
function cellValue(
  type: string | undefined,
  hasFormula: boolean,
  v: string | undefined,
  inline: string | undefined,
  shared: string[],
  style: StyleInfo,
  date1904: boolean
): CellValue {
  if (hasFormula) {
    if (v === undefined) return null; // never calculated: blank, as workbookToGrid gives it
    switch (type) {
      case "str":
        return excelUtils.xmlDecode(v);
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: v };
      default: {
        const n = parseFloat(v);
        return style.isDate ? toDate(n, date1904) : n;
      }
    }
  }
  switch (type) {
    case "s":
      return v === undefined ? null : shared[parseInt(v, 10)] ?? null;
    case "inlineStr":
      return inline ?? null;
    case "str":
      return v === undefined ? null : excelUtils.xmlDecode(v);
    case "b":
      return v === undefined ? null : parseInt(v, 10) !== 0;
    case "e":
      return v === undefined ? null : { error: v };
    default: {
      if (v === undefined) return null;
      const n = parseFloat(v);
      return style.isDate ? toDate(n, date1904) : n;
    }
  }
}

function toDate(serial: number, date1904: boolean): Date | null {
  const date = excelUtils.excelToDate(serial, date1904);
  return Number.isNaN(date.getTime()) ? null : date;
}
