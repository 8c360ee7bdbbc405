/**
 * One file checked with these options → its result or why it was refused, as plain data (structured-clone safe):
 * the unit of work a worker thread runs (src/cli/isolation.ts), and that a pool of workers can take over as it is.
 */
import type { ColumnMapping } from "../core/api";
import type { Targets } from "../core/targets";
import type { FileResult } from "../output/fileResult";
import { trimCharts } from "../output/charts";
import { asInputError } from "./inputError";
import { checkInput } from "./inputs";
import type { ReadOptions } from "./readWorkbook";
import type { Refusal } from "./refusal";

export type { Refusal };

export interface FileTask {
  file: string;
  targets?: Targets;
  mapping?: ColumnMapping;
  read?: ReadOptions;
  lang?: "zh" | "en";
}

export type FileOutcome = { ok: true; report: FileResult } | Refusal;

export async function checkFileTask(task: FileTask): Promise<FileOutcome> {
  try {
    const report = await checkInput(task.file, { targets: task.targets, mapping: task.mapping, read: task.read, lang: task.lang });
    // What the outputs draw of the chart amounts, not 200,000 rows of them: this result may cross threads.
    return { ok: true, report: trimCharts(report) };
  } catch (e) {
    const error = asInputError(e);
    return { ok: false, problem: error.problem, detail: error.detail, text: error.text };
  }
}
