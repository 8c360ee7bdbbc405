/** The report sheet's layout as data (which cells hold what), without Excel: excel.ts's writer only hands it on. */
import { reportSheetLayout, ReportSheetLabels } from "../../src/taskpane/excel";
import type { CheckResult } from "../../src/core/api";
import type { Finding } from "../../src/core/findings";
import { cellAt } from "../../src/core/location";
import { CHART_LIMIT } from "../../src/core/chart";

const labels: ReportSheetLabels = {
  sheetName: "Check report",
  title: "Fund check report",
  headers: ["Severity", "Rule", "Sheet", "Cell", "Subject", "Observed", "Expected", "Message"],
  fundHeaders: ["Fund", "Budget", "Actual"],
  chartTitle: "Budget vs actual",
  notes: ["Settings stored in this workbook change the checks: rule completion-band off"],
  lang: "en",
};

function finding(severity: Finding["severity"], sheet: string, cell: string, subject: string): Finding {
  return { rule: "completion-band", severity, at: cellAt(sheet, cell), related: [], subject, observed: "1", expected: "2", message: { zh: "中", en: `msg ${subject}` } };
}

function resultOf(findings: Finding[], funds: { subject: string; budget?: number; actual?: number }[] = []): CheckResult {
  return {
    sheets: [{ name: "2019", kind: "fund", headerRow: 1, columns: {}, tables: [{ kind: "fund", headerRow: 1, firstRow: 2, lastRow: 9, columns: {}, funds }] }],
    summary: { error: 0, warning: 0, info: 0 },
    findings,
  };
}

test("title, marker and notes in column A, then the header; findings by severity, each with a link to its cell", () => {
  const layout = reportSheetLayout(resultOf([finding("warning", "2019", "C5", "失业保险"), finding("error", "It's", "D11", "=1+1")]), labels);
  expect(layout.top[0]).toBe("Fund check report");
  expect(layout.top[2]).toBe(labels.notes[0]);
  expect(layout.headerRow).toBe(4);
  expect(layout.lastColumn).toBe("H");
  expect(layout.rows.map((r) => r[0])).toEqual(["error", "warning"]);
  expect(layout.rows[0][4]).toBe("=1+1"); // written as text under "@" by the writer
  expect(layout.links[0]).toBe(`=HYPERLINK("#'It''s'!D11","It's!D11")`);
  expect(layout.funds).toBeUndefined();
});

test("the funds' budget and actual beside the findings; the chart's source stops at its limit", () => {
  const funds = Array.from({ length: CHART_LIMIT + 5 }, (_, i) => ({ subject: `基金${i}`, budget: 100 + i, actual: 90 + i }));
  const layout = reportSheetLayout(resultOf([], funds), labels);
  expect(layout.funds!.top).toBe(layout.headerRow);
  expect(layout.funds!.rows[0]).toEqual(["Fund", "Budget", "Actual"]);
  expect(layout.funds!.rows).toHaveLength(funds.length + 1);
  expect(layout.funds!.chartRows).toBe(CHART_LIMIT + 1);
});
