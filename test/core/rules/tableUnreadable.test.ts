/** table-unreadable: figures on a sheet where no table can be read are said to be unchecked, never "no problems". */
import { findingJson } from "../../../src/core/findings";
import { addressOf } from "../../../src/core/location";
import { checkSheet } from "../../../src/core/check";
import { checkGrid, grid, targets } from "./helpers";

const FUNDS = ["企业职工基本养老保险", "城乡居民基本养老保险", "工伤保险"];

describe("table-unreadable", () => {
  test("figures with no header (a continuation page): one info naming the area, nothing checked", () => {
    const sheet = grid([["续表"], [], ...FUNDS.map((f, i) => [f, 4620 + i, 4551 + i, { value: 0.985, numFmt: "0.0%" }])]);
    const findings = checkGrid(sheet);
    expect(findings.map((f) => [f.rule, f.severity, addressOf(f.at), f.observed])).toEqual([["table-unreadable", "info", "B3", "B3:D5"]]);
    expect(findings[0].message.zh).toBe("无法识别此表：B3:D5中有数字，但没有表头说明各列含义，未做核对（可在“列映射”中指定各列含义）");
    expect(checkSheet(sheet).report.kind).toBe("notes");
  });

  test("an ambiguous header (金额 | 金额 | 比例): the info quotes it", () => {
    const sheet = grid([["单位：万元"], ["基金名称", "金额", "金额", "比例"], ...FUNDS.map((f, i) => [f, 4620 + i, 4551 + i, { value: 0.985, numFmt: "0.0%" }])]);
    const [f] = checkGrid(sheet);
    expect(findingJson(f)).toMatchObject({ rule: "table-unreadable", cell: "A2", observed: "基金名称 | 金额 | 金额 | 比例" });
    expect(f.message.en).toBe('Could not read this table: its header "基金名称 | 金额 | 金额 | 比例" does not say which column is the budget, the actual or a rate; the figures in B3:D5 were not checked (name the columns\' roles in the mapping)');
  });

  test("notes with a year or two numbers are notes, not an unreadable table; the rule can be turned off", () => {
    expect(checkGrid(grid([["2019年工作总结"], ["全年支出4568万元，完成预算的97%。"], [2019], [12, 30]]))).toEqual([]);
    const sheet = grid([["续表"], ...FUNDS.map((f, i) => [f, 4620 + i, 4551 + i])]);
    expect(checkGrid(sheet, targets({ severity: { "table-unreadable": "off" } }))).toEqual([]);
  });

  test("funds as columns, items as rows: read as a fund table (not unreadable), findings at the sheet's own cells", () => {
    const sheet = grid([
      ["项目", ...FUNDS],
      ["预算数", 4620, 1385, 520],
      ["执行数", 4551, 1362, 509],
      ["完成率", { value: 0.985, numFmt: "0.0%" }, { value: 0.983, numFmt: "0.0%" }, { value: 0.979, numFmt: "0.0%" }],
      ["上年执行数", 4236, 1163, 441],
      ["比上年增减", 315, 919, 68],
    ]);
    const r = checkSheet(sheet);
    expect(r.report.kind).toBe("fund");
    expect(r.report.tables[0]).toMatchObject({ orientation: "columns", headerRows: [1], items: { "1": "subject", "2": "budget", "3": "actual", "4": "statedCompletion", "5": "prior", "6": "statedChange" } });
    expect(r.findings.map((f) => [f.rule, addressOf(f.at), f.subject, f.observed, f.expected])).toEqual([["stated-change-mismatch", "C6", "城乡居民基本养老保险", "919", "199"]]);
  });
});
