/**
 * A validation pass in the pane: the core's one loop over sheets (checkSheets), reading each sheet through the
 * host when its turn comes, so the pane can show progress and stop between sheets (and, inside Excel, between
 * blocks of a sheet). The add-in's own sheets are recognised by their content there, not by name here.
 */
import { checkSheets, PassProgress } from "../core/check";
import type { CheckResult, ColumnMapping } from "../core/api";
import type { SettingsOrigin } from "../core/settingsEffects";
import type { Targets } from "../core/targets";
import type { CancelSignal } from "./host";
import type { WorkbookHost } from "./host";
import { GridSheet, sheetCells } from "../core/grid";

export type Scope = "active" | "all";
export type { PassProgress };

export interface PassOptions {
  scope: Scope;
  targets?: Targets;
  mapping?: ColumnMapping;
  /** Where targets and mapping came from (the result says when stored settings changed the checks). */
  origin?: { targets?: SettingsOrigin; mapping?: SettingsOrigin };
  signal?: CancelSignal;
  onProgress?: (p: PassProgress) => void;
  /** Each sheet as it is read (the pane keeps its first rows: the header text the Mapping tab shows). */
  onSheetRead?: (sheet: GridSheet) => void;
}

/** Rows and columns of a sheet's top kept for the Mapping tab's header text: header rows stand near the top. */
export const HEAD_ROWS = 60;
export const HEAD_COLUMNS = 80;

/** The text of a sheet's first rows (a header's words), as the Mapping tab shows it beside a column's letter. */
export function sheetHead(sheet: GridSheet): string[][] {
  const cells = sheetCells(sheet);
  const out: string[][] = [];
  for (let r = 0; r < Math.min(HEAD_ROWS, cells.rowCount); r++) {
    const row: string[] = [];
    for (let c = 0; c < Math.min(HEAD_COLUMNS, cells.rowLength(r)); c++) {
      const v = cells.value(r, c);
      row.push(typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
    }
    out.push(row);
  }
  return out;
}

/** Lets React paint the progress between sheets. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runPass(host: WorkbookHost, options: PassOptions): Promise<CheckResult> {
  const list = await host.listSheets();
  const names = options.scope === "active" ? [list.active] : list.names;
  if (host.check) {
    const result = await host.check({ names, targets: options.targets, mapping: options.mapping, origin: options.origin, signal: options.signal, onProgress: options.onProgress });
    if (options.onSheetRead) for (const name of names) options.onSheetRead(await host.readSheet(name, {}));
    return result;
  }
  return checkSheets(
    {
      names,
      read: async (name) => {
        const sheet = await host.readSheet(name, { signal: options.signal });
        options.onSheetRead?.(sheet);
        return sheet;
      },
    },
    { targets: options.targets, mapping: options.mapping, origin: options.origin, signal: options.signal, onProgress: options.onProgress, pause: breathe }
  );
}
