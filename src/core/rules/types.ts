/** What a fund rule is (one file each, SPEC §4.2) and what it is given to check a row. */
import { Finding, Message, ObservedExpected, RuleId, Severity } from "../findings";
import { FundRow, FundTable } from "../model";
import { TableFigures } from "../figureStore";
import { FundTargets } from "../targets";

/** A finding as a rule states it; the runner adds sheet, subject, line/quote and the effective severity. */
export interface RuleFinding extends ObservedExpected {
  /** Defaults to the rule's default severity; a rule with graded outcomes (warning / error) says which. */
  severity?: Severity;
  cell: string;
  related: string[];
  message: Message;
  /** The row the finding is about, when not the row being checked (a total's parts). */
  row?: number;
}

export interface TableFacts {
  /** For each row, the indices of its component rows (其中). */
  components: number[][];
  /** For each 合计/总计/小计 row, the indices of the rows it adds up. */
  totalMembers: Map<number, number[]>;
  /** Rows that are only a label (no figure at all): a heading, a note. */
  labelOnly: boolean[];
  /** Per row: BLANK_FIGURE when a figure is blank, BAD_FIGURE when one is text or an error (bit flags). */
  flags: Uint8Array;
}

export interface RuleContext {
  table: FundTable;
  /** The table's figures by row index and role (floats, kinds, precision; reads and refs on demand). */
  figures: TableFigures;
  facts: TableFacts;
  /** The targets that apply to row i (per-fund overrides resolved). */
  targetsOf(i: number): FundTargets;
  /** The row's name as findings show it ("企业职工基本养老保险 / 养老金支出" for a component). */
  subjectOf(i: number): string;
  report(i: number, finding: RuleFinding): void;
  /** True the first time a key is seen in this table: one finding per blank cell, whichever check needed it. */
  firstTime(key: string): boolean;
}

export interface FundRule {
  id: RuleId;
  /** Default severity (SPEC §4.2). */
  severity: Severity;
  /** What the rule checks and its default target, for the catalogue (task pane, docs). */
  describe: Message;
  checkRow?(i: number, row: FundRow, ctx: RuleContext): void;
  checkTable?(ctx: RuleContext): void;
}

export const BLANK_FIGURE = 1;
export const BAD_FIGURE = 2;
