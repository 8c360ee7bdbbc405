/**
 * score-mismatch: scores above their weights, weights and scores that do not add up to what the table states, a
 * 预算执行率 score other than 分值 × 执行率, and a score other than the chosen scoring rule gives.
 */
import { checkWorkbook } from "../../../../src/core/check";
import { layoutNational, roundTrip } from "../workbooks";
import { check, only, targets } from "./helpers";
import { addressOf } from "../../../../src/core/location";
import { findingJson } from "../../../../src/core/findings";

describe("score-mismatch", () => {
  test("a score above its weight: observed the score, expected at most the weight (error)", () => {
    const [f] = only(check([["满意度指标", "服务对象满意度指标", "满意度", "≥95%", "96%", 10, 12, null]]), "score-mismatch");
    expect(findingJson(f)).toMatchObject({ severity: "error", cell: "G2", related: ["F2"], observed: "12", expected: "≤ 10" });
    expect(f.message.zh).toBe("满意度：得分12超过分值10");
  });

  test("a score other than the scoring rule gives: observed the stated score, expected the rule's (warning, naming the rule)", () => {
    const rows = [["产出指标", "质量指标", "待遇核发准确率", "100%", "90%", 10, 10, "已说明"]];
    const [f] = only(check(rows), "score-mismatch");
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: "G2", related: ["E2", "D2", "F2"], observed: "10", expected: "9 (proportional)", expectedText: { zh: "9（按比例计分）", en: "9 (proportional)" } });
    expect(f.message.zh).toBe("待遇核发准确率：目标100%未完成（实际90%），按“按比例计分”规则分值10应得9分，填报得分为10（计分规则可在目标设置 indicators.scoring 中更改）");
  });

  test("the scoring rule is its threshold: indicators.scoring all-or-nothing", () => {
    const rows = [["产出指标", "质量指标", "待遇核发准确率", "100%", "90%", 10, 9, "已说明"]];
    expect(only(check(rows), "score-mismatch")).toEqual([]);
    const [f] = only(check(rows, targets({ indicators: { scoring: "all-or-nothing" } })), "score-mismatch");
    expect(f).toMatchObject({ observed: "9", expected: "0 (all-or-nothing)" });
  });

  test("a first-level weight (效益指标(30分)) its indicators do not add up to: observed the stated 30, expected their sum", () => {
    const rows = [
      ["效益指标(30分)", "社会效益指标", "上访率", "≤1%", "0.5%", 10, 10, null],
      [null, "可持续影响指标", "基金运行", "效果明显", "效果明显", 10, 10, null],
    ];
    const [f] = only(check(rows, undefined, ["A2:A3"]), "score-mismatch");
    expect(findingJson(f)).toMatchObject({ severity: "error", cell: "A2", related: ["F2", "F3"], subject: "效益指标(30分)", observed: "30", expected: "20" });
    expect(f.message.zh).toBe("效益指标(30分)：一级指标标明30分，但其下各指标分值合计为20（10 + 10）");
  });

  test("a 合计 row whose weights do not add up: observed the stated total, expected the sum", () => {
    const rows = [
      ["产出指标", "数量指标", "参保人数", "≥1618人", "1618人", 30, 30, null],
      [null, "质量指标", "准确率", "100%", "100%", 30, 30, null],
      ["合计", null, null, null, null, 100, 60, null],
    ];
    const [f] = only(check(rows), "score-mismatch");
    expect(findingJson(f)).toMatchObject({ cell: "F4", observed: "100", expected: "60" });
    expect(f.message.zh).toBe("合计：填报的总分值为100，但各指标分值合计为60");
  });

  describe("the national form's 预算执行率 block and 总分 row", () => {
    test("a 执行率 score other than 分值 × 执行率: observed the stated 9.5, expected 9.96 with how it is computed", async () => {
      const r = checkWorkbook(await roundTrip(layoutNational({ execScore: 9.5 })));
      const f = r.findings.find((x) => x.rule === "score-mismatch" && addressOf(x.at) === "H6")!;
      expect(f).toMatchObject({ subject: "年度资金总额", observed: "9.5", related: ["F6", "G6"], expected: "9.96 (weight × execution rate 10 × 99.61%; proportional)" });
      expect(f.expectedText!.zh).toBe("9.96（分值×执行率 10 × 99.61%；按比例计分）");
    });

    test("a 总分 row: observed the stated score and weight, expected the sums (the block's points included)", async () => {
      const score = checkWorkbook(await roundTrip(layoutNational({ totalScore: 98 })));
      expect(score.findings.find((f) => addressOf(f.at) === "H19")).toMatchObject({ subject: "总分", observed: "98", expected: "99.96" });
      const weight = checkWorkbook(await roundTrip(layoutNational({ totalWeight: 95 })));
      const w = weight.findings.find((f) => addressOf(f.at) === "G19")!;
      expect(w).toMatchObject({ rule: "score-mismatch", severity: "error", observed: "95", expected: "100" });
      expect(w.message.en).toBe("总分: the stated total weight is 95, but the indicators' weights (90) plus the budget execution weight (10) add up to 100");
    });
  });
});
