/**
 * The fund tables of a workbook, each with the findings of its check, for drafting: the same detection, column
 * groups and rules as checkWorkbook (src/core/check.ts, fundTables.ts), keeping the FundTables it does not return. Sheets are read on
 * their own, the add-in's own sheets skipped, tables in sheet order.
 */
import { addinSheetKind } from "../addinSheets";
import { ColumnMapping } from "../api";
import { sheetMapping } from "../check";
import { groupTables } from "../fundTables";
import { detectTables } from "../detect/tables";
import { Finding } from "../findings";
import { GridWorkbook, sheetCells } from "../grid";
import { FundTable } from "../model";
import { runFundRules } from "../rules";
import { DEFAULT_TARGETS, Targets } from "../targets";

export interface CheckedFundTable {
  table: FundTable;
  findings: Finding[];
}

export function checkedFundTables(workbook: GridWorkbook, options: { targets?: Targets; mapping?: ColumnMapping } = {}): CheckedFundTable[] {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const out: CheckedFundTable[] = [];
  for (const sheet of workbook.sheets) {
    if (addinSheetKind(sheet)) continue;
    const cells = sheetCells(sheet);
    for (const detected of detectTables(cells, sheetMapping(options.mapping, sheet.name)).tables) {
      if (detected.kind !== "fund") continue;
      // A multi-year table is drafted for its latest year (the year a report is about); a consolidation fund by fund.
      for (const { built, latest } of groupTables(cells, detected)) if (latest) out.push({ table: built.table, findings: runFundRules(built.table, targets) });
    }
  }
  return out;
}
