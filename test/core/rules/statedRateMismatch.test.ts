/** stated-rate-mismatch: a stated completion or growth rate against the one computed, at the stated precision. */
import { only, row, run } from "./helpers";
import { findingJson } from "../../../src/core/findings";

const mismatch = (figures: Parameters<typeof row>[1], subject = "A") => only(run([row(subject, figures)]), "stated-rate-mismatch");

describe("stated-rate-mismatch: completion", () => {
  test("工伤保险 131% stated, 202.5% computed: observed the stated 131%, expected the computed 202.5% (not the other way round)", () => {
    const r = row("工伤保险", { budget: "398", actual: "806", statedCompletion: "131%" });
    const [f] = only(run([r]), "stated-rate-mismatch");
    expect(findingJson(f)).toMatchObject({ severity: "error", observed: "131%", expected: "202.5%", cell: r.subjectRef, line: r.line, quote: r.quote, sheet: "report.txt" });
    expect(f.message.zh).toBe("工伤保险：填报的完成率为131%，但按支出÷预算计算应为202.5%");
    expect(f.message.en).toBe("工伤保险: the stated completion rate is 131%, but actual ÷ budget gives 202.5%");
  });

  test("企业职工 97% stated, 103.9% computed", () => {
    expect(mismatch({ budget: "4398", actual: "4568", statedCompletion: "97%" }, "企业职工基本养老保险")[0]).toMatchObject({ observed: "97%", expected: "103.9%" });
  });

  test("机关事业 97% stated, 96.8% computed rounds to 97%: silent; 6% stated for 6.496% growth: silent", () => {
    expect(run([row("机关事业单位基本养老保险", { budget: "12738", actual: "12328", statedCompletion: "97%", statedChange: "752", statedGrowth: "6%" })])).toEqual([]);
  });

  test("precision follows the stated figure: 98.67% needs two places", () => {
    expect(mismatch({ budget: "1000", actual: "986.7", statedCompletion: "98.67%" })).toEqual([]);
    expect(mismatch({ budget: "1000", actual: "986.6", statedCompletion: "98.67%" })[0]).toMatchObject({ observed: "98.67%", expected: "98.660%" });
  });

  test("half-up at the rounding edge: 96.5% states as 97%, 96.49% does not — and is shown with the places that tell", () => {
    expect(mismatch({ budget: "1000", actual: "965", statedCompletion: "97%" })).toEqual([]);
    expect(mismatch({ budget: "10000", actual: "9649", statedCompletion: "97%" })[0]).toMatchObject({ observed: "97%", expected: "96.49%" });
  });

  test("a rate stored as a fraction with no % format is shown as a percentage: 97%, not 0.97", () => {
    const [f] = mismatch({ budget: "4398", actual: "4568", statedCompletion: 0.97 });
    expect(f).toMatchObject({ observed: "97%", expected: "103.9%" });
    expect(f.message.zh).toBe("A：填报的完成率为97%，但按支出÷预算计算应为103.9%");
    expect(mismatch({ budget: "1000", actual: "986.6", statedCompletion: 0.9867 })[0]).toMatchObject({ observed: "98.67%", expected: "98.660%" });
    expect(mismatch({ budget: "1000", actual: "986.7", statedCompletion: 0.9867 })).toEqual([]);
  });

  test("a per-mille rate stays per mille", () => {
    expect(mismatch({ budget: "1000", actual: "6", statedCompletion: "5‰" })[0]).toMatchObject({ observed: "5‰", expected: "6.0‰" });
  });

  test("no budget: no completion rate of 0 or ∞ — missing-value (info) at the blank budget instead", () => {
    const findings = run([row("失业保险", { budget: "", actual: "619", statedCompletion: "98%" })]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["missing-value", "info"]]);
  });

  test("a zero or negative budget, or a negative expenditure: nothing is computed", () => {
    expect(mismatch({ budget: "0", actual: "619", statedCompletion: "98%" })).toEqual([]);
    expect(mismatch({ budget: "-398", actual: "806", statedCompletion: "131%" })).toEqual([]);
    expect(mismatch({ budget: "398", actual: "-806", statedCompletion: "131%" })).toEqual([]);
  });
});

describe("stated-rate-mismatch: growth", () => {
  test("checked against change ÷ (actual − change) when there is no prior: 12% stated for 11.09%", () => {
    // 企业职工: 456 on 4568 → prior 4112 → 11.09%: states as 11%
    expect(mismatch({ actual: "4568", statedChange: "456", statedGrowth: "11%" }, "企业职工")).toEqual([]);
    const [f] = mismatch({ actual: "4568", statedChange: "456", statedGrowth: "12%" }, "企业职工");
    expect(f).toMatchObject({ observed: "12%", expected: "11.1%" });
    expect(f.message.zh).toBe("企业职工：填报的增幅为12%，但按增减额÷（支出−增减额）计算应为11.1%");
  });

  test("against a prior column: (actual − prior) ÷ prior", () => {
    expect(mismatch({ actual: "110", prior: "100", statedGrowth: "10%" })).toEqual([]);
    const [f] = mismatch({ actual: "110", prior: "100", statedGrowth: "9%" });
    expect(f).toMatchObject({ observed: "9%", expected: "10.0%" });
    expect(f.message.en).toBe("A: the stated growth is 9%, but (actual − prior) ÷ prior gives 10.0%");
  });

  test("a fall: −12% stated where the figures give −10.6%", () => {
    expect(mismatch({ actual: "894", prior: "1000", statedGrowth: "-12%" })[0]).toMatchObject({ observed: "-12%", expected: "-10.6%" });
  });

  test("a prior of 0 or a negative figure gives no growth at all (no ∞, no sign flip)", () => {
    expect(mismatch({ actual: "100", prior: "0", statedGrowth: "10%" })).toEqual([]);
    expect(mismatch({ actual: "100", prior: "-90", statedGrowth: "10%" })).toEqual([]);
  });
});
