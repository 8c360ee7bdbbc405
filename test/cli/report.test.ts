/**
 * Report text through the CLI (SPEC §7): the seed report as .txt, as a .docx built here, and as GBK bytes gives
 * the SPEC §9 findings at their lines with their sentences, and JSON adds the figures read; bad text inputs are
 * refused one by one with exit 3 while the rest of the batch is checked.
 */
import * as fs from "fs";
import * as path from "path";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { fundWorkbook, tempDir } from "./workbooks";
import { claimSize } from "./zipcraft";

const seed = path.join(__dirname, "..", "fixtures", "qiemo-2019-report.txt");
const seedText = fs.readFileSync(seed, "utf8");

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s), isTTY: false }, env: {} });
  return { code, stdout, stderr };
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A minimal .docx: one <w:p> per line of `text` (an empty line is an empty paragraph). */
async function writeDocx(file: string, text: string): Promise<string> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      `</Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
      `</Relationships>`
  );
  const paragraphs = text
    .split(/\r?\n/)
    .map((line) => (line ? `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r></w:p>` : "<w:p/>"))
    .join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

let dir: string;
let seedDocx: string;
let errorsXlsx: string;

beforeAll(async () => {
  dir = tempDir();
  seedDocx = await writeDocx(path.join(dir, "qiemo-2019-report.docx"), seedText);
  errorsXlsx = await fundWorkbook(path.join(dir, "errors.xlsx"), [
    ["企业职工基本养老保险", 1000, 1000, 1],
    ["工伤保险", 398, 806, 1.31],
  ]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const brief = (f: Record<string, unknown>) => [f.rule, f.severity, f.cell, f.line, f.subject, f.observed, f.expected].join(" | ");

// SPEC §9, at the seed's lines (16: totals and 城乡居民 balance, 26 企业职工, 29 机关事业, 32 城乡居民, 35 工伤, 40 失业).
/** In the one order of findings: by line, then by rule in catalogue order. */
const SEED_FINDINGS = [
  "budget-balance | warning | L16 | 16 | 各项基金合计 | 34928 | ≤ 25004",
  "payable-months-band | info | L16 | 16 | 城乡居民基本养老保险 | 42.7 | 6–24",
  "stated-rate-mismatch | error | L26 | 26 | 企业职工基本养老保险 | 97% | 103.9%",
  "stated-rate-mismatch | error | L32 | 32 | 城乡居民基本养老保险 | 98% | 99.6%",
  "yoy-growth-band | warning | L32 | 32 | 城乡居民基本养老保险 | 36% | ±30%",
  "completion-band | error | L35 | 35 | 工伤保险 | 202.5% | 95%–105%",
  "stated-rate-mismatch | error | L35 | 35 | 工伤保险 | 131% | 202.5%",
  "yoy-growth-band | warning | L35 | 35 | 工伤保险 | 62% | ±30%",
  "missing-value | info | L40 | 40 | 失业保险 | blank | budget",
];

const SEED_FIGURES = [
  { subject: "各项基金合计", line: 16, year: 2019, actual: 34928, income: 25004 },
  {
    subject: "企业职工基本养老保险",
    line: 26, year: 2019,
    budget: 4398,
    actual: 4568,
    statedCompletion: 0.97,
    change: 456,
    statedGrowth: 0.11,
    components: [
      { name: "养老金支出", amount: 4277, line: 26, text: "4277万元" },
      { name: "转移支出", amount: 74, line: 26, text: "74万元" },
      { name: "丧葬费支出", amount: 215, line: 26, text: "215万元" },
    ],
  },
  { subject: "机关事业单位基本养老保险", line: 29, year: 2019, budget: 12738, actual: 12328, statedCompletion: 0.97, change: 752, statedGrowth: 0.06 },
  { subject: "城乡居民基本养老保险", line: 32, year: 2019, budget: 1015, actual: 1011, statedCompletion: 0.98, change: 265, statedGrowth: 0.36, balance: 3594 },
  { subject: "工伤保险", line: 35, year: 2019, budget: 398, actual: 806, statedCompletion: 1.31, change: 307, statedGrowth: 0.62 },
  {
    subject: "失业保险",
    line: 40, year: 2019,
    actual: 619,
    statedCompletion: 0.98,
    components: [
      { name: "失业支出", amount: 25, line: 40, text: "25万元" },
      { name: "医疗支出", amount: 9, line: 40, text: "9万元" },
    ],
  },
];

/** The JSON of one file without the parts that name the file, to compare two encodings of the same text. */
function content(json: Record<string, unknown>) {
  const findings = (json.findings as Record<string, unknown>[]).map(({ sheet: _sheet, ...f }) => f);
  return { summary: json.summary, unit: json.unit, findings, figures: json.figures };
}

describe("the seed report as .txt", () => {
  it("json: the SPEC §9 findings at their lines, quoting their sentences, the figures and the unit; exit 2", async () => {
    const r = await run([seed, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["file", "sheets", "summary", "findings", "unit", "figures"]);
    expect(json.file).toBe(seed);
    expect(json.sheets).toEqual([{ name: "qiemo-2019-report.txt", kind: "fund", headerRow: null, columns: {}, tables: [{ kind: "fund", headerRow: 16, firstRow: 16, lastRow: 40, columns: {}, unit: "万元" }] }]);
    expect(json.summary).toEqual({ error: 4, warning: 3, info: 2 });
    expect(json.findings.map(brief)).toEqual(SEED_FINDINGS);
    expect(json.unit).toBe("万元");
    expect(json.figures).toEqual(SEED_FIGURES);
    // Each quote is the sentence on that line of the file.
    const lines = seedText.split("\n");
    for (const f of json.findings) {
      expect(f.sheet).toBe("qiemo-2019-report.txt");
      expect(f.quote).toBeTruthy();
      expect(lines[f.line - 1]).toContain(f.quote);
    }
    expect(json.findings.find((f: { rule: string }) => f.rule === "completion-band").quote).toBe(
      "2019年工伤保险预算基金支出398万元，工伤保险基金支出806万元，完成预算的的131%，与上年相比递增307万元，与上年相比增长率为62%。"
    );
  });

  it("text: findings under the report-text heading, with the line and the quoted sentence", async () => {
    const zh = await run([seed]);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toContain("报告文本（6 个项目，金额单位：万元）");
    expect(zh.stdout).not.toContain("工作表");
    expect(zh.stdout).toMatch(
      /第 35 行 {2}工伤保险 {2}工伤保险：预算完成率202\.5%.*\[completion-band\]\n {8}「2019年工伤保险预算基金支出398万元，工伤保险基金支出806万元，完成预算的的131%，与上年相比递增307万元，与上年相比增长率为62%。」\n/
    );
    expect(zh.stdout).toContain("「截至2019年末，城乡居民养老保险基金累计结余3594万元。」");
    expect(zh.stdout).toContain("汇总：错误 4，警告 3，提示 2");
    const en = await run(["--lang", "en", seed]);
    expect(en.stdout).toContain("Report text (6 subjects, amounts in 万元)");
    expect(en.stdout).toMatch(/line 26 {2}企业职工基本养老保险 .*\[stated-rate-mismatch\]\n {8}"2019年企业职工基本养老保险基金预算支出总额4398万元，/);
  });

  it("--targets apply to the text's funds like a sheet's", async () => {
    const targets = path.join(dir, "targets.json");
    fs.writeFileSync(targets, JSON.stringify({ funds: { 工伤保险: { growthBand: { high: 0.7 } } } }));
    const json = JSON.parse((await run(["--format", "json", "--targets", targets, seed])).stdout);
    const growth = json.findings.filter((f: { rule: string }) => f.rule === "yoy-growth-band").map((f: { subject: string }) => f.subject);
    expect(growth).toEqual(["城乡居民基本养老保险"]);
  });
});

describe("the same text in other files", () => {
  it("as a .docx (one paragraph per line): the same findings, lines, quotes and figures", async () => {
    const txt = JSON.parse((await run(["--format", "json", seed])).stdout);
    const r = await run(["--format", "json", seedDocx]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(2);
    const docx = JSON.parse(r.stdout);
    expect(docx.findings.map(brief)).toEqual(SEED_FINDINGS);
    expect(docx.figures).toEqual(SEED_FIGURES);
    expect(content(docx)).toEqual(content(txt));
    expect(docx.findings[0].sheet).toBe("qiemo-2019-report.docx");
  });

  it("as GBK bytes (a Chinese Windows 'ANSI' file): read as GB18030, the same result as UTF-8", async () => {
    const gbk = iconv.encode(seedText, "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow(); // really not UTF-8
    const file = path.join(dir, "gbk.txt");
    fs.writeFileSync(file, gbk);
    const r = await run(["--format", "json", file]);
    expect(r.code).toBe(2);
    expect(content(JSON.parse(r.stdout))).toEqual(content(JSON.parse((await run(["--format", "json", seed])).stdout)));
  });

  it("with a UTF-8 BOM and CRLF line ends, or as UTF-16LE with a BOM: the same result", async () => {
    const expected = content(JSON.parse((await run(["--format", "json", seed])).stdout));
    const bom = path.join(dir, "bom.txt");
    fs.writeFileSync(bom, "\uFEFF" + seedText.replace(/\n/g, "\r\n"), "utf8");
    expect(content(JSON.parse((await run(["--format", "json", bom])).stdout))).toEqual(expected);
    const utf16 = path.join(dir, "utf16.txt");
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, "utf16le")]));
    expect(content(JSON.parse((await run(["--format", "json", utf16])).stdout))).toEqual(expected);
  });
});

describe("batches and formats", () => {
  it("a workbook and a report text in one batch: an array, figures only on the text, the worst exit", async () => {
    const r = await run(["--format", "json", errorsXlsx, seed]);
    expect(r.code).toBe(2);
    const [book, text] = JSON.parse(r.stdout);
    expect(book.file).toBe(errorsXlsx);
    expect(book).not.toHaveProperty("figures");
    expect(book).not.toHaveProperty("unit");
    expect(book.findings.map((f: { cell: string; subject: string; rule: string }) => `${f.cell} ${f.subject} ${f.rule}`)).toEqual(
      expect.arrayContaining(["C4 工伤保险 completion-band", "D4 工伤保险 stated-rate-mismatch"])
    );
    expect(text.file).toBe(seed);
    expect(text.figures).toHaveLength(6);
    const plain = (await run([errorsXlsx, seed])).stdout;
    expect(plain).toContain("工作表「基金支出」");
    expect(plain).toContain("报告文本（6 个项目，金额单位：万元）");
    expect(plain).toContain("共 2 个文件：错误 6，警告 3，提示 2");
  });

  const hostile = `=2019年工伤保险预算基金支出398万元，工伤保险基金支出806万元，完成预算的131% <b>"注",</b>。`;

  it("csv: line and quote columns, the quote escaped and neutralised", async () => {
    const file = path.join(dir, "hostile.txt");
    fs.writeFileSync(file, `说明\n${hostile}\n`);
    const r = await run(["--format", "csv", "--lang", "en", file]);
    expect(r.code).toBe(2);
    const lines = r.stdout.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("File,Sheet,Cell,rule,Severity,Subject,Observed,Expected,Message,Line,Quoted sentence,Rule");
    const row = lines.find((l) => l.includes(",completion-band,"))!;
    expect(row.startsWith(`${file},hostile.txt,L2,completion-band,error,工伤保险,`)).toBe(true);
    // RFC 4180: the field is quoted, inner quotes doubled, and the leading = neutralised with a '.
    expect(row).toContain(`,2,"'${hostile.replace(/"/g, '""')}",`);
    const seedCsv = (await run(["--format", "csv", seed])).stdout;
    expect(seedCsv).toContain(",L35,completion-band,错误,工伤保险,202.5%,95%–105%,");
    expect(seedCsv).toMatch(/,35,2019年工伤保险预算基金支出398万元，工伤保险基金支出806万元，完成预算的的131%，与上年相比递增307万元，与上年相比增长率为62%。,预算完成率/);
  });

  it("html: the line, the escaped quote and the figures table", async () => {
    const file = path.join(dir, "hostile.txt");
    fs.writeFileSync(file, `说明\n${hostile}\n`);
    const html = (await run(["--format", "html", file])).stdout;
    expect(html).not.toContain("<b>");
    expect(html).toContain("&#60;b&#62;&#34;注&#34;,&#60;/b&#62;");
    expect(html).toMatch(/<tr class="error"><td [^>]*>2<\/td>/);
    expect(html).toContain("<blockquote>=2019年工伤保险预算基金支出398万元");
    const seedHtml = (await run(["--format", "html", seed])).stdout;
    expect(seedHtml).toContain("<h3>报告文本（6 个项目，金额单位：万元）</h3>");
    expect(seedHtml).toContain("<h3>从文本读出的数字</h3>");
    expect(seedHtml).toMatch(/<td>工伤保险<\/td><td class="num">35<\/td><td class="num">398<\/td><td class="num">806<\/td><td class="num">131%<\/td>/);
    expect(seedHtml).toContain("<td>养老金支出 4,277，转移支出 74，丧葬费支出 215</td>");
    expect(seedHtml).toContain("<svg"); // the budget-vs-actual chart
  });
});

describe("report text that cannot be read: one line naming the file, exit 3, the batch goes on", () => {
  const cases: [string, () => string | Promise<string>, RegExp][] = [
    ["a missing .txt", () => path.join(dir, "nope.txt"), /: no such file$/],
    ["a missing .docx", () => path.join(dir, "nope.docx"), /: no such file$/],
    ["an empty .txt", () => (fs.writeFileSync(path.join(dir, "empty.txt"), ""), path.join(dir, "empty.txt")), /the file is empty/],
    ["a binary file named .txt", () => (fs.writeFileSync(path.join(dir, "bin.txt"), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2])), path.join(dir, "bin.txt")), /not a plain-text file/],
    ["a .docx that is not a zip", () => (fs.writeFileSync(path.join(dir, "plain.docx"), seedText), path.join(dir, "plain.docx")), /not a \.docx document \(not a zip file\)/],
    [
      "a legacy .doc named .docx",
      () => {
        const buf = Buffer.alloc(4096);
        Buffer.from("d0cf11e0a1b11ae1", "hex").copy(buf);
        fs.writeFileSync(path.join(dir, "old.docx"), buf);
        return path.join(dir, "old.docx");
      },
      /legacy binary \.doc/,
    ],
    [
      "a password-protected .docx",
      () => {
        const buf = Buffer.alloc(4096);
        Buffer.from("d0cf11e0a1b11ae1", "hex").copy(buf);
        Buffer.from("EncryptedPackage", "utf16le").copy(buf, 1152);
        fs.writeFileSync(path.join(dir, "secret.docx"), buf);
        return path.join(dir, "secret.docx");
      },
      /password-protected/,
    ],
    [
      "a workbook renamed .docx (a zip but not a document)",
      () => (fs.copyFileSync(errorsXlsx, path.join(dir, "book.docx")), path.join(dir, "book.docx")),
      /not a \.docx document \(.+\)/,
    ],
    [
      "a .docx whose directory claims more than the limit (zip bomb)",
      () => (claimSize(seedDocx, path.join(dir, "bomb.docx"), /document\.xml$/, 0x7fffffff), path.join(dir, "bomb.docx")),
      /exceeds the 256 MiB limit, refused/,
    ],
    [
      "a .docx entry that inflates beyond what it declares",
      () => (claimSize(seedDocx, path.join(dir, "liar.docx"), /document\.xml$/, 10), path.join(dir, "liar.docx")),
      /inflates beyond its declared size/,
    ],
  ];

  it.each(cases)("%s", async (_, make, reason) => {
    const file = await make();
    const r = await run(["--lang", "en", "--format", "json", file, seed]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`fund-check: ${file}: `)).toBe(true);
    expect(lines[0]).toMatch(reason);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    const json = JSON.parse(r.stdout);
    expect(json.map((j: { file: string }) => j.file)).toEqual([seed]); // the good file was still checked
    expect(json[0].findings.map(brief)).toEqual(SEED_FINDINGS);
  });
});
