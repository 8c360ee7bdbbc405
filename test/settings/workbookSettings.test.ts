import { decodeSettings, encodeSettings, settingsFromGrid, SETTINGS_SHEET_NAME } from "../../src/settings/workbookSettings";
import type { GridSheet } from "../../src/core/grid";

const sheetOf = (name: string, rows: unknown[][]): GridSheet => ({ name, cells: rows.map((r) => r.map((value) => ({ value }) as never)), merges: [] });

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

test("settings are read from the settings sheet only when it is the add-in's (its marker), never from a user's sheet of that name", () => {
  const stored = sheetOf(SETTINGS_SHEET_NAME, encodeSettings({ targets: { completionBand: { okLow: 0.9 } } }));
  expect(settingsFromGrid({ name: "w", sheets: [stored] })?.targets).toEqual({ completionBand: { okLow: 0.9 } });
  const users = sheetOf(SETTINGS_SHEET_NAME, [["基金名称", "预算数"], ["targets", '{"severity":{"completion-band":"off"}}']]);
  expect(settingsFromGrid({ name: "w", sheets: [users] })).toBeUndefined();
});
