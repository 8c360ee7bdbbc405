/** The add-in's own sheets are recognised by what they hold, never by their name alone. */
import { addinSheetKind, REPORT_MARKER, reportMarkerText, SETTINGS_SHEET_NAME } from "../../src/core/addinSheets";
import type { GridSheet } from "../../src/core/grid";
import { encodeSettings } from "../../src/settings/workbookSettings";

const sheetOf = (name: string, rows: unknown[][]): GridSheet => ({
  name,
  cells: rows.map((r) => r.map((value) => (value === null ? undefined : ({ value } as never)))),
  merges: [],
});

test("the settings sheet by its marker in A1", () => {
  expect(addinSheetKind(sheetOf(SETTINGS_SHEET_NAME, encodeSettings({})))).toBe("settings");
});

test("the report sheet by its marker in A2, whatever its name (a second report may be named 校验报告 (2))", () => {
  for (const lang of ["zh", "en"] as const) {
    expect(reportMarkerText(lang).startsWith(REPORT_MARKER)).toBe(true);
    expect(addinSheetKind(sheetOf("校验报告 (2)", [["基金校验报告"], [reportMarkerText(lang)], ["级别", "规则"]]))).toBe("report");
  }
});

test("a report sheet written before the marker existed: its name with its title and header row", () => {
  expect(addinSheetKind(sheetOf("校验报告", [["基金校验报告"], [null], ["级别", "规则", "工作表", "单元格", "项目"]]))).toBe("report");
  expect(addinSheetKind(sheetOf("Check report", [["Fund check report"], [null], ["Severity", "Rule", "Sheet", "Cell"]]))).toBe("report");
  // The same layout under another name is not taken for the add-in's.
  expect(addinSheetKind(sheetOf("报告", [["基金校验报告"], [null], ["级别", "规则", "工作表", "单元格"]]))).toBeUndefined();
});

test("a user's fund sheet named like the add-in's sheets is the user's", () => {
  const fund = [["基金名称", "预算数", "执行数"], ["工伤保险", 100, 900]];
  expect(addinSheetKind(sheetOf("校验报告", fund))).toBeUndefined();
  expect(addinSheetKind(sheetOf("Check report", fund))).toBeUndefined();
  expect(addinSheetKind(sheetOf(SETTINGS_SHEET_NAME, fund))).toBeUndefined();
  expect(addinSheetKind(sheetOf("empty", []))).toBeUndefined();
});
