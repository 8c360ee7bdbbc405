/** Stated figures checked at their own precision; components and totals; blanks, text and units. */
import { DEFAULT_TARGETS } from "../../../src/core/targets";
import { parseTargets } from "../../../src/core/targets";
import { only, row, run } from "./helpers";

describe("stated-rate-mismatch", () => {
  test("机关事业 97% stated, 96.8% computed: rounds to 97%, silent; 6% stated for 6.496% growth: silent", () => {
    expect(run([row("机关事业单位基本养老保险", { budget: "12738", actual: "12328", statedCompletion: "97%", statedChange: "752", statedGrowth: "6%" })])).toEqual([]);
  });
  test("企业职工 97% stated, 103.9% computed: error at the stated cell, the line and quote kept", () => {
    const r = row("企业职工基本养老保险", { budget: "4398", actual: "4568", statedCompletion: "97%" });
    const [f] = only(run([r]), "stated-rate-mismatch");
    expect(f).toMatchObject({ severity: "error", observed: "103.9%", expected: "97%", cell: r.subjectRef, line: r.line, quote: r.quote, sheet: "report.txt" });
    expect(f.message.zh).toBe("企业职工基本养老保险：填报的完成率为97%，但按支出÷预算计算应为103.9%");
  });
  test("precision follows the stated figure: 98.67% needs two places", () => {
    // 986.7 / 1000 = 98.67%
    expect(only(run([row("A", { budget: "1000", actual: "986.7", statedCompletion: "98.67%" })]), "stated-rate-mismatch")).toEqual([]);
    const [f] = only(run([row("A", { budget: "1000", actual: "986.6", statedCompletion: "98.67%" })]), "stated-rate-mismatch");
    expect(f.observed).toBe("98.660%");
  });
  test("half-up at the rounding edge: 96.5% states as 97%, 96.49% does not", () => {
    expect(only(run([row("A", { budget: "1000", actual: "965", statedCompletion: "97%" })]), "stated-rate-mismatch")).toEqual([]);
    const [f] = only(run([row("A", { budget: "10000", actual: "9649", statedCompletion: "97%" })]), "stated-rate-mismatch");
    // shown with enough places that it visibly does not round to 97%
    expect(f.observed).toBe("96.49%");
  });
  test("a stated growth is checked against change ÷ (actual − change) when there is no prior", () => {
    // 企业职工: 456 on 4568 → prior 4112 → 11.09%: states as 11%
    expect(only(run([row("企业职工", { actual: "4568", statedChange: "456", statedGrowth: "11%" })]), "stated-rate-mismatch")).toEqual([]);
    const [f] = only(run([row("企业职工", { actual: "4568", statedChange: "456", statedGrowth: "12%" })]), "stated-rate-mismatch");
    expect(f).toMatchObject({ observed: "11.1%", expected: "12%" });
  });
  test("a stated growth against a prior column", () => {
    expect(only(run([row("A", { actual: "110", prior: "100", statedGrowth: "10%" })]), "stated-rate-mismatch")).toEqual([]);
    expect(only(run([row("A", { actual: "110", prior: "100", statedGrowth: "9%" })]), "stated-rate-mismatch")).toHaveLength(1);
  });
  test("no budget: no completion rate of 0 or ∞, but missing-value (info) at the blank budget", () => {
    const findings = run([row("失业保险", { budget: "—", actual: "619", statedCompletion: "98%" })]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["missing-value", "info"]]);
    expect(findings[0].message.zh).toBe("失业保险：预算数为空，无法核对填报的完成率（空白不按0计算）");
  });
});

describe("stated-change-mismatch (beyond half a unit of its last digit)", () => {
  test("456 stated for 4568 − 4112: silent; 456 for 4568 − 4111: error", () => {
    expect(run([row("企业职工", { actual: "4568", prior: "4112", statedChange: "456" })])).toEqual([]);
    const [f] = only(run([row("企业职工", { actual: "4568", prior: "4111", statedChange: "456" })]), "stated-change-mismatch");
    expect(f).toMatchObject({ severity: "error", observed: "457", expected: "456" });
  });
  test("a change stated to one decimal tolerates 0.05", () => {
    expect(only(run([row("A", { actual: "100.04", prior: "90", statedChange: "10.0" })]), "stated-change-mismatch")).toEqual([]);
    expect(only(run([row("A", { actual: "100.06", prior: "90", statedChange: "10.0" })]), "stated-change-mismatch")).toHaveLength(1);
  });
});

describe("components-sum", () => {
  test("企业职工 4277 + 74 + 215 = 4566 against 4568: a full list that falls short — warning", () => {
    const rows = [row("企业职工基本养老保险", { actual: "4568" }), row("养老金支出", { actual: "4277" }, "component", 0), row("转移支出", { actual: "74" }, "component", 0), row("丧葬费支出", { actual: "215" }, "component", 0)];
    const [f] = only(run(rows), "components-sum");
    expect(f).toMatchObject({ severity: "warning", observed: "4566", expected: "4568", subject: "企业职工基本养老保险", cell: rows[0].subjectRef });
    expect(f.related).toEqual([rows[1].subjectRef, rows[2].subjectRef, rows[3].subjectRef]);
  });
  test("parts that exceed their total: error", () => {
    const rows = [row("A", { actual: "100" }), row("x", { actual: "60" }, "component", 0), row("y", { actual: "41" }, "component", 0)];
    expect(only(run(rows), "components-sum")[0]).toMatchObject({ severity: "error", observed: "101", expected: "100" });
  });
  test("a partial 其中 list (失业 25 + 9 of 619) is not checked", () => {
    const rows = [row("失业保险", { actual: "619" }), row("失业支出", { actual: "25" }, "component", 0), row("医疗支出", { actual: "9" }, "component", 0)];
    expect(only(run(rows), "components-sum")).toEqual([]);
  });
  test("coverage edge: 90% is a full list, 89.9% partial; the coverage target can be changed", () => {
    const list = (part: string) => [row("A", { actual: "1000" }), row("x", { actual: part }, "component", 0)];
    expect(only(run(list("900")), "components-sum")).toHaveLength(1);
    expect(only(run(list("899")), "components-sum")).toHaveLength(0);
    const t = parseTargets({ componentsCoverage: 0.5 });
    if (!t.ok) throw new Error(t.errors.join());
    expect(only(run(list("899"), t.targets), "components-sum")).toHaveLength(1);
  });
  test("a 合计 row is the sum of the rows above it: error either way, to half a unit", () => {
    const rows = (total: string) => [row("A", { budget: "10", actual: "1.25" }), row("B", { budget: "20", actual: "2.5" }), row("合计", { budget: "30", actual: total }, "total")];
    expect(only(run(rows("3.75")), "components-sum")).toEqual([]);
    // stated to one place, a total may differ from the exact sum by up to 0.05 (half a unit), not more
    expect(only(run(rows("3.8")), "components-sum")).toEqual([]);
    expect(only(run(rows("3.7")), "components-sum")).toEqual([]);
    expect(only(run(rows("3.6")), "components-sum")[0]).toMatchObject({ severity: "error", observed: "3.75", expected: "3.6" });
    expect(only(run(rows("3.69")), "components-sum")[0]).toMatchObject({ severity: "error", observed: "3.75", expected: "3.69" });
    expect(only(run(rows("4")), "components-sum")).toEqual([]); // a whole-number total: 3.75 shows as 4
    expect(only(run(rows("5")), "components-sum")[0]).toMatchObject({ severity: "error", observed: "3.75", expected: "5" });
  });
  test("小计 rows sum back to the previous 小计; the 合计 sums the items, not the 小计s twice", () => {
    const rows = [
      row("A", { actual: "1" }),
      row("B", { actual: "2" }),
      row("小计", { actual: "3" }, "subtotal"),
      row("C", { actual: "4" }),
      row("小计", { actual: "5" }, "subtotal"),
      row("合计", { actual: "7" }, "total"),
    ];
    const f = only(run(rows), "components-sum");
    expect(f.map((x) => [x.cell, x.observed, x.expected])).toEqual([[rows[4].subjectRef, "4", "5"]]);
  });
  test("a 合计 on top adds up the rows below it", () => {
    const rows = [row("合计", { actual: "10" }, "total"), row("A", { actual: "4" }), row("B", { actual: "5" })];
    expect(only(run(rows), "components-sum")[0]).toMatchObject({ observed: "9", expected: "10" });
  });
  test("a blank in a row a total adds up is missing-value, never 0", () => {
    const rows = [row("A", { budget: "5", actual: "4" }), row("B", { budget: "5", actual: "" }), row("合计", { budget: "10", actual: "4" }, "total")];
    const findings = run(rows);
    expect(only(findings, "components-sum")).toEqual([]);
    // one finding for the blank, though both the completion rate and the total need it
    expect(only(findings, "missing-value").map((f) => f.cell)).toEqual([rows[1].subjectRef]);
  });
});

describe("not-a-number, unit-mismatch, severity overrides", () => {
  test("text where a figure is expected: warning naming the text; the other checks of the row skip it", () => {
    const findings = run([row("工伤保险", { budget: "约400", actual: "806" })]);
    expect(findings.map((f) => f.rule)).toEqual(["not-a-number"]);
    expect(findings[0]).toMatchObject({ severity: "warning", observed: "约400" });
  });
  test("元 and 万元 in one table: one warning", () => {
    const findings = run([row("A", { actual: "1" })], DEFAULT_TARGETS, { unit: "万元", unitsSeen: [{ unit: "万元", ref: "L1" }, { unit: "元", ref: "L9" }] });
    expect(only(findings, "unit-mismatch")).toEqual([expect.objectContaining({ severity: "warning", cell: "L9", observed: "元", expected: "万元" })]);
  });
  test("a per-rule severity override, and off", () => {
    const warn = parseTargets({ severity: { "completion-band": "warning" } });
    const off = parseTargets({ severity: { "completion-band": "off" } });
    if (!warn.ok || !off.ok) throw new Error("targets");
    const rows = () => [row("工伤保险", { budget: "398", actual: "806" })];
    expect(only(run(rows(), warn.targets), "completion-band")[0].severity).toBe("warning");
    expect(only(run(rows(), off.targets), "completion-band")).toEqual([]);
  });
});
