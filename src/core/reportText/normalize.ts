/**
 * Text normalization for the report reader. Every step maps one UTF-16 code unit to one code unit, so an index
 * in the normalized text is the same index in the original: quotes are cut from the text as the user wrote it.
 */
import { toHalfWidth } from "../numbers";

/**
 * Traditional → simplified, only for the characters the reader's patterns (fund names, figure labels, units)
 * need. Reposted reports (港澳台 sites, OCR of old scans) come in traditional characters.
 */
const TRADITIONAL_PAIRS =
  "預预實实際际執执險险養养職职傷伤業业員员結结餘余較较長长減减億亿萬万計计與与項项機机關关單单鄉乡發发" +
  "額额數数總总費费補补貼贴轉转喪丧療疗醫医農农鎮镇縣县參参專专達达為为後后調调遞递滾滚當当歷历個个" +
  "統统籌筹資资兩两區区級级財财會会體体報报評评價价績绩現现戶户領领標标擴扩繳缴負负擔担約约僅仅並并" +
  "將将據据佔占點点虧亏損损銷销護护撥拨齡龄歲岁劃划範范圍围續续礎础應应" +
  "們们這这從从對对於于時时間间過过還还開开務务處处規规準准確确";

const TRADITIONAL = new Map<number, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
  const from = TRADITIONAL_PAIRS[i];
  const to = TRADITIONAL_PAIRS[i + 1];
  if (from !== to) TRADITIONAL.set(from.charCodeAt(0), to);
}

/** The traditional characters the reader maps (for tests and documentation). */
export function traditionalMapping(): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [code, to] of TRADITIONAL) out.set(String.fromCharCode(code), to);
  return out;
}

/**
 * Folds a line for matching: traditional characters to simplified, full-width digits and punctuation to
 * ASCII (toHalfWidth), keeping 、 (an enumeration mark, never a thousands separator: "4277、74、215" are three
 * figures) and mapping 。 ； ： to one form each. Same length as the input.
 */
export function normalizeLine(line: string): string {
  let out = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const code = line.charCodeAt(i);
    const simplified = TRADITIONAL.get(code);
    if (simplified !== undefined) out += simplified;
    else if (ch === "、") out += "、";
    else if (ch === "．") out += "."; // full-width full stop inside a figure: 4568．5
    else if (ch === "\t" || ch === "\u00a0") out += " ";
    else out += toHalfWidth(ch);
  }
  return out;
}

/** Splits text into lines the way an editor numbers them (\r\n, \n or \r). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
