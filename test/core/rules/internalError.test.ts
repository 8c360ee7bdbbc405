/**
 * internal-error: a rule that throws (a bug) is reported under internal-error — naming the rule, never under a
 * neighbour's id — and the other rules and rows go on. Simulated by making a real rule throw.
 */
import { checkSheet } from "../../../src/core/check";
import { scoreMismatch } from "../../../src/core/indicators/rules/scoreMismatch";
import { runFundRules } from "../../../src/core/rules";
import { completionBand } from "../../../src/core/rules/completionBand";
import { DEFAULT_TARGETS } from "../../../src/core/targets";
import { grid, row, table, targets } from "./helpers";
import { addressOf } from "../../../src/core/location";
import { findingJson } from "../../../src/core/findings";

afterEach(() => jest.restoreAllMocks());

describe("internal-error", () => {
  test("a fund rule throwing on two rows: one internal-error finding naming it, at the first row; the other rules still report", () => {
    jest.spyOn(completionBand, "checkRow").mockImplementation(() => {
      throw new TypeError("boom");
    });
    const rows = [row("工伤保险", { budget: "398", actual: "806", statedCompletion: "131%" }), row("失业保险", { budget: "800", actual: "600" })];
    const findings = runFundRules(table(rows), DEFAULT_TARGETS);
    expect(findings.map((f) => f.rule)).toEqual(["stated-rate-mismatch", "internal-error"]);
    const f = findings[1];
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: rows[0].subjectRef, subject: "工伤保险", observed: "TypeError: boom", expected: "the rule runs" });
    expect(f.message.zh).toBe("规则 completion-band 在此表运行出错（2 行），出错处未按该规则检查。这是 fund-check 的程序错误，请连同文件报告：TypeError: boom");
    expect(f.message.en).toContain("The rule completion-band failed on this table (2 rows)");
  });

  test("the hook still hears of it, with the failing rule's own id", () => {
    jest.spyOn(completionBand, "checkRow").mockImplementation(() => {
      throw new Error("x");
    });
    const heard: string[] = [];
    runFundRules(table([row("A", { budget: "1", actual: "2" })]), DEFAULT_TARGETS, { onRuleError: (id) => heard.push(id) });
    expect(heard).toEqual(["completion-band"]);
  });

  test("an indicator rule throwing is internal-error too, not indicator-target-miss", () => {
    jest.spyOn(scoreMismatch, "checkTable").mockImplementation(() => {
      throw new Error("bad table");
    });
    const sheet = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "参保率", "≥95%", "90%", 10, 9.47],
    ]);
    const { findings } = checkSheet(sheet);
    expect(findings.map((f) => f.rule)).toEqual(["internal-error", "indicator-target-miss"]);
    expect(findings[0].message.en).toContain("The rule score-mismatch failed on this table");
    expect(addressOf(findings[0].at)).toBe("A2");
  });

  test("its severity can be changed like any rule's", () => {
    jest.spyOn(completionBand, "checkRow").mockImplementation(() => {
      throw new Error("x");
    });
    const findings = runFundRules(table([row("A", { budget: "1", actual: "2" })]), targets({ severity: { "internal-error": "error" } }));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["internal-error", "error"]]);
  });
});
