/** The catalogue the pane lists: every rule id once, with the severity the rule reports by default. */
import { RULE_IDS } from "../../src/core/findings";
import { RULE_CATALOGUE } from "../../src/core/ruleCatalogue";
import { fundRule } from "../../src/core/rules";

test("every rule id has one entry with a description in both languages", () => {
  expect(RULE_CATALOGUE.map((r) => r.id)).toEqual([...RULE_IDS]);
  for (const r of RULE_CATALOGUE) {
    expect(r.describe.zh.length).toBeGreaterThan(4);
    expect(r.describe.en.length).toBeGreaterThan(4);
  }
});

test("default severities are the rules' own (SPEC §4.2): completion-band error, missing-value info, yoy-growth-band warning", () => {
  const severity = Object.fromEntries(RULE_CATALOGUE.map((r) => [r.id, r.severity]));
  expect(severity["completion-band"]).toBe("error");
  expect(severity["missing-value"]).toBe("info");
  expect(severity["yoy-growth-band"]).toBe("warning");
  expect(severity["components-sum"]).toBe(fundRule("components-sum")!.severity);
});
