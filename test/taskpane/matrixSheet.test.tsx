/**
 * @jest-environment jsdom
 *
 * The task pane's matrix of a workbook with one sheet per county: the matrix (same core as --matrix), its sheet
 * layout as data (title, the report marker that makes later checks skip it, a value and the counts per fund, the
 * cross-file findings), and the button that writes it through the host's insertSheet.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { addinSheetKind } from "../../src/core/addinSheets";
import type { GridSheet } from "../../src/core/grid";
import { App } from "../../src/taskpane/App";
import type { WorkbookHost } from "../../src/taskpane/host";
import { matrixSheetLayout, sheetsMatrix } from "../../src/taskpane/matrixSheet";
import { consolidation, county } from "../core/matrix/fixtures";

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

const named = (name: string, s: GridSheet): GridSheet => ({ ...s, name });
const SHEETS = [
  named("甲县", county("甲县", [["企业职工基本养老保险", 1000, 980], ["工伤保险", 200, 260]])),
  named("乙县", county("乙县", [["企业职工基本养老保险", 500, 495]])),
  named("汇总", consolidation(["企业职工基本养老保险", "工伤保险"], [["甲县", [1000, 980, 200, 206]], ["乙县", [500, 495, null, null]]])),
];

test("one sheet per county: the matrix, and its sheet as data", () => {
  const m = sheetsMatrix(SHEETS);
  expect(m.counties.map((c) => c.name)).toEqual(["甲县", "乙县"]);
  expect(m.consistency.map((f) => [f.subject, f.observed, f.expected])).toEqual([["甲县 工伤保险 执行数", "206", "260"]]);
  const { rows, formats } = matrixSheetLayout(m, "zh");
  expect(rows[0]).toEqual([{ value: "各县基金核对矩阵（预算完成率）" }]);
  expect(rows[2].map((c) => (c && "value" in c ? c.value : null))).toEqual(["县（市、区）", "企业职工基本养老保险", "", "工伤保险", "", "其他问题", "最差基金"]);
  expect(rows[3]).toEqual([{ value: "甲县" }, { value: 0.98 }, { value: "" }, { value: 1.3 }, { value: "E1" }, { value: "" }, { value: "工伤保险" }]);
  expect(formats[3]).toEqual(["@", "0.0%", "@", "0.0%", "@"]);
  expect(rows[4][3]).toEqual({ value: "缺少" }); // 乙县 has no 工伤保险 row
  const texts = rows.map((r) => (r[0] && "value" in r[0] ? String(r[0].value) : ""));
  expect(texts.find((x) => x.startsWith("汇总表"))).toBe("汇总表 汇总!E5 甲县 工伤保险 执行数 206；甲县!C5 为 260");
  // The sheet carries the add-in's marker: a later check leaves it out.
  const written: GridSheet = { name: "县基金矩阵", merges: [], cells: rows.map((r) => r.map((c) => (c && "value" in c ? { value: c.value } : undefined))) };
  expect(addinSheetKind(written)).toBe("report");
});

test("the pane's button reads every sheet and inserts the matrix sheet", async () => {
  const insertSheet = jest.fn(async (name: string) => ({ sheet: name, grouped: true }));
  const host: WorkbookHost = {
    name: "Book1",
    listSheets: async () => ({ names: SHEETS.map((s) => s.name), active: "甲县" }),
    readSheet: async (name) => SHEETS.find((s) => s.name === name)!,
    loadSettings: async () => ({ problems: [] }),
    insertSheet,
  };
  render(<App host={host} standalone={false} initialLang="zh" />);
  fireEvent.click(await screen.findByTestId("sheet-matrix"));
  await waitFor(() => expect(insertSheet).toHaveBeenCalledTimes(1));
  const [name, rows] = insertSheet.mock.calls[0] as unknown as [string, { value?: unknown }[][]];
  expect(name).toBe("县基金矩阵");
  expect(rows[3][0]).toEqual({ value: "甲县" });
  expect(await screen.findByText("矩阵已写入工作表“县基金矩阵”（2 个县）。")).toBeTruthy();
});
