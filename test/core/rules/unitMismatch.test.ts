/** unit-mismatch: 元 and 万元 mixed in one table (warning). */
import { addressOf } from "../../../src/core/location";
import { checkGrid, grid, only, row, run } from "./helpers";
import { DEFAULT_TARGETS } from "../../../src/core/targets";
import { findingJson } from "../../../src/core/findings";

describe("unit-mismatch", () => {
  test("元 and 万元 in one table: observed the odd unit where it stands, expected the table's first", () => {
    const findings = run([row("A", { actual: "1" })], DEFAULT_TARGETS, { unit: "万元", unitsSeen: [{ unit: "万元", ref: "L1" }, { unit: "元", ref: "L9" }] });
    const [f] = only(findings, "unit-mismatch");
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: "L9", related: ["L1"], observed: "元", expected: "万元" });
    expect(f.message.zh).toBe("同一张表中单位不一致：L1为万元，L9为元，请统一金额单位（已换算为万元后核对）");
  });

  test("on a sheet: a unit line in 万元 and a figure typed as 4568元", () => {
    const sheet = grid([["单位：万元"], ["险种", "预算数", "执行数"], ["企业职工", 4398, "4568元"]]);
    const [f] = only(checkGrid(sheet), "unit-mismatch");
    expect(findingJson(f)).toMatchObject({ cell: "C3", related: ["A1"], observed: "元", expected: "万元", subject: "企业职工" });
  });

  test("figures are converted to the table's unit before any rule runs: 执行数（元） in a 万元 table gives 98.4%, never 983,523%", () => {
    const sheet = grid([["单位：万元"], ["基金名称", "预算数", "执行数（元）", "完成率"], ["城乡居民", 1385, 13621800, { value: 0.948, numFmt: "0.0%" }], ["工伤", 520, 5090400, { value: 0.979, numFmt: "0.0%" }]]);
    const findings = checkGrid(sheet);
    expect(findings.map((f) => [f.rule, addressOf(f.at), f.observed, f.expected])).toEqual([
      ["unit-mismatch", "C2", "元", "万元"],
      ["stated-rate-mismatch", "D3", "94.8%", "98.35%"],
    ]);
  });

  test("one unit throughout: silent", () => {
    expect(only(run([row("A", { actual: "1" })], DEFAULT_TARGETS, { unit: "万元" }), "unit-mismatch")).toEqual([]);
  });
});
