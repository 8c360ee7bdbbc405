/** Chart data is made once, from the result: what each fund table has to draw, and the report sheet's one list. */
import { chartData, chartRows } from "../../src/core/chart";
import { checkWorkbook } from "../../src/core/check";
import type { GridSheet } from "../../src/core/grid";

const sheet = (name: string, rows: unknown[][]): GridSheet => ({
  name,
  merges: [],
  cells: rows.map((r) => r.map((value) => (value === null ? undefined : ({ value } as never)))),
});

test("each fund row's budget and actual, 其中 rows left out, a blank never 0", () => {
  const result = checkWorkbook({
    name: "w",
    sheets: [
      sheet("2019", [
        ["基金名称", "预算数", "执行数"],
        ["企业职工基本养老保险", 4398, 4568],
        ["其中：基本养老金", null, 4277],
        ["失业保险", null, 619],
      ]),
    ],
  });
  expect(result.sheets[0].tables[0].funds).toEqual([
    { subject: "企业职工基本养老保险", budget: 4398, actual: 4568 },
    { subject: "失业保险", actual: 619 },
  ]);
  expect(chartData(result)).toEqual([{ sheet: "2019", table: 0, funds: result.sheets[0].tables[0].funds }]);
  expect(chartRows(result)).toEqual([
    { subject: "企业职工基本养老保险", budget: 4398, actual: 4568 },
    { subject: "失业保险", budget: null, actual: 619 },
  ]);
});

test("funds from several sheets are named with their sheet on the report sheet's list", () => {
  const fund = (name: string) => sheet(name, [["基金名称", "预算数", "执行数"], ["工伤保险", 398, 806]]);
  const rows = chartRows(checkWorkbook({ name: "w", sheets: [fund("2018"), fund("2019")] }));
  expect(rows.map((r) => r.subject)).toEqual(["2018 · 工伤保险", "2019 · 工伤保险"]);
});
