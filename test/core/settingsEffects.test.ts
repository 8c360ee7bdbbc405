/** What the settings in effect loosen or silence, against the defaults; what only tightens is not named. */
import { effectsSentences, scopeNotes, settingsEffects } from "../../src/core/settingsEffects";
import { parseTargets, Targets } from "../../src/core/targets";

const targets = (json: unknown): Targets => {
  const parsed = parseTargets(json);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.targets;
};

test("defaults, or targets that only tighten, change nothing worth naming", () => {
  expect(settingsEffects({ value: undefined, origin: "workbook" })).toEqual([]);
  expect(settingsEffects({ value: targets({}), origin: "workbook" })).toEqual([]);
  const tighter = targets({ completionBand: { okHigh: 1.02 }, growthBand: { low: -0.2 }, payableMonths: { warningBelow: 9 }, componentsCoverage: 0.8, negativeFigures: { refundRows: "flagged" }, severity: { "missing-value": "error" } });
  expect(settingsEffects({ value: tighter, origin: "workbook" })).toEqual([]);
});

test("rules off, severities lowered, thresholds loosened, a choice changed: each named, per fund too", () => {
  const loose = targets({
    completionBand: { okHigh: 1.2, warningHigh: 1.3 },
    payableMonths: { infoAbove: 36 },
    indicators: { scoring: "all-or-nothing" },
    severity: { "budget-balance": "off", "components-sum": "warning" },
    funds: { 工伤保险: { growthBand: { high: 0.8 }, severity: { "yoy-growth-band": "off" } } },
  });
  const effects = settingsEffects({ value: loose, origin: "workbook" });
  expect(effects).toEqual([
    { origin: "workbook", kind: "severity-lowered", rule: "components-sum", severity: "warning", default: "error" },
    { origin: "workbook", kind: "rule-off", rule: "budget-balance" },
    { origin: "workbook", kind: "threshold-loosened", key: "completionBand.okHigh", value: 1.2, default: 1.05 },
    { origin: "workbook", kind: "threshold-loosened", key: "completionBand.warningHigh", value: 1.3, default: 1.1 },
    { origin: "workbook", kind: "threshold-loosened", key: "payableMonths.infoAbove", value: 36, default: 24 },
    { origin: "workbook", kind: "threshold-changed", key: "indicators.scoring", value: "all-or-nothing", default: "proportional" },
    { origin: "workbook", fund: "工伤保险", kind: "rule-off", rule: "yoy-growth-band" },
    { origin: "workbook", fund: "工伤保险", kind: "threshold-loosened", key: "growthBand.high", value: 0.8, default: 0.3 },
  ]);
  const [zh] = effectsSentences(effects, "zh");
  expect(zh).toBe(
    "本工作簿保存的设置改变了校验：规则 components-sum 由错误降为警告；关闭规则 budget-balance；放宽 completionBand.okHigh：105% → 120%；" +
      "放宽 completionBand.warningHigh：110% → 130%；放宽 payableMonths.infoAbove：24 → 36；更改 indicators.scoring：proportional → all-or-nothing；" +
      "关闭规则 yoy-growth-band（工伤保险）；放宽 growthBand.high：30% → 80%（工伤保险）"
  );
});

test("a mapping names the sheets whose columns were set by hand, only sheets that were checked", () => {
  const effects = settingsEffects({ value: undefined, origin: "given" }, { value: { 支出: { D: "ignore" }, 不存在: { C: "actual" } }, origin: "workbook" }, ["支出"]);
  expect(effects).toEqual([{ kind: "columns-mapped", origin: "workbook", sheet: "支出" }]);
  expect(effectsSentences(effects, "en")).toEqual(['Settings stored in this workbook change the checks: columns of sheet "支出" set by hand']);
});

test("the add-in's own sheets left out are a note of their own", () => {
  expect(scopeNotes({ skipped: [{ name: "校验报告", as: "report" }] }, "en")).toEqual(['Not checked, the add-in\'s own sheets: "校验报告" (report)']);
  expect(scopeNotes({}, "zh")).toEqual([]);
});
