/**
 * What a rule is: one file holding its id, default severity, description, its threshold (if any) and its check.
 * Fund rules check a FundTable row by row (or a whole table); indicator rules (../indicators/rules) check the rows
 * of an indicator table. The catalogue (../ruleCatalogue.ts) lists every rule once; rule ids, the targets schema
 * and the Targets tab are made from it.
 */
import type { Message, ObservedExpected, Severity } from "../findings";
import type { TableFigures } from "../figureStore";
import type { FundRow, FundTable } from "../model";
import type { Threshold, ThresholdValue } from "./threshold";

/** What every rule declares, fund or indicator. */
export interface RuleMeta<Id extends string = string, Th extends Threshold | undefined = Threshold | undefined> {
  id: Id;
  /** Default severity; a targets file may change it per rule (or turn the rule off). */
  severity: Severity;
  /** What the rule checks and its default target, for the catalogue (task pane, docs/reference.md). */
  describe: Message;
  /** What its findings' observed and expected hold (docs/reference.md): observed what the flagged cell holds. */
  shows: { observed: string; expected: string };
  /** Its thresholds, when it has any. */
  threshold?: Th;
}

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
  /** Per row: BLANK_FIGURE when a figure is blank, BAD_FIGURE when one is text, an error or ambiguous (bit flags). */
  flags: Uint8Array;
}

/** What a fund rule is given; `T` is the value of its own threshold. */
export interface RuleContext<T = unknown> {
  table: FundTable;
  /** The table's figures by row index and role (floats, kinds, precision; reads and refs on demand). */
  figures: TableFigures;
  facts: TableFacts;
  /** The rule's own threshold for row i (a per-fund override resolved). */
  threshold(i: number): T;
  /** The row's name as findings show it ("企业职工基本养老保险 / 养老金支出" for a component). */
  subjectOf(i: number): string;
  report(i: number, finding: RuleFinding): void;
  /** True the first time a key is seen in this table: one finding per blank cell, whichever check needed it. */
  firstTime(key: string): boolean;
}

export interface FundRule<Id extends string = string, T = unknown, Th extends Threshold | undefined = Threshold | undefined> extends RuleMeta<Id, Th> {
  kind: "fund";
  checkRow?(i: number, row: FundRow, ctx: RuleContext<T>): void;
  checkTable?(ctx: RuleContext<T>): void;
}

/** A fund rule as its file writes it: `threshold` typed from its declaration, so `ctx.threshold(i)` is too. */
export interface FundRuleSpec<Id extends string, Th extends Threshold | undefined> {
  id: Id;
  severity: Severity;
  describe: Message;
  shows: { observed: string; expected: string };
  threshold?: Th;
  checkRow?(i: number, row: FundRow, ctx: RuleContext<ThresholdValue<Th>>): void;
  checkTable?(ctx: RuleContext<ThresholdValue<Th>>): void;
}

export function defineFundRule<const Id extends string, const Th extends Threshold | undefined = undefined>(spec: FundRuleSpec<Id, Th>): FundRule<Id, ThresholdValue<Th>, Th> {
  return { kind: "fund", ...spec };
}

export const BLANK_FIGURE = 1;
export const BAD_FIGURE = 2;
