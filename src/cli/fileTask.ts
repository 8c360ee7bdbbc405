/**
 * One file checked with these options → its result or why it was refused, as plain data (structured-clone safe):
 * the unit of work a worker thread runs (src/cli/isolation.ts), and that a pool of workers can take over as it is.
 */
import type { ColumnMapping } from "../core/api";
import type { Targets } from "../core/targets";
import type { Message } from "../core/words";
import type { FileResult } from "../output/fileResult";
import { asInputError, InputError, InputProblem, ProblemDetail } from "./inputError";
import { checkInput } from "./inputs";
import type { ReadOptions } from "./readWorkbook";

export interface FileTask {
  file: string;
  targets?: Targets;
  mapping?: ColumnMapping;
  read?: ReadOptions;
  lang?: "zh" | "en";
}

export type FileOutcome =
  | { ok: true; report: FileResult }
  | { ok: false; problem: InputProblem; detail: ProblemDetail; text: Message };

export async function checkFileTask(task: FileTask): Promise<FileOutcome> {
  try {
    const report = await checkInput(task.file, { targets: task.targets, mapping: task.mapping, read: task.read, lang: task.lang });
    return { ok: true, report };
  } catch (e) {
    const error = asInputError(e);
    return { ok: false, problem: error.problem, detail: error.detail, text: error.text };
  }
}

/** An outcome's refusal as the error main reports (one line, exit 3). */
export function refusalOf(outcome: Extract<FileOutcome, { ok: false }>): InputError {
  return new InputError(outcome.problem, outcome.detail, outcome.text);
}
