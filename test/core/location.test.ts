/** A finding's location is a type; the JSON's flat fields are written from it, never parsed back. */
import { findingJson, Finding } from "../../src/core/findings";
import { cellAt, lineAt, locationFields } from "../../src/core/location";

test("a cell: sheet and address; a line: the text's name, cell written L<line>, line and quote", () => {
  expect(locationFields(cellAt("支出情况", "D11"))).toEqual({ sheet: "支出情况", cell: "D11" });
  expect(locationFields(lineAt("report.txt", 35, "工伤保险…完成预算的131%。"))).toEqual({ sheet: "report.txt", cell: "L35", line: 35, quote: "工伤保险…完成预算的131%。" });
  expect(locationFields(lineAt("report.txt", 7))).toEqual({ sheet: "report.txt", cell: "L7", line: 7 });
});

test("findingJson writes the documented keys in the documented order, words after the message, line and quote last", () => {
  const f: Finding = {
    rule: "missing-value",
    severity: "info",
    at: lineAt("r.txt", 40, "失业保险…"),
    related: ["L40"],
    subject: "失业保险",
    observed: "blank",
    expected: "budget",
    observedText: { zh: "空白", en: "blank" },
    message: { zh: "…", en: "…" },
  };
  const json = findingJson(f);
  expect(Object.keys(json)).toEqual(["rule", "severity", "sheet", "cell", "related", "subject", "observed", "expected", "message", "observedText", "line", "quote"]);
  expect(json).toMatchObject({ sheet: "r.txt", cell: "L40", line: 40, quote: "失业保险…" });
  expect(JSON.stringify(json)).not.toContain('"at"');
});
