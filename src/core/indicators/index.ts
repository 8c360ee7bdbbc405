/**
 * Indicator tables (绩效自评表 / 绩效目标表). Detection recognises them (kind "indicator", columns with
 * indicator roles); this module turns a detected table into rows of cells by role — the model the indicator
 * rules (indicator-target-miss, indicator-unexplained, score-mismatch, target-unreadable; SPEC §4.3) will read.
 * Those rules are a later task: `runIndicatorRules` is where they plug in, and today it reports nothing.
 */
import { Finding } from "../findings";
import { GridSheet, columnLetters } from "../grid";
import { Figure, IndicatorRole } from "../model";
import { readNumber } from "../numbers";
import { Targets } from "../targets";
import { DetectedTable } from "../detect/tables";

export interface IndicatorRow {
  /** 0-based sheet row. */
  row: number;
  /** Text of the label cells (level1, level2, indicator, target, indicatorActual, reason), merges resolved. */
  text: Partial<Record<IndicatorRole, string>>;
  /** Every role cell read as a figure (targets like "≥95%" read as text; the target reader parses them). */
  figures: Partial<Record<IndicatorRole, Figure>>;
}

export interface IndicatorTable {
  sheet: string;
  rows: IndicatorRow[];
}

const INDICATOR_ROLES = new Set<string>(["level1", "level2", "indicator", "target", "indicatorActual", "weight", "score", "reason"]);

export function buildIndicatorTable(sheet: GridSheet, detected: DetectedTable): IndicatorTable {
  const cols = detected.columns.filter((c) => INDICATOR_ROLES.has(c.role));
  // 一级/二级指标 cells are usually merged down over their rows: carry them down.
  const carried: Partial<Record<IndicatorRole, string>> = {};
  const rows: IndicatorRow[] = [];
  for (let r = detected.firstRow; r <= detected.lastRow; r++) {
    const cells = sheet.cells[r] ?? [];
    const out: IndicatorRow = { row: r, text: {}, figures: {} };
    let any = false;
    for (const c of cols) {
      const role = c.role as IndicatorRole;
      const cell = cells[c.col];
      const value = cell?.value;
      const text = typeof value === "string" ? value.trim() : value === null || value === undefined ? "" : String(value);
      if (text !== "") any = true;
      if (role === "level1" || role === "level2") {
        if (text !== "") carried[role] = text;
        out.text[role] = carried[role];
      } else if (text !== "") out.text[role] = text;
      out.figures[role] = { ref: columnLetters(c.col) + (r + 1), read: readNumber(value, cell?.numFmt) };
    }
    if (any) rows.push(out);
  }
  return { sheet: sheet.name, rows };
}

/** The indicator rules' entry point (a later task). Targets carry `indicators.scoring` for them. */
export function runIndicatorRules(_table: IndicatorTable, _targets: Targets): Finding[] {
  return [];
}
