/**
 * A small pull scanner over the UTF-8 bytes of an XML part, made for the .xlsx reader's hot path: it allocates
 * nothing per tag (names, attributes and text are byte ranges; strings are made only when a parser asks), and it
 * works on chunks as they are inflated. A token cut at the end of a chunk is not read: the scanner stops before it
 * (MORE) and `ChunkFeeder` hands it the same bytes again with the next chunk behind them, so a multi-byte
 * character that straddles two chunks is decoded whole, never as U+FFFD.
 *
 * What it reads: elements (with a namespace prefix or not: the local name is what parsers compare), attributes
 * in single or double quotes, text, CDATA, the five named entities and character references, comments and
 * processing instructions (skipped). A document type declaration is refused: OOXML parts never have one, and it
 * is what entity-expansion attacks (billion laughs, external entities) need. Line ends in text are normalised as
 * XML 1.0 says (CR LF and CR → LF).
 */

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
/** The rest of the buffer holds an incomplete token: feed more bytes. */
export const MORE = -1;

/** The XML of a part cannot be read; `part` names it. */
export class XmlError extends Error {
  constructor(
    readonly part: string,
    readonly reason: string
  ) {
    super(`${part}: ${reason}`);
  }
}

const EMPTY = new Uint8Array(0);
const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const COLON = 58;
const EQUALS = 61;
const AMP = 38;
const CR = 13;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** The bytes of an ASCII name, for comparing names without making strings. */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

const XMLNS = ascii("xmlns");
const CDATA_OPEN = ascii("[CDATA[");
// Made on first use: a module that only imports this one (a test environment without TextDecoder) still loads.
let decoder: TextDecoder | undefined;

/** UTF-8 bytes → string; short ASCII runs (numbers, most names) without a call into the platform decoder. */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= 48) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
  }
  return (decoder ??= new TextDecoder("utf-8")).decode(buf.subarray(start, end));
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Replaces entity and character references; a reference that is not one is left as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35 /* # */) return NAMED[ref];
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export class XmlScanner {
  buf: Uint8Array = EMPTY;
  end = 0;
  pos = 0;
  /** No more bytes will come: an incomplete token is an error, not MORE. */
  final = false;

  /** Local name (after any prefix) of the current OPEN or CLOSE token. */
  nameStart = 0;
  nameEnd = 0;
  /** The OPEN token is an empty-element tag (`<c/>`): no CLOSE follows. */
  selfClosing = false;
  /** Attributes of the current OPEN token: per attribute its prefix start, local name start/end, value start/end. */
  attrCount = 0;
  attrs = new Int32Array(5 * 16);
  /** Raw text of the current TEXT token; `cdata` when it came from a CDATA section (no references in it). */
  textStart = 0;
  textEnd = 0;
  cdata = false;
  /** Elements open at the current token: the part must close every one it opens. */
  depth = 0;

  constructor(readonly part: string) {}

  reset(buf: Uint8Array, start: number, end: number, final: boolean): void {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    this.final = final;
  }

  private fail(reason: string): never {
    throw new XmlError(this.part, reason);
  }

  /** The token is cut off at the end of the buffer: wait for more, or fail at the end of the part. */
  private incomplete(tokenStart: number): number {
    if (this.final) this.fail("the XML ends in the middle of a tag");
    this.pos = tokenStart;
    return MORE;
  }

  /** Index of `a` followed by `b` at or after `from`, or −1. */
  private find2(from: number, a: number, b: number): number {
    const buf = this.buf;
    for (let i = buf.indexOf(a, from); i >= 0 && i < this.end; i = buf.indexOf(a, i + 1)) {
      if (i + 1 >= this.end) return -1;
      if (buf[i + 1] === b) return i;
    }
    return -1;
  }

  next(): number {
    const buf = this.buf;
    const end = this.end;
    for (;;) {
      const start = this.pos;
      if (start >= end) {
        if (!this.final) return MORE;
        if (this.depth !== 0) this.fail("the XML ends before its elements are closed");
        return END;
      }
      if (buf[start] !== LT) {
        // Text up to the next tag. Cut text waits for its end (it may end inside a multi-byte character).
        let lt = start + 1;
        const near = Math.min(end, start + 32);
        while (lt < near && buf[lt] !== LT) lt++;
        if (lt === near) lt = near < end ? buf.indexOf(LT, near) : -1;
        if (lt < 0 || lt >= end) {
          if (!this.final) return MORE;
          lt = end;
        }
        this.textStart = start;
        this.textEnd = lt;
        this.cdata = false;
        this.pos = lt;
        return TEXT;
      }
      if (start + 1 >= end) return this.incomplete(start);
      const c = buf[start + 1];
      if (c === SLASH) {
        const gt = buf.indexOf(GT, start + 2);
        if (gt < 0 || gt >= end) return this.incomplete(start);
        let nameEnd = start + 2;
        while (nameEnd < gt && !isSpace(buf[nameEnd])) nameEnd++;
        this.setName(start + 2, nameEnd);
        this.pos = gt + 1;
        if (--this.depth < 0) this.fail("a closing tag without its opening tag");
        return CLOSE;
      }
      if (c === QUESTION) {
        const q = this.find2(start + 2, QUESTION, GT);
        if (q < 0) return this.incomplete(start);
        this.pos = q + 2;
        continue;
      }
      if (c === BANG) {
        if (start + 4 > end) return this.incomplete(start);
        if (buf[start + 2] === 45 && buf[start + 3] === 45) {
          // <!-- comment -->
          let i = start + 4;
          for (;;) {
            const dash = this.find2(i, 45, 45);
            if (dash < 0 || dash + 2 >= end) return this.incomplete(start);
            if (buf[dash + 2] === GT) {
              this.pos = dash + 3;
              break;
            }
            i = dash + 1;
          }
          continue;
        }
        if (start + 2 + CDATA_OPEN.length > end) return this.incomplete(start);
        let isCdata = true;
        for (let k = 0; k < CDATA_OPEN.length; k++) if (buf[start + 2 + k] !== CDATA_OPEN[k]) isCdata = false;
        if (!isCdata) this.fail("a document type declaration (not allowed in a workbook)");
        const from = start + 2 + CDATA_OPEN.length;
        let i = from;
        for (;;) {
          const b = this.find2(i, 93, 93); // ]]
          if (b < 0 || b + 2 >= end) return this.incomplete(start);
          if (buf[b + 2] === GT) {
            this.textStart = from;
            this.textEnd = b;
            this.cdata = true;
            this.pos = b + 3;
            return TEXT;
          }
          i = b + 1;
        }
      }
      return this.openTag(start);
    }
  }

  private setName(from: number, to: number): void {
    const buf = this.buf;
    let local = from;
    for (let i = from; i < to; i++) if (buf[i] === COLON) local = i + 1;
    this.nameStart = local;
    this.nameEnd = to;
  }

  private openTag(start: number): number {
    const buf = this.buf;
    const end = this.end;
    let i = start + 1;
    while (i < end) {
      const b = buf[i];
      if (isSpace(b) || b === GT || b === SLASH) break;
      i++;
    }
    if (i >= end) return this.incomplete(start);
    if (i === start + 1) this.fail("a tag without a name");
    this.setName(start + 1, i);
    this.attrCount = 0;
    for (;;) {
      while (i < end && isSpace(buf[i])) i++;
      if (i >= end) return this.incomplete(start);
      const b = buf[i];
      if (b === GT) {
        this.selfClosing = false;
        this.pos = i + 1;
        this.depth++;
        return OPEN;
      }
      if (b === SLASH) {
        if (i + 1 >= end) return this.incomplete(start);
        if (buf[i + 1] !== GT) this.fail("a stray / in a tag");
        this.selfClosing = true;
        this.pos = i + 2;
        return OPEN;
      }
      // An attribute: name = "value" (or 'value').
      const nameStart = i;
      let local = i;
      while (i < end) {
        const x = buf[i];
        if (x === EQUALS || isSpace(x) || x === GT || x === SLASH) break;
        if (x === COLON) local = i + 1;
        i++;
      }
      const nameEnd = i;
      while (i < end && isSpace(buf[i])) i++;
      if (i >= end) return this.incomplete(start);
      if (buf[i] !== EQUALS || nameEnd === nameStart) this.fail("an attribute without a value");
      i++;
      while (i < end && isSpace(buf[i])) i++;
      if (i >= end) return this.incomplete(start);
      const quote = buf[i];
      if (quote !== 34 && quote !== 39) this.fail("an attribute value without quotes");
      // Values are short: a plain loop beats a call into indexOf.
      let close = i + 1;
      while (close < end && buf[close] !== quote) close++;
      if (close >= end) return this.incomplete(start);
      let k = this.attrCount * 5;
      if (k + 5 > this.attrs.length) {
        const grown = new Int32Array(this.attrs.length * 2);
        grown.set(this.attrs);
        this.attrs = grown;
      }
      const a = this.attrs;
      a[k++] = nameStart;
      a[k++] = local;
      a[k++] = nameEnd;
      a[k++] = i + 1;
      a[k] = close;
      this.attrCount++;
      i = close + 1;
    }
  }

  /** Does the current element's local name equal `name`? */
  is(name: Uint8Array): boolean {
    const s = this.nameStart;
    if (this.nameEnd - s !== name.length) return false;
    const buf = this.buf;
    for (let k = 0; k < name.length; k++) if (buf[s + k] !== name[k]) return false;
    return true;
  }

  /** Index of the attribute whose local name is `name` (a namespace declaration never matches), or −1. */
  attr(name: Uint8Array): number {
    const a = this.attrs;
    const buf = this.buf;
    outer: for (let k = 0; k < this.attrCount; k++) {
      const at = k * 5;
      const local = a[at + 1];
      if (a[at + 2] - local !== name.length) continue;
      for (let j = 0; j < name.length; j++) if (buf[local + j] !== name[j]) continue outer;
      const prefix = a[at];
      if (local > prefix && local - 1 - prefix === XMLNS.length) {
        let isXmlns = true;
        for (let j = 0; j < XMLNS.length; j++) if (buf[prefix + j] !== XMLNS[j]) isXmlns = false;
        if (isXmlns) continue;
      }
      return k;
    }
    return -1;
  }

  valueStart(k: number): number {
    return this.attrs[k * 5 + 3];
  }

  valueEnd(k: number): number {
    return this.attrs[k * 5 + 4];
  }

  /** The attribute's value as a string, references replaced and white space normalised (XML 1.0 §3.3.3). */
  attrString(k: number): string {
    let text = decodeUtf8(this.buf, this.attrs[k * 5 + 3], this.attrs[k * 5 + 4]);
    if (text.indexOf("&") >= 0) text = decodeEntities(text);
    return /[\t\n\r]/.test(text) ? text.replace(/\r\n|[\t\n\r]/g, " ") : text;
  }

  /** The value of the attribute named `name`, or undefined. */
  attrValue(name: Uint8Array): string | undefined {
    const k = this.attr(name);
    return k < 0 ? undefined : this.attrString(k);
  }

  /** The attribute's value read as a non-negative integer; −1 when it is not one (or too long to be exact). */
  attrInt(k: number): number {
    return readUint(this.buf, this.attrs[k * 5 + 3], this.attrs[k * 5 + 4]);
  }

  /** The current TEXT token as a string. */
  text(): string {
    const buf = this.buf;
    const start = this.textStart;
    const end = this.textEnd;
    let text = decodeUtf8(buf, start, end);
    if (!this.cdata && holds(buf, AMP, start, end)) text = decodeEntities(text);
    if (holds(buf, CR, start, end)) text = normaliseLineEnds(text);
    return text;
  }
}

/** Does buf[start..end) hold `byte`? */
function holds(buf: Uint8Array, byte: number, start: number, end: number): boolean {
  if (end - start > 64) return buf.subarray(start, end).indexOf(byte) >= 0;
  for (let i = start; i < end; i++) if (buf[i] === byte) return true;
  return false;
}

/** Digits only → their value; −1 for anything else (empty, a sign, more than 15 digits). */
export function readUint(buf: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * A cell's number as `parseFloat` reads it. Plain decimals of up to 15 significant digits ("4568", "-0.96",
 * "1.0386") are computed from their digits: an integer below 2^53 divided by an exact power of ten is the
 * correctly rounded double, the same as parseFloat gives. Anything else (exponents, long digit strings, text)
 * goes through parseFloat itself.
 */
export function readNumber(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && buf[i] === 45) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const b = buf[i];
    if (b === 46 && fraction < 0) {
      fraction = 0;
      continue;
    }
    const d = b - 48;
    if (d < 0 || d > 9) break;
    if (digits > 0 || d > 0) digits++;
    mantissa = mantissa * 10 + d;
    if (fraction >= 0) fraction++;
  }
  if (i === end && digits <= 15 && fraction !== 0 && i > start + (negative ? 1 : 0)) {
    const value = fraction > 0 ? mantissa / POWERS[fraction] : mantissa;
    if (fraction <= 22) return negative ? -value : value;
  }
  return parseFloat(decodeUtf8(buf, start, end));
}

/**
 * Feeds a part's bytes chunk by chunk to `parse`, which reads tokens from the scanner until MORE or END. The
 * bytes of a token cut at a chunk's end are kept and given again with the next chunk after them; a buffer is
 * only scanned again once at least as many new bytes have come as were kept, so a very long token costs linear
 * time, not quadratic.
 */
export class ChunkFeeder {
  private carry: Uint8Array = EMPTY;
  private carried = 0;
  private waiting = 0;
  private added = 0;

  constructor(
    private readonly scanner: XmlScanner,
    private readonly parse: (scanner: XmlScanner) => void
  ) {}

  push(piece: Uint8Array): void {
    if (piece.length === 0) return;
    // A plain Uint8Array view, whatever the inflater gave (node's Buffer is a subclass): the scanner's loops then
    // meet one kind of array and stay fast.
    const chunk = piece.constructor === Uint8Array ? piece : new Uint8Array(piece.buffer, piece.byteOffset, piece.length);
    if (this.carried === 0) {
      this.scan(chunk, chunk.length, false);
      return;
    }
    const need = this.carried + chunk.length;
    if (need > this.carry.length) {
      const grown = new Uint8Array(Math.max(need, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carried));
      this.carry = grown;
    }
    this.carry.set(chunk, this.carried);
    this.carried = need;
    this.added += chunk.length;
    if (this.added >= this.waiting) this.scan(this.carry, this.carried, false);
  }

  end(): void {
    this.scan(this.carried ? this.carry : EMPTY, this.carried, true);
  }

  private scan(buf: Uint8Array, length: number, final: boolean): void {
    const s = this.scanner;
    s.reset(buf, 0, length, final);
    this.parse(s);
    const left = length - s.pos;
    if (final || left === 0) {
      this.carried = 0;
      this.carry = EMPTY;
      return;
    }
    if (buf === this.carry) this.carry.copyWithin(0, s.pos, length);
    else {
      if (this.carry.length < left) this.carry = new Uint8Array(Math.max(left * 2, 64 * 1024));
      this.carry.set(buf.subarray(s.pos, length));
    }
    this.carried = left;
    this.waiting = left;
    this.added = 0;
  }
}
