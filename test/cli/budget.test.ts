/**
 * A time and memory budget per file (src/cli/isolation.ts): the command checks each file in a worker thread; a file
 * past its budget is refused with exit 3 naming the budget, and the rest of the batch is checked. Runs the real
 * command (bin/fund-check.js → lib/, compiled once by jest's globalSetup), since the worker runs compiled code.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { sheetXml, workbookZip } from "../robustness/craft";
import { tempDir } from "./workbooks";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "fund-check.js");
const example = path.join(root, "examples", "qiemo-2019.xlsx");
let dir: string;
let heavy: string;

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

beforeAll(() => {
  dir = tempDir();
  // 80,000 counties each 300% of budget: 160,000 findings, a 1.5 MB file whose check needs a few hundred MiB.
  const rows = [`<row r="1">${inline("A1", "单位：万元")}</row><row r="2">${inline("A2", "基金名称")}${inline("B2", "预算数")}${inline("C2", "执行数")}${inline("D2", "完成率")}</row>`];
  for (let r = 3; r < 80_003; r++) rows.push(`<row r="${r}">${inline(`A${r}`, `第${r}号统筹区工伤保险`)}<c r="B${r}"><v>100</v></c><c r="C${r}"><v>300</v></c><c r="D${r}"><v>0.5</v></c></row>`);
  heavy = path.join(dir, "heavy.xlsx");
  fs.writeFileSync(heavy, workbookZip({ sheets: [{ name: "基金支出", xml: sheetXml(rows.join("")) }] }));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fundCheck(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it("a file past the memory budget is refused (exit 3) and the next file is checked", () => {
  const r = fundCheck(["--format", "json", "--lang", "en", "--memory-limit", "64", heavy, example]);
  expect(r.code).toBe(3);
  expect(r.stderr).toBe(`fund-check: ${heavy}: checking needed more than the 64 MiB memory limit, stopped (an oversized or abnormal file)\n`);
  const json = JSON.parse(r.stdout);
  expect(json.map((f: { file: string }) => f.file)).toEqual([example]);
  expect(json[0].summary).toEqual({ error: 4, warning: 3, info: 2 });
}, 120_000);

it("a file past the time budget is stopped and refused in the run's language (exit 3)", () => {
  const r = fundCheck(["--time-limit", "0.5", heavy]);
  expect(r.code).toBe(3);
  expect(r.stderr).toBe(`fund-check: ${heavy}: 核对超过 0.5 秒的时间上限，已停止（文件过大或内容异常）\n`);
}, 120_000);

it("within the default budget the same file is checked in full", () => {
  const r = fundCheck(["--format", "csv", heavy]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(2);
  expect(r.stdout.trimEnd().split("\r\n")).toHaveLength(1 + 160_000);
}, 120_000);

it("budgets are checked as usage", () => {
  expect(fundCheck(["--time-limit", "0", example]).code).toBe(64);
  expect(fundCheck(["--memory-limit", "lots", "--lang", "en", example]).stderr).toContain('--memory-limit must be a number of at least 32 (got "lots")');
});
