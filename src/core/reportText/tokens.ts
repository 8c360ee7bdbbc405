/**
 * Numbers in a normalized line, found by one left-to-right scan (linear in the line's length, whatever it holds:
 * a regular expression for "digits with separators" backtracks quadratically on a long run of "1 1 1 …").
 *
 * A number is a digit run in which a comma (with any spaces after it) or spaces may stand between digits
 * ("4,568", "12, 738", "4 568"), an optional decimal part, and a sign written right before it unless the sign
 * follows a digit or % (then it is a range dash: 95%-105%). It is a *figure* when a money unit (元, 千元, 万元,
 * 亿元; 万/亿 not followed by 人/户) or % follows, spaces allowed; otherwise it is bare (a year, a headcount, an
 * item of a list whose unit is written once at its end: "1096、1180和1295万元").
 */
import { MONEY_UNIT_PATTERN } from "../units";

export interface NumberToken {
  start: number;
  end: number;
  /** Sign and digits without separators ("-4568.5"); undefined when the run is too long to be a figure. */
  digits?: string;
  /** The unit word as written (元, 万元, 万, 亿, %); absent for a bare number. */
  unitWord?: string;
}

/** More significant characters than this is not a figure in a fund report (and would only lose precision). */
export const MAX_FIGURE_CHARS = 40;

/** Longest first: 万元 before 元 (the money units of src/core/units.ts), then 亿 and 万 alone, then %. */
const UNIT_WORDS = [...MONEY_UNIT_PATTERN.split("|"), "亿", "万", "%"];

const isDigit = (c: number) => c >= 48 && c <= 57;
/** What JavaScript's \s matches (the normalized line has no tabs or NBSP left, but other spaces may remain). */
const isSpace = (ch: string) => ch === " " || (ch > "\u007f" && /\s/.test(ch)) || (ch >= "\t" && ch <= "\r");

function unitAt(text: string, at: number): string | undefined {
  for (const u of UNIT_WORDS) {
    if (!text.startsWith(u, at)) continue;
    if ((u === "亿" || u === "万") && (text[at + 1] === "人" || text[at + 1] === "户")) return undefined;
    return u;
  }
  return undefined;
}

/** Every number of a line, in order, with its unit when one follows. */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const before = i > 0 ? text[i - 1] : "";
    if (before === "." || before === "%") {
      // The tail of "1.5.6" or "5%6": never the start of a figure. Skip the digits.
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      continue;
    }
    let start = i;
    let sign = "";
    if ((before === "-" || before === "+") && !(i >= 2 && /[\d.%]/.test(text[i - 2]))) {
      start = i - 1;
      sign = before === "-" ? "-" : "";
    }
    let digits = sign;
    let j = i;
    let tooLong = false;
    const take = (ch: string) => {
      if (digits.length < MAX_FIGURE_CHARS) digits += ch;
      else tooLong = true;
    };
    take(text[j++]);
    for (;;) {
      if (j >= n) break;
      const c = text.charCodeAt(j);
      if (isDigit(c)) {
        take(text[j++]);
        continue;
      }
      let k = j;
      if (text[k] === ",") k++;
      while (k < n && isSpace(text[k])) k++;
      if (k > j && k < n && isDigit(text.charCodeAt(k))) {
        j = k;
        continue;
      }
      break;
    }
    if (text[j] === "." && j + 1 < n && isDigit(text.charCodeAt(j + 1))) {
      take(".");
      j++;
      while (j < n && isDigit(text.charCodeAt(j))) take(text[j++]);
    }
    let k = j;
    while (k < n && isSpace(text[k])) k++;
    const unitWord = unitAt(text, k);
    const token: NumberToken = unitWord ? { start, end: k + unitWord.length, unitWord } : { start, end: j };
    if (!tooLong) token.digits = digits;
    out.push(token);
    i = token.end;
  }
  return out;
}
