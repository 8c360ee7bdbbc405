/**
 * A workbook with 1,000,000 used rows: the real command (bin/fund-check.js, lib/ compiled as `npm run build:cli`
 * does) runs as a child process with its heap bounded to 256 MB and refuses it with one clear line (exit 3)
 * instead of exhausting the heap; the other file of the batch is still checked. The row, cell and element limits
 * are tested with small limits, on the CLI and on the page's reader.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { MAX_CELLS, MAX_ROWS_PER_SHEET, ReadOptions } from "../../src/cli/readWorkbook";
import { FileRefusedError, openWorkbook } from "../../src/taskpane/standalone";
import { DEFAULT_LIMITS, XlsxLimits } from "../../src/xlsx";
import { bigWorkbook } from "./craft";

const root = path.join(__dirname, "..", "..");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-big-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], read?: ReadOptions) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s), isTTY: false }, env: {}, read });
  return { code, stdout, stderr };
}

test("the limits are those documented (docs/robustness.md)", () => {
  expect(MAX_ROWS_PER_SHEET).toBe(500_000);
  expect(MAX_CELLS).toBe(5_000_000);
  expect(DEFAULT_LIMITS).toMatchObject({ sheetElements: 40_000_000, styles: 64_000, strings: 5_000_000, textChars: 64 * 1024 * 1024, merges: 500_000, sheets: 4096 });
});

test("the CLI refuses past the row, cell and element limits, and accepts a file at the limit", async () => {
  const file = path.join(dir, "rows-1000.xlsx");
  fs.writeFileSync(file, bigWorkbook(1000)); // 1,002 rows, 4,005 cells (title 1, header 4, rows 4 each)
  const rows = await run(["--lang", "en", file], { limits: { rowsPerSheet: 1001 } });
  expect(rows.code).toBe(3);
  expect(rows.stderr).toBe(`fund-check: ${file}: sheet "基金支出" has more than 1,001 rows of data, refused (split the workbook or delete unused rows)\n`);
  const cells = await run(["--lang", "en", file], { limits: { cells: 4004 } });
  expect(cells.code).toBe(3);
  expect(cells.stderr).toBe(`fund-check: ${file}: the workbook has more than 4,004 filled cells (reading sheet "基金支出"), refused (split the workbook)\n`);
  // <row>, <c>, <is>, <t> and <v> elements: 1,002 rows, 4,005 cells, 5 inline strings per 4 cells in a data row …
  const elements = await run(["--lang", "en", file], { limits: { sheetElements: 10_000 } });
  expect(elements.code).toBe(3);
  expect(elements.stderr).toBe(`fund-check: ${file}: xl/worksheets/sheet1.xml holds more than 10,000 XML elements, refused\n`);
  const fits = await run(["--format", "json", file], { limits: { rowsPerSheet: 1002, cells: 4005 } });
  expect(fits.stderr).toBe("");
  expect(JSON.parse(fits.stdout).sheets[0]).toMatchObject({ name: "基金支出", kind: "fund" });
});

test("the page's reader applies the same limits", async () => {
  const bytes = bigWorkbook(1000);
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const refusal = (limits: Partial<XlsxLimits>) => openWorkbook(data, "rows.xlsx", { limits }).then(() => undefined, (e: FileRefusedError) => e.message);
  expect(await refusal({ rowsPerSheet: 1001 })).toBe('sheet "基金支出" has more than 1,001 rows of data, refused (split the workbook or delete unused rows)');
  expect(await refusal({ cells: 4004 })).toBe('the workbook has more than 4,004 filled cells (reading sheet "基金支出"), refused (split the workbook)');
  expect(await refusal({ rowsPerSheet: 1002, cells: 4005 })).toBeUndefined();
});

test("1,000,000 rows: refused with a clear message under a 256 MB heap, no heap exhaustion, the batch goes on", () => {
  const big = path.join(dir, "million.xlsx");
  fs.writeFileSync(big, bigWorkbook(1_000_000));
  const example = path.join(root, "examples", "qiemo-2019.xlsx");
  const r = spawnSync(process.execPath, ["--max-old-space-size=256", path.join(root, "bin", "fund-check.js"), "--lang", "en", "--format", "json", big, example], {
    cwd: root,
    env: { PATH: process.env.PATH },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.signal).toBeNull(); // not killed (an exhausted heap aborts with SIGABRT)
  expect(r.stderr).toBe(`fund-check: ${big}: sheet "基金支出" has more than 500,000 rows of data, refused (split the workbook or delete unused rows)\n`);
  expect(r.status).toBe(3);
  expect(JSON.parse(r.stdout).map((f: { file: string }) => f.file)).toEqual([example]);
}, 180_000);
