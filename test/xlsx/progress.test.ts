/** The reader's progress (the standalone page's progress bar while its worker reads): sheet bytes, rising to the total. */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../src/xlsx";

test("onProgress reports the sheets' bytes as they are inflated, ending at the total their entries declare", async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx")));
  const calls: [number, number][] = [];
  const workbook = await readXlsx(bytes, { name: "qiemo-2019.xlsx", onProgress: (done, total) => calls.push([done, total]) });
  expect(workbook.sheets.length).toBeGreaterThan(0);
  expect(calls.length).toBeGreaterThan(0);
  const total = calls[0][1];
  expect(total).toBeGreaterThan(1000);
  for (let i = 1; i < calls.length; i++) {
    expect(calls[i][1]).toBe(total);
    expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0]);
  }
  expect(calls.at(-1)![0]).toBe(total);
});
