/**
 * A workbook the page holds as grids (read in the page or in its worker), as the pane's WorkbookHost: its sheets
 * listed and read from memory, its stored settings as read. The user's sheets (not the add-in's own) are the ones
 * shown beside the findings; the check itself leaves the add-in's out, and says so.
 */
import type { GridWorkbook } from "../core/grid";
import { addinSheetKind, DecodedSettings } from "../settings/workbookSettings";
import type { WorkbookHost } from "./host";

export function gridHost(name: string, full: GridWorkbook, settings: DecodedSettings): { host: WorkbookHost; grid: GridWorkbook } {
  const grid: GridWorkbook = { ...full, sheets: full.sheets.filter((s) => !addinSheetKind(s)) };
  const names = full.sheets.map((s) => s.name);
  const host: WorkbookHost = {
    name,
    listSheets: async () => ({ names, active: grid.sheets[0]?.name ?? names[0] ?? "" }),
    readSheet: async (sheet) => {
      const found = full.sheets.find((s) => s.name === sheet);
      if (!found) throw new Error(`no sheet named ${sheet}`);
      return found;
    },
    loadSettings: async () => settings,
  };
  return { host, grid };
}
