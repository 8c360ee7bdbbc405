import { decodeSettings, encodeSettings, isAddinSheet } from "../../src/settings/workbookSettings";

test("targets and mapping survive encoding, even when the JSON is longer than one cell holds", () => {
  const mapping: Record<string, Record<string, string>> = {};
  for (let i = 0; i < 3000; i++) mapping[`表${i}`] = { B: "budget", C: "actual", D: "statedCompletion" };
  const targets = { completionBand: { okLow: 0.9 }, funds: { 工伤保险: { growthBand: { high: 0.5 } } } };
  const cells = encodeSettings({ targets, mapping });
  expect(cells.every((row) => row.every((cell) => cell.length <= 32767))).toBe(true);
  expect(cells[2].length).toBeGreaterThan(2); // the mapping needed several cells
  expect(decodeSettings(cells)).toEqual({ targets, mapping, problems: [] });
});

test("a damaged settings sheet is reported, never thrown", () => {
  const decoded = decodeSettings([["fund-check settings", 1], ["targets", "{not json"], ["mapping", "[1,2]"], undefined, []]);
  expect(decoded.targets).toBeUndefined();
  expect(decoded.mapping).toBeUndefined();
  expect(decoded.problems).toEqual(["targets: not valid JSON", "mapping: expected { sheet: { column: role } }"]);
});

test("the add-in's own sheets are recognised", () => {
  expect(isAddinSheet("fund-check设置")).toBe(true);
  expect(isAddinSheet("校验报告")).toBe(true);
  expect(isAddinSheet("Check report")).toBe(true);
  expect(isAddinSheet("支出情况")).toBe(false);
});
