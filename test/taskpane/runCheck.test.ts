/** A validation pass in the pane: every sheet checked, findings kept, however many a sheet gives. */
import type { GridCell, GridSheet } from "../../src/core/grid";
import { runPass } from "../../src/taskpane/runCheck";
import type { WorkbookHost } from "../../src/taskpane/host";

function hostOf(sheets: GridSheet[]): WorkbookHost {
  return {
    kind: "browser",
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
