/**
 * The task pane's prefecture matrix: a workbook with one sheet per county (a common way prefectures collect
 * them; the sheet's name, or its title, names the county) and perhaps a consolidation sheet → the same matrix as
 * `fund-check --matrix` (src/core/matrix), written as a new sheet. The sheet's layout is pure data here (rows of
 * NewSheetCell and their number formats); excel.ts insertSheet writes it, never over an existing sheet. A2 holds
 * the add-in's report marker, so the matrix sheet is left out of later checks and removed by Clear.
 */
import { addinSheetKind, reportMarkerText } from "../core/addinSheets";
import { checkWorkbook } from "../core/check";
import type { GridSheet } from "../core/grid";
import { BatchFile, Matrix, buildMatrix, summarizeWorkbook } from "../core/matrix";
import type { Targets } from "../core/targets";
import type { Lang } from "../core/words";
import { MEASURE_WORDS, absentText, countsText, w } from "../output/matrix/words";
import type { NewSheetCell } from "./excel";

/** Each sheet of the workbook as a county's workbook (the add-in's own sheets left out). */
export function sheetsMatrix(sheets: readonly GridSheet[], targets?: Targets): Matrix {
  const batch: BatchFile[] = [];
  for (const sheet of sheets) {
    if (addinSheetKind(sheet)) continue;
    const result = checkWorkbook({ name: sheet.name, sheets: [sheet] }, { targets });
    batch.push(summarizeWorkbook(sheet.name, [sheet], result));
  }
  return buildMatrix(batch, { targets });
}

const text = (v: string): NewSheetCell => ({ value: v });

/** The matrix sheet: title, marker, header, one row per county (each fund: its value and the counts behind it), the worst county per fund, then the cross-file findings and notes. */
export function matrixSheetLayout(m: Matrix, lang: Lang): { rows: NewSheetCell[][]; formats: string[][] } {
  const rows: NewSheetCell[][] = [];
  const formats: string[][] = [];
  const push = (row: NewSheetCell[], format: string[] = []) => {
    rows.push(row);
    formats.push(format);
  };
  const numFmt = m.measure === "payable-months" ? "0.0" : "0.0%";
  push([text(`${w("title", lang)}（${MEASURE_WORDS[m.measure][lang]}）`)]);
  push([text(reportMarkerText(lang))]);
  push([text(w("county", lang)), ...m.funds.flatMap((f) => [text(f), text("")]), text(w("other", lang)), text(w("worstFund", lang))]);
  for (const c of m.counties) {
    const row: NewSheetCell[] = [text(c.name)];
    const format: string[] = ["@"];
    for (const fund of m.funds) {
      const cell = c.funds[fund];
      if (!cell) {
        row.push(text(absentText(m, c, lang)), text(""));
        format.push("@", "@");
        continue;
      }
      row.push(cell.value === null ? text("—") : { value: cell.value }, text(countsText(cell)));
      format.push(cell.value === null ? "@" : numFmt, "@");
    }
    row.push(text(c.unreadable ?? countsText(c.other)), text(c.worst ?? ""));
    push(row, format);
  }
  push([text(w("worstCounty", lang)), ...m.fundSummary.flatMap((s) => [text(s.worst ?? "—"), text(countsText(s))])]);
  push([]);
  push([text(w("consistency", lang))]);
  if (m.consolidations.length === 0) push([text(w("noConsolidation", lang))]);
  else if (m.consistency.length === 0) push([text(w("noMismatch", lang))]);
  for (const f of m.consistency) push([text(f.message[lang])]);
  if (m.notes.length) {
    push([]);
    push([text(w("notes", lang))]);
    for (const n of m.notes) push([text(n[lang])]);
  }
  return { rows, formats };
}
