/**
 * Issue 14's CLI cases, each on a file crafted here: output blow-up from one huge shared string (4), --out that
 * would overwrite what the run reads (5), terminal escape injection (7), a closed stdout, settings files that are
 * FIFOs or devices, a huge fund name in stored settings (9).
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { MAX_CONFIG_BYTES } from "../../src/cli/config";
import { encodeSettings, MAX_SETTINGS_KEY, SETTINGS_SHEET_NAME } from "../../src/settings/workbookSettings";
import { SETTINGS_MARKER } from "../../src/core/addinSheets";
import { sheetXml, workbookZip } from "../robustness/craft";
import { fundWorkbook, tempDir } from "./workbooks";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "fund-check.js");

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string | Uint8Array) => (stdout += typeof s === "string" ? s : Buffer.from(s).toString("latin1")) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env,
  });
  return { code, stdout, stderr };
}

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
const header = `<row r="1">${inline("A1", "单位：万元")}</row><row r="2">${inline("A2", "基金名称")}${inline("B2", "预算数")}${inline("C2", "执行数")}${inline("D2", "完成率")}</row>`;

let dir: string;
beforeAll(() => {
  dir = tempDir();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("(4) one 10 MB shared string used by 200 rows", () => {
  let file: string;
  beforeAll(() => {
    const huge = "工伤保险" + "x".repeat(10 * 1024 * 1024);
    const rows = [header];
    for (let r = 3; r < 203; r++) rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>100</v></c><c r="C${r}"><v>300</v></c><c r="D${r}"><v>0.5</v></c></row>`);
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="200" uniqueCount="1"><si><t>${huge}</t></si></sst>`;
    file = path.join(dir, "blowup.xlsx");
    fs.writeFileSync(file, workbookZip({ sheets: [{ name: "基金支出", xml: sheetXml(rows.join("")) }], sharedStrings: sst }));
    expect(fs.statSync(file).size).toBeLessThan(100_000);
  });

  it.each(["text", "json", "csv", "html"])("--format %s answers with the findings, the name clipped and its length stated", (format) => {
    const r = spawnSync(process.execPath, ["--max-old-space-size=1024", bin, "--format", format, "--lang", "en", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(2); // 300% of budget: errors, not a crash (70) or out of memory (134)
    expect(r.stdout.length).toBeLessThan(5 * 1024 * 1024);
    expect(r.stdout).toContain("(10485764 characters)");
  }, 120_000);
});

describe("(5) --out never overwrites what the run reads", () => {
  let input: string;
  let targets: string;
  let mapping: string;
  beforeAll(async () => {
    input = await fundWorkbook(path.join(dir, "in.xlsx"), [["工伤保险", 398, 806, 1.31]]);
    targets = path.join(dir, "targets.json");
    fs.writeFileSync(targets, JSON.stringify({ completionBand: { okLow: 0.9, warningLow: 0.85 } }));
    mapping = path.join(dir, "mapping.json");
    fs.writeFileSync(mapping, JSON.stringify({ 基金支出: { C: "actual" } }));
  });

  const refused = async (out: string, extra: string[] = []) => {
    const before = [input, targets, mapping].map(sha256);
    const r = await run(["--out", out, ...extra, "--lang", "en", input]);
    expect(r.code).toBe(64);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect([input, targets, mapping].map(sha256)).toEqual(before);
    return r.stderr;
  };

  it("through a symlink, a hard link or a symlinked folder", async () => {
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(input, link);
    expect(await refused(link)).toContain("is the input file");
    const hard = path.join(dir, "hard.xlsx");
    fs.linkSync(input, hard);
    expect(await refused(hard)).toContain("is the input file");
    const folder = path.join(dir, "folder-link");
    fs.symlinkSync(dir, folder);
    expect(await refused(path.join(folder, "in.xlsx"))).toContain("is the input file");
    expect(await refused(path.join(dir, ".", "sub", "..", "in.xlsx"))).toContain("is the input file");
  });

  it("equal to the --targets or --mapping file", async () => {
    expect(await refused(targets, ["--targets", targets])).toContain("is the --targets file");
    expect(await refused(mapping, ["--mapping", mapping])).toContain("is the --mapping file");
  });

  it("is written through a temporary file renamed over it: a symlinked --out keeps its link, nothing is left behind", async () => {
    const real = path.join(dir, "report-real.json");
    fs.writeFileSync(real, "old");
    const link = path.join(dir, "report-link.json");
    fs.symlinkSync(real, link);
    const r = await run(["--format", "json", "--out", link, input]);
    expect(r.code).toBe(2);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, "utf8")).file).toBe(input);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("an --out in a folder that does not exist is one line, exit 3, and no stack", async () => {
    const r = await run(["--out", path.join(dir, "no", "such", "out.txt"), "--lang", "en", input]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^fund-check: --out .*out\.txt: no such folder\n$/);
  });
});

describe("(7) terminal escape injection", () => {
  it("ESC, BEL, CR/LF and bidi overrides in cells and sheet names are shown as escapes in text output", async () => {
    const rows = `${header}<row r="3">${inline("A3", "工伤保险_x001B_[2J\u202Eabc_x000D__x000A_汇总：错误 0")}<c r="B3"><v>398</v></c><c r="C3"><v>806</v></c><c r="D3"><v>1.31</v></c></row>`;
    const file = path.join(dir, "escape.xlsx");
    fs.writeFileSync(file, workbookZip({ sheets: [{ name: "基金\u202E支出", xml: sheetXml(rows) }] }));
    const r = await run([file]);
    expect(r.code).toBe(2);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(r.stdout).toContain("工伤保险\\x1B[2J\\u202Eabc\\x0D\\x0A汇总：错误 0");
    expect(r.stdout).toContain("工作表「基金\\u202E支出」");
    // the forged summary never starts a line of its own
    expect(r.stdout.split("\n").filter((l) => l.startsWith("汇总"))).toHaveLength(1);
  });

  it("reaches stderr as escapes too (a file name, a stored setting's key)", async () => {
    const name = path.join(dir, "bad\x1b]0;title\x07\nfund-check: fake.xlsx");
    fs.writeFileSync(name, "not a workbook");
    const r = await run(["--lang", "en", name]);
    expect(r.code).toBe(3);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\x07\x1b]/);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("bad\\x1B]0;title\\x07\\x0Afund-check: fake.xlsx");
  });
});

describe("(9) pipes, devices and sizes", () => {
  it("a closed stdout (| head) ends quietly with the run's exit code", async () => {
    const input = await fundWorkbook(path.join(dir, "pipe.xlsx"), [["工伤保险", 398, 806, 1.31]]);
    const child = spawn(process.execPath, [bin, "--format", "json", input, input, input, input]);
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(2);
  }, 60_000);

  it("--targets naming a FIFO or /dev/zero is refused at once (exit 3), never read", async () => {
    const input = await fundWorkbook(path.join(dir, "fifo.xlsx"), [["工伤保险", 398, 396, 0.99]]);
    const fifo = path.join(dir, "targets.fifo");
    execFileSync("mkfifo", [fifo]);
    const r = await run(["--targets", fifo, "--lang", "en", input]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("not a regular file");
    const zero = await run(["--mapping", "/dev/zero", input]);
    expect(zero.code).toBe(3);
    expect(zero.stderr).toContain("不是普通文件");
  });

  it("refusals name the right cause: a FIFO or device input, a path through a file, a loop of symlinks", async () => {
    const fifo = path.join(dir, "input.fifo.xlsx");
    execFileSync("mkfifo", [fifo]);
    const a = path.join(dir, "loop-a.xlsx");
    const b = path.join(dir, "loop-b.xlsx");
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    const input = await fundWorkbook(path.join(dir, "plain.xlsx"), [["工伤保险", 398, 396, 0.99]]);
    const r = await run(["--lang", "en", fifo, "/dev/zero", path.join(input, "x"), a, dir]);
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `fund-check: ${fifo}: not a regular file (a pipe or a device), not read`,
      "fund-check: /dev/zero: not a regular file (a pipe or a device), not read",
      `fund-check: ${path.join(input, "x")}: no such file`,
      `fund-check: ${a}: cannot be read (a loop of symbolic links)`,
      `fund-check: ${dir}: not a file (a directory?)`,
    ]);
  });

  it("a settings file over the size limit is refused by its size", async () => {
    const input = await fundWorkbook(path.join(dir, "big-targets.xlsx"), [["工伤保险", 398, 396, 0.99]]);
    const big = path.join(dir, "big.json");
    fs.writeFileSync(big, `{"funds":{"${"x".repeat(MAX_CONFIG_BYTES)}":{}}}`);
    const r = await run(["--targets", big, "--lang", "en", input]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/over the 1048576-byte limit/);
  });

  it("a 50 MB fund name in stored settings is not read: the defaults apply and stderr says why", async () => {
    const name = "工伤保险" + "y".repeat(50 * 1024 * 1024);
    const stored = encodeSettings({ targets: { funds: { [name]: { completionBand: { okLow: 0.5 } } } } });
    // Built as the reader sees it: the marker in A1, the JSON cut into pieces along row 2.
    const cells = stored[1].map((v, c) => `<c r="${columnName(c)}2" t="inlineStr"><is><t>${v}</t></is></c>`).join("");
    const settingsXml = sheetXml(`<row r="1">${inline("A1", SETTINGS_MARKER)}${inline("B1", "1")}</row><row r="2">${cells}</row>`);
    const fund = sheetXml(`${header}<row r="3">${inline("A3", "工伤保险")}<c r="B3"><v>398</v></c><c r="C3"><v>396</v></c><c r="D3"><v>0.99</v></c></row>`);
    const file = path.join(dir, "stored-huge.xlsx");
    fs.writeFileSync(file, workbookZip({ sheets: [{ name: "基金支出", xml: fund }, { name: SETTINGS_SHEET_NAME, xml: settingsXml }] }));
    const started = process.hrtime.bigint();
    const r = await run(["--lang", "en", file]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stored settings \(fund-check设置\): targets: \d+ characters, over the limit of 1048576; using the defaults/);
    expect(seconds).toBeGreaterThan(0); // (speed is the bench's; this only proves the run ends)
  }, 120_000);

  it("a stored fund name over the key limit is refused by name", async () => {
    const stored = encodeSettings({ targets: { funds: { ["z".repeat(MAX_SETTINGS_KEY + 1)]: {} } } });
    const cells = stored[1].map((v, c) => `<c r="${columnName(c)}2" t="inlineStr"><is><t>${v}</t></is></c>`).join("");
    const settingsXml = sheetXml(`<row r="1">${inline("A1", SETTINGS_MARKER)}${inline("B1", "1")}</row><row r="2">${cells}</row>`);
    const fund = sheetXml(`${header}<row r="3">${inline("A3", "工伤保险")}<c r="B3"><v>398</v></c><c r="C3"><v>396</v></c><c r="D3"><v>0.99</v></c></row>`);
    const file = path.join(dir, "stored-key.xlsx");
    fs.writeFileSync(file, workbookZip({ sheets: [{ name: "基金支出", xml: fund }, { name: SETTINGS_SHEET_NAME, xml: settingsXml }] }));
    const r = await run([file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`保存的设置（fund-check设置）有误：targets：有一个键长 ${MAX_SETTINGS_KEY + 1} 个字符，超过上限 ${MAX_SETTINGS_KEY}；改用默认值`);
  });
});

function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
