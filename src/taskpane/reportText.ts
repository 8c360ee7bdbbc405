/**
 * The "Check report text" view's work, loaded through import() when the user first checks a text, so the
 * report reader stays out of the task pane's initial JavaScript. Pure: no Office.js (excel.ts writes the sheet),
 * no DOM.
 */
import Decimal from "decimal.js";
import { FIGURE_COLUMNS, checkReportText, figuresSheetFormats, figuresToSheetRows } from "../core/reportText";
import { decodeReportBytes } from "../core/reportText/decode";
import type { FigureColumn, ReportCheckResult, ReportFigure, StatedFigureKey } from "../core/reportText";
import { csvField } from "../output/csv";
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

/**
 * The figures as CSV for the standalone page (no live formulas there: FUND. functions need the add-in): the one
 * list of figure columns (FIGURE_COLUMNS) and the unit. Same style as the CLI's CSV (src/output/csv.ts): UTF-8
 * BOM, CRLF, RFC 4180 quoting, text a spreadsheet would run as a formula neutralised. Numbers are written as numbers.
 */
export function figuresCsv(figures: readonly ReportFigure[], unit: string | undefined, lang: Lang): string {
  const field = (v: string | number | undefined): string => (v === undefined ? "" : typeof v === "number" ? String(v) : csvField(v));
  const rows = [[...FIGURE_COLUMNS.map((c) => c.label[lang]), FIGURE_WORDS.unit[lang]].map(field).join(",")];
  const sep = lang === "zh" ? "；" : "; ";
  const value = (f: ReportFigure, c: FigureColumn): string | number | undefined => {
    switch (c.kind) {
      case "subject":
        return f.subject;
      case "line":
        return f.line;
      case "amount":
        return f[c.key as StatedFigureKey];
      case "rate": {
        const v = f[c.key as StatedFigureKey];
        return v === undefined ? undefined : percentText(v);
      }
      case "components":
        return f.components?.map((x) => `${x.name} ${x.amount}`).join(sep);
    }
  };
  for (const f of figures) rows.push([...FIGURE_COLUMNS.map((c) => field(value(f, c))), field(unit)].join(","));
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}
