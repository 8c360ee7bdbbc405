/**
 * Number formats: the codes of Excel's built-in format ids (a cell styled with id 10 shows "0.00%" though the
 * file never writes that code) and whether a code shows a date. The core reads precision and percent from the
 * code (src/core/numbers.ts); a number under a date format is a date, as Excel shows it.
 */

/** Built-in ids as Excel defines them; 27–36 and 50–58 are the Chinese (zh-CN) locale's date formats. */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The code of a built-in format id; undefined for General (0) and ids Excel does not define. */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/**
 * Does the code show a date or a time? Quoted text, [colour]/[$-locale] brackets, escaped characters (\x) and the
 * characters after _ (a space as wide as it) and * (a fill) are not part of it; what is left names a date when it
 * has y, m, d, h or s (Excel reads them in either case), or b (Buddhist year). "General" is not a date.
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/"[^"]*"/g, "").replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "").replace(/[\\_*]./g, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhsb]/i.test(bare.replace(/general/gi, "").replace(/E[+-]/g, ""));
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes OOXML's `_xHHHH_` escapes in cell text (ST_Xstring: "_x000D_" is a carriage return, "_x005F_" a literal
 * underscore, so "_x005F_x0041_" reads "_x0041_"). Applied to every string a cell shows — shared strings, inline
 * strings and formula results — so the same text reads the same wherever the file stored it.
 */
export function decodeXEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(X_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
