/** missing-value in indicator tables: a blank in a column the table otherwise fills (info). */
import { check, only } from "./helpers";
import { findingJson } from "../../../../src/core/findings";

describe("missing-value (indicator cells)", () => {
  test("a blank score where the others are filled: observed blank, expected the score", () => {
    const findings = check([
      ["产出指标", "数量指标", "参保人数", "≥1618人", "1618人", 10, 10, null],
      [null, "质量指标", "待遇核发准确率", "100%", "100%", 10, null, null],
    ]);
    const [f] = only(findings, "missing-value");
    expect(findingJson(f)).toMatchObject({ severity: "info", cell: "G3", observed: "blank", observedText: { zh: "空白", en: "blank" }, expected: "score", expectedText: { zh: "得分", en: "score" } });
    expect(f.message.zh).toBe("待遇核发准确率：得分为空白，相关检查未进行（空白不按0处理）");
  });

  test("a placeholder is quoted: observed what the cell holds", () => {
    const findings = check([
      ["产出指标", "数量指标", "参保人数", "≥1618人", "1618人", 10, 10, null],
      [null, "质量指标", "待遇核发准确率", "100%", "100%", 10, "—", null],
    ]);
    const [f] = only(findings, "missing-value");
    expect(findingJson(f)).toMatchObject({ cell: "G3", observed: "—", expected: "score" });
    expect(f.observedText).toBeUndefined();
    expect(f.message.zh).toBe("待遇核发准确率：得分填的是“—”，不是数字，相关检查未进行（不按0处理）");
  });

  test("a column blank on every row is a form not yet filled in: silent", () => {
    expect(only(check([["产出指标", "数量指标", "参保人数", "≥1618人", null, 10, null, null], [null, "质量指标", "待遇核发准确率", "100%", null, 10, null, null]]), "missing-value")).toEqual([]);
  });
});
