/** target-unreadable: a target that cannot be read, or an actual that cannot be set against it (info). */
import { check, only } from "./helpers";
import { findingJson } from "../../../../src/core/findings";

describe("target-unreadable", () => {
  test("≥95%以内 cannot be read: observed the target as written, expected the forms it may take; not judged", () => {
    const findings = check([["效益指标", "可持续影响指标", "基金可持续运行", "≥95%以内", "良好", 15, 15, null]]);
    expect(findings.map((f) => f.rule)).toEqual(["target-unreadable"]);
    expect(findingJson(findings[0])).toMatchObject({ severity: "info", cell: "D2", related: [], observed: "≥95%以内", expected: "≥95%, ≤1%, 95%-105%, ≥1618人, 按时足额 …" });
    expect(findings[0].message.zh).toBe("基金可持续运行：无法识别年度指标值“≥95%以内”，该指标未作判断（可写作≥95%、1%以内、95%-105%、≥1618人、按时足额等）");
  });

  test("an answer that says neither yes nor no: observed the actual, expected the target", () => {
    const [f] = only(check([["效益指标", "可持续影响指标", "基金可持续运行", "较上年有所改善", "有所改善", 15, 15, null]]), "target-unreadable");
    expect(findingJson(f)).toMatchObject({ cell: "E2", related: ["D2"], observed: "有所改善", expected: "较上年有所改善" });
  });

  test("an actual in another unit (万元 against 人)", () => {
    const [f] = only(check([["产出指标", "数量指标", "参保人数", "≥1618人", "3万元", 10, 10, null]]), "target-unreadable");
    expect(findingJson(f)).toMatchObject({ cell: "E2", observed: "3万元", expected: "≥1618人" });
  });
});
