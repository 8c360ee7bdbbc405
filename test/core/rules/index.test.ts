/** The fund rules' runner: severities from the targets, findings in row order with line and quote. */
import { only, row, run, targets } from "./helpers";
import { findingJson } from "../../../src/core/findings";

describe("runFundRules", () => {
  test("a per-rule severity override, and off", () => {
    const rows = () => [row("工伤保险", { budget: "398", actual: "806" })];
    expect(only(run(rows(), targets({ severity: { "completion-band": "warning" } })), "completion-band")[0].severity).toBe("warning");
    expect(only(run(rows(), targets({ severity: { "completion-band": "off" } })), "completion-band")).toEqual([]);
  });

  test("a per-fund severity applies to that fund only", () => {
    const t = targets({ funds: { 工伤保险: { severity: { "completion-band": "off" } } } });
    const findings = run([row("工伤保险", { budget: "398", actual: "806" }), row("失业保险", { budget: "398", actual: "806" })], t);
    expect(only(findings, "completion-band").map((f) => f.subject)).toEqual(["失业保险"]);
  });

  test("report-text rows keep their line and quote; a component is named under its fund", () => {
    const rows = [row("企业职工基本养老保险", { actual: "4568" }), row("养老金支出", { actual: "约4277" }, "component", 0)];
    const [f] = run(rows);
    expect(findingJson(f)).toMatchObject({ subject: "企业职工基本养老保险 / 养老金支出", line: rows[1].line, quote: rows[1].quote });
  });
});

test("a targets object made by hand without a rule's threshold: the rule runs on its default", () => {
  const { negativeFigures: _dropped, ...older } = targets({});
  const findings = run([row("工伤保险", { budget: "398", actual: "806" }), row("B", { actual: "-5" })], older as never);
  expect(findings.map((f) => f.rule)).toEqual(["completion-band", "negative-figure"]);
});
