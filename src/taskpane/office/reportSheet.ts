/**
 * The report sheet: laid out as pure data (reportSheetLayout: which cells hold what, the links, the formats, the
 * chart's source), tested without Excel; writeReportSheet only hands that layout to Office.js.
 */
import type { Finding } from "../../core/findings";
import { bySeverity, expectedIn, observedIn, SEVERITIES } from "../../core/findings";
import { fromA1 } from "../../core/grid";
import { addressOf, placeOf } from "../../core/location";
import type { CheckResult } from "../../core/api";
import { CHART_LIMIT, chartRows } from "../../core/chart";
import { reportMarkerText } from "../../core/addinSheets";
import { severityLabel } from "../../core/words";
import type { ReportSheetLabels } from "../host";
import { addinSheets, runWrite, writeRowsInBlocks } from "./run";
import { uniqueSheetName } from "./newSheet";

/** Deletes the report sheets the add-in wrote (by their marker, whatever their name); a user's sheet is never deleted. */
export async function queueDeleteReportSheets(context: Excel.RequestContext): Promise<number> {
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

function columnsLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** Where the report sheet's parts go and what they hold: cells as data, written by writeReportSheet. */
export interface ReportSheetLayout {
  /** Column A from A1: the title, the add-in's marker, then a line per note on what changed the checks (text). */
  top: string[];
  /** 1-based row of the header; the findings follow from the next row. */
  headerRow: number;
  /** The last column of the findings table ("H"): A..H hold severity, rule, sheet, cell, subject, observed, expected, message. */
  lastColumn: string;
  headers: string[];
  /** One row of text per finding, errors first, each group in the one order of findings. */
  rows: string[][];
  /** Column D of each finding row: a HYPERLINK formula to its cell, or its place as plain text (a line of report text). */
  links: string[];
  /** The funds' budget and actual in J..L from the header row (fund names as text), and the chart's source rows. */
  funds?: { top: number; rows: (string | number | null)[][]; chartRows: number };
}

/**
 * The report sheet as data: A1 the title, A2 the marker, then a line per note, the header, and the findings by
 * severity written as text (a subject such as "=1+1" stays text), one HYPERLINK per finding built only from the
 * sheet name and the address, and beside them the funds' budget vs actual, the chart's source (its first
 * CHART_LIMIT funds: more bars are no longer readable; the table lists them all).
 */
export function reportSheetLayout(result: CheckResult, labels: ReportSheetLabels): ReportSheetLayout {
  const groups = bySeverity(result.findings);
  const findings = SEVERITIES.flatMap((s) => groups[s]);
  const top = [labels.title, reportMarkerText(labels.lang), ...labels.notes];
  const headerRow = top.length + 1;
  const place = (f: Finding) => `${placeOf(f.at)}!${addressOf(f.at)}`;
  const rows = findings.map((f) => [
    severityLabel(f.severity, labels.lang), f.rule, placeOf(f.at), place(f), f.subject, observedIn(f, labels.lang), expectedIn(f, labels.lang), f.message[labels.lang],
  ]);
  const links = findings.map((f) => (f.at.kind === "cell" && internalLinkFormula(f.at.sheet, f.at.address, place(f))) || place(f));
  const layout: ReportSheetLayout = { top, headerRow, lastColumn: columnsLetter(labels.headers.length - 1), headers: labels.headers, rows, links };
  const funds = chartRows(result);
  if (funds.length) {
    const data = [labels.fundHeaders as string[] as (string | number | null)[], ...funds.map((f) => [f.subject, f.budget, f.actual])];
    layout.funds = { top: headerRow, rows: data, chartRows: Math.min(data.length, CHART_LIMIT + 1) };
  }
  return layout;
}

/**
 * Writes the report sheet laid out by reportSheetLayout: the add-in's previous report sheets (recognised by their
 * marker) deleted and one added on each run — under another name ("校验报告 (2)") when a sheet of the user's holds
 * the name, which is never touched. Rows go in blocks, a sync after each, so that no request passes Excel on the
 * web's 5 MB (one undo group still).
 */
export async function writeReportSheet(result: CheckResult, labels: ReportSheetLabels): Promise<{ sheet: string; grouped: boolean }> {
  const layout = reportSheetLayout(result, labels);
  const { top, headerRow, lastColumn: last } = layout;
  const { value: name, grouped } = await runWrite(async (context) => {
    await queueDeleteReportSheets(context);
    const all = context.workbook.worksheets;
    all.load("items/name");
    await context.sync();
    const name = uniqueSheetName(labels.sheetName, all.items.map((s) => s.name));
    const sheet = all.add(name);
    const texts = sheet.getRange(`A1:A${top.length}`);
    texts.numberFormat = top.map(() => ["@"]);
    texts.values = top.map((t) => [t]);
    sheet.getRange("A1").format.font.bold = true;
    const header = sheet.getRange(`A${headerRow}:${last}${headerRow}`);
    header.numberFormat = [layout.headers.map(() => "@")];
    header.values = [layout.headers];
    const firstRow = headerRow + 1;
    await writeRowsInBlocks(context, layout.rows, firstRow, async (block, at) => {
      const bottom = at + block.length - 1;
      const range = sheet.getRange(`A${at}:${last}${bottom}`);
      range.numberFormat = block.map((row) => row.map(() => "@"));
      range.values = block;
      const links = layout.links.slice(at - firstRow, bottom - firstRow + 1).map((l) => [l]);
      const linkRange = sheet.getRange(`D${at}:D${bottom}`);
      linkRange.numberFormat = links.map(() => ["General"]);
      linkRange.formulas = links;
    });
    sheet.getRange(`A${headerRow}:${last}${headerRow}`).format.font.bold = true;
    const funds = layout.funds;
    if (funds) {
      await writeRowsInBlocks(context, funds.rows, funds.top, async (rows, at) => {
        sheet.getRange(`J${at}:J${at + rows.length - 1}`).numberFormat = rows.map(() => ["@"]);
        sheet.getRange(`J${at}:L${at + rows.length - 1}`).values = rows.map((row) => row.map((v) => (v === null ? "" : v)));
      });
      const source = sheet.getRange(`J${funds.top}:L${funds.top + funds.chartRows - 1}`);
      const chart = sheet.charts.add(Excel.ChartType.columnClustered, source, Excel.ChartSeriesBy.columns);
      chart.title.text = labels.chartTitle;
      chart.setPosition(`N${funds.top}`);
    }
    sheet.getRange(`A:${last}`).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return name;
  });
  return { sheet: name, grouped };
}
