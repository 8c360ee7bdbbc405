import Decimal from "decimal.js";
import fc from "fast-check";
import {
  BoundTarget,
  judge,
  RangeTarget,
  readTarget,
  score,
  scoreIndicator,
  SCORING_RULE_NAMES,
  targetMet,
} from "../../../src/core/indicators/targetValue";
import { readNumber } from "../../../src/core/numbers";

function bound(text: string): BoundTarget {
  const t = readTarget(text);
  if (t.kind !== "bound") throw new Error(`${text}: expected a bound, got ${JSON.stringify(t)}`);
  return t;
}

describe("readTarget: every form docs/indicators.md lists", () => {
  test.each([
    ["≥95%", ">=", "0.95", true, undefined],
    [">=95%", ">=", "0.95", true, undefined],
    ["≥ 95 %", ">=", "0.95", true, undefined],
    ["≥９５％", ">=", "0.95", true, undefined],
    ["不低于95%", ">=", "0.95", true, undefined],
    ["95%以上", ">=", "0.95", true, undefined],
    ["95%及以上", ">=", "0.95", true, undefined],
    ["≤1%", "<=", "0.01", true, undefined],
    ["1%以内", "<=", "0.01", true, undefined],
    ["不高于1%", "<=", "0.01", true, undefined],
    ["<1%", "<", "0.01", true, undefined],
    ["=100%", "=", "1", true, undefined],
    ["≥1618人", ">=", "1618", false, "人"],
    ["不少于6个月", ">=", "6", false, "个月"],
    ["不超过100万元", "<=", "100", false, "万元"],
    ["大于90%", ">", "0.9", true, undefined],
    ["小于5次", "<", "5", false, "次"],
    ["低于2%", "<", "0.02", true, undefined],
    ["至少3次", ">=", "3", false, "次"],
    ["5%以下", "<=", "0.05", true, undefined],
    ["≦5%", "<=", "0.05", true, undefined],
    ["满意度≥95%", ">=", "0.95", true, undefined],
    ["上访率控制在1%以内", "<=", "0.01", true, undefined],
  ])("%s", (text, op, value, percent, unit) => {
    const t = bound(text);
    expect(t.op).toBe(op);
    expect(t.value.toString()).toBe(value);
    expect(t.percent).toBe(percent);
    expect(t.unit).toBe(unit);
    expect(t.implicit).toBeUndefined();
  });

  test.each([
    ["100%", "1", true, undefined],
    ["1618人", "1618", false, "人"],
  ])("a bare figure %s is read as 'at least' and says so", (text, value, percent, unit) => {
    const t = bound(text);
    expect(t).toMatchObject({ op: ">=", percent, implicit: true });
    expect(t.value.toString()).toBe(value);
    expect(t.unit).toBe(unit);
  });

  test.each([
    ["95%-105%", "0.95", "1.05", true, true],
    ["[95%,105%]", "0.95", "1.05", true, true],
    ["95%～105%", "0.95", "1.05", true, true],
    ["95%至105%", "0.95", "1.05", true, true],
    ["95-105%", "0.95", "1.05", true, true],
    ["（95%，105%）", "0.95", "1.05", false, false],
    ["[95%,105%)", "0.95", "1.05", true, false],
  ])("range %s", (text, low, high, lowInclusive, highInclusive) => {
    const t = readTarget(text) as RangeTarget;
    expect(t.kind).toBe("range");
    expect([t.low.toString(), t.high.toString(), t.lowInclusive, t.highInclusive, t.percent]).toEqual([low, high, lowInclusive, highInclusive, true]);
  });

  test.each(["按时足额", "达成预期指标", "效果明显", "无重大安全事故"])("qualitative %s", (text) => {
    expect(readTarget(text)).toEqual({ kind: "qualitative", text });
  });

  test.each(["2019年底前完成", "≥95%以内", "95%-", "≥abc1"])("unreadable %s", (text) => {
    expect(readTarget(text).kind).toBe("unreadable");
  });

  test("blank and non-text targets are unreadable, a number cell is a bare figure", () => {
    expect(readTarget("").kind).toBe("unreadable");
    expect(readTarget(null).kind).toBe("unreadable");
    expect(readTarget(true).kind).toBe("unreadable");
    expect(readTarget(0.95, "0%")).toMatchObject({ kind: "bound", op: ">=", percent: true, implicit: true });
  });
});

describe("targetMet", () => {
  test("seed indicators (且末县 2019): 满意度 ≥95% and 上访率 ≤1% are met", () => {
    expect(targetMet("97%", "≥95%")).toBe(true);
    expect(targetMet(0.97, "≥95%")).toBe(true);
    expect(targetMet("0.5%", "≤1%")).toBe(true);
    expect(targetMet("0.005", "≤1%")).toBe(true);
  });
  test("bounds are inclusive or strict as written", () => {
    expect(targetMet("95%", "≥95%")).toBe(true);
    expect(targetMet("94.99%", "≥95%")).toBe(false);
    expect(targetMet("1%", "<1%")).toBe(false);
    expect(targetMet("1%", "≤1%")).toBe(true);
    expect(targetMet("1%", "1%以内")).toBe(true);
    expect(targetMet("1.2%", "不高于1%")).toBe(false);
    expect(targetMet("100%", "=100%")).toBe(true);
    expect(targetMet("99.9%", "=100%")).toBe(false);
    expect(targetMet("100.1%", "100%")).toBe(true);
  });
  test("ranges", () => {
    expect(targetMet("103.9%", "95%-105%")).toBe(true);
    expect(targetMet("202.5%", "[95%,105%]")).toBe(false);
    expect(targetMet("95%", "(95%,105%)")).toBe(false);
  });
  test("units: same family converts, different families cannot be compared", () => {
    expect(targetMet("1700人", "≥1618人")).toBe(true);
    expect(targetMet(1600, "≥1618人")).toBe(false);
    expect(targetMet("0.17万人", "≥1618人")).toBe(true);
    expect(targetMet("90万元", "不超过100万元")).toBe(true);
    expect(targetMet("1200000元", "不超过100万元")).toBe(false);
    expect(targetMet("7个月", "不少于6个月")).toBe(true);
    expect(targetMet("1700元", "≥1618人")).toBe("unreadable");
    expect(targetMet("97%", "≥1618人")).toBe("unreadable");
  });
  test("a plain number above 10 against a percent target is percent points", () => {
    expect(targetMet(97, "≥95%")).toBe(true);
    expect(targetMet(90, "≥95%")).toBe(false);
    expect(targetMet(2.025, "≤105%")).toBe(false); // 202.5% as a fraction
  });
  test("qualitative targets are met when the answer says so, not when it negates", () => {
    for (const yes of ["达成", "是", "已完成", "按时足额", "效果明显", "完成", "达标", "基本完成", "按时足额，无差错", true]) {
      expect([yes, targetMet(yes, "按时足额")]).toEqual([yes, true]);
    }
    for (const no of ["未达成", "否", "未完成", "不明显", "部分完成", "没有完成", "无", false]) {
      expect([no, targetMet(no, "达成预期指标")]).toEqual([no, false]);
    }
    expect(targetMet("无", "无重大安全事故")).toBe(true);
    expect(targetMet("效果明显", "效果明显")).toBe(true);
    expect(targetMet("待定", "效果明显")).toBe("unreadable");
    expect(targetMet(1, "效果明显")).toBe("unreadable");
  });
  test("missing and unreadable", () => {
    expect(targetMet("", "≥95%")).toBe("missing");
    expect(targetMet(null, "≥95%")).toBe("missing");
    expect(targetMet("—", "≥95%")).toBe("missing");
    expect(targetMet("", "按时足额")).toBe("missing");
    expect(targetMet("abc", "≥95%")).toBe("unreadable");
    expect(targetMet("97%", "2019年底前完成")).toBe("unreadable");
    expect(targetMet(readNumber({ error: "#N/A" }), "≥95%")).toBe("unreadable");
  });
  test("judge says which side a miss is on", () => {
    expect(judge("90%", "≥95%")).toMatchObject({ kind: "missed", side: "low" });
    expect(judge("2%", "≤1%")).toMatchObject({ kind: "missed", side: "high" });
    expect(judge("110%", "95%-105%")).toMatchObject({ kind: "missed", side: "high" });
    expect(judge("90%", "=100%")).toMatchObject({ kind: "missed", side: "low" });
  });
});

describe("score", () => {
  const s = (...args: Parameters<typeof score>) => {
    const r = score(...args);
    return r instanceof Decimal ? r.toNumber() : r;
  };
  test("met earns the full weight", () => {
    expect(s("97%", "≥95%", 10)).toBe(10);
    expect(s("0.5%", "≤1%", 5)).toBe(5);
    expect(s("已完成", "按时足额", 5)).toBe(5);
  });
  test("a missed lower bound earns weight × actual ÷ target, two decimals half-up", () => {
    expect(s("90%", "≥95%", 10)).toBe(9.47); // 9.4736…
    expect(s("1500人", "≥1618人", 10)).toBe(9.27); // 9.2707…
    expect(s(0.5, "≥95%", 3)).toBe(1.58); // 1.5789…
  });
  test("a missed upper bound earns weight × target ÷ actual", () => {
    expect(s("2%", "≤1%", 10)).toBe(5);
    expect(s("3%", "≤1%", 10)).toBe(3.33);
    expect(s("110%", "95%-105%", 10)).toBe(9.55); // 10 × 1.05 / 1.10
    expect(s("90%", "95%-105%", 10)).toBe(9.47);
  });
  test("clipped to [0, weight]; qualitative misses earn 0", () => {
    expect(s("-5%", "≥95%", 10)).toBe(0);
    expect(s("未完成", "按时足额", 5)).toBe(0);
    expect(s("1%", ">1%", 10)).toBe(10); // a strict bound missed exactly at the bound: weight × 1, clipped
  });
  test("all-or-nothing: full marks only when met", () => {
    expect(s("97%", "≥95%", 10, "all-or-nothing")).toBe(10);
    expect(s("94.9%", "≥95%", 10, "all-or-nothing")).toBe(0);
    expect(SCORING_RULE_NAMES).toEqual(["proportional", "all-or-nothing"]);
  });
  test("reasons when there is no score", () => {
    expect(s("", "≥95%", 10)).toBe("missing");
    expect(s("97%", "≥95%", null)).toBe("missing");
    expect(s("97%", "??", 10)).toBe("unreadable");
    expect(scoreIndicator("97%", "≥95%", -1)).toEqual({ kind: "unreadable", reason: "weight must not be negative" });
    expect(scoreIndicator("97%", "≥95%", 10, "lenient" as never)).toMatchObject({ kind: "unreadable" });
    expect(scoreIndicator("97%", "≥95%", "abc")).toMatchObject({ kind: "unreadable" });
  });
  test("property: a score is always within [0, weight] with at most two decimals", () => {
    const target = fc.constantFrom("≥95%", "≤1%", "95%-105%", "=100%", "≥1618人", "按时足额", "(90%,110%)");
    const actual = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer().map((n) => `${n}%`), fc.constantFrom("是", "否", "1700人"));
    fc.assert(
      fc.property(actual, target, fc.integer({ min: 0, max: 100 }), fc.constantFrom(...SCORING_RULE_NAMES), (a, t, w, rule) => {
        const r = score(a, t, w, rule);
        if (r instanceof Decimal) {
          expect(r.gte(0) && r.lte(w)).toBe(true);
          expect(r.decimalPlaces()).toBeLessThanOrEqual(2);
        } else {
          expect(["missing", "unreadable"]).toContain(r);
        }
      })
    );
  });
  test("property: readTarget and targetMet never throw", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double()), fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), (t, a) => {
        const target = readTarget(t);
        expect(["bound", "range", "qualitative", "unreadable"]).toContain(target.kind);
        const r = targetMet(a as never, target);
        expect([true, false, "missing", "unreadable"]).toContain(r);
      }),
      { numRuns: 2000 }
    );
  });
});
