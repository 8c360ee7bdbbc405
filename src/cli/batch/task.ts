/**
 * One file of a batch, as a worker runs it: read, check, and (for the matrix) summarize. What comes back is plain
 * data (structured clone): the file's result, or why it could not be read — never an exception, so one broken
 * file cannot stop the batch.
 */
import type { ColumnMapping } from "../../core/api";
import type { Message } from "../../core/findings";
import { looksLikeFund } from "../../core/matrix/names";
import { FileSummary, isConsolidation, summarizeWorkbook } from "../../core/matrix/summary";
import type { Targets } from "../../core/targets";
import type { FileResult } from "../../output/fileResult";
import { asInputError } from "../inputError";
import { checkInput } from "../inputs";
import type { ReadOptions } from "../readWorkbook";

export interface FileTask {
  file: string;
  targets?: Targets;
  mapping?: ColumnMapping;
  read?: ReadOptions;
  /** Keep only what the matrix needs (a FileSummary) instead of the whole result. */
  summary?: boolean;
}

export type FileOutcome =
  | { ok: true; file: string; report?: FileResult; summary?: FileSummary; notes?: string[] }
  | { ok: false; file: string; error: Message };

/**
 * What the matrix reads of a summary, no more: each finding's rule, severity, place, subject and message (the
 * findings list and the links), the fund rows of the tables. A batch of thousands keeps only these.
 */
function compact(s: FileSummary): FileSummary {
  return {
    ...s,
    titles: s.titles.slice(0, 10),
    // A county workbook's fund rows; a consolidation's rows whole (its county rows and 合计 are compared).
    tables: s.tables.map((t) => (isConsolidation(t) ? t : { ...t, rows: t.rows.filter((r) => r.kind === "item" && !r.group && looksLikeFund(r.subject)) })),
    findings: s.findings.map((f) => ({ rule: f.rule, severity: f.severity, at: f.at, related: [], subject: f.subject, observed: "", expected: "", message: f.message })),
  };
}

export async function runFileTask(task: FileTask): Promise<FileOutcome> {
  try {
    let summary: FileSummary | undefined;
    const report = await checkInput(task.file, {
      targets: task.targets,
      mapping: task.mapping,
      read: task.read,
      onWorkbook: task.summary ? (grid, result) => (summary = summarizeWorkbook(task.file, grid.sheets, result, task.mapping)) : undefined,
    });
    if (!task.summary) return { ok: true, file: task.file, report };
    if (summary) summary = compact(summary);
    // Report text has no tables: its findings still count for its county.
    summary ??= { file: task.file, titles: [], sheets: report.result.sheets.map((s) => s.name), tables: [], findings: report.result.findings, summary: report.result.summary };
    return report.notes ? { ok: true, file: task.file, summary, notes: report.notes } : { ok: true, file: task.file, summary };
  } catch (e) {
    return { ok: false, file: task.file, error: asInputError(e).text };
  }
}
