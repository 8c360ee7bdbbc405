/** missing-value: a figure a check needs is blank — reported, never read as 0 (info). */
import { checkGrid, grid, only, row, run } from "./helpers";
import { addressOf } from "../../../src/core/location";
import { findingJson } from "../../../src/core/findings";

describe("missing-value", () => {
  test("a blank budget beside a stated rate: observed blank, expected the budget, at the blank cell", () => {
    const r = row("失业保险", { budget: "", actual: "619", statedCompletion: "98%" });
    const findings = run([r]);
    expect(findings.map((f) => f.rule)).toEqual(["missing-value"]);
    expect(findingJson(findings[0])).toMatchObject({ severity: "info", cell: r.subjectRef, observed: "blank", observedText: { zh: "空白", en: "blank" }, expected: "budget", expectedText: { zh: "预算数", en: "budget" } });
    expect(findings[0].message.zh).toBe("失业保险：预算数为空，无法核对填报的完成率（空白不按0计算）");
    expect(findings[0].message.en).toBe("失业保险: the budget is blank, so the stated completion rate cannot be checked (a blank is not read as 0)");
  });

  test.each(["—", "-", "/", "n/a", "N/A", "无", "－"])("a placeholder (%s) is quoted as what the cell holds, not called blank, and never read as 0", (placeholder) => {
    const findings = run([row("失业保险", { budget: placeholder, actual: "619", statedCompletion: "98%" })]);
    expect(findings.map((f) => f.rule)).toEqual(["missing-value"]);
    expect(findings[0]).toMatchObject({ observed: placeholder, expected: "budget" });
    expect(findings[0].observedText).toBeUndefined();
    expect(findings[0].message.zh).toBe(`失业保险：预算数填的是“${placeholder}”，不是数字，无法核对填报的完成率（不按0计算）`);
    expect(findings[0].message.en).toBe(`失业保险: the budget holds "${placeholder}", not a figure, so the stated completion rate cannot be checked (it is not read as 0)`);
  });

  test("the same on a sheet: B3 holding n/a is quoted as n/a", () => {
    const sheet = grid([["险种", "预算数", "执行数", "完成率"], ["企业职工基本养老保险", 4398, 4568, { value: 1.04, numFmt: "0%" }], ["失业保险", "n/a", 619, { value: 0.98, numFmt: "0%" }]]);
    const f = checkGrid(sheet).find((x) => x.rule === "missing-value")!;
    expect(findingJson(f)).toMatchObject({ cell: "B3", observed: "n/a", expected: "budget" });
  });

  test("one finding per blank cell, whichever check needed it", () => {
    const rows = [row("A", { budget: "5", actual: "4" }), row("B", { budget: "5", actual: "" }), row("合计", { budget: "10", actual: "4" }, "total")];
    expect(only(run(rows), "missing-value").map((f) => addressOf(f.at))).toEqual([rows[1].subjectRef]);
  });

  test("a table without a column is not missing it; a row with only a label is a heading", () => {
    expect(run([row("A", { actual: "4" })])).toEqual([]);
  });

  test("a component's blank budget under a 其中 list is not needed (components have no completion rate)", () => {
    const rows = [row("A", { budget: "10", actual: "10" }), row("x", { budget: "", actual: "9.5" }, "component", 0)];
    expect(only(run(rows), "missing-value")).toEqual([]);
  });
});
