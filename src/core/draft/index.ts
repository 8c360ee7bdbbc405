/**
 * Drafting the report's figure paragraphs from checked fund tables (docs/draft.md): pure, in Chinese and
 * English. `draftTable` writes one table's paragraphs; `draftWorkbook` finds and checks a workbook's fund tables
 * and drafts each; `draftFormulas` gives each paragraph as a live Excel formula over the table's cells;
 * `renderText` / `renderMarkdown` lay sections out (the .docx is src/output/draftDocx.ts).
 */
import { ColumnMapping } from "../api";
import { Finding } from "../findings";
import { GridWorkbook } from "../grid";
import { FundTable } from "../model";
import { DEFAULT_TARGETS, Targets } from "../targets";
import { CatalogueOverride, DraftLang, catalogueFor, fill } from "./catalogue";
import { composeParagraphs, DraftParagraph } from "./compose";
import { MAX_FORMULA, paragraphFormula } from "./excel";
import { checkedFundTables } from "./fromWorkbook";
import { draftInput } from "./input";
import { figuresOf } from "./plan";

export type { DraftLang, Catalogue, CatalogueOverride, Explanation } from "./catalogue";
export { CATALOGUES, catalogueFor, checkCatalogue } from "./catalogue";
export type { DraftParagraph, DraftNote } from "./compose";
export { renderText, renderMarkdown } from "./render";
export type { RenderOptions } from "./render";
export { checkedFundTables } from "./fromWorkbook";
export type { CheckedFundTable } from "./fromWorkbook";

export interface DraftOptions {
  lang?: DraftLang;
  /** Percent places of the rates; default: the places of the rates the table states, at least 1. */
  rateDecimals?: number;
  /** Changes to the language's wording (templates/zh.json, templates/en.json). */
  templates?: CatalogueOverride;
  /** The thresholds the live formulas' explanations use (the drafted text follows the findings). */
  targets?: Targets;
}

export interface DraftSection {
  /** The sheet (or text) the table is on. */
  sheet: string;
  lang: DraftLang;
  title: string;
  /** The wording the renderers use around the paragraphs (from the catalogue the section was drafted with). */
  wording: { fundHeading: string; notesTitle: string };
  unit?: string;
  paragraphs: DraftParagraph[];
  /** About the table as a whole (no unit stated …). */
  notes: string[];
}

/** The paragraphs of one checked fund table. `findings`: its check's findings (others are ignored). */
export function draftTable(table: FundTable, findings: readonly Finding[], options: DraftOptions = {}): DraftSection {
  const lang = options.lang ?? "zh";
  const catalogue = catalogueFor(lang, options.templates);
  const input = draftInput(table, findings);
  const paragraphs = composeParagraphs(input, { lang, catalogue, rateDecimals: options.rateDecimals, targets: options.targets ?? DEFAULT_TARGETS });
  const section: DraftSection = { sheet: table.sheet, lang, title: fill(catalogue.sectionTitleOf, { name: table.sheet }), wording: { fundHeading: catalogue.fundHeading, notesTitle: catalogue.notesTitle }, paragraphs, notes: [] };
  if (table.unit) section.unit = table.unit;
  else if (paragraphs.length) section.notes.push(catalogue.unitMissingNote);
  return section;
}

/** Every fund table of a workbook, checked and drafted: one section per table, in sheet order. */
export function draftWorkbook(workbook: GridWorkbook, options: DraftOptions & { mapping?: ColumnMapping } = {}): DraftSection[] {
  const targets = options.targets ?? DEFAULT_TARGETS;
  return checkedFundTables(workbook, { targets, mapping: options.mapping })
    .map(({ table, findings }) => draftTable(table, findings, { ...options, targets }))
    .filter((s) => s.paragraphs.length > 0);
}

export interface ParagraphFormula {
  subject: string;
  /** Index of the row in the table, and where its name stands. */
  row: number;
  cell: string;
  /** The drafted text, which the formula gives while the cells hold what they held when drafted. */
  text: string;
  /** The paragraph's formula, "=…", over the table's cells; undefined when even its shorter form passes Excel's 8192 characters. */
  formula?: string;
  /**
   * "live": the explanations come and go with the figures; "fixed": they stay as the check found them (the live
   * formula would pass Excel's limit: a fund with many 其中 items).
   */
  explanations: "live" | "fixed";
  /** Cells whose content a formula cannot read as a number (a unit typed in the cell): left out of the formula. */
  unreadable: string[];
}

/**
 * Each paragraph of a section as a live Excel formula over the table's cells on `sheet` (default: the section's),
 * with Excel's "," between arguments unless told otherwise.
 */
export function draftFormulas(section: DraftSection, options: { sheet?: string; argSeparator?: string } = {}): ParagraphFormula[] {
  const sheet = options.sheet ?? section.sheet;
  return section.paragraphs.map((p) => {
    const out: ParagraphFormula = { subject: p.subject, row: p.row, cell: p.cell, text: p.text, explanations: "live", unreadable: unreadableCells(p) };
    const live = paragraphFormula(p.plan, { sheet, argSeparator: options.argSeparator });
    if (live.length <= MAX_FORMULA) out.formula = live;
    else {
      out.explanations = "fixed";
      const fixed = paragraphFormula(p.plan, { sheet, argSeparator: options.argSeparator, explanations: "fixed" });
      if (fixed.length <= MAX_FORMULA) out.formula = fixed;
    }
    return out;
  });
}

function unreadableCells(p: DraftParagraph): string[] {
  const out = new Set<string>();
  for (const s of p.plan.sentences) {
    const figures = [...(s.cond ? figuresOf(s.cond) : []), ...s.lead.flatMap((x) => figuresOf(x)), ...s.clauses.flatMap((c) => [...figuresOf(c.cond), ...c.pieces.flatMap((x) => figuresOf(x))])];
    for (const f of figures) if (!f.live) out.add(f.ref);
  }
  return [...out];
}
