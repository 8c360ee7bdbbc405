/** The CLI called in-process: exit codes, batches with bad files, options, read-only inputs. */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { ReadOptions } from "../../src/cli/readWorkbook";
import { fundWorkbook, tempDir } from "./workbooks";
import { claimSize, renameEntry } from "./zipcraft";

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], opts: { isTTY?: boolean; env?: NodeJS.ProcessEnv; read?: ReadOptions } = {}): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.isTTY ?? false },
    env: opts.env ?? {},
    read: opts.read,
  });
  return { code, stdout, stderr };
}

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
let clean: string;
let warnings: string;
let errors: string;

beforeAll(async () => {
  dir = tempDir();
  clean = await fundWorkbook(path.join(dir, "clean.xlsx"), [
    ["企业职工基本养老保险", 1000, 1000, 1],
    ["工伤保险", 400, 396, 0.99],
  ]);
  // 92% of budget: inside the warning band of completion-band, nothing else wrong.
  warnings = await fundWorkbook(path.join(dir, "warnings.xlsx"), [
    ["企业职工基本养老保险", 1000, 1000, 1],
    ["工伤保险", 400, 368, 0.92],
  ]);
  // 工伤 202.5% of budget, stated 131%: completion-band and stated-rate-mismatch errors.
  errors = await fundWorkbook(path.join(dir, "errors.xlsx"), [
    ["企业职工基本养老保险", 1000, 1000, 1],
    ["工伤保险", 398, 806, 1.31],
  ]);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("exit codes", () => {
  it("0 when there is no warning or error", async () => {
    const r = await run(["--format", "json", clean]);
    const json = JSON.parse(r.stdout);
    expect(json.summary.error + json.summary.warning).toBe(0);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("1 when there are warnings only", async () => {
    const r = await run(["--format", "json", warnings]);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toMatchObject({ error: 0, warning: 1 });
    expect(json.findings.find((f: { severity: string }) => f.severity === "warning")).toMatchObject({ rule: "completion-band", subject: "工伤保险" });
    expect(r.code).toBe(1);
  });

  it("2 when there are errors, and the worst file decides in a batch", async () => {
    const one = await run(["--format", "json", errors]);
    const rules = JSON.parse(one.stdout).findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`);
    expect(rules).toEqual(expect.arrayContaining(["completion-band:error", "stated-rate-mismatch:error"]));
    expect(one.code).toBe(2);
    expect((await run([clean, warnings, errors])).code).toBe(2);
    expect((await run([clean, warnings])).code).toBe(1);
  });

  it("3 when one input cannot be read; the others are still checked and reported (3 wins over 2)", async () => {
    const junk = path.join(dir, "notes.xlsx");
    fs.writeFileSync(junk, "这不是工作簿\n");
    const r = await run(["--format", "json", junk, errors]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`fund-check: ${junk}: 不是 .xlsx 工作簿（不是 zip 格式）\n`);
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(1);
    expect(json[0].file).toBe(errors);
    expect(json[0].summary.error).toBeGreaterThan(0);
  });

  it("64 for usage errors, with the reason on stderr", async () => {
    expect((await run([])).code).toBe(64);
    const bad = await run(["--format", "xml", "--lang", "en", clean]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain("--format must be one of text, json, html, csv");
    expect((await run(["--colour", clean])).code).toBe(64);
  });

  it("speak the run's language on stderr too: usage and settings-file errors follow --lang or the locale", async () => {
    const zh = await run(["--format", "xml", clean]);
    expect(zh.stderr).toContain("--format 只能是 text, json, html, csv 之一");
    expect(zh.stderr).toContain("用法：fund-check");
    expect((await run(["--colour", clean])).stderr).toMatch(/^fund-check: 未知选项 --colour\n/);
    expect((await run(["--colour", clean], { env: { LANG: "en_GB.UTF-8" } })).stderr).toMatch(/^fund-check: unknown option --colour\n/);
    // --lang given after the bad option still decides
    expect((await run(["--colour", "--lang", "en", clean])).stderr).toMatch(/^fund-check: unknown option --colour\n/);
    const none = await run(["--targets", path.join(dir, "none.json"), clean]);
    expect(none.stderr).toMatch(/none\.json：文件不存在/);
    expect(none.stderr).not.toMatch(/no such file/);
  });
});

describe("unreadable inputs: one clear line each, no stack trace", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a missing file", () => path.join(dir, "nope.xlsx"), /no such file/],
    ["a directory", () => dir, /not a file/],
    ["an empty file", () => (fs.writeFileSync(path.join(dir, "empty.xlsx"), ""), path.join(dir, "empty.xlsx")), /empty/],
    [
      "a truncated workbook",
      () => {
        const buf = fs.readFileSync(clean);
        fs.writeFileSync(path.join(dir, "cut.xlsx"), buf.subarray(0, buf.length >> 1));
        return path.join(dir, "cut.xlsx");
      },
      /truncated or damaged/,
    ],
    [
      "a legacy .xls",
      () => {
        const buf = Buffer.alloc(4096);
        Buffer.from("d0cf11e0a1b11ae1", "hex").copy(buf);
        Buffer.from("Workbook", "utf16le").copy(buf, 1024);
        fs.writeFileSync(path.join(dir, "old.xls"), buf);
        return path.join(dir, "old.xls");
      },
      /legacy binary \.xls/,
    ],
    [
      "a password-protected workbook",
      () => {
        const buf = Buffer.alloc(4096);
        Buffer.from("d0cf11e0a1b11ae1", "hex").copy(buf);
        Buffer.from("EncryptionInfo", "utf16le").copy(buf, 1024);
        Buffer.from("EncryptedPackage", "utf16le").copy(buf, 1152);
        fs.writeFileSync(path.join(dir, "secret.xlsx"), buf);
        return path.join(dir, "secret.xlsx");
      },
      /password-protected/,
    ],
    [
      "a zip whose directory claims more than the limit (zip bomb)",
      () => (claimSize(clean, path.join(dir, "bomb.xlsx"), /sheet1\.xml$/, 0x7fffffff), path.join(dir, "bomb.xlsx")),
      /exceeds the 768 MiB limit, refused/,
    ],
    [
      "a zip entry that inflates beyond what it declares",
      () => (claimSize(clean, path.join(dir, "liar.xlsx"), /sheet1\.xml$/, 10), path.join(dir, "liar.xlsx")),
      /inflates beyond its declared size/,
    ],
    [
      "a zip that is not a workbook",
      () => {
        // same bytes, but the [Content_Types].xml entry is renamed (local header and directory)
        fs.writeFileSync(path.join(dir, "other.zip"), renameEntry(fs.readFileSync(clean), "[Content_Types].xml", "[Content_Typez].xml"));
        return path.join(dir, "other.zip");
      },
      /not an Excel workbook/,
    ],
  ];

  it.each(cases)("%s", async (_, make, reason) => {
    const file = make();
    const r = await run(["--lang", "en", file, clean]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`fund-check: ${file}: `)).toBe(true);
    expect(lines[0]).toMatch(reason);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    expect(r.stdout).toContain(path.basename(clean)); // the good file was still checked
  });
});

describe("input files", () => {
  it("are never written (sha256 and mtime unchanged), even with --out next to them", async () => {
    const before = sha256(errors);
    const mtime = fs.statSync(errors).mtimeMs;
    for (const format of ["text", "json", "html", "csv"]) {
      await run(["--format", format, "--out", path.join(dir, `out.${format}`), errors]);
      expect(fs.existsSync(path.join(dir, `out.${format}`))).toBe(true);
    }
    await run([errors]);
    expect(sha256(errors)).toBe(before);
    expect(fs.statSync(errors).mtimeMs).toBe(mtime);
  });

  it("cannot be named as --out", async () => {
    const before = sha256(clean);
    const r = await run(["--out", clean, "--lang", "en", clean]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("input files are never written");
    expect(sha256(clean)).toBe(before);
  });
});

describe("--targets", () => {
  it("moves the completion band: 92% is fine when okLow is 90%", async () => {
    const targets = path.join(dir, "targets.json");
    fs.writeFileSync(targets, JSON.stringify({ completionBand: { okLow: 0.9, warningLow: 0.85 } }));
    expect((await run([warnings])).code).toBe(1);
    const r = await run(["--format", "json", "--targets", targets, warnings]);
    expect(JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === "completion-band")).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("applies per-fund overrides", async () => {
    const targets = path.join(dir, "fund-targets.json");
    fs.writeFileSync(targets, JSON.stringify({ funds: { 工伤保险: { completionBand: { okLow: 0.9, warningLow: 0.85 } } } }));
    expect((await run(["--targets", targets, warnings])).code).toBe(0);
  });

  it("refuses a bad targets file with one line naming the file and the key, before checking anything (exit 3)", async () => {
    const targets = path.join(dir, "bad-targets.json");
    fs.writeFileSync(targets, JSON.stringify({ completionBand: { okLow: "95%" }, colour: 1 }));
    const r = await run(["--targets", targets, "--lang", "en", clean]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`--targets ${targets}: `);
    expect(r.stderr).toContain("completionBand.okLow");
    expect(r.stderr).toContain("colour: unknown key");
  });

  it("says how to write a percentage given as 95 where a fraction is expected, in the run's language", async () => {
    const targets = path.join(dir, "percent-targets.json");
    fs.writeFileSync(targets, JSON.stringify({ completionBand: { okLow: 95 } }));
    const en = await run(["--targets", targets, "--lang", "en", clean]);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain("completionBand.okLow: expected a number between 0 and 10 (a fraction: use 0.95 for 95%)");
    const zh = await run(["--targets", targets, clean]);
    expect(zh.stderr).toContain("completionBand.okLow：应为 0 到 10 之间的小数（95% 应写作 0.95）");
  });

  it("refuses a targets file that is not JSON or does not exist", async () => {
    const notJson = path.join(dir, "t.json");
    fs.writeFileSync(notJson, "{ completionBand: ");
    const r = await run(["--targets", notJson, "--lang", "en", clean]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^fund-check: --targets .*t\.json: not valid JSON/);
    expect((await run(["--targets", path.join(dir, "none.json"), "--lang", "en", clean])).stderr).toMatch(/none\.json: no such file/);
  });
});

describe("--mapping", () => {
  it("assigns roles to columns the detector cannot name", async () => {
    const file = path.join(dir, "odd-headers.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表1");
    ws.addRow(["基金名称", "甲栏", "乙栏"]);
    ws.addRow(["工伤保险", 398, 806]);
    await wb.xlsx.writeFile(file);
    const without = JSON.parse((await run(["--format", "json", file])).stdout);
    expect(without.findings.filter((f: { rule: string }) => f.rule === "completion-band")).toEqual([]);
    const mapping = path.join(dir, "mapping.json");
    fs.writeFileSync(mapping, JSON.stringify({ 表1: { A: "subject", B: "budget", c: "actual" } }));
    const r = await run(["--format", "json", "--mapping", mapping, file]);
    const json = JSON.parse(r.stdout);
    expect(json.sheets[0].columns).toMatchObject({ B: "budget", C: "actual" });
    expect(json.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "completion-band", severity: "error", subject: "工伤保险" })]));
    expect(r.code).toBe(2);
  });

  it("drops a column marked ignore", async () => {
    const mapping = path.join(dir, "ignore.json");
    fs.writeFileSync(mapping, JSON.stringify({ 基金支出: { C: "ignore" } }));
    const json = JSON.parse((await run(["--format", "json", "--mapping", mapping, errors])).stdout);
    expect(Object.values(json.sheets[0].columns)).not.toContain("actual");
    expect(json.findings.filter((f: { rule: string }) => f.rule === "completion-band")).toEqual([]);
  });

  it("refuses an unknown role with one line naming the file, the sheet and the column", async () => {
    const mapping = path.join(dir, "bad-mapping.json");
    fs.writeFileSync(mapping, JSON.stringify({ 基金支出: { C: "budgett" } }));
    const r = await run(["--mapping", mapping, "--lang", "en", errors]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^fund-check: --mapping .*bad-mapping\.json: 基金支出\.C: expected one of subject, budget/);
  });
});

describe("batches", () => {
  it("show progress on stderr only when it is a terminal", async () => {
    const tty = await run([clean, warnings], { isTTY: true });
    expect(tty.stderr).toContain(`[1/2] ${clean}`);
    expect(tty.stderr).toContain(`[2/2] ${warnings}`);
    const pipe = await run([clean, warnings], { isTTY: false });
    expect(pipe.stderr).toBe("");
    const single = await run([clean], { isTTY: true });
    expect(single.stderr).toBe("");
  });
});

describe("language", () => {
  it("defaults to zh, and to en when the locale is English", async () => {
    expect((await run([errors], { env: {} })).stdout).toContain("汇总：");
    expect((await run([errors], { env: { LANG: "C.UTF-8" } })).stdout).toContain("汇总：");
    expect((await run([errors], { env: { LANG: "en_US.UTF-8" } })).stdout).toContain("Summary:");
    expect((await run(["--lang", "zh", errors], { env: { LANG: "en_US.UTF-8" } })).stdout).toContain("汇总：");
  });

  it("--help explains the exit codes in the chosen language", async () => {
    const zh = await run(["--help"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("64 命令行用法错误");
    expect((await run(["--help", "--lang", "en"])).stdout).toContain("3  an input could not be read");
  });
});
