/** `fund-check --draft`: the report's figure paragraphs drafted from each workbook's checked fund tables. */
import * as fs from "fs";
import * as path from "path";
import mammoth from "mammoth";
import { main } from "../../src/cli/main";
import { sheetXml, workbookZip } from "../robustness/craft";
import { fundWorkbook, tempDir } from "./workbooks";

const example = path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx");

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string | Uint8Array) => (stdout += String(s)) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
  });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("drafts the example's paragraphs as text: every rate computed from the table (工伤保险 202.5%, not the stated 131%)", async () => {
  const r = await run(["--draft", example]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  expect(r.stdout.split("\n")[0]).toBe("各项基金预算完成及运行情况（支出情况）");
  expect(r.stdout).toContain("工伤保险预算支出398万元，实际支出806万元，完成预算的202.5%，比上年增支307万元，增长61.5%。超预算支出的主要原因是……（请补充）。");
  expect(r.stdout).not.toContain("完成预算的131%");
  expect(r.stdout).toContain("失业保险实际支出619万元。"); // the budget "—" is left out, never 0
  expect(r.stdout).toContain("起草说明（不属于报告正文）");
});

it("speaks English with --lang en, and writes Markdown with --format md", async () => {
  const en = await run(["--draft", "--lang", "en", example]);
  expect(en.code).toBe(0);
  expect(en.stdout).toContain("Work injury insurance: budgeted expenditure 3.98 million yuan, actual expenditure 8.06 million yuan, 202.5% of the budget");
  const md = await run(["--draft", "--format", "md", example]);
  expect(md.stdout.split("\n")[0]).toBe("## 各项基金预算完成及运行情况（支出情况）");
  expect(md.stdout).toContain("### （四）工伤保险");
});

it("writes a .docx to --out that reads back with the same paragraphs", async () => {
  const out = path.join(dir, "draft.docx");
  const r = await run(["--draft", "--format", "docx", "--out", out, example]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe("");
  const text = (await mammoth.extractRawText({ path: out })).value;
  expect(text).toContain("工伤保险预算支出398万元，实际支出806万元，完成预算的202.5%");
});

it("refuses what cannot be drafted as usage errors (exit 64)", async () => {
  expect((await run(["--draft", "--format", "docx", example])).stderr).toContain("--format docx 需要 --out");
  expect((await run(["--draft", "--format", "json", example])).code).toBe(64);
  expect((await run(["--format", "md", example])).code).toBe(64);
  const text = await run(["--draft", "--lang", "en", path.join(__dirname, "..", "fixtures", "qiemo-2019-report.txt")]);
  expect(text.code).toBe(64);
  expect(text.stderr).toContain("--draft drafts from a workbook's fund tables (.xlsx)");
});

it("goes on past a file it cannot read (exit 3), heads each file's part by its name, and says when a workbook has no fund table", async () => {
  const good = await fundWorkbook(path.join(dir, "good.xlsx"), [["工伤保险", 398, 806, 2.025]]);
  const broken = path.join(dir, "broken.xlsx");
  fs.writeFileSync(broken, "not a workbook");
  const notes = path.join(dir, "notes.xlsx");
  fs.writeFileSync(notes, workbookZip({ sheets: [{ name: "说明", xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>填表说明</t></is></c></row>') }] }));
  const r = await run(["--draft", "--lang", "en", broken, good, notes, example]);
  expect(r.code).toBe(3);
  expect(r.stderr).toBe(`fund-check: ${broken}: not an .xlsx workbook (not a zip file)\nfund-check: ${notes}: no fund table to draft from\n`);
  expect(r.stdout.startsWith(`${good}\n\n`)).toBe(true);
  expect(r.stdout).toContain(`\n${example}\n\n`);
});
