/**
 * What a workbook may hold, and the error the reader throws when a file is refused. The limits bound what reading
 * one file can cost (time and memory), whatever the file claims: the zip limits are checked from its directory
 * before anything is inflated, the others while each part is parsed, so a refused file costs no more than the
 * limit itself. Documented in docs/robustness.md ("Limits"); the CLI and the standalone page apply the same.
 */

export interface XlsxLimits {
  /** Uncompressed bytes all zip entries may claim together. */
  total: number;
  /** Uncompressed bytes one zip entry may claim. */
  entry: number;
  /** Rows holding data, per sheet. */
  rowsPerSheet: number;
  /** Filled cells (a value, or a format on a formula without a result), whole workbook. */
  cells: number;
  /** XML elements of all sheets together (cells filled or not, rows, formulas…): what scanning the sheets costs. */
  sheetElements: number;
  /** XML elements of any other part (workbook, relationships, styles), each. */
  partElements: number;
  /** Cell formats (`cellXfs`) and number formats in styles.xml. Excel's own limit is 64,000. */
  styles: number;
  /** Entries of the shared-string table. */
  strings: number;
  /** Characters of cell text (shared, inline and formula strings), whole workbook. */
  textChars: number;
  /** Merged areas, whole workbook. */
  merges: number;
  /** Sheets of the workbook. */
  sheets: number;
}

/** Twice the benchmark size (200,000 rows × 10 columns = 2,000,000 cells) with room for the header rows. */
export const MAX_ROWS_PER_SHEET = 500_000;
export const MAX_CELLS = 5_000_000;

export const DEFAULT_LIMITS: XlsxLimits = {
  total: 1024 * 1024 * 1024,
  entry: 768 * 1024 * 1024,
  rowsPerSheet: MAX_ROWS_PER_SHEET,
  cells: MAX_CELLS,
  sheetElements: 8 * MAX_CELLS,
  partElements: 2_000_000,
  styles: 64_000,
  strings: MAX_CELLS,
  textChars: 64 * 1024 * 1024,
  merges: 500_000,
  sheets: 4096,
};

/** Why a file is refused. The names are shared with the CLI's other input problems (./refusals.ts words them). */
export type XlsxProblem =
  | "empty"
  | "notZip"
  | "legacyXls"
  | "encrypted"
  | "truncated"
  | "zip64"
  | "tooLarge"
  | "sizeLie"
  | "zipMethod"
  | "zipInconsistent"
  | "notXlsx"
  | "corrupt"
  | "tooManyRows"
  | "tooManyCells"
  | "partLimit";

/** Which bound of a part was passed (partLimit). */
export type PartLimitKind = "styles" | "strings" | "text" | "merges" | "elements" | "sheets";

export interface XlsxProblemDetail {
  /** An entry, part or sheet name. */
  name?: string;
  size?: number;
  limit?: number;
  method?: number;
  detail?: string;
  what?: PartLimitKind;
}

export class XlsxError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    readonly detail: XlsxProblemDetail = {}
  ) {
    super(`${problem}${detail.name ? ` (${detail.name})` : ""}${detail.detail ? `: ${detail.detail}` : ""}`);
  }
}
