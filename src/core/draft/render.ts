/**
 * Drafted sections as plain text or Markdown: a title per table, a heading per fund (optional: a report that
 * has its own headings takes the paragraphs alone), the paragraphs, then the drafting notes, marked as not part
 * of the report.
 */
import { fill } from "./catalogue";
import type { DraftSection } from "./index";

export interface RenderOptions {
  /** A heading before each fund's paragraph ("（一）企业职工基本养老保险"); default true. */
  headings?: boolean;
  /** The drafting notes after each section (findings the paragraphs do not explain); default true. */
  notes?: boolean;
}

const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (headings are numbered so in these reports). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return "十" + (n % 10 ? DIGITS[n % 10] : "");
  if (n < 100) return DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? DIGITS[n % 10] : "");
  if (n < 1000) {
    const rest = n % 100;
    return DIGITS[Math.floor(n / 100)] + "百" + (rest === 0 ? "" : rest < 10 ? "零" + DIGITS[rest] : rest < 20 ? "一" + chineseNumber(rest) : chineseNumber(rest));
  }
  return String(n);
}

export function fundHeading(section: DraftSection, index: number, name: string): string {
  const n = section.lang === "zh" ? chineseNumber(index + 1) : String(index + 1);
  return fill(section.wording.fundHeading, { n, fund: name });
}

/** The notes of a section, each as one line of text ("C5：…"). */
export function noteLines(section: DraftSection): string[] {
  const sep = section.lang === "zh" ? "：" : ": ";
  const lines = [...section.notes];
  for (const p of section.paragraphs) for (const n of p.notes) lines.push(`${n.cell}${sep}${n.text}`);
  return lines;
}

export function renderText(sections: readonly DraftSection[], options: RenderOptions = {}): string {
  const out: string[] = [];
  for (const section of sections) {
    if (out.length) out.push("");
    out.push(section.title, "");
    section.paragraphs.forEach((p, k) => {
      if (options.headings !== false) out.push(fundHeading(section, k, p.name));
      out.push(p.text, "");
    });
    const notes = options.notes === false ? [] : noteLines(section);
    if (notes.length) {
      out.push(section.wording.notesTitle);
      for (const line of notes) out.push(`- ${line}`);
      out.push("");
    }
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}

/** Markdown special characters in running text, escaped so a name like "a*b" stays text. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

export function renderMarkdown(sections: readonly DraftSection[], options: RenderOptions = {}): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(`## ${md(section.title)}`, "");
    section.paragraphs.forEach((p, k) => {
      if (options.headings !== false) out.push(`### ${md(fundHeading(section, k, p.name))}`, "");
      out.push(md(p.text), "");
    });
    const notes = options.notes === false ? [] : noteLines(section);
    if (notes.length) {
      out.push(`> **${md(section.wording.notesTitle)}**`, ">");
      for (const line of notes) out.push(`> - ${md(line)}`);
      out.push("");
    }
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}
