/**
 * Merged areas across figure cells. The grid keeps a merged value in its master cell only (src/core/grid.ts), so
 * one 2300 merged across 预算数 and 执行数 would read as a budget of 2300 beside a blank expenditure — or, copied,
 * as both. It is neither: such a figure belongs to no one column (or row), so every cell of the merge is marked
 * MERGED (never a number) and the table lists the merge for the merged-figure rule to say so.
 */
import { FigureStore } from "../figureStore";
import { SheetCells, toA1 } from "../grid";
import { FigureRole, MergedFigure } from "../model";
import { readNumber } from "../numbers";


/**
 * Marks the merges of a fund table's data rows that start in a figure column, hold a value and cover more than
 * one figure cell. `columns`: the sheet column of each store column, with its role; `rowIndex(r)`: the table row
 * of sheet row r (−1 when the row is not one). A title or label merged across the table starts in the subject
 * column and is left alone.
 */
export function markMergedFigures(
  sheet: SheetCells,
  store: FigureStore,
  columns: readonly { col: number; role: FigureRole }[],
  rowIndex: (sheetRow: number) => number,
  /** The sheet's address of (row, col): a transposed view's cells stand elsewhere on the sheet. */
  a1: (row: number, col: number) => string = toA1
): MergedFigure[] {
  const out: MergedFigure[] = [];
  const first = store.firstRow;
  const last = first + store.count - 1;
  for (const m of sheet.merges) {
    if (m.top < first || m.top > last) continue;
    const master = columns.findIndex((c) => c.col === m.left);
    if (master < 0) continue;
    const read = readNumber(sheet.value(m.top, m.left), sheet.numFmt(m.top, m.left));
    if (read.kind === "missing") continue; // an empty merged area is blank, as it looks
    const spanned = columns.map((c, k) => ({ ...c, k })).filter((c) => c.col >= m.left && c.col <= m.right);
    const bottom = Math.min(m.bottom, last);
    if (spanned.length * (bottom - m.top + 1) < 2) continue;
    const row = rowIndex(m.top);
    if (row < 0) continue;
    const covered: string[] = [];
    for (let r = m.top; r <= bottom; r++) {
      for (const c of spanned) {
        store.setMerged(r - first, c.k);
        if (r !== m.top || c.col !== m.left) covered.push(a1(r, c.col));
      }
    }
    out.push({ row, ref: a1(m.top, m.left), covered, read, roles: spanned.map((c) => c.role) });
  }
  return out;
}
