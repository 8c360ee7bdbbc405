/**
 * Highlights are conditional formats the add-in creates, one per flagged cell, each recognisable by its own
 * formula (=N("fund-check:error")=0, always true), so Clear deletes exactly those and nothing of the user's;
 * fills are never touched.
 */
import { fromA1 } from "../../core/grid";
import type { Finding, Severity } from "../../core/findings";
import { severityRank } from "../../core/findings";
import { FORMATS_PER_SYNC, runWrite } from "./run";
import { queueDeleteReportSheets } from "./reportSheet";

export const HIGHLIGHT_MARKER = "fund-check:";
export const HIGHLIGHT_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

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
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a sync per FORMATS_PER_SYNC deletes keeps each request under 5 MB
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
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a sync per FORMATS_PER_SYNC formats keeps each request under 5 MB
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
