/** What an indicator rule is (one file each, like a fund rule: ../rules/rule.ts) and what it is given: the rows of an indicator table. */
import type { Message, ObservedExpected, Severity } from "../findings";
import type { Figure, FundTable, IndicatorRole } from "../model";
import type { NumberRead, ReadResult } from "../numbers";
import type { IndicatorTarget, Verdict } from "./targetValue";
import type { RuleMeta } from "../rules/rule";
import type { Threshold, ThresholdValue } from "../rules/threshold";

/**
 * indicator: one 三级指标 with its target; total: a 总分/合计 row; section: a row that only names a 一级/二级
 * 指标 and states its weight or score ("产出指标 | … | 50 | 48").
 */
export type IndicatorRowKind = "indicator" | "total" | "section";

export interface IndicatorRow {
  /** 0-based sheet row. */
  row: number;
  kind: IndicatorRowKind;
  /** Text of the label cells (level1, level2, indicator, target, indicatorActual, reason), merges resolved. */
  text: Partial<Record<IndicatorRole, string>>;
  /** Every role cell read as a figure (targets like "≥95%" read as text; the target reader parses them). */
  figures: Partial<Record<IndicatorRole, Figure>>;
  /** Where the (carried-down) 一级/二级指标 text stands: the master cell of a merged first-level cell. */
  levelRefs: Partial<Record<"level1" | "level2", string>>;
  /** The row's label as findings show it: the indicator name, else its level, else "总分". */
  label: string;
}

/** One row of the 预算执行率 block (全年预算数 | 全年执行数 | 分值 | 执行率 | 得分). */
export interface ExecutionRow {
  row: number;
  label: string;
  budget?: Figure;
  actual?: Figure;
  /** The stated 执行率, percent points already turned into a fraction. */
  rate?: Figure;
  weight?: Figure;
  score?: Figure;
}

export interface ExecutionBlock {
  rows: ExecutionRow[];
  /** The block as a fund table, so the fund rules' stated-rate-mismatch checks its 执行率 (one implementation). */
  fund: FundTable;
}

export interface IndicatorTable {
  sheet: string;
  /**
   * indicators: a 绩效指标 table; execution: the 预算执行率 block above it; goals: the 年度总体目标 text
   * (预期目标 | 实际完成情况), read but not checked.
   */
  kind: "indicators" | "execution" | "goals";
  rows: IndicatorRow[];
  /** 0-based column of each role present. */
  columns: Partial<Record<IndicatorRole, number>>;
  execution?: ExecutionBlock;
}

/** What the runner works out once per indicator row, for every rule to read. */
export interface Evaluation {
  /** Absent when the target cell is blank. */
  target?: IndicatorTarget;
  actual: ReadResult;
  /** Absent when target or actual is blank. */
  verdict?: Verdict;
  weight?: NumberRead;
  score?: NumberRead;
}

export interface IndicatorFinding extends ObservedExpected {
  severity?: Severity;
  cell: string;
  related: string[];
  /** Defaults to the row's label. */
  subject?: string;
  message: Message;
}

/** What an indicator rule is given; `T` is the value of its own threshold. */
export interface IndicatorContext<T = unknown> {
  table: IndicatorTable;
  /** The execution block that stands above this table on the sheet (national form), if any. */
  execution?: ExecutionBlock;
  /** The rule's own threshold (indicator thresholds apply to the whole workbook). */
  threshold(): T;
  evaluate(i: number): Evaluation;
  report(i: number, finding: IndicatorFinding): void;
}

export interface IndicatorRule<Id extends string = string, T = unknown, Th extends Threshold | undefined = Threshold | undefined> extends RuleMeta<Id, Th> {
  kind: "indicator";
  checkRow?(i: number, row: IndicatorRow, ctx: IndicatorContext<T>): void;
  checkTable?(ctx: IndicatorContext<T>): void;
}

export interface IndicatorRuleSpec<Id extends string, Th extends Threshold | undefined> {
  id: Id;
  severity: Severity;
  describe: Message;
  shows: { observed: string; expected: string };
  threshold?: Th;
  checkRow?(i: number, row: IndicatorRow, ctx: IndicatorContext<ThresholdValue<Th>>): void;
  checkTable?(ctx: IndicatorContext<ThresholdValue<Th>>): void;
}

export function defineIndicatorRule<const Id extends string, const Th extends Threshold | undefined = undefined>(
  spec: IndicatorRuleSpec<Id, Th>
): IndicatorRule<Id, ThresholdValue<Th>, Th> {
  return { kind: "indicator", ...spec };
}
