/**
 * The small parts of an .xlsx: relationships, the workbook (sheets in order, the 1904 date system), the style
 * sheet (number format and indent of each cell format) and the shared-string table (decoded once). Each parser
 * is a state machine the scanner feeds token by token (./xml.ts), so a part is read in one pass as it inflates,
 * and each counts what it reads against the limits, so a hostile part is refused as soon as it passes them.
 */
import type { StyleTable } from "../core/cellStore";
import { PartLimitKind, XlsxError, XlsxLimits } from "./limits";
import { builtInFormat, decodeXEscapes, isDateFormat } from "./numFmt";
import { CLOSE, OPEN, TEXT, XmlScanner, ascii } from "./xml";

/** A part parser: reads tokens until the scanner says MORE or END. */
export type PartParser = (scanner: XmlScanner) => void;

export function partLimit(what: PartLimitKind, name: string, limit: number): XlsxError {
  return new XlsxError("partLimit", { what, name, limit });
}

/** Counts a part's elements against a bound. */
export class ElementBudget {
  private count = 0;
  constructor(
    private readonly part: string,
    private readonly limit: number,
    private readonly what: PartLimitKind = "elements"
  ) {}
  take(): void {
    if (++this.count > this.limit) throw partLimit(this.what, this.part, this.limit);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Relationships

export interface Relationship {
  /** The part it names, resolved against the part that holds the relationship (no leading slash). */
  target: string;
  /** The relationship type's last segment: "officeDocument", "worksheet", "styles", "sharedStrings" … */
  type: string;
}

const RELATIONSHIP = ascii("Relationship");
const ID = ascii("Id");
const TARGET = ascii("Target");
const TYPE = ascii("Type");
const TARGET_MODE = ascii("TargetMode");

/** A target relative to the folder of the part `base` ("xl/workbook.xml" + "worksheets/sheet1.xml"). */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith("/") ? [] : base.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return parts.join("/");
}

/** The relationships part of `source` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

export function relationshipsParser(source: string, partName: string, out: Map<string, Relationship>, limits: XlsxLimits): PartParser {
  const budget = new ElementBudget(partName, limits.partElements);
  return (s) => {
    for (;;) {
      const t = s.next();
      if (t <= 0) return;
      if (t !== OPEN) continue;
      budget.take();
      if (!s.is(RELATIONSHIP)) continue;
      const id = s.attrValue(ID);
      const target = s.attrValue(TARGET);
      if (!id || !target || s.attrValue(TARGET_MODE) === "External") continue;
      const type = s.attrValue(TYPE) ?? "";
      out.set(id, { target: resolvePart(source, target), type: type.slice(type.lastIndexOf("/") + 1) });
    }
  };
}

// ---------------------------------------------------------------------------------------------------------
// Workbook

export interface SheetRef {
  name: string;
  /** The relationship id naming its part. */
  rel: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
}

const SHEET = ascii("sheet");
const NAME = ascii("name");
const REL_ID = ascii("id");
const WORKBOOK_PR = ascii("workbookPr");
const DATE1904 = ascii("date1904");

export function workbookParser(partName: string, out: WorkbookInfo, limits: XlsxLimits): PartParser {
  const budget = new ElementBudget(partName, limits.partElements);
  return (s) => {
    for (;;) {
      const t = s.next();
      if (t <= 0) return;
      if (t !== OPEN) continue;
      budget.take();
      if (s.is(SHEET)) {
        if (out.sheets.length >= limits.sheets) throw partLimit("sheets", partName, limits.sheets);
        out.sheets.push({ name: s.attrValue(NAME) ?? "", rel: s.attrValue(REL_ID) ?? "" });
      } else if (s.is(WORKBOOK_PR)) {
        const v = s.attrValue(DATE1904);
        out.date1904 = v === "1" || v === "true";
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------------------
// Styles

/** What the sheet reader needs of each cell format (`s` of a cell, an index into cellXfs). */
export interface CellFormats {
  /** Style-table number (number format and indent) of each cell format. */
  style: Uint16Array;
  /** 1 where the format shows a date. */
  date: Uint8Array;
  table: StyleTable;
}

const NUM_FMTS = ascii("numFmts");
const NUM_FMT = ascii("numFmt");
const NUM_FMT_ID = ascii("numFmtId");
const FORMAT_CODE = ascii("formatCode");
const CELL_XFS = ascii("cellXfs");
const XF = ascii("xf");
const ALIGNMENT = ascii("alignment");
const INDENT = ascii("indent");

export interface StylesState {
  formats: Map<number, string>;
  xfFormat: number[];
  xfIndent: number[];
}

export function stylesParser(partName: string, out: StylesState, limits: XlsxLimits): PartParser {
  const budget = new ElementBudget(partName, 32 * limits.styles);
  let inNumFmts = false;
  let inCellXfs = false;
  let inXf = false;
  return (s) => {
    for (;;) {
      const t = s.next();
      if (t <= 0) return;
      if (t === OPEN) {
        budget.take();
        if (s.is(NUM_FMTS)) inNumFmts = !s.selfClosing;
        else if (s.is(CELL_XFS)) inCellXfs = !s.selfClosing;
        else if (inNumFmts && s.is(NUM_FMT)) {
          if (out.formats.size >= limits.styles) throw partLimit("styles", partName, limits.styles);
          const k = s.attr(NUM_FMT_ID);
          const id = k < 0 ? -1 : s.attrInt(k);
          const code = s.attrValue(FORMAT_CODE);
          if (id >= 0 && code !== undefined) out.formats.set(id, code);
        } else if (inCellXfs && s.is(XF)) {
          if (out.xfFormat.length >= limits.styles) throw partLimit("styles", partName, limits.styles);
          const k = s.attr(NUM_FMT_ID);
          out.xfFormat.push(k < 0 ? 0 : Math.max(0, s.attrInt(k)));
          out.xfIndent.push(0);
          inXf = !s.selfClosing;
        } else if (inXf && s.is(ALIGNMENT)) {
          const k = s.attr(INDENT);
          const indent = k < 0 ? 0 : s.attrInt(k);
          if (indent > 0 && indent <= 250) out.xfIndent[out.xfIndent.length - 1] = indent;
        }
      } else if (t === CLOSE) {
        if (s.is(NUM_FMTS)) inNumFmts = false;
        else if (s.is(CELL_XFS)) inCellXfs = false;
        else if (s.is(XF)) inXf = false;
      }
    }
  };
}

/**
 * The cell formats as the sheet reader uses them: each format's number format code (custom codes before the
 * built-in ids; General has none) and indent become a style-table number, formats with the same code and indent
 * sharing one.
 */
export function cellFormats(state: StylesState): CellFormats {
  const table: StyleTable = { formats: [undefined], indents: [0] };
  const numbers = new Map<string, number>();
  const n = state.xfFormat.length;
  const style = new Uint16Array(n);
  const date = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = state.xfFormat[i];
    const code = id === 0 ? undefined : state.formats.get(id) ?? builtInFormat(id);
    const indent = state.xfIndent[i];
    if (code === undefined && !indent) continue;
    const key = `${indent}\u0000${code ?? ""}`;
    let number = numbers.get(key);
    if (number === undefined) {
      number = table.formats.length;
      numbers.set(key, number);
      table.formats.push(code);
      table.indents.push(indent);
    }
    style[i] = number;
    if (isDateFormat(code)) date[i] = 1;
  }
  return { style, date, table };
}

// ---------------------------------------------------------------------------------------------------------
// Shared strings

const SI = ascii("si");
const T = ascii("t");
const RPH = ascii("rPh");

/** Counts the characters of cell text against the workbook's bound. */
export class TextBudget {
  private chars = 0;
  constructor(private readonly limit: number) {}
  take(text: string, part: string): void {
    this.chars += text.length;
    if (this.chars > this.limit) throw partLimit("text", part, this.limit);
  }
  /** Text still being gathered (one cell's runs) must fit too, before it is taken. */
  check(pending: number, part: string): void {
    if (this.chars + pending > this.limit) throw partLimit("text", part, this.limit);
  }
}

/** Shared strings: rich text flattened to its runs' text; phonetic guides (rPh) are not part of the value. */
export function sharedStringsParser(partName: string, out: string[], limits: XlsxLimits, text: TextBudget): PartParser {
  const budget = new ElementBudget(partName, 4 * limits.strings + 16);
  let current = "";
  let inText = false;
  let inPhonetic = false;
  return (s) => {
    for (;;) {
      const t = s.next();
      if (t <= 0) return;
      if (t === TEXT) {
        if (inText) {
          current += s.text();
          text.check(current.length, partName);
        }
      } else if (t === OPEN) {
        budget.take();
        if (s.is(SI)) {
          current = "";
          if (s.selfClosing) {
            if (out.length >= limits.strings) throw partLimit("strings", partName, limits.strings);
            out.push("");
          }
        } else if (s.is(T)) inText = !s.selfClosing && !inPhonetic;
        else if (s.is(RPH)) inPhonetic = !s.selfClosing;
      } else if (t === CLOSE) {
        if (s.is(T)) inText = false;
        else if (s.is(RPH)) inPhonetic = false;
        else if (s.is(SI)) {
          if (out.length >= limits.strings) throw partLimit("strings", partName, limits.strings);
          const value = decodeXEscapes(current);
          text.take(value, partName);
          out.push(value);
          current = "";
        }
      }
    }
  };
}
