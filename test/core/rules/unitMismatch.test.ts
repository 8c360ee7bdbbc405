/** unit-mismatch: 元 and 万元 mixed in one table (warning). */
import { checkGrid, grid, only, row, run } from "./helpers";
import { DEFAULT_TARGETS } from "../../../src/core/targets";
import { findingJson } from "../../../src/core/findings";

describe("unit-mismatch", () => {
  test("元 and 万元 in one table: observed the odd unit where it stands, expected the table's first", () => {
    const findings = run([row("A", { actual: "1" })], DEFAULT_TARGETS, { unit: "万元", unitsSeen: [{ unit: "万元", ref: "L1" }, { unit: "元", ref: "L9" }] });
    const [f] = only(findings, "unit-mismatch");
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: "L9", related: ["L1"], observed: "元", expected: "万元" });
    expect(f.message.zh).toBe("同一张表中单位不一致：L1为万元，L9为元，请统一金额单位");
  });

  test("on a sheet: a unit line in 万元 and a figure typed as 4568元", () => {
    const sheet = grid([["单位：万元"], ["险种", "预算数", "执行数"], ["企业职工", 4398, "4568元"]]);
    const [f] = only(checkGrid(sheet), "unit-mismatch");
    expect(findingJson(f)).toMatchObject({ cell: "C3", related: ["A1"], observed: "元", expected: "万元", subject: "企业职工" });
  });

  test("one unit throughout: silent", () => {
    expect(only(run([row("A", { actual: "1" })], DEFAULT_TARGETS, { unit: "万元" }), "unit-mismatch")).toEqual([]);
  });
});
