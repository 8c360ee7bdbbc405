/** not-a-number in indicator tables: text where a weight, a score or a figure target's actual is expected (warning). */
import { check, only } from "./helpers";
import { findingJson } from "../../../../src/core/findings";

describe("not-a-number (indicator cells)", () => {
  test("a weight written as text: observed the text, expected a number", () => {
    const [f] = only(check([["产出指标", "数量指标", "参保人数", "≥1618人", "1618人", "十分", 10, null]]), "not-a-number");
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: "F2", observed: "十分", expected: "a number", expectedText: { zh: "数字", en: "a number" } });
    expect(f.message.zh).toBe("参保人数：分值“十分”不是数字");
  });

  test("text against a figure target: expected is the target", () => {
    const [f] = only(check([["产出指标", "质量指标", "待遇核发准确率", "≥95%", "很好", 10, 10, null]]), "not-a-number");
    expect(findingJson(f)).toMatchObject({ cell: "E2", related: ["D2"], observed: "很好", expected: "≥95%" });
    expect(f.message.zh).toBe("待遇核发准确率：实际完成值“很好”不是数字，无法与年度指标值≥95%比较");
  });

  test("text against a qualitative target is an answer, not a figure", () => {
    expect(only(check([["产出指标", "时效指标", "待遇发放", "按时足额", "按时足额发放", 10, 10, null]]), "not-a-number")).toEqual([]);
  });
});
