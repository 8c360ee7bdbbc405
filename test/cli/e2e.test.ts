/** The real command as a child process: bin/fund-check.js → lib/cli/main.js, compiled as `npm run build:cli` does. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { fundWorkbook, tempDir } from "./workbooks";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "fund-check.js");
const example = path.join(root, "examples", "qiemo-2019.xlsx");
let dir: string;

beforeAll(() => {
  dir = tempDir();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fundCheck(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { PATH: process.env.PATH, ...env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it("checks the example workbook and exits 2 for its errors, in zh by default", () => {
  const r = fundCheck([example]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(2);
  expect(r.stdout).toContain("qiemo-2019.xlsx");
  expect(r.stdout).toMatch(/汇总：错误 \d+，警告 \d+，提示 \d+/);
});

it("runs a batch with a broken file: stderr names it, the good file's JSON comes out, exit 3", async () => {
  const good = await fundWorkbook(path.join(dir, "ok.xlsx"), [["工伤保险", 398, 806, 1.31]]);
  const bad = path.join(dir, "broken.xlsx");
  fs.writeFileSync(bad, Buffer.from("PK\u0003\u0004 not really a zip"));
  const r = fundCheck(["--format", "json", "--lang", "en", bad, good]);
  expect(r.code).toBe(3);
  expect(r.stderr).toBe(`fund-check: ${bad}: the file is truncated or damaged\n`);
  const json = JSON.parse(r.stdout);
  expect(json.map((j: { file: string }) => j.file)).toEqual([good]);
  expect(json[0].findings.length).toBeGreaterThan(0);
});

it("writes --out and prints --version and --help", () => {
  const out = path.join(dir, "report.html");
  expect(fundCheck(["--format", "html", "--out", out, example]).code).toBe(2);
  expect(fs.readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
  const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
  expect(fundCheck(["--version"]).stdout.trim()).toBe(version);
  expect(fundCheck(["--help"], { LANG: "en_US.UTF-8" }).stdout).toContain("Usage: fund-check [options] <file...>");
  expect(fundCheck(["--nope"]).code).toBe(64);
});
