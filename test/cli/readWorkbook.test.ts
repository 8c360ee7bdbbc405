/**
 * The CLI's door to the reader: a file is opened once and its bytes read once through that descriptor, so what
 * the zip guard checks is what the reader parses (issue 14: the guard used to check the path and ExcelJS reopened
 * it); what is not a zip is refused from its first bytes; a zip larger than the limits by its size alone.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { fundWorkbook, tempDir } from "./workbooks";

// fs's own functions cannot be spied on: the module is replaced by one whose functions record their calls.
jest.mock("fs", () => {
  const actual = jest.requireActual("fs");
  const wrapped: Record<string, unknown> = { ...actual };
  for (const name of ["openSync", "readSync", "readFileSync", "createReadStream"]) wrapped[name] = jest.fn((...args: unknown[]) => actual[name](...args));
  return wrapped;
});
const calls = (name: "openSync" | "readSync" | "readFileSync" | "createReadStream") => (fs[name] as unknown as jest.Mock).mock;

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => jest.clearAllMocks());

test("a workbook is opened once, read through that one descriptor, and never reopened by path", async () => {
  const file = await fundWorkbook(path.join(dir, "funds.xlsx"), [["工伤保险", 398, 806, 1.31]]);
  jest.clearAllMocks();
  const grid = await readWorkbook(file);
  expect(grid.sheets.map((s) => s.name)).toEqual(["基金支出"]);
  expect(calls("openSync").calls.map((c) => c[0])).toEqual([file]);
  const fd = calls("openSync").results[0].value;
  expect(calls("readSync").calls.length).toBeGreaterThan(0);
  expect(calls("readSync").calls.every((c) => c[0] === fd)).toBe(true);
  expect(calls("readFileSync").calls).toEqual([]);
  expect(calls("createReadStream").calls).toEqual([]);
});

test("a large file that is not a zip is refused from its first bytes, not read whole", async () => {
  const file = path.join(dir, "big.xlsx");
  fs.writeFileSync(file, Buffer.alloc(4 * 1024 * 1024, "基金名称,预算数\n"));
  jest.clearAllMocks();
  await expect(readWorkbook(file)).rejects.toMatchObject({ problem: "notZip" });
  const bytes = calls("readSync").calls.reduce((n, c) => n + Number(c[3] ?? 0), 0);
  expect(bytes).toBeLessThanOrEqual(8);
});

test("a zip larger than the workbook limits is refused by its size before it is read", async () => {
  const file = await fundWorkbook(path.join(dir, "limit.xlsx"), [["工伤保险", 398, 806, 1.31]]);
  const size = fs.statSync(file).size;
  await expect(readWorkbook(file, { limits: { total: size - 1 } })).rejects.toMatchObject({ problem: "tooLarge", detail: { name: "limit.xlsx", size, limit: size - 1 } });
});
