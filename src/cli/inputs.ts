/**
 * One input file → its FileReport. The kind of input is chosen by the file's extension: .txt/.docx are report
 * text (SPEC §7), read into per-fund figures and checked by the same rules; everything else is read as a
 * workbook, whose reader recognises what it is not (a legacy .xls, an encrypted file, not a zip).
 */
import * as path from "path";
import type { ColumnMapping } from "../core/api";
import { checkWorkbook } from "../core/check";
import { checkReportText } from "../core/report";
import type { Targets } from "../core/targets";
import { InputError } from "./inputError";
import { ReadOptions, readWorkbook } from "./readWorkbook";
import { readReportFile } from "./readReportText";
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
      const text = await readReportFile(file, path.extname(file).toLowerCase(), { limits: options.read?.limits });
      const { unit, figures, ...result } = checking(() => checkReportText(text, { targets: options.targets, name: path.basename(file) }));
      return { file, result, reportText: unit ? { unit, figures } : { figures } };
    }
    case "workbook": {
      const grid = await readWorkbook(file, options.read);
      return { file, result: checking(() => checkWorkbook(grid, { targets: options.targets, mapping: options.mapping })) };
    }
  }
}
