/**
 * Hostile files in the CLI (in-process) and in the standalone page's reader: each is refused with one clear line
 * naming the file (exit 3, no stack trace), the rest of the batch is still checked, and no input is ever written.
 * The same cases go through openWorkbook, the page's door to the same reader (src/xlsx/), with the CLI's message
 * in the page's language. The cases (test/robustness/craft.ts) include every crash and hang of issue 14's items
 * 1 and 2: a hidden entry beyond the end record's count, duplicate names, local headers that disagree, overlapping
 * entries, sizes that lie either way, a 500 MiB styles.xml of <xf/>, a 65-million-character string, half a million
 * merged areas, thousands of sheets, entity declarations.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { ReadOptions } from "../../src/cli/readWorkbook";
import { FileRefusedError, openWorkbook } from "../../src/taskpane/standalone";
import { openXlsx, XlsxError } from "../../src/xlsx";
import { runPass } from "../../src/taskpane/runCheck";
import { HostileCase, hostileCases, smallWorkbook } from "./craft";
import { placeOf } from "../../src/core/location";

async function run(argv: string[], read?: ReadOptions) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
    read,
  });
  return { code, stdout, stderr };
}

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
let cases: HostileCase[];
let good: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-hostile-"));
  cases = await hostileCases();
  for (const c of cases) fs.writeFileSync(path.join(dir, c.name), c.bytes);
  good = path.join(dir, "good.xlsx");
  fs.writeFileSync(good, await smallWorkbook());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the CLI refuses every hostile file with one line and exit 3, checks the rest of the batch, and writes no input", async () => {
  const files = cases.map((c) => path.join(dir, c.name));
  const before = new Map([...files, good].map((f) => [f, { hash: sha256(f), mtime: fs.statSync(f).mtimeMs }]));
  const r = await run(["--lang", "en", "--format", "json", ...files, good]);
  expect(r.code).toBe(3);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(cases.length);
  cases.forEach((c, i) => {
    expect(lines[i].startsWith(`fund-check: ${files[i]}: `)).toBe(true);
    expect({ file: c.name, line: lines[i] }).toEqual({ file: c.name, line: expect.stringMatching(c.message) });
  });
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:|undefined/); // no stack trace, no raw library error
  const json = JSON.parse(r.stdout);
  expect(json.map((f: { file: string }) => f.file)).toEqual([good]); // the good file was still checked
  expect(json[0].summary.error).toBeGreaterThan(0);
  for (const [f, b] of before) {
    expect(sha256(f)).toBe(b.hash);
    expect(fs.statSync(f).mtimeMs).toBe(b.mtime);
  }
  expect(fs.readdirSync(dir).sort()).toEqual([...cases.map((c) => c.name), "good.xlsx"].sort()); // nothing written beside them
});

test("the CLI's messages are in zh by default", async () => {
  const r = await run([path.join(dir, "bomb.xlsx"), path.join(dir, "secret.xlsx"), path.join(dir, "old.xls")]);
  expect(r.code).toBe(3);
  expect(r.stderr).toContain("超过上限 768 MiB，不予处理（防止压缩炸弹）");
  expect(r.stderr).toContain("工作簿有密码保护");
  expect(r.stderr).toContain("是旧版 .xls 二进制工作簿");
});

describe("the standalone page's reader", () => {
  test.each([["en"], ["zh"]] as const)("refuses every hostile file with the CLI's message (%s)", async (lang) => {
    for (const c of await hostileCases()) {
      const data = c.bytes.buffer.slice(c.bytes.byteOffset, c.bytes.byteOffset + c.bytes.byteLength) as ArrayBuffer;
      const error = await openWorkbook(data, c.name, { lang }).then(
        () => undefined,
        (e: unknown) => e
      );
      expect({ file: c.name, error: error instanceof FileRefusedError }).toEqual({ file: c.name, error: true });
      const refused = error as FileRefusedError;
      expect({ file: c.name, problem: refused.problem }).toEqual({ file: c.name, problem: c.problem });
      expect(refused.message).toBe(refused.text[lang]);
      if (lang === "en") expect(refused.message).toMatch(c.message);
      expect(refused.message).not.toMatch(/\n|\bat .+:\d+:\d+/);
    }
  });

  test("the zip-bomb guard decides from the central directory alone (nothing inflated)", async () => {
    const bomb = (await hostileCases()).find((c) => c.name === "bomb.xlsx")!.bytes;
    // Corrupt every byte of compressed data: if anything were inflated, this would fail differently.
    const directoryOnly = Buffer.from(bomb);
    const dirOffset = directoryOnly.readUInt32LE(directoryOnly.length - 22 + 16);
    directoryOnly.fill(0xff, 0, dirOffset);
    directoryOnly.writeUInt16LE(0x4b50, 0);
    expect(() => openXlsx(directoryOnly)).toThrow(XlsxError);
    try {
      openXlsx(directoryOnly);
    } catch (e) {
      expect((e as XlsxError).problem).toBe("tooLarge");
    }
  });

  test("a good workbook still opens and is checked, and a sheet named with quotes and spaces keeps its name", async () => {
    const name = `it's O'Brien's "data" sheet`;
    const bytes = await smallWorkbook(name);
    const { host } = await openWorkbook(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, "ok.xlsx");
    const result = await runPass(host, { scope: "all" });
    expect(result.sheets.map((s) => s.name)).toEqual([name]);
    expect(result.findings.some((f) => placeOf(f.at) === name && f.subject === "工伤保险" && f.rule === "stated-rate-mismatch")).toBe(true);
  });
});

test("the CLI reads a sheet named with quotes and spaces, and names it in every format", async () => {
  const name = `it's O'Brien's "data" sheet`;
  const file = path.join(dir, "obrien.xlsx");
  fs.writeFileSync(file, await smallWorkbook(name));
  const json = await run(["--format", "json", file]);
  expect(json.code).toBe(2);
  const parsed = JSON.parse(json.stdout);
  expect(parsed.sheets.map((s: { name: string }) => s.name)).toEqual([name]);
  expect(parsed.findings.every((f: { sheet: string }) => f.sheet === name)).toBe(true);
  const html = await run(["--format", "html", file]);
  expect(html.stdout).toContain("it&#39;s O&#39;Brien&#39;s &#34;data&#34; sheet");
  const csv = await run(["--format", "csv", file]);
  expect(csv.stdout).toContain(`"it's O'Brien's ""data"" sheet"`);
  fs.rmSync(file);
});
