/**
 * The standalone page's workbook: an .xlsx read in the browser with ExcelJS. This module (and ExcelJS with it)
 * is loaded only through import() when the page runs outside Office, so it is a separate chunk that the task
 * pane inside Excel never downloads. Nothing is sent anywhere: the file is read from the user's disk.
 */
import ExcelJS from "exceljs";
import { workbookToGrid } from "../exceljs/toGrid";
import { checkXlsxBytes, verifyInflatedSizes, ZipGuardError, ZipLimits } from "../exceljs/zipGuard";
import { InputError } from "../cli/inputError";
import type { GridWorkbook } from "../core/grid";
import type { CheckResult } from "../core/api";
import { decodeSettings, isAddinSheet, SETTINGS_SHEET_NAME } from "../settings/workbookSettings";
import { formatHtml } from "../cli/format/html";
import { formatCsv } from "../cli/format/csv";
import type { WorkbookHost } from "./host";
import type { Lang } from "./i18n";

export interface OpenedWorkbook {
  host: WorkbookHost;
  grid: GridWorkbook;
}

function settingsRows(workbook: ExcelJS.Workbook): unknown[][] {
  const sheet = workbook.getWorksheet(SETTINGS_SHEET_NAME);
  if (!sheet) return [];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cell.text;
    });
    rows.push(values);
  });
  return rows;
}

/** A file the page refuses, with the CLI's message for the same problem (zh and en). */
export class FileRefusedError extends Error {
  constructor(readonly problem: string, readonly text: { zh: string; en: string }, lang: Lang) {
    super(text[lang]);
  }
}

function refused(e: unknown, lang: Lang): FileRefusedError {
  const input = e instanceof ZipGuardError ? new InputError(e.problem, e.detail) : new InputError("corrupt", { detail: String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200) });
  return new FileRefusedError(input.problem, input.text, lang);
}

export interface OpenOptions {
  /** Language of a refusal's message. */
  lang?: Lang;
  /** Overrides of the zip limits (tests). */
  limits?: ZipLimits;
}

/**
 * Opens an .xlsx held in memory. Before ExcelJS inflates anything, the same guard as the CLI's runs (an empty
 * file, not a zip, a legacy .xls, an encrypted workbook, a cut-off zip, a central directory claiming more than
 * the limits, a zip that is not a workbook), then every entry is inflated once through a counter so that a zip
 * lying about its sizes is stopped. A refusal is a FileRefusedError with a one-line message.
 */
export async function openWorkbook(data: ArrayBuffer, name: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const lang = options.lang ?? "en";
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = new Uint8Array(data);
    await verifyInflatedSizes(bytes, checkXlsxBytes(bytes, options.limits));
    await workbook.xlsx.load(data);
  } catch (e) {
    throw refused(e, lang);
  }
  const settings = decodeSettings(settingsRows(workbook));
  const full = workbookToGrid(workbook, name);
  const grid: GridWorkbook = { ...full, sheets: full.sheets.filter((s) => !isAddinSheet(s.name)) };
  const names = grid.sheets.map((s) => s.name);
  const host: WorkbookHost = {
    kind: "browser",
    name,
    listSheets: async () => ({ names, active: names[0] ?? "" }),
    readSheet: async (sheet) => {
      const found = grid.sheets.find((s) => s.name === sheet);
      if (!found) throw new Error(`no sheet named ${sheet}`);
      return found;
    },
    loadSettings: async () => settings,
  };
  return { host, grid };
}

/** The CLI's own HTML and CSV formatters (pure, escaping every cell text), reused for downloads. */
export function reportHtml(result: CheckResult, file: string, lang: Lang): string {
  return formatHtml([{ file, result }], { lang, batch: false });
}

export function reportCsv(result: CheckResult, file: string, lang: Lang): string {
  return formatCsv([{ file, result }], { lang, batch: false });
}
