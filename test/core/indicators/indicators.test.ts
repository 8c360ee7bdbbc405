/** Indicator tables read, checked and scored (docs/indicators.md), from real .xlsx files in three layouts. */
import { checkWorkbook } from "../../../src/core/check";
import { detectTables } from "../../../src/core/detect/tables";
import { Finding, findingJson } from "../../../src/core/findings";
import { GridWorkbook } from "../../../src/core/grid";
import { DEFAULT_TARGETS, Targets, parseTargets } from "../../../src/core/targets";
import { layoutMerged, layoutNational, layoutPlain, roundTrip } from "./workbooks";
import { addressOf, placeOf } from "../../../src/core/location";

function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.rule} ${addressOf(f.at)}`);
}

function targets(json: unknown): Targets {
  const parsed = parseTargets(json);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.targets;
}

describe("layout 1: merged first-level cells with (N分), no 总分 row", () => {
  let wb: GridWorkbook;
  beforeAll(async () => {
    wb = await roundTrip(layoutMerged);
  });

  it("reports exactly the missed targets, the unexplained ones, and the scores that do not hold", () => {
    const r = checkWorkbook(wb);
    expect(brief(r.findings)).toEqual([
      "warning indicator-target-miss E4", // 4800 < 不低于5000人, reason given: explained
      "warning indicator-target-miss E6", // 90% against 100%
      "warning score-mismatch G6", // stated 10, proportional gives 9 (a stated 10 would pass a computed 9.8: its own precision)
      "warning indicator-unexplained H6", // H6 is blank: the cell to fill
      "error score-mismatch A7", // 效益指标(30分) holds 10 + 10
      "warning indicator-target-miss E7", // 1.5% against ≤1%
      "warning indicator-unexplained H7",
      "error score-mismatch G9", // 12 above its weight 10
    ]);
  });

  it("met targets (number with unit, qualitative, percent cell) give nothing", () => {
    const r = checkWorkbook(wb);
    const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ""));
    expect(r.findings.filter((f) => [3, 5, 8].includes(rowOf(addressOf(f.at))))).toEqual([]);
    // E9 is 0.96 formatted 0%: meets ≥95% (only its score is wrong).
    expect(r.findings.filter((f) => addressOf(f.at) === "E9")).toEqual([]);
  });

  it("says what was missed and by what, in both languages, with the indicator as subject", () => {
    const r = checkWorkbook(wb);
    const miss = r.findings.find((f) => addressOf(f.at) === "E7")!;
    expect(findingJson(miss)).toMatchObject({ sheet: "绩效自评", subject: "上访率", observed: "1.5%", expected: "≤1%", related: ["D7"] });
    expect(miss.message.zh).toContain("超出");
    expect(miss.message.en).toContain("exceeds the limit of the target ≤1%");
    const unexplained = r.findings.find((f) => f.rule === "indicator-unexplained" && addressOf(f.at) === "H7")!;
    expect(unexplained).toMatchObject({ observed: "blank", expected: "a reason and a remedy", related: ["E7", "D7"] });
    expect(unexplained.message.zh).toContain("H7未填写偏差原因分析及改进措施");
    const level = r.findings.find((f) => addressOf(f.at) === "A7")!;
    expect(level).toMatchObject({ subject: "效益指标(30分)", observed: "30", expected: "20", related: ["F7", "F8"] });
    const above = r.findings.find((f) => addressOf(f.at) === "G9")!;
    expect(above).toMatchObject({ observed: "12", expected: "≤ 10", related: ["F9"] });
  });

  it("names the scoring rule in a score finding, and the rule is a target the user changes", () => {
    const proportional = checkWorkbook(wb).findings.find((f) => addressOf(f.at) === "G6")!;
    expect(proportional.expected).toBe("9 (proportional)");
    expect(proportional.expectedText).toEqual({ zh: "9（按比例计分）", en: "9 (proportional)" });
    expect(proportional.message.en).toContain("proportional scoring rule");
    const strict = checkWorkbook(wb, { targets: targets({ indicators: { scoring: "all-or-nothing" } }) });
    const scores = strict.findings.filter((f) => f.rule === "score-mismatch" && f.severity === "warning");
    // All-or-nothing: 9.6 (G4) and 6.67 (G7) should be 0; G6's 10 too.
    expect(scores.map((f) => [addressOf(f.at), f.expected])).toEqual([
      ["G4", "0 (all-or-nothing)"],
      ["G6", "0 (all-or-nothing)"],
      ["G7", "0 (all-or-nothing)"],
    ]);
  });

  it("a rule's severity can be changed or turned off like any other", () => {
    const r = checkWorkbook(wb, { targets: targets({ severity: { "indicator-unexplained": "off", "indicator-target-miss": "error" } }) });
    expect(r.findings.some((f) => f.rule === "indicator-unexplained")).toBe(false);
    expect(r.findings.filter((f) => f.rule === "indicator-target-miss").map((f) => f.severity)).toEqual(["error", "error", "error"]);
  });
});

describe("layout 2: the national 项目支出绩效自评表 (预算执行率 block, 年度总体目标, 绩效指标, 总分)", () => {
  it("detects the block's adjusted budget and the 三级指标 column, not 年初预算数 or the 绩效指标 label", async () => {
    const wb = await roundTrip(layoutNational());
    const tables = detectTables(wb.sheets[0]).tables;
    const roles = tables.map((t) => Object.fromEntries(t.columns.map((c) => [c.role, c.col])));
    expect(tables.map((t) => [t.kind, t.headerTop + 1, t.firstRow + 1, t.lastRow + 1])).toEqual([
      ["indicator", 5, 6, 9],
      ["indicator", 10, 11, 11],
      ["indicator", 12, 13, 19],
    ]);
    expect(roles[0]).toMatchObject({ budget: 3, actual: 4, weight: 5, statedCompletion: 6, score: 7 });
    expect(roles[2]).toMatchObject({ level1: 1, level2: 2, indicator: 3, target: 4, indicatorActual: 5, weight: 6, score: 7, reason: 8 });
  });

  it("a consistent form gives only the unreadable target (execution score, 执行率, totals with the block all hold)", async () => {
    const r = checkWorkbook(await roundTrip(layoutNational()));
    expect(brief(r.findings)).toEqual(["info target-unreadable E17"]);
    expect(r.findings[0]).toMatchObject({ subject: "基金可持续运行", observed: "≥95%以内" });
  });

  it("flags a 执行率 score other than 分值 × 执行率 and a stated 执行率 other than 全年执行数 ÷ 全年预算数", async () => {
    const r = checkWorkbook(await roundTrip(layoutNational({ execScore: 9.5, grantRate: "98%", totalScore: 99.5 })));
    expect(brief(r.findings)).toEqual(["error score-mismatch H6", "error stated-rate-mismatch G7", "info target-unreadable E17"]);
    const exec = r.findings[0];
    // (A stated 10 would pass: 9.96 rounds to 10 at the stated precision.)
    expect(exec).toMatchObject({ subject: "年度资金总额", observed: "9.5", related: ["F6", "G6"] });
    expect(exec.expected).toBe("9.96 (weight × execution rate 10 × 99.61%; proportional)");
    expect(exec.expectedText!.zh).toBe("9.96（分值×执行率 10 × 99.61%；按比例计分）");
    // The block's stated rate goes through the fund rules' stated-rate-mismatch (815 → 811 is 99.5%, not 98%).
    expect(r.findings[1]).toMatchObject({ observed: "98%", expected: "99.5%", related: ["E7", "D7"] });
  });

  it("flags a 总分 row whose score or weight does not add up (the block's points included)", async () => {
    const score = checkWorkbook(await roundTrip(layoutNational({ totalScore: 98 })));
    expect(brief(score.findings)).toContain("error score-mismatch H19");
    expect(score.findings.find((f) => addressOf(f.at) === "H19")).toMatchObject({ subject: "总分", observed: "98", expected: "99.96" });
    const weight = checkWorkbook(await roundTrip(layoutNational({ totalWeight: 95 })));
    const w = weight.findings.find((f) => addressOf(f.at) === "G19")!;
    expect(w).toMatchObject({ rule: "score-mismatch", severity: "error", observed: "95", expected: "100" });
    expect(w.message.en).toContain("plus the budget execution weight (10)");
  });
});

describe("layout 3: plain columns (指标名称 | 目标值 | 实际值 | 权重 | 得分 | 偏差原因) with a 合计 row", () => {
  it("checks a range target, a qualitative miss with its reason, and the 合计 weights", async () => {
    const r = checkWorkbook(await roundTrip(layoutPlain));
    expect(brief(r.findings)).toEqual(["warning indicator-target-miss C5", "error score-mismatch D6"]);
    expect(r.findings[0]).toMatchObject({ subject: "待遇发放", observed: "未达成", expected: "达成预期指标" });
    expect(r.findings[1]).toMatchObject({ subject: "合计", observed: "100", expected: "90", related: ["D3", "D4", "D5"] });
    expect(r.sheets[0].tables[0]).toMatchObject({ kind: "indicator", headerRow: 2, unit: "万元" });
  });
});

describe("targets", () => {
  it("indicators.scoring accepts the rule names and refuses others, naming the key", () => {
    expect(parseTargets({ indicators: { scoring: "all-or-nothing" } })).toMatchObject({ ok: true, targets: { indicators: { scoring: "all-or-nothing" } } });
    const bad = parseTargets({ indicators: { scoring: "bands" } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^indicators\.scoring: /);
    expect(DEFAULT_TARGETS.indicators).toEqual({ scoring: "proportional" });
  });
});

describe("examples/indicator-self-evaluation.xlsx (docs/indicators.md shows its findings)", () => {
  it("gives exactly the findings the docs list", async () => {
    const { readWorkbook } = await import("../../../src/cli/readWorkbook");
    const path = await import("path");
    const r = checkWorkbook(await readWorkbook(path.join(__dirname, "..", "..", "..", "examples", "indicator-self-evaluation.xlsx")));
    expect(r.findings.map((f) => `${addressOf(f.at)} ${f.rule} ${f.severity} ${f.observed} | ${f.expected}`)).toEqual([
      "F14 indicator-target-miss warning 90% | ≥95%",
      "H14 score-mismatch warning 15 | 14.21 (proportional)",
      "I14 indicator-unexplained warning blank | a reason and a remedy",
      "F17 target-unreadable info 有所改善 | 较上年有所改善",
      "H19 score-mismatch error 98.96 | 99.96",
    ]);
  });
});

describe("examples/qiemo-2019.xlsx: the seed's indicator sheet", () => {
  it("满意度 ≥95% and 上访率 ≤1% are met and every score holds: no indicator finding", async () => {
    const { readWorkbook } = await import("../../../src/cli/readWorkbook");
    const { literal } = await import("../../helpers/xlsx");
    const path = await import("path");
    const grid = await readWorkbook(path.join(__dirname, "..", "..", "..", "examples", "qiemo-2019.xlsx"));
    const r = checkWorkbook(grid);
    const sheet = r.sheets.find((s) => s.name === "绩效指标")!;
    expect(sheet.kind).toBe("indicator");
    expect(r.findings.filter((f) => placeOf(f.at) === "绩效指标")).toEqual([]);
    // And the check does read it: the same sheet with 上访率 at 1.5% would be a miss.
    const ind = literal(grid.sheets.find((s) => s.name === "绩效指标")!); // plain arrays, so a cell can be changed
    ind.cells[6]![4] = { value: "1.5%" };
    const changed = checkWorkbook({ name: "x", sheets: [ind] });
    expect(changed.findings.map((f) => `${f.rule} ${addressOf(f.at)}`)).toEqual(["indicator-target-miss E7", "score-mismatch G7", "indicator-unexplained H7"]);
  });
});
