/** unbudgeted-spending: spending against a budget of 0 (error). */
import { only, row, run } from "./helpers";
import { findingJson } from "../../../src/core/findings";

describe("unbudgeted-spending", () => {
  test("619 spent against a budget of 0: error at the spending, observed 619, expected 0; no completion rate", () => {
    const r = row("失业保险", { budget: "0", actual: "619" });
    const findings = run([r]);
    expect(findings.map((f) => f.rule)).toEqual(["unbudgeted-spending"]);
    expect(findingJson(findings[0])).toMatchObject({ severity: "error", cell: r.subjectRef, related: [r.subjectRef], observed: "619", expected: "0" });
    expect(findings[0].message.zh).toBe("失业保险：预算为0，但支出619，属于无预算支出");
    expect(findings[0].message.en).toBe("失业保险: 619 spent against a budget of 0 (spending without a budget)");
  });

  test("a zero budget with no spending is silent", () => {
    expect(run([row("失业保险", { budget: "0", actual: "0" })])).toEqual([]);
  });

  test("a blank budget is not 0: missing-value, not unbudgeted spending", () => {
    expect(only(run([row("失业保险", { budget: "", actual: "619" })]), "unbudgeted-spending")).toEqual([]);
  });
});
