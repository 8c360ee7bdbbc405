/**
 * The .docx of the drafted paragraphs opens: mammoth (as the CLI reads a .docx report) reads back the titles,
 * the headings and each paragraph's text as drafted, and the report-text reader finds the same figures in it.
 */
import * as fs from "fs";
import * as path from "path";
import mammoth from "mammoth";
import { readGrid } from "../helpers/xlsx";
import { draftWorkbook } from "../../src/core/draft";
import { draftDocx } from "../../src/output/draftDocx";
import { checkReportText, readReportText } from "../../src/core/reportText";

async function seedSections(lang: "zh" | "en") {
  const workbook = await readGrid(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx")), "qiemo-2019.xlsx");
  return draftWorkbook(workbook, { lang });
}

test("the seed's draft as .docx: a zip Word opens, with every paragraph as drafted", async () => {
  const sections = await seedSections("zh");
  const bytes = await draftDocx(sections);
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe("PK");
  const { value: text, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  expect(messages).toEqual([]);
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  expect(lines[0]).toBe("各项基金预算完成及运行情况（支出情况）");
  expect(lines[1]).toBe("（一）企业职工基本养老保险");
  for (const p of sections.flatMap((s) => s.paragraphs)) expect(lines).toContain(p.text);
  expect(lines).toContain("起草说明（不属于报告正文）");
  // Read as a report (the paragraphs, before the notes): the same figures, and no wrong stated rate.
  const report = lines.slice(0, lines.indexOf("起草说明（不属于报告正文）")).join("\n");
  expect(readReportText(report).figures.find((f) => f.subject === "工伤保险")).toMatchObject({ budget: 398, actual: 806, statedCompletion: 2.025, change: 307 });
  expect(checkReportText(report).findings.filter((f) => f.rule.startsWith("stated-"))).toEqual([]);
});

test("without headings and notes: the paragraphs alone; English too", async () => {
  const sections = await seedSections("en");
  const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await draftDocx(sections, { headings: false, notes: false })) });
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  expect(lines).toEqual([sections[0].title, ...sections[0].paragraphs.map((p) => p.text), sections[1].title, ...sections[1].paragraphs.map((p) => p.text)]);
});
