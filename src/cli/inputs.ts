/**
 * One input file → its FileReport. The kind of input is chosen by the file's extension: .txt/.docx are report
 * text (SPEC §7), read into per-fund figures and checked by the same rules; everything else is read as a
 * workbook, whose reader recognises what it is not (a legacy .xls, an encrypted file, not a zip).
 */
import * as path from "path";
import type { ColumnMapping } from "../core/api";
import { checkWorkbook } from "../core/check";
import { checkReportText } from "../core/report";
import type { GridWorkbook } from "../core/grid";
import type { Targets } from "../core/targets";
import { SETTINGS_SHEET_NAME, settingsFromGrid } from "../settings/workbookSettings";
import { InputError } from "./inputError";
import { ReadOptions, readWorkbook } from "./readWorkbook";
import type { FileReport } from "./report";

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
}

/**
 * Targets and mapping the task pane saved in the workbook (its very hidden settings sheet), so the CLI runs the
 * same checks as a colleague's Excel. --targets/--mapping win; stored settings that cannot be used are named
 * on stderr and the defaults apply. Their validators (zod schemas) are loaded only for a workbook that has some.
 */
async function storedSettings(grid: GridWorkbook): Promise<{ targets?: Targets; mapping?: ColumnMapping; problems: string[] }> {
  const decoded = settingsFromGrid(grid);
  if (!decoded) return { problems: [] };
  const { parseTargets } = await import("../core/targets");
  const { parseMapping } = await import("../core/mapping");
  const problems = decoded.problems.map((p) => `stored settings (${SETTINGS_SHEET_NAME}): ${p}; using the defaults`);
  const out: { targets?: Targets; mapping?: ColumnMapping; problems: string[] } = { problems };
  if (decoded.targets !== undefined) {
    const parsed = parseTargets(decoded.targets);
    if (parsed.ok) out.targets = parsed.targets;
    else problems.push(`stored targets (${SETTINGS_SHEET_NAME}): ${parsed.errors.join("; ")}; using the defaults`);
  }
  if (decoded.mapping !== undefined) {
    const parsed = parseMapping(decoded.mapping);
    if (parsed.ok) out.mapping = parsed.mapping;
    else problems.push(`stored mapping (${SETTINGS_SHEET_NAME}): ${parsed.errors.join("; ")}; ignored`);
  }
  return out;
}

/** The core promises not to throw on bad data; if it does, say so plainly instead of blaming the file. */
function checking<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw new InputError("checkFailed", { detail: String((e as Error)?.message ?? e).split("\n")[0] });
  }
}

export async function checkInput(file: string, options: CheckOptions = {}): Promise<FileReport> {
  switch (inputKind(file)) {
    case "reportText": {
      // Loaded only for report text: a run of workbooks never loads mammoth.
      const { readReportFile } = await import("./readReportText");
      const text = await readReportFile(file, path.extname(file).toLowerCase(), { limits: options.read?.limits });
      const { unit, figures, ...result } = checking(() => checkReportText(text, { targets: options.targets, name: path.basename(file) }));
      return { file, result, reportText: unit ? { unit, figures } : { figures } };
    }
    case "workbook": {
      const grid = await readWorkbook(file, options.read);
      const stored = await storedSettings(grid);
      const targets = options.targets ?? stored.targets;
      const mapping = options.mapping ?? stored.mapping;
      const report: FileReport = { file, result: checking(() => checkWorkbook(grid, { targets, mapping })) };
      if (stored.problems.length) report.notes = stored.problems;
      return report;
    }
  }
}
