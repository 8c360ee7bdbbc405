/**
 * The normalized fund model the rules read. Sheets (through table detection) and report text (through the
 * prose reader) both produce it, so one set of rules checks both. A figure keeps where it came from
 * (`ref`: an A1 address, or "L12" for line 12 of a text) and how it was written (`read`).
 */
import { ReadResult } from "./numbers";

/** Column roles of SPEC §3. */
export const FUND_ROLES = [
  "subject",
  "budget",
  "actual",
  "prior",
  "income",
  "balance",
  "statedCompletion",
  "statedChange",
  "statedGrowth",
  "people",
] as const;
export type FundRole = (typeof FUND_ROLES)[number];

/** Roles of indicator tables (绩效自评表 / 绩效目标表), SPEC §3. */
export const INDICATOR_ROLES = [
  "level1",
  "level2",
  "indicator",
  "target",
  "indicatorActual",
  "weight",
  "score",
  "reason",
] as const;
export type IndicatorRole = (typeof INDICATOR_ROLES)[number];

export type Role = FundRole | IndicatorRole;

export interface Figure {
  /** A1 address ("C5") or report line ("L12"). */
  ref: string;
  read: ReadResult;
}

export type RowKind = "item" | "component" | "total" | "subtotal";

export interface FundRow {
  subject: string;
  /** Where the subject stands (A1 or "L12"). */
  subjectRef: string;
  kind: RowKind;
  /** For a component: the index (in `FundTable.rows`) of the row it belongs to. */
  parent?: number;
  /** The figures present on the row, by role. A role with no column or no sentence is absent. */
  figures: Partial<Record<Exclude<FundRole, "subject">, Figure>>;
  /** Report text only: 1-based line and the sentence. */
  line?: number;
  quote?: string;
}

export interface FundTable {
  /** Sheet name, or the text's file name. */
  sheet: string;
  /** The unit of the table's amounts (万元, 元, 亿元), when stated. */
  unit?: string;
  /** Units seen in the table, when more than one (元 and 万元 mixed). */
  unitsSeen?: { unit: string; ref: string }[];
  rows: FundRow[];
}
