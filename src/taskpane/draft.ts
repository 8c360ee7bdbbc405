/**
 * The "Draft report text" tab's work, loaded through import() when the user first drafts, so the drafter and the
 * .docx writer stay out of the task pane's initial JavaScript. Pure apart from reading the workbook through the
 * host: the sheet it lays out is written by excel.ts insertSheet (a new sheet, never replacing one).
 */
import type { ColumnMapping } from "../core/api";
import type { GridSheet, GridWorkbook } from "../core/grid";
import type { Targets } from "../core/targets";
import { DraftLang, DraftSection, draftFormulas, draftWorkbook, renderText } from "../core/draft";
import { fundHeading, noteLines } from "../core/draft/render";
import { draftDocx } from "../output/draftDocx";
import type { NewSheetCell } from "./host";
import type { WorkbookHost } from "./host";

export type { DraftSection, DraftLang };
export { renderText, fundHeading, noteLines };

export interface DraftOptions {
  targets?: Targets;
  mapping?: ColumnMapping;
}

/** Every sheet of the workbook as the host reads it (the drafter skips the add-in's own sheets itself). */
export async function readWorkbook(host: WorkbookHost): Promise<GridWorkbook> {
  const { names } = await host.listSheets();
  const sheets: GridSheet[] = [];
  for (const name of names) sheets.push(await host.readSheet(name, {}));
  return { name: host.name, sheets };
}

/** One section per fund table, in sheet order, checked with the targets and mapping in effect. */
export function draftSections(workbook: GridWorkbook, lang: DraftLang, options: DraftOptions = {}): DraftSection[] {
  return draftWorkbook(workbook, { lang, targets: options.targets, mapping: options.mapping });
}

const SHEET_WORDS = {
  zh: { fund: "基金", paragraph: "段落（公式：随表中数字更新）", fixed: "（说明按校验时的结果，不随数字更新：公式超过Excel的长度上限）", text: "（文字，不随数字更新：公式超过Excel的长度上限）", unreadable: "公式读不出这些单元格的数字（请只填数字）：" },
  en: { fund: "Fund", paragraph: "Paragraph (formula: follows the table's figures)", fixed: "(explanations as the check found them, not live: the live formula passes Excel's length limit)", text: "(text, not live: the formula passes Excel's length limit)", unreadable: "The formula cannot read these cells as numbers (type the number alone): " },
} as const;

/** Column widths of the drafted sheet, in points: the headings, then the paragraphs (wrapped). */
export const DRAFT_SHEET_WIDTHS = [170, 520];

/**
 * The drafted paragraphs as a new sheet: per table its title, then per fund its heading (a value) beside its
 * paragraph, one cell holding the paragraph's live formula over the user's own cells (draftFormulas), so the
 * text follows the figures. A paragraph whose formula would pass Excel's 8192 characters is written as text and
 * said so; the drafting notes follow each table as values, marked as not part of the report.
 */
export function draftSheet(sections: readonly DraftSection[], lang: DraftLang): { rows: NewSheetCell[][]; formats: string[][] } {
  const words = SHEET_WORDS[lang];
  const rows: NewSheetCell[][] = [[{ value: words.fund }, { value: words.paragraph }]];
  for (const section of sections) {
    if (rows.length > 1) rows.push([]);
    rows.push([{ value: section.title }, null]);
    const formulas = draftFormulas(section);
    section.paragraphs.forEach((p, k) => {
      const f = formulas[k];
      const heading = fundHeading(section, k, p.name);
      if (f.formula) rows.push([{ value: heading + (f.explanations === "fixed" ? " " + words.fixed : "") }, { formula: f.formula }]);
      else rows.push([{ value: heading + " " + words.text }, { value: p.text }]);
    });
    const notes = noteLines(section);
    const unreadable = formulas.flatMap((f) => f.unreadable);
    if (unreadable.length) notes.push(words.unreadable + unreadable.join(lang === "zh" ? "、" : ", "));
    if (notes.length) {
      rows.push([{ value: section.wording.notesTitle }, null]);
      for (const line of notes) rows.push([null, { value: line }]);
    }
  }
  return { rows, formats: [] };
}

/** The drafted text as a Word document (.docx bytes). */
export function draftDocument(sections: readonly DraftSection[]): Promise<Uint8Array> {
  return draftDocx(sections);
}
