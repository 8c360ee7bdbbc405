/** indicator-unexplained: a missed target with no 偏差原因分析及改进措施 (warning). */
import { Cell, checkGrid, grid } from "../../rules/helpers";
import { check, only } from "./helpers";
import { addressOf } from "../../../../src/core/location";
import { findingJson } from "../../../../src/core/findings";

const unexplained = (reason: Cell) => only(check([["产出指标", "质量指标", "待遇核发准确率", "100%", "90%", 10, 9, reason]]), "indicator-unexplained");

describe("indicator-unexplained", () => {
  test("a blank reason: the finding points at the cell to fill (observed blank, expected a reason), the missed actual and its target related", () => {
    const [f] = unexplained(null);
    expect(findingJson(f)).toMatchObject({
      severity: "warning",
      cell: "H2",
      related: ["E2", "D2"],
      subject: "待遇核发准确率",
      observed: "blank",
      observedText: { zh: "空白", en: "blank" },
      expected: "a reason and a remedy",
      expectedText: { zh: "偏差原因分析及改进措施", en: "a reason and a remedy" },
    });
    expect(f.message.zh).toBe("待遇核发准确率：实际完成值90%未达到年度指标值100%，但H2未填写偏差原因分析及改进措施");
  });

  test.each(["—", "/", "-"])("a placeholder (%s) is no reason, and is quoted as what the cell holds", (placeholder) => {
    const [f] = unexplained(placeholder);
    expect(findingJson(f)).toMatchObject({ cell: "H2", observed: placeholder });
    expect(f.observedText).toBeUndefined();
  });

  test("a reason given: silent; a met target needs none", () => {
    expect(unexplained("部分人员外出务工，下一步加强宣传")).toEqual([]);
    expect(only(check([["产出指标", "质量指标", "待遇核发准确率", "100%", "100%", 10, 10, null]]), "indicator-unexplained")).toEqual([]);
  });

  test("a reason merged down over several missed indicators explains each of them (a merged cell is not blank)", () => {
    const rows: Cell[][] = [
      ["产出指标", "质量指标", "待遇核发准确率", "100%", "90%", 10, 9, "系统升级，数据延迟录入"],
      [null, null, "待遇发放及时率", "100%", "95%", 10, 9.5, null],
    ];
    expect(only(check(rows, undefined, ["H2:H3"]), "indicator-unexplained")).toEqual([]);
    expect(only(check(rows), "indicator-unexplained").map((f) => addressOf(f.at))).toEqual(["H3"]);
  });

  test("a table without a reason column: nothing to fill, nothing reported", () => {
    const findings = checkGrid(grid([["三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["参保率", "≥95%", "90%", 10, 9.47]]));
    expect(only(findings, "indicator-unexplained")).toEqual([]);
  });
});
