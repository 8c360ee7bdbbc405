/** Table detection on literal grids: where the header is, what each column holds, the unit, and where tables end. */
import { DetectedTable, detectTables } from "../../../src/core/detect/tables";
import { grid } from "../rules/helpers";

/** A table as a reviewer reads it: 1-based header rows, data rows, and column letter → role. */
function brief(t: DetectedTable) {
  return {
    kind: t.kind,
    header: [t.headerTop + 1, t.headerBottom + 1],
    rows: [t.firstRow + 1, t.lastRow + 1],
    columns: Object.fromEntries(t.columns.map((c) => [String.fromCharCode(65 + c.col), c.role])),
  };
}

describe("detectTables", () => {
  test("finds the header row under a merged title and a unit line, and reads the unit where it stands", () => {
    const sheet = grid(
      [["2019年社会保险基金支出情况表"], ["单位：万元"], ["险种", "预算数", "执行数", "完成率"], ["企业职工基本养老保险", 4398, 4568, 0.97], ["工伤保险", 398, 806, 1.31]],
      ["A1:D1"]
    );
    const r = detectTables(sheet);
    expect(r.kind).toBe("fund");
    expect(r.tables.map(brief)).toEqual([{ kind: "fund", header: [3, 3], rows: [4, 5], columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" } }]);
    expect(r.tables[0]).toMatchObject({ unit: "万元", unitAt: { row: 1, col: 0 } });
  });

  test("joins a two-row header: 2019年 merged over 预算数 | 执行数, names merged down; a (%) header marks percent points", () => {
    const sheet = grid([["基金名称", "2019年", null, "完成率(%)"], [null, "预算数", "执行数", null], ["企业职工", 4398, 4568, 97]], ["B1:C1", "A1:A2", "D1:D2"]);
    const [t] = detectTables(sheet).tables;
    expect(brief(t)).toEqual({ kind: "fund", header: [1, 2], rows: [3, 3], columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" } });
    expect(t.columns.map((c) => c.label)).toEqual(["基金名称", "2019年 / 预算数", "2019年 / 执行数", "完成率(%)"]);
    expect(t.columns.find((c) => c.role === "statedCompletion")!.percentHeader).toBe(true);
  });

  test("a unit in a header (执行数（万元）) is the column's", () => {
    const [t] = detectTables(grid([["险种", "预算数（万元）", "执行数（万元）"], ["工伤保险", 398, 806]])).tables;
    expect(t.columns.filter((c) => c.unit).map((c) => [c.role, c.unit])).toEqual([
      ["budget", "万元"],
      ["actual", "万元"],
    ]);
  });

  test("several tables: split at a blank row before a new header; a note below a table is not a row of it", () => {
    const sheet = grid([["险种", "预算数", "执行数"], ["企业职工", 4398, 4568], [], ["项目", "收入", "支出"], ["合计", 25004, 34928], [], ["注：本表数据来源于财务报表。"]]);
    expect(detectTables(sheet).tables.map(brief)).toEqual([
      { kind: "fund", header: [1, 1], rows: [2, 2], columns: { A: "subject", B: "budget", C: "actual" } },
      { kind: "fund", header: [4, 4], rows: [5, 5], columns: { A: "subject", B: "income", C: "actual" } },
    ]);
  });

  test("an indicator table (绩效自评表) is detected as one, with its indicator roles", () => {
    const sheet = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "参保人数", "≥1618人", "1618人", 10, 10, null],
    ]);
    const r = detectTables(sheet);
    expect(r.kind).toBe("indicator");
    expect(r.tables.map(brief)).toEqual([
      { kind: "indicator", header: [1, 1], rows: [2, 2], columns: { A: "level1", B: "level2", C: "indicator", D: "target", E: "indicatorActual", F: "weight", G: "score", H: "reason" } },
    ]);
  });

  test("a sheet of prose is notes; a sheet with nothing is empty", () => {
    expect(detectTables(grid([["说明"], ["本报告依据《社会保险基金预算管理办法》编制。"]]))).toEqual({ kind: "notes", tables: [] });
    expect(detectTables(grid([]))).toEqual({ kind: "empty", tables: [] });
  });

  test("a mapping overrides what a column holds, or drops it", () => {
    const sheet = grid([["险种", "预算数", "执行数", "备注"], ["工伤保险", 398, 806, 1.31]]);
    const [t] = detectTables(sheet, { 2: "ignore", 3: "statedCompletion" }).tables;
    expect(brief(t).columns).toEqual({ A: "subject", B: "budget", D: "statedCompletion" });
  });
});
