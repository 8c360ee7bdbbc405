/**
 * Indicator tables (绩效自评表 / 绩效目标表; docs/indicators.md). Detection recognises them (kind "indicator", columns
 * with indicator roles); this module turns a detected table into rows by role and runs the indicator rules
 * (indicator-target-miss, indicator-unexplained, score-mismatch, target-unreadable, and missing-value /
 * not-a-number for indicator cells). Three kinds of table come through here:
 * - a 绩效指标 table (一级 | 二级 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因), with first-level
 *   cells merged down, "(50分)" weights in them, and a 总分/合计 row;
 * - the 预算执行率 block of the national 项目支出绩效自评表 (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分);
 * - the 年度总体目标 text (预期目标 | 实际完成情况), which is prose and is not checked.
 * Targets are read and scored by ./targetValue.ts, the same code behind FUND.TARGET_MET / INDICATOR_SCORE.
 */
import { buildFundTable } from "../detect/fundTable";
import { DetectedTable } from "../detect/tables";
import { copyTexts, Finding, RuleId, Severity } from "../findings";
import { GridSheet, SheetCells, columnLetters, sheetCells, toA1 } from "../grid";
import { cellAt, Location } from "../location";
import { IndicatorTarget, judge, readTarget } from "./targetValue";
import { IndicatorRole, isIndicatorRole } from "../model";
import { readNumber } from "../numbers";
import { INDICATOR_RULES } from "../ruleCatalogue";
import { runFundRules } from "../rules";
import { Failure, internalError, internalErrorFinding } from "../rules/internalError";
import { statedRateMismatch } from "../rules/statedRateMismatch";
import { defaultOf } from "../rules/threshold";
import { Targets, targetsFor } from "../targets";
import { shown } from "./figureText";
import { Evaluation, ExecutionBlock, ExecutionRow, IndicatorContext, IndicatorRow, IndicatorRule, IndicatorTable } from "./types";

export type { Evaluation, ExecutionBlock, ExecutionRow, IndicatorRow, IndicatorTable, IndicatorRule } from "./types";
export { INDICATOR_RULES } from "../ruleCatalogue";

const TOTAL_LABEL = /^(?:总分|总计|合计|得分合计|总得分|自评总分|自评得分|total)/i;

function cellText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") return "";
  return String(value);
}

/** A 总分/合计 label anywhere left of the figures (often merged across the label columns). */
function totalLabel(sheet: SheetCells, r: number, beforeCol: number): string | undefined {
  const n = Math.min(beforeCol, sheet.rowLength(r));
  for (let c = 0; c < n; c++) {
    const t = cellText(sheet.value(r, c)).replace(/[\s\u3000]+/g, "");
    if (t !== "") return TOTAL_LABEL.test(t) ? t : undefined;
  }
  return undefined;
}

/** Roles whose cell, merged down over several indicators, holds the same text for each (a shared reason or target). */
const SHARED_WHEN_MERGED = new Set<string>(["target", "reason"]);

/**
 * The cells of `roles`' columns covered by a merge, mapped to its master cell ("r,c" → [row, col]): a reason merged
 * down over three indicators explains all three, and is not blank for the two below.
 */
function mergedTextCells(sheet: SheetCells, detected: DetectedTable, columns: readonly { col: number; role: string }[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const shared = columns.filter((c) => SHARED_WHEN_MERGED.has(c.role)).map((c) => c.col);
  if (!shared.length) return out;
  for (const m of sheet.merges) {
    if (m.bottom < detected.firstRow || m.top > detected.lastRow || m.bottom === m.top) continue;
    for (const col of shared) {
      if (col < m.left || col > m.right) continue;
      for (let r = Math.max(m.top + 1, detected.firstRow); r <= Math.min(m.bottom, detected.lastRow); r++) out.set(`${r},${col}`, [m.top, m.left]);
    }
  }
  return out;
}

function buildIndicatorRows(sheet: SheetCells, detected: DetectedTable): IndicatorTable {
  const cols = detected.columns.filter((c) => isIndicatorRole(c.role));
  const merged = mergedTextCells(sheet, detected, cols);
  const columns: IndicatorTable["columns"] = {};
  for (const c of cols) columns[c.role as IndicatorRole] = c.col;
  const figureCol = Math.min(...[columns.weight, columns.score, columns.target, columns.indicatorActual].filter((c): c is number => c !== undefined));
  const kind = columns.indicator !== undefined || columns.level1 !== undefined || columns.level2 !== undefined || columns.weight !== undefined || columns.score !== undefined ? "indicators" : "goals";
  // 一级/二级指标 cells are usually merged down over their rows: carry them down (and where they stand).
  const carried: Partial<Record<IndicatorRole, string>> = {};
  const carriedRef: IndicatorRow["levelRefs"] = {};
  const rows: IndicatorRow[] = [];
  for (let r = detected.firstRow; r <= detected.lastRow; r++) {
    const out: IndicatorRow = { row: r, kind: "indicator", text: {}, figures: {}, levelRefs: {}, label: "" };
    let any = false;
    const own: Partial<Record<IndicatorRole, string>> = {};
    for (const c of cols) {
      const role = c.role as IndicatorRole;
      // A cell covered by a shared merge reads its master cell.
      let vr = r;
      let vc = c.col;
      let value = sheet.value(r, c.col);
      if ((value === undefined || value === null || value === "") && merged.size) {
        const master = merged.get(`${r},${c.col}`);
        if (master) [vr, vc] = master;
        value = sheet.value(vr, vc);
      }
      const text = cellText(value);
      if (text !== "") {
        any = true;
        own[role] = text;
      }
      if (role === "level1" || role === "level2") {
        if (text !== "") {
          carried[role] = text;
          carriedRef[role] = toA1(r, c.col);
          // A new first-level group starts its second level afresh.
          if (role === "level1") {
            delete carried.level2;
            delete carriedRef.level2;
          }
        }
      } else if (text !== "") out.text[role] = text;
      out.figures[role] = { ref: columnLetters(c.col) + (r + 1), read: readNumber(value, sheet.numFmt(vr, vc)) };
    }
    const total = totalLabel(sheet, r, Number.isFinite(figureCol) ? figureCol : Infinity);
    if (!any && !total) continue;
    if (total) {
      out.kind = "total";
      out.label = total;
    } else {
      for (const role of ["level1", "level2"] as const) {
        if (carried[role] !== undefined) {
          out.text[role] = carried[role];
          out.levelRefs[role] = carriedRef[role];
        }
      }
      const named = own.indicator !== undefined || own.target !== undefined || own.indicatorActual !== undefined;
      if (!named && (own.level1 !== undefined || own.level2 !== undefined)) out.kind = "section";
      out.label = out.text.indicator ?? (out.kind === "section" ? own.level2 ?? own.level1 : undefined) ?? out.text.level2 ?? out.text.level1 ?? toA1(r, Number.isFinite(figureCol) ? figureCol : cols[0]?.col ?? 0);
    }
    rows.push(out);
  }
  return { sheet: sheet.name, kind, rows, columns };
}

/** The 预算执行率 block: its names stand in the text column left of the figures (the left-most may be a merged label). */
function buildExecutionBlock(sheet: SheetCells, detected: DetectedTable): IndicatorTable {
  const figureCols = detected.columns.filter((c) => c.role !== "subject").map((c) => c.col);
  const firstFigure = figureCols.length ? Math.min(...figureCols) : 0;
  let nameCol = -1;
  let best = 0;
  for (let c = 0; c < firstFigure; c++) {
    let count = 0;
    for (let r = detected.firstRow; r <= detected.lastRow; r++) if (cellText(sheet.value(r, c)) !== "") count++;
    if (count > best) [nameCol, best] = [c, count];
  }
  const columns = detected.columns.filter((c) => c.role !== "subject");
  if (nameCol >= 0) columns.push({ col: nameCol, role: "subject", label: "", percentHeader: false });
  columns.sort((a, b) => a.col - b.col);
  const built = buildFundTable(sheet, { ...detected, columns });
  const weightCol = detected.columns.find((c) => c.role === "weight")?.col;
  const scoreCol = detected.columns.find((c) => c.role === "score")?.col;
  const rows: ExecutionRow[] = built.table.rows.map((fundRow, k) => {
    const r = built.rowNumbers[k];
    const out: ExecutionRow = { row: r, label: fundRow.subject || toA1(r, firstFigure) };
    if (fundRow.figures.budget) out.budget = fundRow.figures.budget;
    if (fundRow.figures.actual) out.actual = fundRow.figures.actual;
    if (fundRow.figures.statedCompletion) out.rate = fundRow.figures.statedCompletion;
    if (weightCol !== undefined) out.weight = { ref: toA1(r, weightCol), read: readNumber(sheet.value(r, weightCol), sheet.numFmt(r, weightCol)) };
    if (scoreCol !== undefined) out.score = { ref: toA1(r, scoreCol), read: readNumber(sheet.value(r, scoreCol), sheet.numFmt(r, scoreCol)) };
    return out;
  });
  return { sheet: sheet.name, kind: "execution", rows: [], columns: {}, execution: { rows, fund: built.table } };
}

function isExecutionBlock(detected: DetectedTable): boolean {
  const has = (role: string) => detected.columns.some((c) => c.role === role);
  return (has("budget") || has("statedCompletion")) && has("actual") && !has("target") && !has("indicator") && !has("level1") && !has("level2");
}

/** A detected indicator table → rows by role (or the 预算执行率 block). Never throws on cell content. */
export function buildIndicatorTable(sheet: GridSheet | SheetCells, detected: DetectedTable): IndicatorTable {
  const cells = sheetCells(sheet);
  return isExecutionBlock(detected) ? buildExecutionBlock(cells, detected) : buildIndicatorRows(cells, detected);
}

function readTargetCell(figure: IndicatorRow["figures"]["target"], text: string | undefined): IndicatorTarget | undefined {
  if (!figure || figure.read.kind === "missing") return undefined;
  // A number (a cell 100% or "100%" typed as text) is a bare target, written as the user wrote it.
  if (figure.read.kind === "number") return { ...readTarget(figure.read.value, figure.read.percent ? "0%" : undefined), text: shown(figure) };
  return readTarget(text ?? "");
}

export interface IndicatorRunOptions {
  /** Indicator tables read earlier on the same sheet, in order (the 预算执行率 block above a 绩效指标 table). */
  earlier?: readonly IndicatorTable[];
  onRuleError?(rule: RuleId, error: unknown): void;
}

/** Where a finding about the whole table points: its first row's first cell (or the 预算执行率 block's). */
export function tableCell(table: IndicatorTable): { cell: string; subject: string } {
  const first = table.rows[0];
  const cols = Object.values(table.columns);
  if (first) return { cell: toA1(first.row, cols.length ? Math.min(...cols) : 0), subject: first.label };
  const exec = table.execution?.fund.rows[0];
  return { cell: exec?.subjectRef ?? "A1", subject: exec?.subject ?? "" };
}

/** tableCell as a finding's place. */
export function tablePlace(table: IndicatorTable): { at: Location; subject: string } {
  const { cell, subject } = tableCell(table);
  return { at: cellAt(table.sheet, cell), subject };
}

/**
 * Runs every indicator rule over a table; all findings, in rule then row order (checkSheet sorts by cell). Never
 * throws: a rule that throws is reported as internal-error and the others go on.
 */
export function runIndicatorRules(table: IndicatorTable, targets: Targets, options: IndicatorRunOptions = {}): Finding[] {
  if (table.kind === "goals") return [];
  const findings: Finding[] = [];
  if (table.execution) findings.push(...statedExecutionRate(table.execution, targets, options));
  const evaluations = new Map<number, Evaluation>();
  let execution: ExecutionBlock | undefined = table.execution;
  if (!execution && options.earlier) {
    // The nearest block above, unless another 绩效指标 table stands between.
    for (let k = options.earlier.length - 1; k >= 0; k--) {
      const t = options.earlier[k];
      if (t.kind === "indicators") break;
      if (t.kind === "execution") {
        execution = t.execution;
        break;
      }
    }
  }
  let current: IndicatorRule = INDICATOR_RULES[0];
  const ctx: IndicatorContext = {
    table,
    execution,
    threshold() {
      const t = current.threshold;
      return t === undefined ? undefined : ((targets as unknown as Record<string, unknown>)[t.key] ?? defaultOf(t));
    },
    evaluate(i) {
      let e = evaluations.get(i);
      if (e) return e;
      const row = table.rows[i];
      const target = readTargetCell(row.figures.target, row.text.target);
      const actual = row.figures.indicatorActual?.read ?? { kind: "missing" as const };
      e = { actual };
      if (target) e.target = target;
      const weight = row.figures.weight?.read;
      const score = row.figures.score?.read;
      if (weight?.kind === "number") e.weight = weight;
      if (score?.kind === "number") e.score = score;
      if (target && actual.kind !== "missing") e.verdict = judge(actual, target);
      evaluations.set(i, e);
      return e;
    },
    report(i, f) {
      const row = i >= 0 ? table.rows[i] : undefined;
      const subject = f.subject ?? row?.label ?? "";
      const override = targetsFor(targets, subject).severity?.[current.id as RuleId];
      if (override === "off") return;
      const severity: Severity = override ?? f.severity ?? current.severity;
      const finding: Finding = { rule: current.id as RuleId, severity, at: cellAt(table.sheet, f.cell), related: f.related, subject, observed: f.observed, expected: f.expected, message: f.message };
      copyTexts(f, finding);
      findings.push(finding);
    },
  };
  for (const rule of INDICATOR_RULES) {
    current = rule;
    try {
      rule.checkTable?.(ctx);
      if (rule.checkRow) for (let i = 0; i < table.rows.length; i++) rule.checkRow(i, table.rows[i], ctx);
    } catch (error) {
      options.onRuleError?.(rule.id as RuleId, error);
      const failure: Failure = { rule: rule.id, error, rows: 0 };
      const override = targets.severity?.[internalError.id];
      if (override !== "off") findings.push(internalErrorFinding(failure, tablePlace(table), override ?? internalError.severity));
    }
  }
  return findings;
}

/**
 * The stated 执行率 against 全年执行数 ÷ 全年预算数: the fund rule stated-rate-mismatch called on the block (one
 * implementation). Only that rule: the block is not a fund table (no completion band, no 其中 sums). Workbook
 * severities apply; per-fund overrides do not (the block's rows are not funds).
 */
function statedExecutionRate(block: ExecutionBlock, targets: Targets, options: IndicatorRunOptions): Finding[] {
  return runFundRules(block.fund, { ...targets, funds: {} }, { onRuleError: options.onRuleError, rules: [statedRateMismatch] });
}
