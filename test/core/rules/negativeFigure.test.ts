/** negative-figure: a negative budget, expenditure, prior year, income or headcount (warning). */
import { DEFAULT_TARGETS, parseTargets } from "../../../src/core/targets";
import { checkGrid, grid, only, row, run, targets } from "./helpers";
import { addressOf } from "../../../src/core/location";
import { findingJson } from "../../../src/core/findings";

describe("negative-figure", () => {
  test("a negative budget: observed the figure, expected ≥ 0, and no completion rate of −99.6% beside it", () => {
    const r = row("工伤保险", { budget: "-398", actual: "396" });
    const findings = run([r]);
    expect(findings.map((f) => f.rule)).toEqual(["negative-figure"]);
    expect(findingJson(findings[0])).toMatchObject({ severity: "warning", cell: r.subjectRef, observed: "-398", expected: "≥ 0", subject: "工伤保险" });
    expect(findings[0].message.zh).toBe("工伤保险：预算数为负数（-398），可能是符号错误或退回冲减，请核实；不据此计算完成率或增幅");
    expect(findings[0].message.en).toBe("工伤保险: the budget is negative (-398): a sign error, or a refund entered as a row? Check it; no completion rate or growth is computed from it");
  });

  test.each([
    ["actual", "支出数"],
    ["prior", "上年数"],
    ["income", "收入"],
    ["people", "人数"],
  ] as const)("a negative %s is flagged", (role, name) => {
    const [f] = only(run([row("A", { [role]: "-5" })]), "negative-figure");
    expect(f.message.zh).toContain(`${name}为负数（-5）`);
  });

  test("balances, changes and growth rates may be negative: not flagged", () => {
    expect(only(run([row("A", { balance: "-300", statedChange: "-10", statedGrowth: "-5%", actual: "100", prior: "110" })]), "negative-figure")).toEqual([]);
  });

  test("accountants' negatives in brackets count: (1,234)", () => {
    expect(only(run([row("A", { budget: "(1,234)", actual: "10" })]), "negative-figure")[0]).toMatchObject({ observed: "-1234" });
  });

  test("a refund row (收回/退回/冲减) may be negative; the target negativeFigures.refundRows can flag it", () => {
    const rows = () => [row("失业保险", { actual: "609" }), row("支出", { actual: "619" }, "component", 0), row("收回以前年度支出", { actual: "-10" }, "component", 0)];
    expect(only(run(rows()), "negative-figure")).toEqual([]);
    const flagged = only(run(rows(), targets({ negativeFigures: { refundRows: "flagged" } })), "negative-figure");
    expect(flagged.map((f) => [f.subject, f.observed])).toEqual([["失业保险 / 收回以前年度支出", "-10"]]);
  });

  test("a row not named as a refund is flagged even as a component", () => {
    const rows = [row("失业保险", { actual: "609" }), row("支出", { actual: "-619" }, "component", 0)];
    expect(only(run(rows), "negative-figure")).toHaveLength(1);
  });

  test("its threshold: negativeFigures.refundRows, \"allowed\" by default, for the whole workbook only", () => {
    expect(DEFAULT_TARGETS).toMatchObject({ negativeFigures: { refundRows: "allowed" } });
    expect(parseTargets({ negativeFigures: { refundRows: "yes" } })).toEqual({ ok: false, errors: ['negativeFigures.refundRows: expected "allowed" or "flagged"'] });
    expect(parseTargets({ funds: { 工伤保险: { negativeFigures: { refundRows: "flagged" } } } })).toEqual({ ok: false, errors: ["funds.工伤保险.negativeFigures: unknown key"] });
    expect(parseTargets({ severity: { "negative-figure": "error" } }).ok).toBe(true);
  });

  test("zero is not negative", () => {
    expect(only(run([row("A", { budget: "0", actual: "0" })]), "negative-figure")).toEqual([]);
  });

  test("on a sheet: C4 −3.2 against a budget of 800 is a sign error, not an under-execution", () => {
    const sheet = grid([["险种", "预算数", "执行数"], ["企业职工", 4398, 4568], ["工伤保险", 398, 396], ["失业保险", 800, -3.2]]);
    expect(checkGrid(sheet).map((f) => `${f.rule} ${addressOf(f.at)} ${f.observed}`)).toEqual(["negative-figure C4 -3.2"]);
  });
});
