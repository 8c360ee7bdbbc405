/** merged-figure: one value merged across several figure cells belongs to no one cell (warning). */
import { checkGrid, grid } from "./helpers";
import { addressOf } from "../../../src/core/location";
import { findingJson } from "../../../src/core/findings";

const HEADER = ["险种", "预算数", "执行数", "完成率"];

describe("merged-figure", () => {
  test("2300 merged across 预算数 and 执行数: ambiguous, at the master cell with the covered cell related — never blank, never 2300 twice", () => {
    const sheet = grid([HEADER, ["企业职工基本养老保险", 4398, 4568, { value: 1.04, numFmt: "0%" }], ["工伤保险", 2300, null, { value: 1, numFmt: "0%" }]], ["B3:C3"]);
    const findings = checkGrid(sheet);
    expect(findings.map((f) => `${f.rule} ${addressOf(f.at)}`)).toEqual(["merged-figure B3"]);
    const [f] = findings;
    expect(f).toMatchObject({ severity: "warning", subject: "工伤保险", related: ["C3"], observed: "2300", expected: "one figure per cell", expectedText: { zh: "每格一个数字", en: "one figure per cell" } });
    expect(f.message.zh).toBe("工伤保险：B3的“2300”合并跨越了预算数、支出数2列（B3、C3），无法判断它属于哪一格，相关检查未进行；请取消合并并分别填写");
    // No completion rate of 100% from 2300 ÷ 2300, no missing-value for C3.
    expect(findings.some((x) => x.rule === "completion-band" || x.rule === "missing-value" || x.rule === "stated-rate-mismatch")).toBe(false);
  });

  test("a figure merged down two funds' rows", () => {
    const sheet = grid([["险种", "预算数", "执行数"], ["工伤保险", 398, 380], ["生育保险", null, 20], ["失业保险", 800, 790]], ["B2:B3"]);
    const [f] = checkGrid(sheet);
    expect(findingJson(f)).toMatchObject({ rule: "merged-figure", cell: "B2", related: ["B3"], observed: "398" });
    expect(f.message.zh).toContain("合并跨越了2行的预算数");
  });

  test("a title or a label merged across the table is not a figure; an empty merged area is blank as it looks", () => {
    const sheet = grid([["2019年社会保险基金支出", null, null], ["险种", "预算数", "执行数"], ["工伤保险", 398, 390], ["一、其他", null, null], ["失业保险", 800, 790]], ["A1:C1", "A4:C4"]);
    expect(checkGrid(sheet)).toEqual([]);
    const blank = grid([["险种", "预算数", "执行数", "完成率"], ["工伤保险", null, null, { value: 0.98, numFmt: "0%" }]], ["B2:C2"]);
    expect(checkGrid(blank).map((f) => `${f.rule} ${addressOf(f.at)}`)).toEqual(["missing-value B2", "missing-value C2"]);
  });

  test("a merged header (2019年 over 预算数 | 执行数) is not a figure", () => {
    const sheet = grid([["险种", "2019年", null], [null, "预算数", "执行数"], ["工伤保险", 398, 390]], ["B1:C1", "A1:A2"]);
    expect(checkGrid(sheet)).toEqual([]);
  });
});
