/**
 * The "Check report text" view's work, loaded through import() when the user first checks a text, so the
 * report reader stays out of the task pane's initial JavaScript. Pure: no Office.js (excel.ts writes the sheet),
 * no DOM.
 */
import Decimal from "decimal.js";
import { checkReportText, figuresSheetFormats, figuresToSheetRows } from "../core/reportText";
import { decodeReportBytes } from "../core/reportText/decode";
import type { ReportCheckResult, ReportFigure } from "../core/reportText";
import { csvField } from "../cli/format/csv";
import type { NewSheetCell } from "./host";
import { FIGURE_WORDS, Lang } from "../core/words";

export { checkReportText };
export type { ReportCheckResult, ReportFigure };

/** A .txt chosen in the page above this size is refused: reports are tens of KiB. */
export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;

/** Bytes of a .txt → its text, as the CLI reads one (decodeReportBytes); a binary file is refused. */
export function decodeTextFile(bytes: Uint8Array): string {
  const text = decodeReportBytes(bytes);
  if (text === undefined) throw new Error("not a text file");
  return text;
}

/**
 * figuresToSheetRows as cells for excel.ts: the header row and the subject column (text from the report) are
 * always values; elsewhere a string starting with "=" is one of figuresToSheetRows' own FUND. formulas.
 */
export function figuresSheet(figures: readonly ReportFigure[], lang: Lang, componentsCoverage?: number): { rows: NewSheetCell[][]; formats: string[][] } {
  const rows = figuresToSheetRows(figures, lang, componentsCoverage).map((row, r) =>
    row.map((cell, c): NewSheetCell => {
      if (cell === null) return null;
      if (r > 0 && c > 0 && typeof cell === "string" && cell.startsWith("=")) return { formula: cell };
      return { value: cell };
    })
  );
  return { rows, formats: figuresSheetFormats(figures) };
}

/** 0.97 → "97%", exactly (no 0.1 + 0.2 noise). */
export function percentText(fraction: number): string {
  return new Decimal(fraction).times(100).toString() + "%";
}

const CSV_COLUMNS = ["subject", "line", "budget", "actual", "statedCompletion", "change", "statedGrowth", "income", "balance", "components", "unit"] as const;

/**
 * The figures as CSV for the standalone page (no live formulas there: FUND. functions need the add-in). Same
 * style as the CLI's CSV (src/cli/format/csv.ts): UTF-8 BOM, CRLF, RFC 4180 quoting, and any text that a
 * spreadsheet could run (= + - − @ tab CR at the start) prefixed with '. Numbers are written as numbers.
 */
export function figuresCsv(figures: readonly ReportFigure[], unit: string | undefined, lang: Lang): string {
  const field = (v: string | number | undefined): string => (v === undefined ? "" : typeof v === "number" ? String(v) : csvField(v));
  const rows = [CSV_COLUMNS.map((key) => field(FIGURE_WORDS[key][lang])).join(",")];
  const sep = lang === "zh" ? "；" : "; ";
  for (const f of figures) {
    const components = f.components?.map((c) => `${c.name} ${c.amount}`).join(sep);
    rows.push(
      [
        field(f.subject),
        field(f.line),
        field(f.budget),
        field(f.actual),
        field(f.statedCompletion === undefined ? undefined : percentText(f.statedCompletion)),
        field(f.change),
        field(f.statedGrowth === undefined ? undefined : percentText(f.statedGrowth)),
        field(f.income),
        field(f.balance),
        field(components),
        field(unit),
      ].join(",")
    );
  }
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}
