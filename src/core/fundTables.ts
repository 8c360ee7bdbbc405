/**
 * A detected fund table → its checks and its description. A table with column groups (the years of a multi-year
 * header, the funds of a consolidation) is checked group by group, each group a FundTable of its own (a year's
 * findings carry the year, a fund's join the fund to each row's subject); the description (JSON
 * `sheets[].tables[]`, the Mapping tab) says what was understood: header rows, orientation, years, unit, roles.
 */
import { FundAmounts, TableReport } from "./api";
import { buildFundTable } from "./detect/fundTable";
import { ColumnGroup, DetectedColumn, DetectedTable } from "./detect/tables";
import { TransposedCells } from "./detect/transposed";
import { ACTUAL, BUDGET, INCOME, TableFigures } from "./figureStore";
import { Finding, RuleId } from "./findings";
import { SheetCells, columnIndex, columnLetters } from "./grid";
import { Role } from "./model";
import { clipText } from "./numbers";
import { runFundRules, SUBJECT_LIMIT } from "./rules";
import { Targets } from "./targets";

function columnsRecord(columns: DetectedColumn[]): Record<string, Role> {
  const out: Record<string, Role> = {};
  for (const c of columns) out[columnLetters(c.col)] = c.role;
  return out;
}

/** One FundTable built from a detected table or one of its column groups (a year, a fund of a consolidation). */
export interface GroupTable {
  built: ReturnType<typeof buildFundTable>;
  group?: ColumnGroup;
  /** The latest year of a multi-year table (or no year groups at all): the year a report is about. */
  latest: boolean;
}

/** The FundTables a detected table reads as: itself, or one per column group, each with its year or fund. */
export function groupTables(cells: SheetCells, t: DetectedTable): GroupTable[] {
  const groups = t.groups ?? [undefined];
  const latestYear = t.groups?.reduce((y, g) => Math.max(y, g.year ?? -Infinity), -Infinity);
  return groups.map((group) => {
    const built = buildFundTable(t.cells ?? cells, group ? { ...t, columns: group.columns } : t);
    if (group?.year !== undefined) built.table.period = group.year;
    if (group?.fund) built.table.group = group.fund;
    return { built, group, latest: group?.year === undefined || group.year === latestYear };
  });
}

/** Builds, checks and describes one fund table of a sheet. */
export function checkFundTable(cells: SheetCells, t: DetectedTable, targets: Targets, hooks: { onRuleError?(rule: RuleId, error: unknown): void }): { report: TableReport; findings: Finding[] } {
  const findings: Finding[] = [];
  const funds: FundAmounts[] = [];
  const columns: Record<string, Role> = {};
  let unit: string | undefined;
  for (const { built, group, latest } of groupTables(cells, t)) {
    const rows = built.table.rows;
    const figures = TableFigures.of(rows);
    // The chart shows this year's amounts: the latest year of a multi-year table, every fund of a consolidation.
    if (latest) {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (row.kind === "component") continue;
        const b = figures.value(i, BUDGET); // NaN: not a number
        const a = figures.value(i, ACTUAL);
        // One literal per case, so each object is made at its size (no properties added after).
        // Clipped as findings clip it: a cell of megabytes is not carried into every result (and every copy of it).
        const name = clipText(row.subject, SUBJECT_LIMIT);
        const subject = group?.fund ? `${name} ${group.fund}` : name;
        const n = figures.value(i, INCOME); // a table of income and expenditure is charted as such
        let amounts: FundAmounts | undefined;
        if (b === b) amounts = a === a ? { subject, budget: b, actual: a } : { subject, budget: b };
        else if (a === a) amounts = { subject, actual: a };
        if (n === n) (amounts ??= { subject }).income = n;
        if (amounts) funds.push(amounts);
      }
    }
    // A column read as a year's prior keeps the role it has in its own year.
    for (const c of built.columns) if (!(columnLetters(c.col) in columns) || c.role !== "prior") columns[columnLetters(c.col)] = c.role;
    unit ??= built.table.unit;
    const found = runFundRules(built.table, targets, hooks, figures);
    for (let k = 0; k < found.length; k++) findings.push(found[k]); // no spread: 100k+ findings overflow the stack
  }
  const report: TableReport = { kind: "fund", headerRow: t.headerTop + 1, firstRow: t.firstRow + 1, lastRow: t.lastRow + 1, columns: sortedColumns(columns), funds };
  if (unit) report.unit = unit;
  describeTable(report, t);
  return { report, findings };
}

/** What detection understood, for the JSON `sheets[].tables[]` and the Mapping tab (docs/reference.md). */
export function describeTable(report: TableReport, t: DetectedTable): void {
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

