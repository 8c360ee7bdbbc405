/** indicator-target-miss: an indicator's actual does not meet its target (warning). */
import { Cell } from "../../rules/helpers";
import { check, only } from "./helpers";
import { findingJson } from "../../../../src/core/findings";

const miss = (target: Cell, actual: Cell) => only(check([["产出指标", "质量指标", "待遇核发准确率", target, actual, 10, 10, "已说明"]]), "indicator-target-miss");

describe("indicator-target-miss", () => {
  test("90% against ≥95%: observed the actual as written, expected the target, at the actual with the target related", () => {
    const [f] = miss("≥95%", "90%");
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: "E2", related: ["D2"], subject: "待遇核发准确率", observed: "90%", expected: "≥95%" });
    expect(f.message.zh).toBe("待遇核发准确率：实际完成值90%低于年度指标值≥95%，未完成目标");
    expect(f.message.en).toBe("待遇核发准确率: the actual value 90% falls short of the target ≥95%; the target is missed");
  });

  test("an upper bound exceeded (1.5% against ≤1%) says so", () => {
    const [f] = miss("≤1%", "1.5%");
    expect(f).toMatchObject({ observed: "1.5%", expected: "≤1%" });
    expect(f.message.zh).toContain("超出年度指标值≤1%");
    expect(f.message.en).toContain("exceeds the limit of the target ≤1%");
  });

  test("an actual stored as a fraction without a % format is shown as a percentage (90%, not 0.9); so are percent points", () => {
    expect(miss("≥95%", 0.9)[0]).toMatchObject({ observed: "90%" });
    expect(miss("≥95%", 0.905)[0]).toMatchObject({ observed: "90.5%" });
    expect(miss("≥95%", 90)[0]).toMatchObject({ observed: "90%" });
  });

  test("a count below its target, and a qualitative answer that says no", () => {
    expect(miss("不低于5000人", 4800)[0]).toMatchObject({ observed: "4800", expected: "不低于5000人" });
    expect(miss("达成预期指标", "未达成")[0]).toMatchObject({ observed: "未达成", expected: "达成预期指标" });
  });

  test("met targets are silent: a number with its unit, a qualitative yes, a range, a fraction formatted 0%", () => {
    expect(miss("≥1618人", "1618人")).toEqual([]);
    expect(miss("按时足额", "按时足额发放")).toEqual([]);
    expect(miss("95%-105%", "103%")).toEqual([]);
    expect(miss("≥95%", { value: 0.96, numFmt: "0%" })).toEqual([]);
  });
});
