/** The CLI runs the checks a colleague saved in the workbook (the task pane's very hidden settings sheet). */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { encodeSettings, SETTINGS_SHEET_NAME } from "../../src/settings/workbookSettings";
import { tempDir } from "./workbooks";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
  });
  return { code, stdout, stderr };
}

/** 工伤保险 at 92% of budget: a completion-band warning under the default targets (ok from 95%). */
async function workbook(file: string, settings?: string[][], extra?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("基金支出");
  ws.addRow(["基金名称", "预算数", "执行数"]);
  ws.addRow(["工伤保险", 400, 368]);
  if (settings) {
    const hidden = wb.addWorksheet(SETTINGS_SHEET_NAME, { state: "veryHidden" });
    for (const row of settings) hidden.addRow(row);
  }
  extra?.(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ninetyPercentOk = { completionBand: { okLow: 0.9 } };

it("uses the targets stored in the workbook when no --targets is given", async () => {
  const plain = await workbook(path.join(dir, "plain.xlsx"));
  const stored = await workbook(path.join(dir, "stored.xlsx"), encodeSettings({ targets: ninetyPercentOk }));
  const before = JSON.parse((await run(["--format", "json", plain])).stdout);
  expect(before.findings.map((f: { rule: string }) => f.rule)).toContain("completion-band");
  const after = await run(["--format", "json", stored]);
  expect(after.code).toBe(0);
  expect(JSON.parse(after.stdout).findings).toEqual([]);
});

it("lets --targets win over the stored targets", async () => {
  const stored = await workbook(path.join(dir, "stored2.xlsx"), encodeSettings({ targets: ninetyPercentOk }));
  const strict = path.join(dir, "strict.json");
  fs.writeFileSync(strict, JSON.stringify({ completionBand: { okLow: 0.95 } }));
  const r = await run(["--format", "json", "--targets", strict, stored]);
  expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain("completion-band");
});

it("names stored settings it cannot use on stderr and checks with the defaults", async () => {
  const broken = await workbook(path.join(dir, "broken.xlsx"), encodeSettings({ targets: { completionBand: { okLow: "high" } } }));
  const r = await run(["--format", "json", broken]);
  expect(r.stderr).toContain("broken.xlsx");
  expect(r.stderr).toContain("completionBand.okLow");
  expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain("completion-band");
});

it("never checks the add-in's own sheets (settings, report)", async () => {
  const file = await workbook(path.join(dir, "with-report.xlsx"), encodeSettings({}), (wb) => {
    const report = wb.addWorksheet("校验报告");
    report.addRow(["基金名称", "预算数", "执行数"]);
    report.addRow(["工伤保险", 100, 900]);
  });
  const json = JSON.parse((await run(["--format", "json", file])).stdout);
  expect(json.sheets.map((s: { name: string }) => s.name)).toEqual(["基金支出"]);
  expect(json.findings.every((f: { sheet: string }) => f.sheet === "基金支出")).toBe(true);
});
