/**
 * Text bound for a terminal (the text output, stderr) shows what a workbook holds but never acts on the terminal:
 * control characters (ESC, BEL, CR, LF … — an ESC sequence can clear the screen and print a fake "汇总：错误 0",
 * a CR or LF in a sheet name forges a line) and the bidirectional overrides that reorder what is shown (U+202E)
 * are written as visible escapes ("\x1B", "\u202E"). JSON escapes control characters itself; HTML shows them as
 * character references.
 */

// C0 controls but tab, DEL, C1 controls; bidi embeddings, overrides and isolates, the Arabic letter mark.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0A-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** One line of terminal text with every control character and bidi override made visible (LF and CR included). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Several lines: each made safe, joined by the line breaks the program itself writes. */
export function terminalLines(lines: readonly string[]): string {
  return lines.map(terminalSafe).join("\n");
}

/** The longest text of one field (a message, a quote, a name) an output writes whole. */
export const FIELD_LIMIT = 1000;

/** Text from a file that runs long (a cell of megabytes): its first `max` characters and its full length. */
export function clipField(text: string, max: number, lang: "zh" | "en"): string {
  if (text.length <= max) return text;
  return lang === "zh" ? `${text.slice(0, max)}…（共 ${text.length} 个字符）` : `${text.slice(0, max)}… (${text.length} characters)`;
}
