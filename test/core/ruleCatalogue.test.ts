/**
 * The rule catalogue is the one list of rules: every rule file is in it, every rule has its test file beside its
 * name (test/core/rules/<file>.test.ts, test/core/indicators/rules/<file>.test.ts), and what is made from it —
 * ids, severities, thresholds — is consistent.
 */
import * as fs from "fs";
import * as path from "path";
import { FUND_RULES, INDICATOR_RULES, RULE_CATALOGUE, RULE_IDS, THRESHOLDS } from "../../src/core/ruleCatalogue";
import { fieldsOf } from "../../src/core/rules/threshold";
import { DEFAULT_TARGETS, parseTargets } from "../../src/core/targets";

const ROOT = path.join(__dirname, "..", "..");

/** The rules a folder's files define: [file, exported rule] for every export made by define*Rule. */
function rulesIn(folder: string, kind: "fund" | "indicator"): [string, { id: string; kind: string }][] {
  const out: [string, { id: string; kind: string }][] = [];
  for (const file of fs.readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith(".ts"))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(ROOT, folder, file));
    for (const value of Object.values(mod)) {
      if (value && typeof value === "object" && (value as { kind?: string }).kind === kind && typeof (value as { id?: string }).id === "string") out.push([file, value as { id: string; kind: string }]);
    }
  }
  return out;
}

describe("the rule catalogue", () => {
  const fundFiles = rulesIn("src/core/rules", "fund");
  const indicatorFiles = rulesIn("src/core/indicators/rules", "indicator");

  test("every rule file is listed, and everything listed is a rule file", () => {
    expect(fundFiles.length).toBeGreaterThan(10);
    expect(new Set(fundFiles.map(([, r]) => r))).toEqual(new Set(FUND_RULES));
    expect(new Set(indicatorFiles.map(([, r]) => r))).toEqual(new Set(INDICATOR_RULES));
  });

  test("every rule file has its test file beside its name", () => {
    const missing = [
      ...fundFiles.map(([file]) => `test/core/rules/${file.replace(/\.ts$/, ".test.ts")}`),
      ...indicatorFiles.map(([file]) => `test/core/indicators/rules/${file.replace(/\.ts$/, ".test.ts")}`),
      "test/core/rules/internalError.test.ts",
      "test/core/rules/tableUnreadable.test.ts",
      "test/core/rules/crossFileMismatch.test.ts",
    ].filter((f) => !fs.existsSync(path.join(ROOT, f)));
    expect(missing).toEqual([]);
  });

  test("one entry per id, with a description in both languages and what its findings show", () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(RULE_CATALOGUE.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of RULE_CATALOGUE) {
      expect(r.describe.zh.length).toBeGreaterThan(4);
      expect(r.describe.en.length).toBeGreaterThan(4);
      expect(r.shows.observed.length).toBeGreaterThan(4);
      expect(["error", "warning", "info"]).toContain(r.severity);
    }
  });

  test("an id checked in both kinds of table is one rule: same severity, same description of its findings", () => {
    for (const rule of INDICATOR_RULES) {
      const fund = FUND_RULES.find((r) => r.id === rule.id);
      if (fund) expect([rule.severity, rule.shows]).toEqual([fund.severity, fund.shows]);
    }
    expect(INDICATOR_RULES.filter((r) => FUND_RULES.some((f) => f.id === r.id)).map((r) => r.id)).toEqual(["not-a-number", "missing-value"]);
  });

  test("default severities are the rules' own: completion-band error, missing-value info, yoy-growth-band warning", () => {
    const severity = Object.fromEntries(RULE_CATALOGUE.map((r) => [r.id, r.severity]));
    expect(severity).toMatchObject({ "completion-band": "error", "missing-value": "info", "yoy-growth-band": "warning", "internal-error": "warning" });
  });

  test("threshold keys are unique and never a targets file's own keys; defaults lie within their bounds and in order", () => {
    const keys = THRESHOLDS.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain("severity");
    expect(keys).not.toContain("funds");
    for (const t of THRESHOLDS) {
      for (const { field } of fieldsOf(t)) {
        if (field.kind === "choice") expect(field.options).toContain(field.default);
        else expect(field.default >= field.min && field.default <= field.max).toBe(true);
      }
      if ("ordered" in t) {
        for (const [lower, upper] of t.ordered ?? []) {
          expect(Object.keys(t.fields)).toEqual(expect.arrayContaining([lower, upper]));
        }
      }
    }
    expect(parseTargets({})).toEqual({ ok: true, targets: { ...DEFAULT_TARGETS, severity: {}, funds: {} } });
  });
});
