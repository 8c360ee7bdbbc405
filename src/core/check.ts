/**
 * The core's entry points: checkWorkbook / checkSheet. A sheet is read on its own (its result never depends
 * on other sheets): tables detected, fund tables built into the FundTable model and run through the fund rules,
 * indicator tables handed to the indicator module. Results come in sheet order, then row order.
 */
import { isAddinSheet } from "./addinSheets";
import { CheckResult, ColumnMapping, SheetReport, TableReport } from "./api";
import { DetectedColumn, detectTables } from "./detect/tables";
import { Finding, RuleId, summarize } from "./findings";
import { GridSheet, GridWorkbook, columnIndex, columnLetters, fromA1, sheetCells, toA1 } from "./grid";
import { IndicatorTable, buildIndicatorTable, runIndicatorRules, tableCell } from "./indicators";
import { Role } from "./model";
import { checkFundTable, describeTable } from "./fundTables";
import { internalErrorFinding } from "./rules/internalError";
import { tableUnreadableFinding } from "./rules/tableUnreadable";
import { DEFAULT_TARGETS, Targets } from "./targets";

export interface CheckOptions {
  targets?: Targets;
  /** Column roles chosen by the user, by sheet name then column letter. */
  mapping?: ColumnMapping;
  /** Called when a rule throws (a bug): the other rules and rows go on. */
  onRuleError?(rule: RuleId, error: unknown): void;
}

function columnsRecord(columns: DetectedColumn[]): Record<string, Role> {
  const out: Record<string, Role> = {};
  for (const c of columns) out[columnLetters(c.col)] = c.role;
  return out;
}

/** The sheet's mapping as 0-based columns; letters that are not columns are ignored. */
function sheetMapping(mapping: ColumnMapping | undefined, sheet: string): Record<number, Role | "ignore"> | undefined {
  const byLetter = mapping?.[sheet];
  if (!byLetter) return undefined;
  const out: Record<number, Role | "ignore"> = {};
  for (const [letters, role] of Object.entries(byLetter)) {
    const col = columnIndex(letters.trim().toUpperCase());
    if (col !== undefined && col >= 0) out[col] = role;
  }
  return out;
}

function position(cell: string): [number, number] {
  const a = fromA1(cell);
  return a ? [a.row, a.col] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
}

/** Checks one sheet: what was understood (report) and what was found (row order, then column). */
export function checkSheet(sheet: GridSheet, options: CheckOptions = {}): { report: SheetReport; findings: Finding[] } {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const hooks = { onRuleError: options.onRuleError };
  const cells = sheetCells(sheet); // literal arrays or the reader's packed store, read the same way
  const detected = detectTables(cells, sheetMapping(options.mapping, sheet.name));
  const tables: TableReport[] = [];
  const findings: Finding[] = [];
  const indicatorTables: IndicatorTable[] = [];
  for (const t of detected.tables) {
    if (t.kind === "fund") {
      const checked = checkFundTable(cells, t, targets, hooks);
      tables.push(checked.report);
      for (let k = 0; k < checked.findings.length; k++) findings.push(checked.findings[k]); // no spread: 100k+ findings overflow the stack
    } else {
      const table = buildIndicatorTable(cells, t);
      const report: TableReport = { kind: "indicator", headerRow: t.headerTop + 1, firstRow: t.firstRow + 1, lastRow: t.lastRow + 1, columns: columnsRecord(t.columns), funds: [] };
      if (t.unit) report.unit = t.unit;
      describeTable(report, t);
      tables.push(report);
      try {
        for (const f of runIndicatorRules(table, targets, { earlier: indicatorTables, onRuleError: options.onRuleError })) findings.push(f);
      } catch (error) {
        // (The runner catches its rules' errors; this is the table's own reading failing.)
        options.onRuleError?.("internal-error", error);
        if (targets.severity?.["internal-error"] !== "off") {
          findings.push(internalErrorFinding({ rule: "indicator table", error, rows: 0 }, { sheet: sheet.name, ...tableCell(table) }, targets.severity?.["internal-error"]));
        }
      }
      indicatorTables.push(table);
    }
  }
  if (detected.unreadable) {
    const u = detected.unreadable;
    const severity = targets.severity?.["table-unreadable"];
    if (severity !== "off") {
      const area = `${toA1(u.row, u.col)}:${toA1(u.lastRow, u.lastCol)}`;
      findings.push(tableUnreadableFinding(sheet.name, { cell: toA1(u.cell.row, u.cell.col), area, header: u.header }, severity));
    }
  }
  // Row order, then column; findings of one cell keep the order the rules gave them.
  const keyed = findings.map((f, k) => ({ f, k, p: position(f.cell) }));
  keyed.sort((x, y) => x.p[0] - y.p[0] || x.p[1] - y.p[1] || x.k - y.k);
  const report: SheetReport = {
    name: sheet.name,
    kind: detected.kind,
    headerRow: tables.length ? tables[0].headerRow : null,
    columns: tables.length ? tables[0].columns : {},
    tables,
  };
  return { report, findings: keyed.map((x) => x.f) };
}

/** Checks every sheet of a workbook, in sheet order, except the add-in's own (settings, report). */
export function checkWorkbook(workbook: GridWorkbook, options: CheckOptions = {}): CheckResult {
  const sheets: SheetReport[] = [];
  const findings: Finding[] = [];
  for (const sheet of workbook.sheets) {
    if (isAddinSheet(sheet.name)) continue;
    const r = checkSheet(sheet, options);
    sheets.push(r.report);
    for (const f of r.findings) findings.push(f);
  }
  return { sheets, summary: summarize(findings), findings };
}
