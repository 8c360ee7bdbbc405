/**
 * The fund tables of a workbook, each with the findings of its check, for drafting: the same detection and
 * rules as checkWorkbook (src/core/check.ts), keeping the FundTables it does not return. Sheets are read on
 * their own, the add-in's own sheets skipped, tables in sheet order.
 */
import { addinSheetKind } from "../addinSheets";
import { ColumnMapping } from "../api";
import { buildFundTable } from "../detect/fundTable";
import { detectTables } from "../detect/tables";
import { Finding } from "../findings";
import { GridWorkbook, columnIndex, sheetCells } from "../grid";
import { FundTable, Role } from "../model";
import { runFundRules } from "../rules";
import { DEFAULT_TARGETS, Targets } from "../targets";

export interface CheckedFundTable {
  table: FundTable;
  findings: Finding[];
}

function sheetMapping(mapping: ColumnMapping | undefined, sheet: string): Record<number, Role | "ignore"> | undefined {
  const byLetter = mapping?.[sheet];
  if (!byLetter) return undefined;
  const out: Record<number, Role | "ignore"> = {};
  for (const [letters, role] of Object.entries(byLetter)) {
    const col = columnIndex(letters.trim().toUpperCase());
    if (col !== undefined && col >= 0) out[col] = role;
  }
  return out;
}

export function checkedFundTables(workbook: GridWorkbook, options: { targets?: Targets; mapping?: ColumnMapping } = {}): CheckedFundTable[] {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const out: CheckedFundTable[] = [];
  for (const sheet of workbook.sheets) {
    if (addinSheetKind(sheet)) continue;
    const cells = sheetCells(sheet);
    for (const detected of detectTables(cells, sheetMapping(options.mapping, sheet.name)).tables) {
      if (detected.kind !== "fund") continue;
      const { table } = buildFundTable(cells, detected);
      out.push({ table, findings: runFundRules(table, targets) });
    }
  }
  return out;
}
