/** One way to adopt stored settings, for the CLI and the pane alike: validated, problems named, never cast. */
import { adoptSettings, problemText } from "../../src/settings/adopt";
import { DEFAULT_TARGETS } from "../../src/core/targets";

test("stored targets become effective targets (defaults filled in) and keep what was written for the Targets tab", () => {
  const adopted = adoptSettings({ targets: { completionBand: { okLow: 0.9 } }, problems: [] });
  expect(adopted.targets?.completionBand).toEqual({ ...DEFAULT_TARGETS.completionBand, okLow: 0.9 });
  expect(adopted.targetsInput).toEqual({ completionBand: { okLow: 0.9 } });
  expect(adopted.problems).toEqual([]);
});

test("a stored mapping goes through the mapping schema: letters upper-cased, an unknown role refused, not cast", () => {
  expect(adoptSettings({ mapping: { 支出: { C: "actual" } }, problems: [] }).mapping).toEqual({ 支出: { C: "actual" } });
  const bad = adoptSettings({ mapping: { 支出: { C: "spending" } }, problems: [] });
  expect(bad.mapping).toBeUndefined();
  expect(bad.problems).toEqual([{ part: "mapping", errors: [expect.stringContaining("支出.C: expected one of")], instead: "ignored" }]);
  expect(problemText(bad.problems[0], "fund-check设置")).toMatch(/^stored mapping \(fund-check设置\): 支出\.C: expected one of .*; ignored$/);
});

test("targets that cannot be used are a problem and leave the defaults; a sheet that could not be decoded is named", () => {
  const adopted = adoptSettings({ targets: { completionBand: { okLow: "high" } }, problems: ["mapping: not valid JSON"] });
  expect(adopted.targets).toBeUndefined();
  expect(adopted.problems.map((p) => [p.part, p.instead])).toEqual([
    ["settings", "defaults"],
    ["targets", "defaults"],
  ]);
  expect(problemText(adopted.problems[1], "S")).toContain("stored targets (S): completionBand.okLow");
});

test("no settings sheet: nothing adopted, nothing to say", () => {
  expect(adoptSettings(undefined)).toEqual({ problems: [] });
});
