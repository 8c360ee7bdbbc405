/**
 * The corpus's data model: a case is a file built at test time (an .xlsx written with ExcelJS, or report text)
 * plus the answer worked out by hand. The answer is data, not code, so the engineers who make the product
 * read these layouts can see what "right" means before they design their JSON.
 */

import type { Claim } from "./arith";

export type Severity = "error" | "warning" | "info";

/**
 * One finding the product must report (or, with `optional`, may report). Convention for values: `observed`
 * is what the flagged cell or sentence holds, written as the user wrote it ("97%", "4566", "20%" for 20 in a
 * 增长% column); `expected` is what it should hold (the computed "103.9%", the sum of the parts) or the band
 * it should fall in ("95%–105%", "±30%", "6–24").
 */
export interface ExpectedFinding {
  rule: string;
  severity: Severity;
  /** Sheet name; for report text, the file's name (as the CLI gives it). */
  sheet: string;
  /** A1 address, or "L<line>" for report text. Omitted: any cell of the sheet. */
  cell?: string;
  /** The fund (or county and fund) the finding is about, for the reader of the runner's output. */
  subject?: string;
  /** The period the figure belongs to, where a table or text holds more than one. */
  year?: number;
  observed?: string;
  expected?: string;
  /**
   * A finding a correct product may report or not (a consequence of another finding, or a design choice the
   * issue leaves open). Never counted as missed; when present it is not a false finding.
   */
  optional?: boolean;
  /** The hand arithmetic behind the finding. */
  why: string;
}

/** What a correct reader understands a table to be; compared with the JSON `sheets[].tables[]` (compare.ts, tableProblems). */
export interface TableDescription {
  sheet: string;
  kind: "fund" | "balance" | "income" | "consolidation" | "indicator" | "unreadable";
  /** "rows": one fund (or item) per row, roles in columns; "columns": one fund per column, items in rows. */
  orientation: "rows" | "columns";
  /** 1-based sheet rows of the header (for "columns", the row naming the funds). */
  headerRows: number[];
  unit?: string;
  years?: number[];
  /** Column letter (or, for "columns", row number) → what it holds, in words. */
  roles?: Record<string, string>;
  /** For a stacked sheet: the 1-based rows this table spans. */
  rows?: [number, number];
  notes?: string;
}

/** A report text's figure for one fund (and period): a subset check against the CLI's JSON `figures`. */
export interface ExpectedTextFigure {
  subject: string;
  year?: number;
  budget?: number;
  actual?: number;
  statedCompletion?: number;
}

export type SheetKind = "fund" | "indicator" | "notes" | "empty";

export interface Case {
  /** "c01-balance/national-2013": class folder / variant. */
  id: string;
  /** The issue-12 class (1…10), "clean" for the clean corpus only, "prefecture" for issue 15's set. */
  cls: string;
  title: string;
  /** File name written into the build folder (.xlsx or .txt). */
  file: string;
  /** Where the figures come from: URLs of published sources, or "synthetic: …" with what was invented. */
  sources: string[];
  build(): Promise<Buffer>;
  /** Part of the clean corpus: no planted error; the answer has no error and no warning. */
  clean?: boolean;
  /** Every finding; any other finding the product reports is a false finding. */
  findings: ExpectedFinding[];
  /** The file cannot be read: the CLI must refuse it (exit 3, one stderr line naming it). The reason, in words. */
  unreadable?: string;
  /** Sheet kinds as the CLI's JSON `sheets[].kind` reports them. */
  sheets?: Record<string, SheetKind>;
  /** Report text: funds (and periods) the JSON `figures` must list. */
  figures?: ExpectedTextFigure[];
  /** How a correct reader understands each table (compared with the JSON `sheets[].tables[]`). */
  tables?: TableDescription[];
  /** The hand arithmetic behind the figures the case writes, recomputed by arith.test.ts. */
  claims?: Claim[];
}

/** Issue 15: the answer for a batch of county workbooks and a consolidation, as the matrix JSON should give it. */
export interface ExpectedFundCell {
  /** Completion rate actual ÷ budget as "98.1%" (one decimal), or null when no budget or no actual. */
  completion: string | null;
  errors: number;
  warnings: number;
  info: number;
}

export interface ExpectedCounty {
  name: string;
  files: string[];
  /** The county's workbook could not be read: the words of the reason. Never shown as clean. */
  unreadable?: string;
  /** Per fund (canonical name); a fund the county's workbook lacks is absent from this record and listed in `missingFunds`. */
  funds: Record<string, ExpectedFundCell>;
  missingFunds?: string[];
}

export interface ExpectedCrossFile {
  /** The consolidation's place. */
  file: string;
  sheet: string;
  cell: string;
  subject: string;
  observed: string;
  expected: string;
  /** The county workbook's place (absent for a 合计 compared with the sum of the counties). */
  county?: { file: string; sheet: string; cell: string };
  optional?: boolean;
  why: string;
}

export interface ExpectedMatrix {
  funds: string[];
  /** The consolidation workbook, which is not a county. */
  consolidation: string;
  counties: ExpectedCounty[];
  /** `cross-file-mismatch` findings (severity error); any other cross-file-mismatch is false. */
  consistency: ExpectedCrossFile[];
}
