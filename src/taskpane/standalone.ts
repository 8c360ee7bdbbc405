/**
 * The standalone page's workbook: an .xlsx read in the browser with ExcelJS. This module (and ExcelJS with it)
 * is loaded only through import() when the page runs outside Office, so it is a separate chunk that the task
 * pane inside Excel never downloads. Nothing is sent anywhere: the file is read from the user's disk.
 */
import ExcelJS from "exceljs";
import { workbookToGrid } from "../exceljs/toGrid";
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

export async function openWorkbook(data: ArrayBuffer, name: string): Promise<OpenedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
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
