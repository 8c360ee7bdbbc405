/**
 * The number reader: one place that decides what a cell or a piece of text means as a figure.
 * "4,568", "97%", "９７％", "(1,234)", "4568万元", 0.97 with a "0%" format — all figures; "", null, "—" are
 * missing (never 0); anything else is text. Used by the custom functions, the sheet rules and the report reader.
 */
import Decimal from "decimal.js";
import { CellValue, isCellError } from "./grid";

export interface NumberRead {
  kind: "number";
  /** The value as a float, for display and banding. A percent is a fraction: "97%" → 0.97. */
  value: number;
  /** The exact decimal digits the value came from ("4568", "0.97"): `exact()` is built from this. */
  digits: string;
  /** Decimal places as shown, in the shown scale: "97%" → 0, "98.67%" → 2, "4,568.5" → 1. */
  decimals: number;
  /** True when written or formatted as a percentage. */
  percent: boolean;
  /** True when written as per mille ("5‰"): `decimals` then count per-mille places. */
  permille?: boolean;
  /** A unit written after the number: 万元, 元, 人, 个月 … */
  unit?: string;
  /**
   * The figure as written, with its unit, when it was converted to its table's unit ("13621800元" in a 万元
   * table): findings quote it so, while the checks use the converted value.
   */
  written?: string;
}

export interface MissingRead {
  kind: "missing";
  /** What the cell holds when it is not empty but a placeholder ("—", "n/a", "无"): findings quote it. */
  placeholder?: string;
}

export interface TextRead {
  kind: "text";
  text: string;
}

export interface ErrorRead {
  kind: "error";
  /** The Excel error code, e.g. "#DIV/0!". */
  error: string;
}

export type ReadResult = NumberRead | MissingRead | TextRead | ErrorRead;

const MISSING: MissingRead = { kind: "missing" };

/** Units that may follow a figure in these reports. Longest first so 万元 wins over 元. */
const UNITS = [
  "万人次", "亿元", "万元", "千元", "百元", "万人", "人次", "个月", "万户",
  "元", "万", "亿", "人", "户", "次", "个", "月", "年", "天", "日", "家", "件", "项", "分", "倍", "名",
  "yuan", "people", "months", "month",
];
const UNIT_PATTERN = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

/** Strings that stand for "no figure here" in hand-made tables. */
const MISSING_TEXT = /^(?:[-－—–−/／\\]+|无|空|n\/?a|null|—+)$/i;

/** Folds full-width digits, letters and punctuation to ASCII, and unifies minus signs and spaces. */
export function toHalfWidth(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else if (code === 0x2212 || code === 0x2013 || code === 0x2014 || code === 0xfe63) out += "-";
    else if (code === 0x3001) out += ","; // 、 is not a thousands separator, but never part of a figure either
    else out += text[i];
  }
  return out;
}

/** Largest decimal exponent accepted in number text ("1e5"); doubles end near 1e308. */
const MAX_EXPONENT = 330;

// Spaces may stand before and after the % (one run each side: two adjacent \s* around an optional % backtrack
// quadratically on a long run of spaces).
const NUMBER_TEXT = new RegExp(
  "^([+-])?\\s*(?:[¥$]\\s*)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d*)?|\\.\\d+)(?:e([+-]?\\d+))?\\s*(?:(%|‰)\\s*)?(" +
    UNIT_PATTERN +
    ")?$",
  "i"
);

/**
 * The longest text (after folding and trimming) that can be a figure: "-¥ 1,234,567,890,123.456789 万元" is 32.
 * Anything longer is text, decided without scanning it further.
 */
export const MAX_NUMBER_TEXT = 64;

/** A text for a message: at most `max` characters, and when cut, its full length ("满意度…" + " (99999 characters)"). */
export function clipText(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/** Reads a piece of text as a figure, or says it is missing or plain text. */
export function readNumberText(raw: string): ReadResult {
  let text = toHalfWidth(raw).trim();
  if (text === "") return MISSING;
  if (text.length > MAX_NUMBER_TEXT) return { kind: "text", text: raw };
  if (MISSING_TEXT.test(text)) return { kind: "missing", placeholder: raw.trim() };
  let negative = false;
  // Accountants' negatives: (1,234) or （1,234）.
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1].trim();
  }
  const m = NUMBER_TEXT.exec(text);
  if (!m) return { kind: "text", text: raw };
  if (m[1] === "-") negative = !negative;
  let mantissa = m[2].replace(/,/g, "");
  if (mantissa.endsWith(".")) mantissa = mantissa.slice(0, -1);
  if (mantissa.startsWith(".")) mantissa = "0" + mantissa;
  const exponent = m[3] ? Number(m[3]) : 0;
  // No figure in a fund report has an exponent anywhere near this; beyond it the decimal places and the float
  // value stop meaning anything (and rounding to a billion places would throw), so it is text.
  if (Math.abs(exponent) > MAX_EXPONENT) return { kind: "text", text: raw };
  const mark = m[4];
  const shownDecimals = Math.max(0, (mantissa.split(".")[1] || "").length - exponent);
  let exact = new Decimal(mantissa).times(new Decimal(10).pow(exponent));
  if (mark === "%") exact = exact.div(100);
  else if (mark === "‰") exact = exact.div(1000);
  if (negative) exact = exact.neg();
  const digits = exact.toString();
  const value = exact.toNumber();
  // Beyond a double's range the text is not a usable figure (value would be ±Infinity or a silent 0).
  if (!Number.isFinite(value) || (value === 0 && !exact.isZero())) return { kind: "text", text: raw };
  const read: NumberRead = {
    kind: "number",
    value,
    digits,
    decimals: shownDecimals,
    percent: mark === "%",
  };
  if (mark === "‰") read.permille = true;
  if (m[5]) read.unit = m[5];
  return read;
}

export interface FormatPrecision {
  decimals: number;
  percent: boolean;
}

const formatCache = new Map<string, FormatPrecision | undefined>();

/**
 * Decimal places and percent-ness of an Excel number format ("0.0%", "#,##0.00_ ", "0%;[Red]-0%").
 * undefined for General or text formats: then the value's own digits decide.
 */
export function formatPrecision(numFmt: string | undefined): FormatPrecision | undefined {
  // Excel keeps format codes to 255 characters: a longer one is not a format Excel wrote.
  if (!numFmt || numFmt.length > 255) return undefined;
  const cached = formatCache.get(numFmt);
  if (cached !== undefined || formatCache.has(numFmt)) return cached;
  // Only the first (positive) section counts; drop quoted text, escapes and colours.
  const section = numFmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^[\]]*\]/g, "")
    .replace(/_./g, "");
  let result: FormatPrecision | undefined;
  if (/[0#?]/.test(section)) {
    const dot = section.indexOf(".");
    const decimals = dot < 0 ? 0 : (section.slice(dot + 1).match(/[0#?]/g) || []).length;
    result = { decimals, percent: section.includes("%") };
  }
  formatCache.set(numFmt, result);
  return result;
}

/** Decimal places of a float as JavaScript writes it shortest (0.97 → 2, 4568 → 0, 1e-7 → 7). */
function floatDecimals(value: number): number {
  const s = String(value);
  const e = s.indexOf("e");
  if (e >= 0) {
    const mant = s.slice(0, e);
    const exp = Number(s.slice(e + 1));
    return Math.max(0, (mant.split(".")[1] || "").length - exp);
  }
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Reads a cell value (with its number format, if known) as a figure.
 * A number cell with a "%" format is a percent: its decimals count percent places (0.9867 in "0.00%" → 2).
 * Booleans and dates are text here: they are never figures in a fund table.
 */
export function readNumber(value: CellValue | unknown, numFmt?: string): ReadResult {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "text", text: String(value) };
    const fmt = formatPrecision(numFmt);
    // JavaScript's shortest form is already exact decimal digits; only exponent forms go through Decimal.
    // (No Decimal per cell: the sheet checks read a million cells.)
    const shown = String(value);
    const digits = shown.includes("e") ? new Decimal(value).toString() : value === 0 ? "0" : shown;
    if (fmt) return { kind: "number", value, digits, decimals: fmt.decimals, percent: fmt.percent };
    const dot = shown.indexOf(".");
    const decimals = digits !== shown ? floatDecimals(value) : dot < 0 ? 0 : shown.length - dot - 1;
    return { kind: "number", value, digits, decimals, percent: false };
  }
  if (typeof value === "string") return readNumberText(value);
  if (isCellError(value as CellValue)) return { kind: "error", error: (value as { error: string }).error };
  if (value instanceof Date) return { kind: "text", text: value.toISOString().slice(0, 10) };
  if (typeof value === "boolean") return { kind: "text", text: value ? "TRUE" : "FALSE" };
  return { kind: "text", text: String(value) };
}

/** The exact value of a figure, for sums and comparisons that must not drift. */
export function exact(read: NumberRead): Decimal {
  return new Decimal(read.digits);
}

/**
 * Half a unit of the figure's last shown digit, in value units: 97% → 0.005, 98.67% → 0.00005, 4568 → 0.5.
 * A stated figure matches a computed one when they differ by no more than this (docs/reference.md, “Findings”: figures are compared at the precision they are written in).
 */
export function halfUnit(read: NumberRead): Decimal {
  const unit = new Decimal(10).pow(-read.decimals).div(2);
  if (read.permille) return unit.div(1000);
  return read.percent ? unit.div(100) : unit;
}

/** Rounds half-up (away from zero at .5) to `places` decimals: the rounding of Chinese statistical reports. */
export function roundHalfUp(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * Does a stated figure agree with a computed value at the stated figure's own precision?
 * The computed value is rounded half-up to the stated decimals (in percent places for a percent) and compared exactly.
 */
export function statedMatches(stated: NumberRead, computed: Decimal): boolean {
  const places = stated.permille ? stated.decimals + 3 : stated.percent ? stated.decimals + 2 : stated.decimals;
  return roundHalfUp(computed, places).eq(roundHalfUp(exact(stated), places));
}
