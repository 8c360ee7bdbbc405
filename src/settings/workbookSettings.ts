/**
 * Where fund-check keeps its per-workbook settings: a very hidden sheet "fund-check设置" whose cells hold the
 * targets and the column mapping as JSON. A sheet (not Office document settings) so that every reader of the
 * .xlsx gets the same checks: the task pane (Office.js), the standalone page and the CLI (ExcelJS).
 * Pure: no Office, no DOM, no fs. Adapters pass the sheet's cell values in and write the cells this returns.
 *
 * Layout (row by row, column A is the key, columns B… hold the JSON text cut into pieces, because one Excel
 * cell holds at most 32,767 characters):
 *   A1 "fund-check settings"  B1 1 (layout version)
 *   A2 "targets"              B2… JSON of the targets (as parseTargets reads them)
 *   A3 "mapping"              B3… JSON of the ColumnMapping (sheet → column letter → role | "ignore")
 *   A4 a note for people who unhide the sheet.
 */

import { addinSheetKind, SETTINGS_MARKER, SETTINGS_SHEET_NAME } from "../core/addinSheets";
import type { GridWorkbook } from "../core/grid";
export { SETTINGS_SHEET_NAME, REPORT_SHEET_NAMES, addinSheetKind, addinSheetKindOf } from "../core/addinSheets";

const MARKER = SETTINGS_MARKER;
const LAYOUT_VERSION = 1;
/** Well under Excel's 32,767-character cell limit. */
const PIECE = 30000;
/**
 * Bounds on what a settings sheet may hold (docs/robustness.md): the tab writes a few KiB; a workbook holding
 * megabytes there (a 50 MB fund name) would cost minutes and gigabytes to validate and match against every row.
 * Beyond them the part is not read (a problem says so, and the defaults apply).
 */
export const MAX_SETTINGS_CHARS = 1024 * 1024;
/** A fund name or a sheet name used as a key: fund names are tens of characters, sheet names at most 31. */
export const MAX_SETTINGS_KEY = 200;

const NOTE = "Written by the fund-check add-in (targets and column mapping). 由 fund-check 加载项写入，请勿手工修改。";

export interface WorkbookSettings {
  /** The targets JSON as stored; validate it with parseTargets before use. */
  targets?: unknown;
  /** Column roles chosen by the user (ColumnMapping of src/core/api.ts). */
  mapping?: Record<string, Record<string, string>>;
}

export interface DecodedSettings extends WorkbookSettings {
  /** What could not be read (bad JSON, a wrong shape), for a message; never thrown. */
  problems: string[];
}

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += PIECE) out.push(text.slice(i, i + PIECE));
  return out.length ? out : [""];
}

/** The settings as a block of cell values (rows × columns, rectangular, blanks as ""), starting at A1. */
export function encodeSettings(settings: WorkbookSettings): string[][] {
  const rows: (string | number)[][] = [
    [MARKER, String(LAYOUT_VERSION)],
    ["targets", ...pieces(settings.targets === undefined ? "" : JSON.stringify(settings.targets))],
    ["mapping", ...pieces(settings.mapping === undefined ? "" : JSON.stringify(settings.mapping))],
    [NOTE],
  ];
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => {
    const row = r.map(String);
    while (row.length < width) row.push("");
    return row;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The length of the longest key over MAX_SETTINGS_KEY at the top level of `value`, or under `under` (targets' funds). */
function longestKey(value: unknown, under: string[]): number | undefined {
  const objects = [value, ...under.map((k) => (isPlainObject(value) ? value[k] : undefined))].filter(isPlainObject);
  let longest = 0;
  for (const o of objects) for (const k of Object.keys(o)) longest = Math.max(longest, k.length);
  return longest > MAX_SETTINGS_KEY ? longest : undefined;
}

/** Reads the settings sheet's cell values (as any adapter gives them: rows of strings, numbers, blanks). */
export function decodeSettings(rows: readonly (readonly unknown[] | undefined)[]): DecodedSettings {
  const result: DecodedSettings = { problems: [] };
  for (const row of rows) {
    if (!row || row.length === 0) continue;
    const key = typeof row[0] === "string" ? row[0].trim() : "";
    if (key !== "targets" && key !== "mapping") continue;
    const text = row
      .slice(1)
      .map((v) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v)))
      .join("")
      .trim();
    if (!text) continue;
    if (text.length > MAX_SETTINGS_CHARS) {
      result.problems.push(`${key}: ${text.length} characters, over the limit of ${MAX_SETTINGS_CHARS}`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      result.problems.push(`${key}: not valid JSON`);
      continue;
    }
    const longKey = longestKey(parsed, key === "targets" ? ["funds"] : []);
    if (longKey !== undefined) {
      result.problems.push(`${key}: a key of ${longKey} characters, over the limit of ${MAX_SETTINGS_KEY}`);
      continue;
    }
    if (key === "targets") {
      result.targets = parsed;
    } else if (isPlainObject(parsed) && Object.values(parsed).every(isPlainObject)) {
      const mapping: Record<string, Record<string, string>> = {};
      for (const [sheet, columns] of Object.entries(parsed as Record<string, Record<string, unknown>>)) {
        mapping[sheet] = {};
        for (const [column, role] of Object.entries(columns)) {
          if (typeof role === "string" && /^[A-Z]{1,3}$/.test(column)) mapping[sheet][column] = role;
        }
      }
      result.mapping = mapping;
    } else {
      result.problems.push("mapping: expected { sheet: { column: role } }");
    }
  }
  return result;
}

/**
 * The settings stored in a workbook read as a grid (CLI, standalone page); undefined when it has none. A sheet of
 * that name without the add-in's marker is the user's, not settings.
 */
export function settingsFromGrid(workbook: GridWorkbook): DecodedSettings | undefined {
  const sheet = workbook.sheets.find((s) => s.name === SETTINGS_SHEET_NAME && addinSheetKind(s) === "settings");
  if (!sheet) return undefined;
  return decodeSettings(sheet.cells.map((row) => (row ?? []).map((cell) => cell?.value)));
}
