/** A validation pass in the pane: every sheet checked, findings kept, however many a sheet gives. */
import type { GridCell, GridSheet } from "../../src/core/grid";
import { runPass } from "../../src/taskpane/runCheck";
import type { WorkbookHost } from "../../src/taskpane/host";
import { CancelledError, checkWorkbook } from "../../src/core/check";
import { reportMarkerText } from "../../src/core/addinSheets";
import { placeOf } from "../../src/core/location";
import { encodeSettings, SETTINGS_SHEET_NAME } from "../../src/settings/workbookSettings";

function hostOf(sheets: GridSheet[]): WorkbookHost {
  return {
    name: "test.xlsx",
    listSheets: async () => ({ names: sheets.map((s) => s.name), active: sheets[0].name }),
    readSheet: async (name) => sheets.find((s) => s.name === name)!,
    loadSettings: async () => ({ settings: {}, problems: [] }) as never,
  };
}

test("a sheet with more findings than a call takes arguments (150,000 blanks) is checked, not a stack overflow", async () => {
  const cells: (GridCell | undefined)[][] = [["基金名称", "预算数", "执行数"].map((value) => ({ value }))];
  // Every fund has its budget but a blank actual: one missing-value finding per row.
  for (let i = 0; i < 150_000; i++) cells.push([{ value: `第${i}号统筹区` }, { value: 100 + i }, undefined]);
  const result = await runPass(hostOf([{ name: "基金", cells, merges: [] }]), { scope: "all" });
  expect(result.findings).toHaveLength(150_000);
  expect(result.findings.every((f) => f.rule === "missing-value")).toBe(true);
  expect(result.summary.info).toBe(150_000);
});

describe("the pane's pass is the core's loop over sheets", () => {
  const fund = (name: string): GridSheet => ({
    name,
    merges: [],
    cells: [["基金名称", "预算数", "执行数"].map((value) => ({ value })), [{ value: "工伤保险" }, { value: 398 }, { value: 806 }]],
  });
  const settings: GridSheet = { name: SETTINGS_SHEET_NAME, merges: [], cells: encodeSettings({}).map((row) => row.map((value) => ({ value }))) };
  const ownReport: GridSheet = { name: "校验报告", merges: [], cells: [[{ value: "基金校验报告" }], [{ value: reportMarkerText("zh") }], [{ value: "级别" }]] };

  test("gives what checkWorkbook gives for the same sheets: sheets, findings in the one order, skipped sheets", async () => {
    const sheets = [fund("收入"), settings, fund("校验报告 (2)"), ownReport];
    const pass = await runPass(hostOf(sheets), { scope: "all" });
    expect(pass).toEqual(checkWorkbook({ name: "w", sheets }));
    expect(pass.sheets.map((s) => s.name)).toEqual(["收入", "校验报告 (2)"]);
    expect(pass.skipped).toEqual([
      { name: SETTINGS_SHEET_NAME, as: "settings" },
      { name: "校验报告", as: "report" },
    ]);
  });

  test("a user's sheet named 校验报告 is checked", async () => {
    const pass = await runPass(hostOf([fund("校验报告")]), { scope: "all" });
    expect(pass.findings.map((f) => [placeOf(f.at), f.rule])).toContainEqual(["校验报告", "completion-band"]);
  });

  test("progress before each sheet and at the end; a cancel between sheets stops the pass", async () => {
    const seen: string[] = [];
    await runPass(hostOf([fund("A"), fund("B")]), { scope: "all", onProgress: (p) => seen.push(`${p.done}/${p.total}${p.sheet}`) });
    expect(seen).toEqual(["0/2A", "1/2B", "2/2"]);
    const signal = { cancelled: false };
    const read: string[] = [];
    const host = { ...hostOf([fund("A"), fund("B")]), readSheet: async (name: string) => (read.push(name), (signal.cancelled = true), fund(name)) };
    await expect(runPass(host, { scope: "all", signal })).rejects.toThrow(CancelledError);
    expect(read).toEqual(["A"]);
  });
});
