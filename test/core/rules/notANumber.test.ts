/** not-a-number: text or an Excel error where a figure is expected (warning). */
import { checkGrid, grid, run } from "./helpers";
import { row } from "./helpers";
import { findingJson } from "../../../src/core/findings";

describe("not-a-number", () => {
  test("text where a figure is expected: observed the text as written, expected a number; the other checks of the row skip it", () => {
    const r = row("工伤保险", { budget: "约400", actual: "806" });
    const findings = run([r]);
    expect(findings.map((f) => f.rule)).toEqual(["not-a-number"]);
    expect(findingJson(findings[0])).toMatchObject({ severity: "warning", cell: r.subjectRef, observed: "约400", expected: "a number", expectedText: { zh: "数字", en: "a number" } });
    expect(findings[0].message.zh).toBe("工伤保险：预算数“约400”不是数字，无法校验");
  });

  test("an Excel error value is named as such", () => {
    const sheet = grid([["险种", "预算数", "执行数"], ["工伤保险", { error: "#DIV/0!" }, 806]]);
    const [f] = checkGrid(sheet).filter((x) => x.rule === "not-a-number");
    expect(findingJson(f)).toMatchObject({ cell: "B2", observed: "#DIV/0!" });
    expect(f.message.zh).toBe("工伤保险：预算数单元格是错误值#DIV/0!，无法校验");
  });

  test("long text is clipped to 40 characters", () => {
    const [f] = run([row("A", { budget: "这一格写了很长的一段说明文字而不是数字，" + "说明".repeat(30), actual: "1" })]);
    expect(f.observed.length).toBe(41);
    expect(f.observed.endsWith("…")).toBe(true);
  });

  test("a placeholder is not text: missing-value quotes it instead", () => {
    expect(run([row("A", { budget: "—", actual: "1" })]).map((f) => f.rule)).toEqual(["missing-value"]);
  });
});
