/**
 * The task pane's only door to Excel: every Office.js call lives here. It reads sheets into the core's grid
 * model and writes the add-in's own additions (highlights, the report sheet, the settings sheet) — never a
 * value, formula or format the user made.
 *
 * Reading: one sync for a sheet's used range and merged areas, then one sync per block of rows. A block's rows
 * are chosen so its response stays far below Excel on the web's 5 MB payload limit (estimate × columns), shrink
 * when the cells turn out heavier than estimated, and halve on a payload-size error.
 *
 * Highlights are conditional formats the add-in creates, one per flagged cell, each recognisable by its own
 * formula (=N("fund-check:error")=0, always true), so Clear deletes exactly those and nothing of the user's;
 * fills are never touched. Each write action is one undo step where Excel supports undo grouping
 * (ExcelApi 1.20, RunOptions.mergeUndoGroup); elsewhere it runs ungrouped and says so.
 */
import type { CellRange, CellValue, GridCell, GridSheet } from "../core/grid";
import { fromA1 } from "../core/grid";
import type { Finding, Severity } from "../core/findings";
import { bySeverity, expectedIn, observedIn, SEVERITIES, severityRank } from "../core/findings";
import { addressOf, placeOf } from "../core/location";
import type { CheckResult } from "../core/api";
import { CHART_LIMIT, chartRows } from "../core/chart";
import { MARKER_RANGE, reportMarkerText } from "../core/addinSheets";
import { CancelledError, CancelSignal } from "../core/check";
import { Lang, severityLabel } from "../core/words";
import { addinSheetKindOf, decodeSettings, DecodedSettings, encodeSettings, SETTINGS_SHEET_NAME, WorkbookSettings } from "../settings/workbookSettings";

export { CancelledError, chartRows };
export type { CancelSignal };

/** Excel on the web refuses requests or responses above 5 MB; aim well below. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const BLOCK_TARGET_BYTES = 2.5 * 1024 * 1024;
/** Values + number format of one cell as JSON, generously: a 20-character Chinese text is ~60 bytes in UTF-8. */
export const ESTIMATED_BYTES_PER_CELL = 64;
/** Indent is read for the leftmost columns only, where a table's subject column stands. */
export const INDENT_COLUMNS = 3;
/** Rows of the first block of a sheet, read to measure its cells before sizing the other blocks. */
export const PROBE_ROWS = 200;

/**
 * Conditional formats added or deleted per sync. Office.js sends several object paths and actions for each (about
 * a kilobyte), so tens of thousands of highlights in one request would pass the 5 MB limit.
 */
export const FORMATS_PER_SYNC = 1500;

export const HIGHLIGHT_MARKER = "fund-check:";
export const HIGHLIGHT_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** Rows per block for a used range this wide, so that a block's response stays under the target. */
export function rowsPerBlock(columnCount: number, bytesPerCell = ESTIMATED_BYTES_PER_CELL): number {
  return Math.max(1, Math.floor(BLOCK_TARGET_BYTES / (Math.max(1, columnCount) * Math.max(1, bytesPerCell))));
}

const ERROR_VALUE = /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|GETTING_DATA)$/;

function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" && ERROR_VALUE.test(value)) return { error: value };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** UTF-8 size of a block's JSON, roughly (non-ASCII counted as 3 bytes). */
function approximateBytes(values: unknown[][], formats: unknown[][]): number {
  let bytes = 0;
  const add = (v: unknown) => {
    if (typeof v === "string") {
      bytes += v.length + 3;
      for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 127) bytes += 2;
    } else bytes += 12;
  };
  for (const row of values) for (const v of row) add(v);
  for (const row of formats) for (const v of row) add(v);
  return bytes;
}

/** "Sheet1!A1:B2, 'My, sheet'!C3" → 0-based rectangles. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const area = /(?:'(?:[^']|'')*'|[^!,\s][^!,]*)!(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g;
  let m: RegExpExecArray | null;
  while ((m = area.exec(address))) {
    const a = fromA1(m[1]);
    const b = fromA1(m[2] || m[1]);
    if (a && b) out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return out;
}

function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code || "";
  const message = (error as { message?: string } | null)?.message || "";
  return /PayloadSize|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(code + " " + message);
}

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export interface SheetList {
  /** Every sheet, in tab order (the check leaves out the add-in's own, recognised by their content). */
  names: string[];
  active: string;
}

export async function listSheets(): Promise<SheetList> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const active = sheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    return { names: sheets.items.map((s) => s.name), active: active.name };
  });
}

/**
 * The add-in's own sheets of one kind ("report"), recognised by their content (src/core/addinSheets.ts): the first
 * cells of every sheet in one sync.
 */
async function addinSheets(context: Excel.RequestContext, kind: "settings" | "report"): Promise<Excel.Worksheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const corners = sheets.items.map((s) => {
    const range = s.getRangeByIndexes(0, 0, MARKER_RANGE.rows, MARKER_RANGE.columns);
    range.load("values");
    return range;
  });
  await context.sync();
  return sheets.items.filter((s, i) => addinSheetKindOf(s.name, (r, c) => (corners[i].values as unknown[][])[r]?.[c]) === kind);
}

export interface ReadProgress {
  rowsRead: number;
  rowsTotal: number;
}

/** Reads one sheet's used range into a GridSheet, block by block. */
export async function readSheet(name: string, options: { signal?: CancelSignal; onProgress?: (p: ReadProgress) => void } = {}): Promise<GridSheet> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const readMerges = supports("1.13");
    const merged = readMerges ? used.getMergedAreasOrNullObject() : undefined;
    if (merged) merged.load("address");
    await context.sync();

    const grid: GridSheet = { name, cells: [], merges: [] };
    if (used.isNullObject) return grid;
    if (merged && !merged.isNullObject && merged.address) grid.merges = parseAreas(merged.address);

    const { rowIndex, columnIndex, rowCount, columnCount } = used;
    const readIndent = supports("1.9");
    const indentColumns = Math.min(INDENT_COLUMNS, columnCount);
    const estimate = ESTIMATED_BYTES_PER_CELL + (readIndent ? Math.ceil((40 * indentColumns) / columnCount) : 0);
    // A small first block measures what the cells really weigh; the rest is sized from it.
    let rows = Math.min(PROBE_ROWS, rowsPerBlock(columnCount, estimate));
    let start = 0;
    while (start < rowCount) {
      if (options.signal?.cancelled) throw new CancelledError();
      const n = Math.min(rows, rowCount - start);
      const block = sheet.getRangeByIndexes(rowIndex + start, columnIndex, n, columnCount);
      block.load("values,numberFormat");
      const indents = readIndent
        ? sheet.getRangeByIndexes(rowIndex + start, columnIndex, n, indentColumns).getCellProperties({ format: { indentLevel: true } })
        : undefined;
      try {
        await context.sync();
      } catch (error) {
        if (isPayloadError(error) && n > 1) {
          rows = Math.max(1, Math.floor(n / 2));
          continue;
        }
        throw error;
      }
      const values = block.values as unknown[][];
      const formats = block.numberFormat as unknown[][];
      for (let r = 0; r < n; r++) {
        const rowValues = values[r] || [];
        let out: (GridCell | undefined)[] | undefined;
        for (let c = 0; c < columnCount; c++) {
          const value = toCellValue(rowValues[c]);
          if (value === null) continue;
          const cell: GridCell = { value };
          const fmt = formats[r]?.[c];
          if (typeof fmt === "string" && fmt !== "General" && fmt !== "") cell.numFmt = fmt;
          const indent = c < indentColumns ? indents?.value[r]?.[c]?.format?.indentLevel : undefined;
          if (typeof indent === "number" && indent > 0) cell.indent = indent;
          if (!out) out = grid.cells[rowIndex + start + r] = [];
          out[columnIndex + c] = cell;
        }
      }
      const perCell = approximateBytes(values, formats) / Math.max(1, n * columnCount);
      rows = rowsPerBlock(columnCount, Math.max(estimate, perCell * 1.5));
      start += n;
      options.onProgress?.({ rowsRead: start, rowsTotal: rowCount });
    }
    return grid;
  });
}

/** Activates a sheet and selects a cell (a finding's cell location). */
export async function selectCell(sheetName: string, address: string): Promise<void> {
  if (!fromA1(address)) return;
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}

/** Runs a write batch as one undo step where Excel supports grouping; the batch must be safe to repeat. */
async function runWrite<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<{ value: T; grouped: boolean }> {
  if (supports("1.20")) {
    try {
      return { value: await Excel.run({ mergeUndoGroup: true }, batch), grouped: true };
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (code !== "UndoNotSupported") throw error;
    }
  }
  return { value: await Excel.run(batch), grouped: false };
}

/**
 * Deletes the conditional formats this add-in created, on every sheet; leaves the user's own rules. Syncs every
 * FORMATS_PER_SYNC deletes; the caller syncs the rest.
 */
async function queueRemoveHighlights(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const collections = sheets.items
    .map((s) => {
      const formats = s.getRange().conditionalFormats;
      formats.load("items/type");
      return formats;
    });
  await context.sync();
  const customs: { format: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[] = [];
  for (const formats of collections) {
    for (const format of formats.items) {
      if (format.type !== "Custom") continue;
      const rule = format.custom.rule;
      rule.load("formula");
      customs.push({ format, rule });
    }
  }
  if (customs.length) await context.sync();
  let removed = 0;
  for (const { format, rule } of customs) {
    if (typeof rule.formula === "string" && rule.formula.includes(HIGHLIGHT_MARKER)) {
      format.delete();
      removed++;
      if (removed % FORMATS_PER_SYNC === 0) await context.sync();
    }
  }
  return removed;
}

/** One cell per address and sheet, with the worst severity among its findings (findings at a line have no cell). */
export function cellsToHighlight(findings: readonly Finding[]): Map<string, Map<string, Severity>> {
  const bySheet = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    if (f.at.kind !== "cell" || !fromA1(f.at.address)) continue;
    const cells = bySheet.get(f.at.sheet) || new Map<string, Severity>();
    bySheet.set(f.at.sheet, cells);
    const cell = f.at.address.replace(/\$/g, "").toUpperCase();
    const before = cells.get(cell);
    if (!before || severityRank(f.severity) < severityRank(before)) cells.set(cell, f.severity);
  }
  return bySheet;
}

/** Marks flagged cells with the add-in's own conditional formats (replacing its previous marks). */
export async function highlightFindings(findings: readonly Finding[]): Promise<{ cells: number; grouped: boolean }> {
  const { value, grouped } = await runWrite(async (context) => {
    await queueRemoveHighlights(context);
    let count = 0;
    for (const [sheetName, cells] of cellsToHighlight(findings)) {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      for (const [address, severity] of cells) {
        const format = sheet.getRange(address).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        format.custom.rule.formula = `=N("${HIGHLIGHT_MARKER}${severity}")=0`;
        format.custom.format.fill.color = HIGHLIGHT_COLORS[severity];
        count++;
        if (count % FORMATS_PER_SYNC === 0) await context.sync(); // one undo group still (runWrite)
      }
    }
    await context.sync();
    return count;
  });
  return { cells: value, grouped };
}

/** Removes everything the add-in added for display: its highlights and its report sheet. The settings stay. */
export async function clearAddinChanges(): Promise<{ removed: number; grouped: boolean }> {
  const { value, grouped } = await runWrite(async (context) => {
    const removed = await queueRemoveHighlights(context);
    const reports = await queueDeleteReportSheets(context);
    await context.sync();
    return removed + reports;
  });
  return { removed: value, grouped };
}

/** Deletes the report sheets the add-in wrote (by their marker, whatever their name); a user's sheet is never deleted. */
async function queueDeleteReportSheets(context: Excel.RequestContext): Promise<number> {
  const own = await addinSheets(context, "report");
  for (const s of own) s.delete();
  return own.length;
}

/** A sheet name inside a formula's text: 'It''s' for the sheet reference, then "" for the string literal. */
export function internalLinkFormula(sheet: string, address: string, label: string): string | undefined {
  const a1 = fromA1(address);
  if (!a1) return undefined;
  const cleanAddress = address.replace(/\$/g, "").toUpperCase();
  const target = `#'${sheet.replace(/'/g, "''")}'!${cleanAddress}`;
  const quote = (s: string) => '"' + s.replace(/"/g, '""') + '"';
  return `=HYPERLINK(${quote(target)},${quote(label)})`;
}

export interface ReportSheetLabels {
  sheetName: string;
  title: string;
  headers: string[]; // severity, rule, sheet, cell, subject, observed, expected, message
  fundHeaders: [string, string, string];
  chartTitle: string;
  /** Notes on what changed the checks or was left out (scopeNotes), written under the marker. */
  notes: string[];
  lang: Lang;
}

function columnsLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/**
 * Hands `write` the rows in blocks of about BLOCK_TARGET_BYTES of JSON (at least one row each), `top` being the
 * sheet row of the block's first row, and syncs after each block but the last (the caller's sync sends that one).
 */
async function writeRowsInBlocks<T>(
  context: Excel.RequestContext,
  rows: T[][],
  firstRow: number,
  write: (rows: T[][], top: number) => Promise<void>
): Promise<void> {
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    // Twice the JSON: the values and the number formats (or formulas) written beside them.
    while (end < rows.length && (end === start || bytes + 2 * jsonBytes(rows[end]) <= BLOCK_TARGET_BYTES)) bytes += 2 * jsonBytes(rows[end++]);
    await write(rows.slice(start, end), firstRow + start);
    if (end < rows.length) await context.sync();
    start = end;
  }
}

function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 2; // CJK: 3 bytes in UTF-8
  return bytes;
}

/**
 * Writes the report sheet: the add-in's previous report sheets (recognised by their marker) deleted and one added
 * on each run — under another name ("校验报告 (2)") when a sheet of the user's holds the name, which is never
 * touched. A1 the title, A2 the marker, then a line per note on what changed the checks, the header, and the
 * findings by severity (errors first, each group in the one order of findings) written as values under a text
 * format (a subject such as "=1+1" stays text), one HYPERLINK per finding built only from the sheet name and the
 * address, and a clustered column chart of budget vs actual per fund.
 */
export async function writeReportSheet(result: CheckResult, labels: ReportSheetLabels): Promise<{ sheet: string; grouped: boolean }> {
  const { value: name, grouped } = await runWrite(async (context) => {
    await queueDeleteReportSheets(context);
    const all = context.workbook.worksheets;
    all.load("items/name");
    await context.sync();
    const name = uniqueSheetName(labels.sheetName, all.items.map((s) => s.name));
    const sheet = all.add(name);
    const groups = bySeverity(result.findings);
    const findings = SEVERITIES.flatMap((s) => groups[s]);
    const width = labels.headers.length; // 8: A..H, D holds the link
    const last = columnsLetter(width - 1);
    const top = [[labels.title], [reportMarkerText(labels.lang)], ...labels.notes.map((n) => [n])];
    const texts = sheet.getRange(`A1:A${top.length}`);
    texts.numberFormat = top.map(() => ["@"]);
    texts.values = top;
    sheet.getRange("A1").format.font.bold = true;
    const headerRow = top.length + 1;
    const header = sheet.getRange(`A${headerRow}:${last}${headerRow}`);
    header.numberFormat = [labels.headers.map(() => "@")];
    header.values = [labels.headers];
    const place = (f: Finding) => `${placeOf(f.at)}!${addressOf(f.at)}`;
    const rows = findings.map((f) => [
      severityLabel(f.severity, labels.lang), f.rule, placeOf(f.at), place(f), f.subject, observedIn(f, labels.lang), expectedIn(f, labels.lang), f.message[labels.lang],
    ]);
    // Finding rows go in blocks under the header, a sync after each, so that no request passes Excel on the web's
    // 5 MB (one undo group still). Column D then gets each finding's link.
    const firstRow = headerRow + 1;
    await writeRowsInBlocks(context, rows, firstRow, async (block, at) => {
      const bottom = at + block.length - 1;
      const range = sheet.getRange(`A${at}:${last}${bottom}`);
      range.numberFormat = block.map((row) => row.map(() => "@"));
      range.values = block;
      const links = findings
        .slice(at - firstRow, bottom - firstRow + 1)
        .map((f) => [(f.at.kind === "cell" && internalLinkFormula(f.at.sheet, f.at.address, place(f))) || place(f)]);
      const linkRange = sheet.getRange(`D${at}:D${bottom}`);
      linkRange.numberFormat = links.map(() => ["General"]);
      linkRange.formulas = links;
    });
    sheet.getRange(`A${headerRow}:${last}${headerRow}`).format.font.bold = true;
    const funds = chartRows(result);
    if (funds.length) {
      const first = headerRow;
      const data = [labels.fundHeaders as string[] as (string | number | null)[], ...funds.map((f) => [f.subject, f.budget, f.actual])];
      await writeRowsInBlocks(context, data, first, async (rows, at) => {
        sheet.getRange(`J${at}:J${at + rows.length - 1}`).numberFormat = rows.map(() => ["@"]);
        sheet.getRange(`J${at}:L${at + rows.length - 1}`).values = rows.map((row) => row.map((v) => (v === null ? "" : v)));
      });
      // The chart draws the first CHART_LIMIT funds: more bars are no longer readable (the table lists them all).
      const charted = Math.min(data.length, CHART_LIMIT + 1);
      const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange(`J${first}:L${first + charted - 1}`), Excel.ChartSeriesBy.columns);
      chart.title.text = labels.chartTitle;
      chart.setPosition(`N${first}`);
    }
    sheet.getRange(`A:${last}`).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return name;
  });
  return { sheet: name, grouped };
}

/** A sheet named like the settings sheet that the add-in did not write: its settings cannot be saved there. */
export class SheetNameTakenError extends Error {
  constructor(readonly sheet: string) {
    super(`a sheet named ${sheet} that fund-check did not write exists; rename it to save settings`);
    this.name = "SheetNameTakenError";
  }
}

/** Reads the settings sheet, if the workbook has one. */
export async function loadSettings(): Promise<DecodedSettings> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    await context.sync();
    if (sheet.isNullObject || used.isNullObject) return { problems: [] };
    // The settings block starts at A1; a used range that does not is no settings sheet of the add-in's.
    const values = used.rowIndex === 0 && used.columnIndex === 0 ? (used.values as unknown[][]) : [];
    if (addinSheetKindOf(SETTINGS_SHEET_NAME, (r, c) => values[r]?.[c]) !== "settings") return { problems: [] };
    return decodeSettings(values);
  });
}

/** Writes targets and mapping to the very hidden settings sheet (created on first save). */
export async function saveSettings(settings: WorkbookSettings): Promise<void> {
  await Excel.run(async (context) => {
    let sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
    sheet.load("name");
    const corner = sheet.getRangeByIndexes(0, 0, MARKER_RANGE.rows, MARKER_RANGE.columns);
    corner.load("values");
    await context.sync();
    if (sheet.isNullObject) sheet = context.workbook.worksheets.add(SETTINGS_SHEET_NAME);
    else {
      // Only the add-in's own settings sheet is ever cleared: a sheet of the user's with that name is left alone.
      const values = corner.values as unknown[][];
      if (addinSheetKindOf(SETTINGS_SHEET_NAME, (r, c) => values[r]?.[c]) !== "settings") throw new SheetNameTakenError(SETTINGS_SHEET_NAME);
      sheet.getRange().clear(Excel.ClearApplyTo.contents);
    }
    const cells = encodeSettings(settings);
    const range = sheet.getRangeByIndexes(0, 0, cells.length, cells[0].length);
    range.numberFormat = cells.map((row) => row.map(() => "@"));
    range.values = cells;
    sheet.visibility = Excel.SheetVisibility.veryHidden;
    await context.sync();
  });
}

/** A cell of a sheet the add-in adds: a value (a text value always stays text) or a formula of the add-in's own. */
export type NewSheetCell = { value: string | number | boolean } | { formula: string } | null;

/** Columns given a width (points) are wrapped and top-aligned instead of autofitted: long text such as a paragraph. */
export interface NewSheetLayout {
  columnWidths?: readonly (number | undefined)[];
}

/** Excel's sheet-name limit. */
const SHEET_NAME_MAX = 31;

/** `base`, or "base (2)", "base (3)"… — the first name no sheet has (Excel compares names case-insensitively). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const first = base.slice(0, SHEET_NAME_MAX);
  if (!taken.has(first.toLowerCase())) return first;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Adds a NEW sheet (named `baseName`, made unique: an existing sheet is never replaced or written) holding `rows`
 * from A1: values with their number formats, formulas as formulas. Every text value is written under the text
 * format "@", as on the report sheet, so text from a report (a fund named "=1+1") can never run as a formula;
 * only cells given as { formula } are formulas. Null in the arrays Office.js writes leaves a cell untouched, so
 * values and formulas go in two writes of one batch. One undo step where Excel supports grouping.
 */
export async function insertSheet(
  baseName: string,
  rows: readonly (readonly NewSheetCell[])[],
  formats: readonly (readonly string[])[] = [],
  layout: NewSheetLayout = {}
): Promise<{ sheet: string; grouped: boolean }> {
  const { value, grouped } = await runWrite(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(baseName, sheets.items.map((s) => s.name));
    const sheet = sheets.add(name);
    const height = rows.length;
    const width = Math.max(0, ...rows.map((row) => row.length));
    if (height && width) {
      const grid = (pick: (cell: NewSheetCell, r: number, c: number) => string | number | boolean | null) =>
        rows.map((row, r) => Array.from({ length: width }, (_, c) => pick(row[c] ?? null, r, c)));
      const range = sheet.getRangeByIndexes(0, 0, height, width);
      range.numberFormat = grid((cell, r, c) => (cell && "value" in cell && typeof cell.value === "string" ? "@" : formats[r]?.[c] ?? "General")) as string[][];
      range.values = grid((cell) => (cell && "value" in cell ? cell.value : null)) as (string | number | boolean)[][];
      range.formulas = grid((cell) => (cell && "formula" in cell ? cell.formula : null)) as string[][];
      sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      range.format.autofitColumns();
      (layout.columnWidths ?? []).forEach((points, c) => {
        if (!points || c >= width) return;
        const column = sheet.getRangeByIndexes(0, c, height, 1).format;
        column.columnWidth = points;
        column.wrapText = true;
        column.verticalAlignment = "Top";
      });
    }
    sheet.activate();
    await context.sync();
    return name;
  });
  return { sheet: value, grouped };
}
