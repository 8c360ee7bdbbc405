/**
 * `fund-check --draft [--format text|md|docx] [--out FILE] workbook.xlsx…` (docs/draft.md): each workbook's fund
 * tables are checked (with --targets/--mapping or the settings stored in it) and drafted as the report's
 * paragraphs, in the run's language. Text and Markdown go to stdout or --out; a .docx is written to --out only.
 * With several files, each file's part is headed by its name. A workbook without a fund table says so on stderr.
 */
import type { ColumnMapping } from "../core/api";
import type { DraftSection } from "../core/draft";
import type { Targets } from "../core/targets";
import type { Lang } from "../output/fileResult";
import type { ReadOptions } from "./readWorkbook";
import { openWorkbookInput } from "./inputs";

export interface DraftRun {
  files: readonly string[];
  format: "text" | "md" | "docx";
  lang: Lang;
  targets?: Targets;
  mapping?: ColumnMapping;
  read?: ReadOptions;
}

export interface DraftOutcome {
  /** What to write (bytes for a .docx). */
  output: string | Uint8Array;
  /** How many files could not be drafted. */
  failed: number;
  /** For stderr, in file order: a note (stored settings that could not be used, no fund table) or why a file could not be read. */
  notes: { file: string; text?: string; error?: unknown }[];
}

export async function draftFiles(run: DraftRun): Promise<DraftOutcome> {
  const { draftWorkbook, renderMarkdown, renderText } = await import("../core/draft");
  const drafted: { file: string; sections: DraftSection[] }[] = [];
  let failed = 0;
  const notes: DraftOutcome["notes"] = [];
  for (const file of run.files) {
    try {
      const { grid, targets, mapping, notes: settingsNotes } = await openWorkbookInput(file, { targets: run.targets, mapping: run.mapping, read: run.read, lang: run.lang });
      for (const text of settingsNotes) notes.push({ file, text });
      const sections = draftWorkbook(grid, { lang: run.lang, targets, mapping });
      if (!sections.length) notes.push({ file, text: run.lang === "zh" ? "没有可起草的基金表" : "no fund table to draft from" });
      drafted.push({ file, sections });
    } catch (error) {
      failed++;
      notes.push({ file, error });
    }
  }
  const batch = run.files.length > 1;
  let output: string | Uint8Array;
  if (run.format === "docx") {
    const { draftDocx } = await import("../output/draftDocx");
    output = await draftDocx(drafted.flatMap((d) => d.sections));
  } else if (run.format === "md") {
    output = drafted
      .filter((d) => d.sections.length)
      .map((d) => (batch ? `# ${d.file.replace(/([\\`*_[\]<>#|])/g, "\\$1")}\n\n` : "") + renderMarkdown(d.sections))
      .join("\n");
  } else {
    output = drafted
      .filter((d) => d.sections.length)
      .map((d) => (batch ? `${d.file}\n\n` : "") + renderText(d.sections))
      .join("\n\n");
  }
  return { output, failed, notes };
}
