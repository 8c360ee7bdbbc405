/** completion-band: actual ÷ budget against the band (ok 95–105%, warning to 90/110%, error beyond). */
import { only, row, run, targets } from "./helpers";
import { findingJson } from "../../../src/core/findings";

const completion = (budget: string, actual: string, t = targets({})) => only(run([row("工伤保险", { budget, actual })], t), "completion-band");

describe("completion-band", () => {
  test("工伤保险 806 of 398: observed the computed 202.5% (no cell states it), expected the band; error at the actual, budget related", () => {
    const r = row("工伤保险", { budget: "398", actual: "806" });
    const [f] = only(run([r]), "completion-band");
    expect(findingJson(f)).toMatchObject({ rule: "completion-band", severity: "error", subject: "工伤保险", cell: r.subjectRef, related: [r.subjectRef], observed: "202.5%", expected: "95%–105%" });
    expect(f.message.zh).toBe("工伤保险：预算完成率202.5%（支出806 ÷ 预算398），超出95%–105%的目标区间，超预算较多");
    expect(f.message.en).toBe("工伤保险: completion rate 202.5% (actual 806 ÷ budget 398) is above the 95%–105% target band, well over budget");
  });

  test.each([
    ["95% exactly", "1000", "950"],
    ["105% exactly", "1000", "1050"],
    ["100%", "398", "398"],
    ["103.9% (企业职工)", "4398", "4568"],
    ["96.8% (机关事业)", "12738", "12328"],
  ])("%s is within the band: no finding", (_label, budget, actual) => {
    expect(completion(budget, actual)).toEqual([]);
  });

  test("94.9% is a warning below the band, said so", () => {
    const [f] = completion("1000", "949");
    expect(f).toMatchObject({ severity: "warning", observed: "94.9%", expected: "95%–105%" });
    expect(f.message.zh).toBe("工伤保险：预算完成率94.9%（支出949 ÷ 预算1000），低于95%–105%的目标区间");
  });

  test("90% exactly is still a warning, 89.9% an error (预算执行明显不足)", () => {
    expect(completion("1000", "900")[0].severity).toBe("warning");
    const [f] = completion("1000", "899");
    expect(f).toMatchObject({ severity: "error", observed: "89.9%" });
    expect(f.message.zh).toContain("预算执行明显不足");
  });

  test("110% exactly is a warning, 110.1% an error", () => {
    expect(completion("1000", "1100")[0]).toMatchObject({ severity: "warning", observed: "110.0%" });
    expect(completion("1000", "1101")[0]).toMatchObject({ severity: "error", observed: "110.1%" });
  });

  test("edges are exact, not float: 0.95 of 1 and 2.85 of 3 both pass", () => {
    expect(completion("1", "0.95")).toEqual([]);
    expect(completion("3", "2.85")).toEqual([]); // 2.85/3 = 0.95 exactly, 0.9499999… in floats
    expect(completion("3", "2.8499")).toHaveLength(1);
  });

  test("nothing spent against a budget is 0%: an error, not skipped", () => {
    expect(completion("398", "0")[0]).toMatchObject({ severity: "error", observed: "0.0%" });
  });

  test("a zero budget gives unbudgeted-spending, not a completion rate", () => {
    expect(completion("0", "619")).toEqual([]);
  });

  test("a negative budget or expenditure gives no completion rate, never −99.6%", () => {
    expect(completion("-400", "398")).toEqual([]);
    expect(completion("400", "-398")).toEqual([]);
  });

  test("a blank budget is missing-value, never a rate of ∞", () => {
    expect(run([row("失业保险", { budget: "", actual: "619" })]).map((f) => f.rule)).toEqual(["missing-value"]);
  });

  test("its threshold is the targets' completionBand, per fund too", () => {
    const wide = targets({ completionBand: { okHigh: 2.5, warningHigh: 3 } });
    expect(completion("398", "806", wide)).toEqual([]);
    const perFund = targets({ funds: { 工伤保险: { completionBand: { okLow: 0.5, warningLow: 0.4 } } } });
    const [f] = completion("1000", "600", perFund);
    expect(f).toBeUndefined();
    expect(only(run([row("失业保险", { budget: "1000", actual: "600" })], perFund), "completion-band")[0]).toMatchObject({ severity: "error", expected: "95%–105%" });
  });
});
