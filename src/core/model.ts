/**
 * The normalized fund model the rules read. Sheets (through table detection) and report text (through the
 * prose reader) both produce it, so one set of rules checks both. A figure keeps where it came from
 * (`ref`: an A1 address, or "L12" for line 12 of a text) and how it was written (`read`).
 */
import { ReadResult } from "./numbers";

/**
 * The column roles (docs/reference.md, “JSON output”), among them three a sheet may hold: `balance` is the accumulated balance (累计结余, 滚存结余,
 * 期末结余: the one payable months use); `surplus` this year's surplus (当年结余, 本年收支结余); `openingBalance` the
 * balance brought forward (上年结余, 年初结余: a balance, never a prior-year expenditure); `statedIndex` a stated ratio
 * to the prior year (为上年的%: 114.6 means +14.6%, i.e. a growth with an offset of 100%).
 */
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
  "surplus",
  "openingBalance",
  "statedIndex",
] as const;
export type FundRole = (typeof FUND_ROLES)[number];

/** The roles of a fund table's figures: every fund role but the subject, in model order (the figure store's order). */
export type FigureRole = Exclude<FundRole, "subject">;
export const FIGURE_ROLES: readonly FigureRole[] = FUND_ROLES.filter((role): role is FigureRole => role !== "subject");
const FIGURE_ROLE_SET: ReadonlySet<string> = new Set(FIGURE_ROLES);

export function isFigureRole(role: string): role is FigureRole {
  return FIGURE_ROLE_SET.has(role);
}

/** Roles of indicator tables (绩效自评表 / 绩效目标表), docs/indicators.md. */
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
const INDICATOR_ROLE_SET: ReadonlySet<string> = new Set(INDICATOR_ROLES);

export function isIndicatorRole(role: string): role is IndicatorRole {
  return INDICATOR_ROLE_SET.has(role);
}

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
  figures: Partial<Record<FigureRole, Figure>>;
  /**
   * A current-year balance (当年收支结余) the source states without giving both income and expenditure, e.g. report
   * text's "当年收不抵支，缺口35万元" (negative). budget-balance reads it; no sheet column carries it.
   */
  statedCurrentBalance?: Figure;
  /** The year of this row's figures when it differs from its table's (report text: one row per fund and year). */
  period?: number;
  /** Report text only: 1-based line and the sentence. */
  line?: number;
  quote?: string;
}

export interface MergedFigure {
  /** Index in `FundTable.rows` of the row the merge starts on. */
  row: number;
  /** The merge's master (top-left) cell, which holds the value. */
  ref: string;
  /** The other figure cells the merge covers. */
  covered: string[];
  read: ReadResult;
  /** The roles of the figure columns it spans, in column order (["budget", "actual"]). */
  roles: FigureRole[];
}

export interface FundTable {
  /** Sheet name, or the text's file name. */
  sheet: string;
  /**
   * Report text only: the line each ref of the table stands for ("L12" → 12), so that findings point at lines.
   * A table without it is a sheet's, whose refs are A1 addresses.
   */
  lines?: ReadonlyMap<string, number>;
  /**
   * The year the table's figures are of, when its source holds several (a column group 2022年 of a multi-year
   * header, a report text covering 2022 and 2024): findings carry it and their message names it.
   */
  period?: number;
  /** A column group naming what every row is of (a fund over 预算数 | 执行数 in a consolidation): joins the row's subject. */
  group?: string;
  /** The unit of the table's amounts (万元, 元, 亿元), when stated. */
  unit?: string;
  /** Units seen in the table, when more than one (元 and 万元 mixed). */
  unitsSeen?: { unit: string; ref: string }[];
  /**
   * Merged areas that span several figure cells (one 2300 across 预算数 and 执行数): the figure belongs to no one
   * cell, so none of them is read as a number (they are MERGED in the table's figures) and merged-figure says why.
   */
  mergedFigures?: MergedFigure[];
  rows: FundRow[];
}
