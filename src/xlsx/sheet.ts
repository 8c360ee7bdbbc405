/**
 * A worksheet part → the core's column store, in one pass over the sheet XML as it inflates: no object per cell,
 * no intermediate grid. What a cell becomes is what Excel shows of it: a formula gives its cached result (error
 * and boolean results too; none cached → blank), shared and inline strings their text with rich text flattened
 * and phonetic guides left out, a number under a date format a Date (1900 or 1904 system), and every cell keeps
 * its number format code and indent. A cell without value or formula is empty however it is formatted. Inside a
 * merged area only the master cell keeps its value (../core/cellStore.ts).
 */
import { BLANK, CellStore, CellStoreBuilder, DATE, ERROR, FALSE, NUMBER, STRING, TRUE } from "../core/cellStore";
import { A1Position, CellRange, EXCEL_COLUMNS, EXCEL_ROWS, parseA1 } from "../core/grid";
import { XlsxError, XlsxLimits } from "./limits";
import { decodeXEscapes } from "./numFmt";
import { CellFormats, PartParser, TextBudget, partLimit } from "./parts";
import { CLOSE, OPEN, TEXT, XmlScanner, readNumber, readUint } from "./xml";

/** What the sheets of one workbook share while they are read. */
export interface WorkbookContext {
  /** The string table: shared strings first, then inline and formula strings as sheets add them. */
  strings: string[];
  /** How many of `strings` are the shared strings (a cell of type s may only name those). */
  sharedCount: number;
  formats: CellFormats;
  date1904: boolean;
  limits: XlsxLimits;
  text: TextBudget;
  /** Filled cells, elements and merged areas read so far, whole workbook. */
  counts: { cells: number; elements: number; merges: number; mergeWork: number };
  /** Short inline strings and error texts already in the table, so repeated ones share an entry. */
  known: Map<string, number>;
}

// Cell types (the `t` attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

// What the <v> of the current cell gave.
const V_NONE = 0;
const V_NUMBER = 1;
const V_TEXT = 2;

const MS_PER_DAY = 86_400_000;
/** Largest time a Date holds (ms from 1970). */
const MAX_TIME = 8.64e15;
/** Budget for dropping merged copies: cells checked against merges, whole workbook. */
const MAX_MERGE_WORK = 200_000_000;

const SLASH = 47;
const SPACE = 32;
const EQUALS = 61;
const LT = 60;
const GT = 62;

function readCellType(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 1) {
    switch (buf[start]) {
      case 115: // s
        return T_SHARED;
      case 98: // b
        return T_BOOL;
      case 101: // e
        return T_ERROR;
      case 100: // d
        return T_DATE;
      default:
        return T_NUMBER;
    }
  }
  if (n === 3 && buf[start] === 115 && buf[start + 1] === 116 && buf[start + 2] === 114) return T_STR; // str
  if (n === 9 && buf[start] === 105) return T_INLINE; // inlineStr
  return T_NUMBER;
}

/** Reads one worksheet part into `builder`; `finish` builds the store once the part has been read. */
export class SheetReader {
  readonly parse: PartParser;
  private readonly builder: CellStoreBuilder;
  private readonly merges: CellRange[] = [];

  constructor(
    private readonly part: string,
    private readonly sheetName: string,
    private readonly ctx: WorkbookContext,
    capacity: number
  ) {
    this.builder = new CellStoreBuilder(sheetName, ctx.strings, ctx.formats.table, capacity);
    this.parse = this.makeParser();
  }

  finish(): CellStore {
    const ctx = this.ctx;
    return this.builder.build(this.merges, (work) => {
      ctx.counts.mergeWork += work;
      if (ctx.counts.mergeWork > MAX_MERGE_WORK) throw partLimit("merges", this.sheetName, ctx.limits.merges);
    });
  }

  private makeParser(): PartParser {
    const { part, sheetName, ctx, builder, merges } = this;
    const { strings, sharedCount, formats, limits, counts, text, known } = ctx;
    const dateOffset = 25569 - (ctx.date1904 ? 1462 : 0);
    const xfCount = formats.style.length;
    const at: A1Position = { row: 0, col: 0 };

    let rowIndex = -1;
    let colIndex = -1;
    let rowsKept = 0;
    let lastKeptRow = -1;
    // The cell being read.
    let inCell = false;
    let type = T_NUMBER;
    let xf = 0;
    let hasFormula = false;
    let vState = V_NONE;
    let vNumber = 0;
    let vText = "";
    let inline: string | undefined;
    let capture = 0; // 1: <v>, 2: <t> of an inline string
    let inPhonetic = false;

    const corrupt = (detail: string) => new XlsxError("corrupt", { name: part, detail });

    const intern = (value: string, share: boolean): number => {
      if (share) {
        const seen = known.get(value);
        if (seen !== undefined) return seen;
        if (known.size < 65_536) known.set(value, strings.length);
      }
      strings.push(value);
      return strings.length - 1;
    };

    const startCell = (s: XmlScanner) => {
      inCell = true;
      type = T_NUMBER;
      xf = 0;
      hasFormula = false;
      vState = V_NONE;
      inline = undefined;
      let hasRef = false;
      const buf = s.buf;
      const attrs = s.attrs;
      for (let k = 0; k < s.attrCount; k++) {
        const a = k * 5;
        const local = attrs[a + 1];
        if (attrs[a + 2] - local !== 1) continue;
        const vs = attrs[a + 3];
        const ve = attrs[a + 4];
        switch (buf[local]) {
          case 114: // r
            if (!parseA1(buf, vs, ve, at)) throw corrupt(`a cell reference that is not one in sheet ${sheetName}`);
            colIndex = at.col;
            hasRef = true;
            break;
          case 115: // s
            xf = readUint(buf, vs, ve);
            break;
          case 116: // t
            type = readCellType(buf, vs, ve);
            break;
        }
      }
      if (!hasRef) colIndex++;
    };

    const startRow = (s: XmlScanner) => {
      const buf = s.buf;
      const attrs = s.attrs;
      let r = -2;
      for (let k = 0; k < s.attrCount; k++) {
        const a = k * 5;
        const local = attrs[a + 1];
        if (attrs[a + 2] - local === 1 && buf[local] === 114) r = readUint(buf, attrs[a + 3], attrs[a + 4]);
      }
      if (r === -2) rowIndex++;
      else if (r < 1) throw corrupt(`a row number that is not one in sheet ${sheetName}`);
      else rowIndex = r - 1;
      colIndex = -1;
    };

    // What endCell makes of the cell: a kind and its float (see ../core/cellStore.ts).
    let kind = BLANK;
    let num = 0;

    const setNumber = (value: number, styled: boolean) => {
      if (styled && formats.date[xf]) {
        const ms = Math.round((value - dateOffset) * MS_PER_DAY);
        if (Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME) {
          kind = DATE;
          num = ms;
        }
      } else {
        kind = NUMBER;
        num = value;
      }
    };

    const setText = (value: string) => {
      text.take(value, part);
      kind = STRING;
      num = intern(value, value.length <= 64);
    };

    const vString = () => (vState === V_TEXT ? vText : String(vNumber));

    const endCell = () => {
      inCell = false;
      capture = 0;
      if (rowIndex < 0 || colIndex < 0) return;
      if (vState === V_NONE && inline === undefined && !hasFormula) return; // empty, however formatted
      const styled = xf >= 0 && xf < xfCount;
      const style = styled ? formats.style[xf] : 0;
      kind = BLANK;
      num = 0;
      if (vState === V_NUMBER && type === T_NUMBER) setNumber(vNumber, styled); // most cells
      else if (vState !== V_NONE || type === T_INLINE) {
        switch (hasFormula && type === T_INLINE ? T_NUMBER : type) {
          case T_SHARED:
            if (vState !== V_NONE) {
              const index = vState === V_NUMBER ? vNumber : parseInt(vText, 10);
              if (index >= 0 && index < sharedCount) {
                kind = STRING;
                num = index;
              }
            }
            break;
          case T_INLINE:
            if (inline !== undefined) setText(decodeXEscapes(inline));
            break;
          case T_STR:
            if (vState !== V_NONE) setText(decodeXEscapes(vString()));
            break;
          case T_BOOL:
            if (vState !== V_NONE) kind = parseInt(vString(), 10) !== 0 ? TRUE : FALSE;
            break;
          case T_ERROR:
            if (vState !== V_NONE) {
              const error = vString();
              text.take(error, part);
              kind = ERROR;
              num = intern(error, true);
            }
            break;
          case T_DATE:
            if (vState !== V_NONE) {
              const ms = Date.parse(vString());
              if (Number.isFinite(ms)) {
                kind = DATE;
                num = ms;
              }
            }
            break;
          default:
            if (vState !== V_NONE) setNumber(vState === V_NUMBER ? vNumber : parseFloat(vText), styled);
        }
      }
      if (kind === BLANK && style === 0) return;
      if (rowIndex >= EXCEL_ROWS || colIndex >= EXCEL_COLUMNS) throw corrupt(`a cell of sheet ${sheetName} lies outside Excel's grid`);
      if (rowIndex !== lastKeptRow) {
        lastKeptRow = rowIndex;
        if (++rowsKept > limits.rowsPerSheet) throw new XlsxError("tooManyRows", { name: sheetName, limit: limits.rowsPerSheet });
      }
      if (++counts.cells > limits.cells) throw new XlsxError("tooManyCells", { name: sheetName, limit: limits.cells });
      builder.add(rowIndex, colIndex, kind, num, style);
    };

    const readV = (s: XmlScanner) => {
      const buf = s.buf;
      const start = s.textStart;
      const end = s.textEnd;
      // The common case: one text token right before </v>, read from its bytes without making a string.
      if (vState === V_NONE && !s.cdata && end + 1 < s.end && buf[end + 1] === SLASH && (type === T_NUMBER || type === T_SHARED)) {
        vNumber = type === T_SHARED ? readUint(buf, start, end) : readNumber(buf, start, end);
        if (type === T_SHARED && vNumber < 0) {
          vText = s.text();
          vState = V_TEXT;
        } else vState = V_NUMBER;
        return;
      }
      vText = (vState === V_NONE ? "" : vState === V_NUMBER ? String(vNumber) : vText) + s.text();
      vState = V_TEXT;
    };

    /**
     * Most cells are `<c …><v>digits</v></c>`: read that straight from the bytes, without the four tokens it
     * takes the scanner. Anything else (a formula, text, a comment, a cell cut by the chunk's end) is left to the
     * scanner, which then reads on from where this started.
     */
    const quickValue = (s: XmlScanner) => {
      const buf = s.buf;
      const end = s.end;
      const p = s.pos;
      if (p + 3 > end || buf[p] !== LT || buf[p + 1] !== 118 || buf[p + 2] !== GT) return;
      const start = p + 3;
      let q = start;
      while (q < end && buf[q] !== LT) q++;
      if (q + 8 > end || q === start) return;
      if (buf[q + 1] !== SLASH || buf[q + 2] !== 118 || buf[q + 3] !== GT || buf[q + 4] !== LT || buf[q + 5] !== SLASH || buf[q + 6] !== 99 || buf[q + 7] !== GT) return;
      if (type === T_SHARED) {
        vNumber = readUint(buf, start, q);
        if (vNumber < 0) return;
      } else vNumber = readNumber(buf, start, q);
      vState = V_NUMBER;
      if (++counts.elements > limits.sheetElements) throw partLimit("elements", part, limits.sheetElements);
      s.pos = q + 8;
      s.depth--; // the <c> this closes
      endCell();
    };

    /**
     * A `<c r="B4" s="1" t="s">` tag read here from its bytes, without the scanner's general attribute walk: the
     * commonest tag of a sheet. Anything unusual (other white space, a tag cut by the chunk's end) is left to the
     * scanner, and nothing is changed until the whole tag has been read.
     */
    const quickCell = (s: XmlScanner): boolean => {
      const buf = s.buf;
      const end = s.end;
      let i = s.pos + 3;
      let cellType = T_NUMBER;
      let style = 0;
      let col = -2;
      let closed = false;
      for (;;) {
        while (i < end && buf[i] === SPACE) i++;
        if (i >= end) return false;
        const b = buf[i];
        if (b === GT) {
          i++;
          break;
        }
        if (b === SLASH) {
          if (i + 1 >= end || buf[i + 1] !== GT) return false;
          closed = true;
          i += 2;
          break;
        }
        const name = i;
        while (i < end && buf[i] !== EQUALS && buf[i] > SPACE && buf[i] !== GT && buf[i] !== SLASH) i++;
        if (i + 1 >= end || buf[i] !== EQUALS) return false;
        const quote = buf[i + 1];
        if (quote !== 34 && quote !== 39) return false;
        const vs = i + 2;
        let ve = vs;
        while (ve < end && buf[ve] !== quote) ve++;
        if (ve >= end) return false;
        if (i - name === 1) {
          const c = buf[name];
          if (c === 114) {
            if (!parseA1(buf, vs, ve, at)) throw corrupt(`a cell reference that is not one in sheet ${sheetName}`);
            col = at.col;
          } else if (c === 115) style = readUint(buf, vs, ve);
          else if (c === 116) cellType = readCellType(buf, vs, ve);
        }
        i = ve + 1;
      }
      if (++counts.elements > limits.sheetElements) throw partLimit("elements", part, limits.sheetElements);
      s.pos = i;
      inCell = true;
      type = cellType;
      xf = style;
      hasFormula = false;
      vState = V_NONE;
      inline = undefined;
      colIndex = col === -2 ? colIndex + 1 : col;
      if (closed) endCell();
      else {
        s.depth++;
        if (type === T_NUMBER || type === T_SHARED) quickValue(s);
      }
      return true;
    };

    return (s) => {
      const buf = s.buf;
      for (;;) {
        const p = s.pos;
        if (p + 2 < s.end && buf[p] === LT && buf[p + 1] === 99 && buf[p + 2] === SPACE && quickCell(s)) continue;
        const t = s.next();
        if (t <= 0) return;
        if (t === TEXT) {
          if (capture === 1) readV(s);
          else if (capture === 2) {
            inline += s.text();
            text.check(inline!.length, part);
          }
          continue;
        }
        const n = s.nameEnd - s.nameStart;
        const first = buf[s.nameStart];
        if (t === OPEN) {
          if (++counts.elements > limits.sheetElements) throw partLimit("elements", part, limits.sheetElements);
          if (n === 1) {
            switch (first) {
              case 99: // c
                startCell(s);
                if (s.selfClosing) endCell();
                else if (type === T_NUMBER || type === T_SHARED) quickValue(s);
                break;
              case 118: // v
                if (inCell && !s.selfClosing) capture = 1;
                break;
              case 102: // f
                if (inCell) hasFormula = true;
                break;
              case 116: // t
                if (inCell && !inPhonetic && !s.selfClosing) {
                  capture = 2;
                  if (inline === undefined) inline = "";
                }
                break;
            }
          } else if (n === 3 && first === 114) {
            if (buf[s.nameStart + 1] === 111) startRow(s); // row
            else if (buf[s.nameStart + 1] === 80 && !s.selfClosing) inPhonetic = true; // rPh
          } else if (n === 9 && first === 109 && buf[s.nameStart + 5] === 67) {
            // mergeCell
            readMerge(s);
          }
        } else if (t === CLOSE) {
          if (n === 1) {
            if (first === 99) endCell();
            else if (first === 118 || first === 116) {
              // An empty <v></v> holds the empty text (a number of it is NaN, as parseFloat says).
              if (capture === 1 && vState === V_NONE) {
                vState = V_TEXT;
                vText = "";
              }
              capture = 0;
            }
          } else if (n === 3 && first === 114 && buf[s.nameStart + 1] === 80) inPhonetic = false;
        }
      }
    };

    function readMerge(s: XmlScanner) {
      const buf = s.buf;
      const attrs = s.attrs;
      for (let k = 0; k < s.attrCount; k++) {
        const a = k * 5;
        const local = attrs[a + 1];
        // ref
        if (attrs[a + 2] - local !== 3 || buf[local] !== 114 || buf[local + 1] !== 101 || buf[local + 2] !== 102) continue;
        const vs = attrs[a + 3];
        const ve = attrs[a + 4];
        let colon = vs;
        while (colon < ve && buf[colon] !== 58) colon++;
        if (!parseA1(buf, vs, colon, at)) return;
        const top = at.row;
        const left = at.col;
        if (colon < ve && !parseA1(buf, colon + 1, ve, at)) return;
        if (top < 0 || left < 0 || at.row < 0 || at.col < 0) return;
        if (++counts.merges > limits.merges) throw partLimit("merges", sheetName, limits.merges);
        merges.push({ top: Math.min(top, at.row), left: Math.min(left, at.col), bottom: Math.max(top, at.row), right: Math.max(left, at.col) });
        return;
      }
    }
  }
}

