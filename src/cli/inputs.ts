/**
 * One input file → its FileResult. The kind of input is chosen by the file's extension: .txt/.docx are report
 * text (docs/cli.md), read into per-fund figures and checked by the same rules; everything else is read as a
 * workbook, whose reader recognises what it is not (a legacy .xls, an encrypted file, not a zip).
 */
import * as path from "path";
import type { CheckResult, ColumnMapping } from "../core/api";
import { checkSheets } from "../core/check";
import { checkReportText } from "../core/reportText";
import type { GridWorkbook } from "../core/grid";
import type { SettingsOrigin } from "../core/settingsEffects";
import type { Targets } from "../core/targets";
import type { AdoptedSettings } from "../settings/adopt";
import { problemText } from "../settings/adopt";
import { SETTINGS_SHEET_NAME, settingsFromGrid } from "../settings/workbookSettings";
import { InputError } from "./inputError";
import { ReadOptions, readWorkbook } from "./readWorkbook";
import type { FileResult } from "../output/fileResult";

export type InputKind = "workbook" | "reportText";

export function inputKind(file: string): InputKind {
  const ext = path.extname(file).toLowerCase();
  return ext === ".txt" || ext === ".docx" ? "reportText" : "workbook";
}

export interface CheckOptions {
  targets?: Targets;
  /** Column roles by sheet; workbooks only (report text has no columns). */
  mapping?: ColumnMapping;
  read?: ReadOptions;
  /** The language of the notes on stored settings that cannot be used (default en). */
  lang?: "zh" | "en";
  /** Given the workbook read and its result (the matrix keeps a summary of both: src/core/matrix). */
  onWorkbook?(grid: GridWorkbook, result: CheckResult): void;
}

/**
 * Targets and mapping the task pane saved in the workbook (its very hidden settings sheet), so the CLI runs the
 * same checks as a colleague's Excel, adopted as every surface adopts them (src/settings/adopt.ts). --targets and
 * --mapping win; stored settings that cannot be used are named on stderr and the defaults apply. The validators
 * (zod schemas) are loaded only for a workbook that has some.
 */
async function storedSettings(grid: GridWorkbook): Promise<AdoptedSettings> {
  const decoded = settingsFromGrid(grid);
  if (!decoded) return { problems: [] };
  const { adoptSettings } = await import("../settings/adopt");
  return adoptSettings(decoded);
}

/** The core promises not to throw on bad data; if it does, say so plainly instead of blaming the file. */
async function checking<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new InputError("checkFailed", { detail: String((e as Error)?.message ?? e).split("\n")[0] });
  }
}

/**
 * A workbook and the settings it is checked with: --targets and --mapping win over the ones stored in it; stored
 * settings that cannot be used are `notes` for stderr (the defaults apply). Shared by the check and --draft.
 */
export async function openWorkbookInput(file: string, options: CheckOptions = {}): Promise<{ grid: GridWorkbook; targets?: Targets; mapping?: ColumnMapping; notes: string[] }> {
  const grid = await readWorkbook(file, options.read);
  const stored = await storedSettings(grid);
  return {
    grid,
    targets: options.targets ?? stored.targets,
    mapping: options.mapping ?? stored.mapping,
    notes: stored.problems.map((p) => problemText(p, SETTINGS_SHEET_NAME, options.lang)),
  };
}

export async function checkInput(file: string, options: CheckOptions = {}): Promise<FileResult> {
  switch (inputKind(file)) {
    case "reportText": {
      // Loaded only for report text: a run of workbooks never loads mammoth.
      const { readReportFile } = await import("./readReportText");
      const text = await readReportFile(file, path.extname(file).toLowerCase(), { limits: options.read?.limits });
      const { unit, figures, ...result } = await checking(() => checkReportText(text, { targets: options.targets, name: path.basename(file) }));
      return { file, result, reportText: unit ? { unit, figures } : { figures } };
    }
    case "workbook": {
      const { grid, targets, mapping, notes } = await openWorkbookInput(file, options);
      const origin = (given: unknown): SettingsOrigin => (given !== undefined ? "given" : "workbook");
      const sheets = { names: grid.sheets.map((s) => s.name), read: (_: string, i: number) => grid.sheets[i] };
      const result = await checking(() => checkSheets(sheets, { targets, mapping, origin: { targets: origin(options.targets), mapping: origin(options.mapping) } }));
      options.onWorkbook?.(grid, result);
      const report: FileResult = { file, result };
      if (notes.length) report.notes = notes;
      return report;
    }
  }
}
