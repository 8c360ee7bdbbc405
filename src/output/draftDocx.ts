/**
 * Drafted sections as a Word document (.docx), through the `docx` library: a title per fund table, a heading and
 * a paragraph per fund (body text indented two characters, as these reports are set), then the drafting notes
 * under their own heading, in grey, as not part of the report. Runs in the browser and in Node: it returns the
 * file's bytes. `docx` is loaded only when a document is asked for (a dynamic import: its own chunk in the page).
 */
import type { DraftSection } from "../core/draft";
import { fundHeading, noteLines } from "../core/draft/render";

export interface DraftDocxOptions {
  /** A heading before each fund's paragraph; default true. */
  headings?: boolean;
  /** The drafting notes after each section; default true. */
  notes?: boolean;
  /** The document's title in its properties (Word's File › Info). */
  title?: string;
}

/** Body text: 四号 (14 pt), the size of these reports' body text, in half-points. */
const BODY_SIZE = 28;
/** Two characters of 14 pt, in twentieths of a point: the first-line indent of a Chinese paragraph. */
const FIRST_LINE = 560;

export async function draftDocx(sections: readonly DraftSection[], options: DraftDocxOptions = {}): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import("docx");
  const zh = sections.some((s) => s.lang === "zh");
  const children: InstanceType<typeof Paragraph>[] = [];
  for (const section of sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] }));
    section.paragraphs.forEach((p, k) => {
      if (options.headings !== false) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(fundHeading(section, k, p.name))] }));
      children.push(new Paragraph({ indent: { firstLine: FIRST_LINE }, spacing: { line: 360 }, children: [new TextRun(p.text)] }));
    });
    const notes = options.notes === false ? [] : noteLines(section);
    if (notes.length) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(section.wording.notesTitle)] }));
      for (const line of notes) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: line, color: "666666", size: 21 })] }));
    }
  }
  const doc = new Document({
    creator: "fund-check",
    title: options.title ?? sections[0]?.title ?? "",
    styles: {
      default: {
        document: { run: { size: BODY_SIZE, font: zh ? { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋" } : "Calibri" } },
      },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
