import ExcelJS from "exceljs";
import { openWorkbook, reportCsv, reportHtml } from "../../src/taskpane/standalone";
import { encodeSettings, SETTINGS_SHEET_NAME } from "../../src/settings/workbookSettings";
import { runPass } from "../../src/taskpane/runCheck";
import { parseTargets } from "../../src/core/targets";

async function workbookBytes(withSettings: boolean, extra?: (wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("2019");
  ws.addRow(["单位：万元"]);
  ws.addRow(["基金名称", "预算数", "执行数", "完成率"]);
  ws.addRow(["工伤保险", 398, 806, "131%"]);
  ws.addRow(["=cmd|' /C calc'!A0 <script>", 100, 200, "100%"]);
  if (withSettings) {
    const settings = wb.addWorksheet(SETTINGS_SHEET_NAME, { state: "veryHidden" });
    for (const row of encodeSettings({ targets: { completionBand: { okHigh: 2.5, warningHigh: 3 } }, mapping: { "2019": { D: "ignore" } } })) settings.addRow(row);
  }
  extra?.(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

test("an .xlsx opened in the page is checked with the targets and mapping stored in its settings sheet", async () => {
  const { host, grid } = await openWorkbook(await workbookBytes(true), "county.xlsx");
  expect(grid.sheets.map((s) => s.name)).toEqual(["2019"]); // the settings sheet is not checked
  const settings = await host.loadSettings();
  expect(settings.mapping).toEqual({ "2019": { D: "ignore" } });
  const parsed = parseTargets(settings.targets);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  const result = await runPass(host, { scope: "all", targets: parsed.targets, mapping: settings.mapping as never, origin: { targets: "workbook", mapping: "workbook" } });
  expect(result.findings.filter((f) => f.subject === "工伤保险")).toEqual([]); // 202.5% is inside the stored band; column D ignored
  expect(result.skipped).toEqual([{ name: SETTINGS_SHEET_NAME, as: "settings" }]);
  // The downloads say what the stored settings changed.
  expect(reportHtml(result, "county.xlsx", "en")).toContain("Settings stored in this workbook change the checks: completionBand.okHigh loosened: 105% → 250%");
  expect(reportCsv(result, "county.xlsx", "en")).toContain('county.xlsx,2019,,settings,,,,,"Settings stored in this workbook change the checks: columns of sheet ""2019"" set by hand"');
});

test("a sheet of the user's named 校验报告 is shown and checked in the page", async () => {
  const bytes = await workbookBytes(false, (wb) => {
    const users = wb.addWorksheet("校验报告");
    users.addRow(["基金名称", "预算数", "执行数"]);
    users.addRow(["失业保险", 100, 900]);
  });
  const { host, grid } = await openWorkbook(bytes, "county.xlsx");
  expect(grid.sheets.map((s) => s.name)).toEqual(["2019", "校验报告"]);
  const result = await runPass(host, { scope: "all" });
  expect(result.findings.some((f) => f.at.kind === "cell" && f.at.sheet === "校验报告" && f.rule === "completion-band")).toBe(true);
});

test("without stored settings the defaults apply, and the downloads escape cell text", async () => {
  const { host } = await openWorkbook(await workbookBytes(false), "county.xlsx");
  expect(await host.loadSettings()).toEqual({ problems: [] });
  const result = await runPass(host, { scope: "all" });
  expect(result.findings.some((f) => f.subject === "工伤保险" && f.observed === "131%" && f.expected === "202.5%")).toBe(true);
  expect(result.findings.some((f) => f.subject.startsWith("=cmd"))).toBe(true);
  const html = reportHtml(result, "county.xlsx", "en");
  expect(html).not.toContain("<script>");
  const csv = reportCsv(result, "county.xlsx", "zh");
  expect(csv).toContain("工伤保险");
  expect(csv).toContain("'=cmd");
  expect(csv.split("\r\n").some((line) => /(^|,)"?=/.test(line))).toBe(false);
});
