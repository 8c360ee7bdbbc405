/**
 * The core's entry points: checkWorkbook / checkSheet. A sheet is read on its own (its result never depends
 * on other sheets): tables detected, fund tables built into the FundTable model and run through the fund rules,
 * indicator tables handed to the indicator module. Results come in sheet order, then row order.
 */
import { isAddinSheet } from "./addinSheets";
import { CheckResult, ColumnMapping, FundAmounts, SheetReport, TableReport } from "./api";
import { buildFundTable } from "./detect/fundTable";
import { DetectedColumn, DetectedTable, detectTables } from "./detect/tables";
import { ACTUAL, BUDGET, TableFigures } from "./figureStore";
import { Finding, RuleId, summarize } from "./findings";
import { GridSheet, GridWorkbook, columnIndex, columnLetters, fromA1, sheetCells, toA1 } from "./grid";
import { IndicatorTable, buildIndicatorTable, runIndicatorRules, tableCell } from "./indicators";
import { Role } from "./model";
import { runFundRules } from "./rules";
import { internalErrorFinding } from "./rules/internalError";
import { tableUnreadableFinding } from "./rules/tableUnreadable";
import { TransposedCells } from "./detect/transposed";
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

/** What detection understood, for the JSON `sheets[].tables[]` and the Mapping tab (docs/reference.md). */
function describeTable(report: TableReport, t: DetectedTable): void {
  report.orientation = t.orientation ?? "rows";
  if (t.cells instanceof TransposedCells) {
    // Funds across, items down: the view's columns are the sheet's rows.
    const from = t.cells.fromRow;
    const items: Record<string, Role> = {};
    for (const [letters, role] of Object.entries(report.columns)) items[String(from + (columnIndex(letters) ?? 0) + 1)] = role;
    report.items = items;
    report.columns = {};
    report.headerRow = from + 1;
    report.headerRows = [from + 1];
    report.firstRow = from + 2;
    report.lastRow = t.cells.toRow + 1;
  } else {
    const headerRows: number[] = [];
    for (let r = t.headerTop; r <= t.headerBottom; r++) headerRows.push(r + 1);
    report.headerRows = headerRows;
  }
  if (t.years?.length) report.years = t.years;
  if (t.groups) {
    report.groups = t.groups.map((g) => {
      const out: { label: string; year?: number; fund?: string; columns: Record<string, Role> } = { label: g.label, columns: columnsRecord(g.columns) };
      if (g.year !== undefined) out.year = g.year;
      if (g.fund !== undefined) out.fund = g.fund;
      return out;
    });
  }
}

function sortedColumns(columns: Record<string, Role>): Record<string, Role> {
  const out: Record<string, Role> = {};
  for (const letters of Object.keys(columns).sort((a, b) => (columnIndex(a) ?? 0) - (columnIndex(b) ?? 0))) out[letters] = columns[letters];
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
      const funds: FundAmounts[] = [];
      const columns: Record<string, Role> = {};
      let unit: string | undefined;
      const groups = t.groups ?? [undefined];
      const latestYear = t.groups?.reduce((y, g) => Math.max(y, g.year ?? -Infinity), -Infinity);
      for (const group of groups) {
        const built = buildFundTable(t.cells ?? cells, group ? { ...t, columns: group.columns } : t);
        if (group?.year !== undefined) built.table.period = group.year;
        if (group?.fund) built.table.group = group.fund;
        const rows = built.table.rows;
        const figures = TableFigures.of(rows);
        // The chart shows this year's amounts: the latest year of a multi-year table, every fund of a consolidation.
        if (group?.year === undefined || group.year === latestYear) {
          for (let i = 0; i < rows.length; i++) {
            const row = rows[i];
            if (row.kind === "component") continue;
            const b = figures.value(i, BUDGET); // NaN: not a number
            const a = figures.value(i, ACTUAL);
            // One literal per case, so each object is made at its size (no properties added after).
            const subject = group?.fund ? `${row.subject} ${group.fund}` : row.subject;
            if (b === b) funds.push(a === a ? { subject, budget: b, actual: a } : { subject, budget: b });
            else if (a === a) funds.push({ subject, actual: a });
          }
        }
        for (const c of built.columns) if (!(columnLetters(c.col) in columns) || c.role !== "prior") columns[columnLetters(c.col)] = c.role;
        unit ??= built.table.unit;
        const found = runFundRules(built.table, targets, hooks, figures);
        for (let k = 0; k < found.length; k++) findings.push(found[k]); // no spread: 100k+ findings overflow the stack
      }
      const report: TableReport = { kind: "fund", headerRow: t.headerTop + 1, firstRow: t.firstRow + 1, lastRow: t.lastRow + 1, columns: sortedColumns(columns), funds };
      if (unit) report.unit = unit;
      describeTable(report, t);
      tables.push(report);
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
