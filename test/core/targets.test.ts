import { DEFAULT_TARGETS, parseTargets, targetsFor } from "../../src/core/targets";
import { only, row, run } from "./rules/helpers";

describe("parseTargets", () => {
  test("an empty file gives the documented defaults (docs/reference.md, “Targets”)", () => {
    const r = parseTargets({});
    expect(r).toEqual({ ok: true, targets: expect.objectContaining({ completionBand: { okLow: 0.95, okHigh: 1.05, warningLow: 0.9, warningHigh: 1.1 }, growthBand: { low: -0.3, high: 0.3 }, payableMonths: { warningBelow: 6, infoAbove: 24 }, componentsCoverage: 1 }) });
  });
  test("valid overrides: one edge moved, the rest kept; per-fund overrides, severities and indicator scoring accepted", () => {
    const r = parseTargets({
      completionBand: { okHigh: 1.08, warningHigh: 1.2 },
      payableMonths: { infoAbove: 36 },
      severity: { "budget-balance": "error", "missing-value": "off" },
      funds: { 工伤保险: { completionBand: { okLow: 0.8, warningLow: 0.7 }, growthBand: { high: 0.5 } } },
      indicators: { scoring: "proportional" },
    });
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.targets.completionBand).toEqual({ okLow: 0.95, okHigh: 1.08, warningLow: 0.9, warningHigh: 1.2 });
    expect(r.targets.payableMonths).toEqual({ warningBelow: 6, infoAbove: 36 });
    expect(r.targets.severity).toEqual({ "budget-balance": "error", "missing-value": "off" });
    expect(r.targets.indicators).toEqual({ scoring: "proportional" });
  });
  test("a targets file of the earlier format (every key it had) reads exactly as before", () => {
    const file = {
      completionBand: { okLow: 0.9, okHigh: 1.2, warningLow: 0.8, warningHigh: 1.3 },
      growthBand: { low: -0.4, high: 0.4 },
      payableMonths: { warningBelow: 3, infoAbove: 36 },
      componentsCoverage: 0.8,
      severity: { "completion-band": "warning", "score-mismatch": "off" },
      funds: { 工伤保险: { completionBand: { okHigh: 2.5, warningHigh: 3 }, growthBand: { high: 0.7 }, payableMonths: { infoAbove: 48 }, componentsCoverage: 0.5, severity: { "yoy-growth-band": "off" } } },
      indicators: { scoring: "all-or-nothing" },
    };
    const r = parseTargets(JSON.parse(JSON.stringify(file)));
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.targets).toMatchObject(file);
    expect(targetsFor(r.targets, "工伤保险基金")).toMatchObject({ completionBand: { okLow: 0.9, okHigh: 2.5, warningLow: 0.8, warningHigh: 3 }, growthBand: { low: -0.4, high: 0.7 }, payableMonths: { warningBelow: 3, infoAbove: 48 }, componentsCoverage: 0.5, severity: { "completion-band": "warning", "score-mismatch": "off", "yoy-growth-band": "off" } });
  });
  test("rules added since take their severities like any other; a whole-workbook threshold is refused per fund", () => {
    expect(DEFAULT_TARGETS).toMatchObject({ indicators: { scoring: "proportional" } });
    expect(parseTargets({ severity: { "merged-figure": "off", "internal-error": "error" } }).ok).toBe(true);
    expect(parseTargets({ funds: { 工伤保险: { indicators: { scoring: "all-or-nothing" } } } })).toEqual({ ok: false, errors: ["funds.工伤保险.indicators: unknown key"] });
  });
  test.each([
    [{ funds: { 工伤保险: { completionBand: { okLow: 95 } } } }, "funds.工伤保险.completionBand.okLow: expected a number between 0 and 10"],
    [{ funds: { 工伤保险: { completionBand: { okLow: "95%" } } } }, "funds.工伤保险.completionBand.okLow: expected a number between 0 and 10"],
    [{ completionBand: { oklow: 0.9 } }, "completionBand.oklow: unknown key"],
    [{ growthBands: {} }, "growthBands: unknown key"],
    [{ severity: { "completion-band": "fatal" } }, 'severity.completion-band: expected "error", "warning", "info" or "off"'],
    [{ severity: { "completion-bnad": "error" } }, "severity.completion-bnad: unknown rule id"],
    [{ componentsCoverage: 1.5 }, "componentsCoverage: expected a number between 0 and 1"],
    [{ completionBand: { okLow: 1.1 } }, "completionBand.okLow: must not be above okHigh"],
    [{ funds: { 失业保险: { growthBand: { low: 0.5 } } } }, "funds.失业保险.growthBand.low: must not be above high"],
    [[1, 2], "(top level)"],
    [{ indicators: { scoring: "bands" } }, 'indicators.scoring: expected "proportional" or "all-or-nothing"'],
    [{ payableMonths: { warningBelow: 30 } }, "payableMonths.warningBelow: must not be above infoAbove (30 > 24)"],
    [{ completionBand: { warningHigh: 1 } }, "completionBand.warningHigh: must not be below okHigh (1 < 1.05)"],
  ])("%j is refused, naming the key", (input, message) => {
    const r = parseTargets(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toContain(message);
  });
});

describe("targetsFor", () => {
  const parsed = parseTargets({ funds: { 工伤保险: { completionBand: { okHigh: 2.5, warningHigh: 3 } }, 养老保险: { growthBand: { high: 0.4 } }, 城乡居民基本养老保险: { growthBand: { high: 0.5 } } } });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  const targets = parsed.targets;
  test("matches loosely: 工伤保险 applies to 工伤保险基金 and to ＂工伤 保险＂", () => {
    expect(targetsFor(targets, "工伤保险基金").completionBand.okHigh).toBe(2.5);
    expect(targetsFor(targets, "工伤 保险").completionBand.okHigh).toBe(2.5);
    expect(targetsFor(targets, "失业保险").completionBand.okHigh).toBe(1.05);
  });
  test("the longest matching name wins; a component takes its fund's targets", () => {
    expect(targetsFor(targets, "城乡居民基本养老保险").growthBand.high).toBe(0.5);
    expect(targetsFor(targets, "企业职工基本养老保险 / 养老金支出").growthBand.high).toBe(0.4);
  });
  test("no overrides: the workbook's targets", () => {
    expect(targetsFor(DEFAULT_TARGETS, "工伤保险")).toBe(DEFAULT_TARGETS);
  });
  test("a per-fund override changes a finding: 工伤 202.5% passes a 0.95–2.5 band, 城乡居民 +35.5% passes ±50%", () => {
    const rows = () => [row("工伤保险", { budget: "398", actual: "806" }), row("城乡居民基本养老保险", { actual: "1011", statedChange: "265" })];
    expect(only(run(rows()), "completion-band")).toHaveLength(1);
    expect(only(run(rows()), "yoy-growth-band")).toHaveLength(1);
    expect(only(run(rows(), targets), "completion-band")).toEqual([]);
    expect(only(run(rows(), targets), "yoy-growth-band")).toEqual([]);
  });
});
