/**
 * One input file → its FileReport. The kind of input is chosen by the file's extension, so report text
 * (.txt/.docx, SPEC §7) plugs in here as another branch of `checkInput`; until it does, such a file is refused
 * with exit 3 and "report text is not supported yet". Everything else is read as a workbook, whose reader
 * recognises what it is not (a legacy .xls, an encrypted file, not a zip).
 */
import * as path from "path";
import type { ColumnMapping } from "../core/api";
import { checkWorkbook } from "../core/check";
import type { Targets } from "../core/targets";
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
  mapping?: ColumnMapping;
  read?: ReadOptions;
}

export async function checkInput(file: string, options: CheckOptions = {}): Promise<FileReport> {
  switch (inputKind(file)) {
    case "reportText":
      throw new InputError("reportTextNotSupported", { ext: path.extname(file).toLowerCase() });
    case "workbook": {
      const grid = await readWorkbook(file, options.read);
      try {
        return { file, result: checkWorkbook(grid, { targets: options.targets, mapping: options.mapping }) };
      } catch (e) {
        // The core promises not to throw on bad data; if it does, say so plainly instead of blaming the file.
        throw new InputError("checkFailed", { detail: String((e as Error)?.message ?? e).split("\n")[0] });
      }
    }
  }
}
