/** The one order of findings: sheet (as they come), row, column (line for text), rule in catalogue order, as given. */
import { checkWorkbook } from "../../src/core/check";
import type { Finding, RuleId } from "../../src/core/findings";
import { cellAt, lineAt, addressOf } from "../../src/core/location";
import { inFindingOrder } from "../../src/core/order";
import { RULE_IDS } from "../../src/core/ruleCatalogue";

const f = (rule: RuleId, at: Finding["at"], subject = ""): Finding => ({ rule, severity: "warning", at, related: [], subject, observed: "", expected: "", message: { zh: "", en: "" } });

test("sheets keep the order they come in; within a sheet, row before column (C10 after D9), then rule", () => {
  const out = inFindingOrder([
    f("yoy-growth-band", cellAt("2019", "C10")),
    f("missing-value", cellAt("2018", "A1")),
    f("stated-rate-mismatch", cellAt("2019", "D9")),
    f("completion-band", cellAt("2019", "D9")),
    f("components-sum", cellAt("2019", "AA9")),
  ]);
  expect(out.map((x) => `${x.at.kind === "cell" ? x.at.sheet : ""}!${addressOf(x.at)} ${x.rule}`)).toEqual([
    "2019!D9 completion-band",
    "2019!D9 stated-rate-mismatch",
    "2019!AA9 components-sum",
    "2019!C10 yoy-growth-band",
    "2018!A1 missing-value",
  ]);
  expect(RULE_IDS.indexOf("completion-band")).toBeLessThan(RULE_IDS.indexOf("stated-rate-mismatch"));
});

test("report text: by line; the same rule at the same line keeps the order it was given", () => {
  const a = f("stated-rate-mismatch", lineAt("r.txt", 12), "A");
  const b = f("stated-rate-mismatch", lineAt("r.txt", 12), "B");
  const c = f("budget-balance", lineAt("r.txt", 3));
  expect(inFindingOrder([a, b, c])).toEqual([c, a, b]);
});

test("a workbook's result is in that order", () => {
  const sheet = (name: string) => ({
    name,
    merges: [],
    cells: [
      ["基金名称", "预算数", "执行数", "完成率"].map((value) => ({ value })),
      [{ value: "工伤保险" }, { value: 398 }, { value: 806 }, { value: "131%" }],
      [{ value: "失业保险" }, undefined, { value: 619 }, undefined],
    ],
  });
  const { findings } = checkWorkbook({ name: "w", sheets: [sheet("乙"), sheet("甲")] });
  expect(findings).toEqual(inFindingOrder(findings));
  const sheets = findings.map((x) => (x.at.kind === "cell" ? x.at.sheet : ""));
  expect(sheets.lastIndexOf("乙")).toBeLessThan(sheets.indexOf("甲")); // workbook order, not name order
});
