/**
 * The core's entry points. A sheet is read on its own (its result never depends on other sheets): tables detected,
 * fund tables built into the FundTable model and run through the fund rules, indicator tables handed to the
 * indicator module (`checkSheet`). A workbook is one loop over its sheets (`WorkbookPass`), driven either over
 * sheets in memory (`checkWorkbook`) or over sheets read one at a time with progress and cancel (`checkSheets`:
 * the CLI and the task pane). Results come in the one order of findings (./order.ts).
 */
import { addinSheetKind } from "./addinSheets";
import { CheckResult, ColumnMapping, SheetReport, SkippedSheet, TableReport } from "./api";
import { DetectedColumn, detectTables } from "./detect/tables";
import { Finding, RuleId, summarize } from "./findings";
import { GridSheet, GridWorkbook, columnIndex, columnLetters, sheetCells, toA1 } from "./grid";
import { checkFundTable, describeTable } from "./fundTables";
import { IndicatorTable, buildIndicatorTable, runIndicatorRules, tablePlace } from "./indicators";
import { Role } from "./model";
import { inFindingOrder } from "./order";
import { internalErrorFinding } from "./rules/internalError";
import { tableUnreadableFinding } from "./rules/tableUnreadable";
import { SettingsOrigin, settingsEffects } from "./settingsEffects";
import { DEFAULT_TARGETS, Targets } from "./targets";

export interface CheckOptions {
  targets?: Targets;
  /** Column roles chosen by the user, by sheet name then column letter. */
  mapping?: ColumnMapping;
  /**
   * Where the targets and the mapping came from, so the result can say that a workbook's stored settings changed
   * what is checked (CheckResult.settings). Default: given for this run.
   */
  origin?: { targets?: SettingsOrigin; mapping?: SettingsOrigin };
  /** Called when a rule throws (a bug): the other rules and rows go on. */
  onRuleError?(rule: RuleId, error: unknown): void;
}

function columnsRecord(columns: DetectedColumn[]): Record<string, Role> {
  const out: Record<string, Role> = {};
  for (const c of columns) out[columnLetters(c.col)] = c.role;
  return out;
}

/** The sheet's mapping as 0-based columns; letters that are not columns are ignored. */
export function sheetMapping(mapping: ColumnMapping | undefined, sheet: string): Record<number, Role | "ignore"> | undefined {
  const byLetter = mapping?.[sheet];
  if (!byLetter) return undefined;
  const out: Record<number, Role | "ignore"> = {};
  for (const [letters, role] of Object.entries(byLetter)) {
    const col = columnIndex(letters.trim().toUpperCase());
    if (col !== undefined && col >= 0) out[col] = role;
  }
  return out;
}

/** Checks one sheet: what was understood (report) and what was found (in the one order). */
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
          findings.push(internalErrorFinding({ rule: "indicator table", error, rows: 0 }, tablePlace(table), targets.severity?.["internal-error"]));
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
  const report: SheetReport = {
    name: sheet.name,
    kind: detected.kind,
    headerRow: tables.length ? tables[0].headerRow : null,
    columns: tables.length ? tables[0].columns : {},
    tables,
  };
  return { report, findings: inFindingOrder(findings) };
}

/**
 * One check of a workbook, sheet by sheet in workbook order: the add-in's own sheets (recognised by content) are
 * left out and listed, the others checked; `result()` adds what the settings changed. Drive it with `add`.
 */
export class WorkbookPass {
  private readonly sheets: SheetReport[] = [];
  private readonly findings: Finding[] = [];
  private readonly skipped: SkippedSheet[] = [];

  constructor(private readonly options: CheckOptions = {}) {}

  add(sheet: GridSheet): void {
    const own = addinSheetKind(sheet);
    if (own) {
      this.skipped.push({ name: sheet.name, as: own });
      return;
    }
    const r = checkSheet(sheet, this.options);
    this.sheets.push(r.report);
    for (let k = 0; k < r.findings.length; k++) this.findings.push(r.findings[k]); // no spread (see checkSheet)
  }

  result(): CheckResult {
    const { targets, mapping, origin } = this.options;
    const result: CheckResult = { sheets: this.sheets, summary: summarize(this.findings), findings: this.findings };
    if (this.skipped.length) result.skipped = this.skipped;
    const effects = settingsEffects(
      { value: targets, origin: origin?.targets ?? "given" },
      { value: mapping, origin: origin?.mapping ?? "given" },
      this.sheets.map((s) => s.name)
    );
    if (effects.length) result.settings = effects;
    return result;
  }
}

/** Checks every sheet of a workbook held in memory, in sheet order, except the add-in's own (settings, report). */
export function checkWorkbook(workbook: GridWorkbook, options: CheckOptions = {}): CheckResult {
  const pass = new WorkbookPass(options);
  for (const sheet of workbook.sheets) pass.add(sheet);
  return pass.result();
}

/** Set by whoever may stop a check (the pane's Cancel); read between sheets and by readers between blocks. */
export interface CancelSignal {
  readonly cancelled: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export interface PassProgress {
  /** Sheets done so far. */
  done: number;
  total: number;
  /** The sheet about to be read; "" at the end. */
  sheet: string;
}

export interface SheetSource {
  /** Sheet names to check, in order. */
  names: readonly string[];
  /** The sheet `names[index]`. */
  read(name: string, index: number): GridSheet | Promise<GridSheet>;
}

export interface PassControl {
  onProgress?(progress: PassProgress): void;
  signal?: CancelSignal;
  /** Awaited before each sheet (the pane lets React paint its progress). */
  pause?(): Promise<void>;
}

/**
 * Checks the sheets of a source one at a time, reading each only when its turn comes: progress before each sheet,
 * a CancelledError as soon as the signal is set (between sheets, and after a read). The result is the one
 * checkWorkbook gives for the same sheets.
 */
export async function checkSheets(source: SheetSource, options: CheckOptions & PassControl = {}): Promise<CheckResult> {
  const pass = new WorkbookPass(options);
  const { names } = source;
  const { signal } = options;
  for (let i = 0; i < names.length; i++) {
    if (signal?.cancelled) throw new CancelledError();
    options.onProgress?.({ done: i, total: names.length, sheet: names[i] });
    await options.pause?.();
    const sheet = await source.read(names[i], i);
    if (signal?.cancelled) throw new CancelledError();
    pass.add(sheet);
  }
  options.onProgress?.({ done: names.length, total: names.length, sheet: "" });
  return pass.result();
}
