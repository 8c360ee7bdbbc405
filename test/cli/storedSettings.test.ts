/** The CLI runs the checks a colleague saved in the workbook (the task pane's very hidden settings sheet). */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { encodeSettings, SETTINGS_SHEET_NAME } from "../../src/settings/workbookSettings";
import { reportMarkerText } from "../../src/core/addinSheets";
import { RULE_IDS } from "../../src/core/ruleCatalogue";
import { parseCsv } from "../csv";
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

it("leaves out the add-in's own sheets, recognised by their content, and says so", async () => {
  const file = await workbook(path.join(dir, "with-report.xlsx"), encodeSettings({}), (wb) => {
    // A report sheet as the add-in writes it (marker in A2), and one written before the marker existed.
    const report = wb.addWorksheet("校验报告");
    report.addRow(["基金校验报告"]);
    report.addRow([reportMarkerText("zh")]);
    report.addRow(["级别", "规则", "工作表", "单元格", "项目", "实际", "应为", "说明", "", "险种", "预算数", "执行数"]);
    report.addRow(["错误", "completion-band", "基金支出", "基金支出!C2", "工伤保险", "92%", "95%–105%", "…", "", "工伤保险", 100, 900]);
    const legacy = wb.addWorksheet("Check report");
    legacy.addRow(["Fund check report"]);
    legacy.addRow([]);
    legacy.addRow(["Severity", "Rule", "Sheet", "Cell", "Subject", "Observed", "Expected", "Message", "", "Fund", "Budget", "Actual"]);
    legacy.addRow(["error", "completion-band", "基金支出", "基金支出!C2", "工伤保险", "92%", "95%–105%", "…", "", "工伤保险", 100, 900]);
  });
  const json = JSON.parse((await run(["--format", "json", file])).stdout);
  expect(json.sheets.map((s: { name: string }) => s.name)).toEqual(["基金支出"]);
  expect(json.findings.every((f: { sheet: string }) => f.sheet === "基金支出")).toBe(true);
  expect(json.skipped).toEqual([
    { name: SETTINGS_SHEET_NAME, as: "settings" },
    { name: "校验报告", as: "report" },
    { name: "Check report", as: "report" },
  ]);
  const text = (await run([file])).stdout;
  expect(text).toContain(`注意：未校验加载项自己的工作表：「${SETTINGS_SHEET_NAME}」（设置）、「校验报告」（校验报告）、「Check report」（校验报告）`);
});

it("checks a fund sheet of the user's that happens to be named 校验报告 (the name alone is no marker)", async () => {
  const file = await workbook(path.join(dir, "named-like-report.xlsx"), undefined, (wb) => {
    const users = wb.addWorksheet("校验报告");
    users.addRow(["基金名称", "预算数", "执行数"]);
    users.addRow(["失业保险", 100, 900]);
  });
  const r = await run(["--format", "json", file]);
  const json = JSON.parse(r.stdout);
  expect(json.sheets.map((s: { name: string }) => s.name)).toEqual(["基金支出", "校验报告"]);
  expect(json.findings).toContainEqual(expect.objectContaining({ rule: "completion-band", sheet: "校验报告", cell: "C2", severity: "error" }));
  expect(json.skipped).toBeUndefined();
  expect(r.code).toBe(2);
});

describe("stored settings that change what is checked are named by every output", () => {
  const everyRuleOff = { severity: Object.fromEntries(RULE_IDS.map((id) => [id, "off"])) };
  let file: string;
  beforeAll(async () => {
    file = await workbook(path.join(dir, "silenced.xlsx"), encodeSettings({ targets: everyRuleOff }));
  });

  it("json: no finding, and `settings` lists each rule turned off by the workbook", async () => {
    const r = await run(["--format", "json", file]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.findings).toEqual([]);
    expect(json.settings).toHaveLength(RULE_IDS.length);
    expect(json.settings[0]).toEqual({ kind: "rule-off", rule: RULE_IDS[0], origin: "workbook" });
  });

  it("text says so above the sheets, in the output's language", async () => {
    const zh = (await run([file])).stdout;
    expect(zh.split("\n")[1]).toMatch(/^  注意：本工作簿保存的设置改变了校验：关闭规则 unit-mismatch；关闭规则 merged-figure；/);
    const en = (await run(["--lang", "en", file])).stdout;
    expect(en.split("\n")[1]).toMatch(/^  Note: Settings stored in this workbook change the checks: rule unit-mismatch off; /);
  });

  it("html and csv say so too", async () => {
    expect((await run(["--format", "html", file])).stdout).toContain('<p class="note">本工作簿保存的设置改变了校验：关闭规则 unit-mismatch；');
    const rows = parseCsv((await run(["--format", "csv", file])).stdout.slice(1));
    const notes = rows.filter((row) => row[3] === "settings");
    expect(notes).toHaveLength(RULE_IDS.length);
    expect(notes[0]).toEqual([file, "", "", "settings", "", "", "", "", "本工作簿保存的设置改变了校验：关闭规则 unit-mismatch", "", "", "设置改变了核对"]);
  });

  it("loosened thresholds are named with the default and the stored value; tighter ones are not", async () => {
    const loose = await workbook(
      path.join(dir, "loose.xlsx"),
      encodeSettings({ targets: { completionBand: { okLow: 0.9, warningLow: 0.8 }, growthBand: { high: 0.2 }, funds: { 工伤保险: { completionBand: { okHigh: 3, warningHigh: 3 } } } } })
    );
    const json = JSON.parse((await run(["--format", "json", loose])).stdout);
    expect(json.settings).toEqual([
      { kind: "threshold-loosened", key: "completionBand.okLow", value: 0.9, default: 0.95, origin: "workbook" },
      { kind: "threshold-loosened", key: "completionBand.warningLow", value: 0.8, default: 0.9, origin: "workbook" },
      { kind: "threshold-loosened", key: "completionBand.okHigh", value: 3, default: 1.05, origin: "workbook", fund: "工伤保险" },
      { kind: "threshold-loosened", key: "completionBand.warningHigh", value: 3, default: 1.1, origin: "workbook", fund: "工伤保险" },
    ]);
    expect((await run([loose])).stdout).toContain("放宽 completionBand.okLow：95% → 90%；放宽 completionBand.warningLow：90% → 80%");
  });

  it("settings given with --targets are named as given for this run", async () => {
    const given = path.join(dir, "given.json");
    fs.writeFileSync(given, JSON.stringify({ severity: { "completion-band": "info" } }));
    const json = JSON.parse((await run(["--format", "json", "--targets", given, file])).stdout);
    expect(json.settings).toEqual([{ kind: "severity-lowered", rule: "completion-band", severity: "info", default: "error", origin: "given" }]);
    expect((await run(["--lang", "en", "--targets", given, file])).stdout).toContain(
      "Note: Settings given for this run change the checks: rule completion-band reported as info instead of error"
    );
  });

  it("a default check says nothing of the kind", async () => {
    const plain = await workbook(path.join(dir, "plain-notes.xlsx"));
    const json = JSON.parse((await run(["--format", "json", plain])).stdout);
    expect(json.settings).toBeUndefined();
    expect((await run([plain])).stdout).not.toMatch(/注意/);
  });
});
