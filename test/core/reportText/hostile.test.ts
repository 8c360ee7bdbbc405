/**
 * Hostile report text (issue 14 item 3): inputs that made the reader run for minutes or overflow the stack. Each runs
 * at the size that was reported, under jest's default timeout (a hang guard: before the fix each took 1–90+ s, or
 * minutes), and each asserts what is read, so a "fast" wrong answer fails too. Speed itself is measured by
 * `npm run bench -- report`; test/core/regexSafety.test.ts keeps super-linear patterns out of src/core.
 */
import { readReportText } from "../../../src/core/reportText/read";
import { checkReportText } from "../../../src/core/reportText/check";
import { addressOf } from "../../../src/core/location";

describe("report text that used to hang or crash the reader", () => {
  it("工伤保险完成预算 + 达到 × 30 + X97%。 (212 bytes; exponential before): finishes, reads no completion rate", () => {
    const text = "工伤保险完成预算" + "达到".repeat(30) + "X97%。\n";
    expect(Buffer.byteLength(text)).toBe(212);
    expect(readReportText(text).figures).toEqual([]);
    // Without the X the filler run is legal: 97% is the completion rate of 工伤保险.
    const clean = readReportText("工伤保险完成预算" + "达到".repeat(30) + "97%。");
    expect(clean.figures.map((f) => [f.subject, f.statedCompletion])).toEqual([["工伤保险", 0.97]]);
  });

  it.each([
    ["共计", "工伤保险基金支出" + "共计".repeat(200) + "X806万元。"],
    ["高达/达/到", "工伤保险基金支出" + "高达到".repeat(200) + "X806万元。"],
    ["为是 and spaces", "工伤保险基金支出" + "为 是 ".repeat(200) + "X806万元。"],
    ["的 after 完成预算", "工伤保险完成预算" + "的达到".repeat(200) + "X97%。"],
  ])("overlapping fillers (%s) before a figure whose label does not hold: finishes, reads nothing", (_name, text) => {
    expect(readReportText(text).figures).toEqual([]);
  });

  it.each([
    ["1,", "1,".repeat(100_000)],
    ["1 ", "1 ".repeat(100_000)],
    ["1, ", "1, ".repeat(100_000)],
  ])('100,000 × "%s" with no unit (polynomial before, 59–71 s): no figure', (_name, text) => {
    expect(readReportText(text)).toEqual({ figures: [], tables: [] });
  });

  it("a run of 100,000 separated digits ending in 万元 is not a figure (too many digits), and what follows still reads", () => {
    const text = "工伤保险基金支出" + "1 ".repeat(100_000) + "万元，预算支出398万元。";
    const read = readReportText(text);
    expect(read.figures.map((f) => [f.subject, f.budget, f.actual])).toEqual([["工伤保险", 398, undefined]]);
  });

  it("a 5 MB line of sentences (stack overflow before): every fund read, findings at line 1", () => {
    const sentence = "工伤保险基金预算支出398万元，支出806万元，完成预算的131%。";
    const text = sentence.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(sentence)));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const result = checkReportText(text);
    expect(result.figures.map((f) => [f.subject, f.budget, f.actual, f.statedCompletion])).toEqual([["工伤保险", 398, 806, 1.31]]);
    expect(result.findings.map((f) => [f.rule, addressOf(f.at)])).toEqual([
      ["completion-band", "L1"],
      ["stated-rate-mismatch", "L1"],
    ]);
  });

  it("a 5 MB line with no sentence end and many fund names (quadratic before): reads the last fund's figures", () => {
    const text = "工伤保险、失业保险、生育保险".repeat(120_000) + "基金支出806万元";
    const read = readReportText(text);
    expect(read.figures.map((f) => [f.subject, f.actual])).toEqual([["生育保险", 806]]);
  });

  it("100,000 distinct funds on one line: every fund read, no stack overflow in the check", () => {
    // Fund names of six characters, one per number ("甲甲甲甲甲乙保险"): any other named insurance fund is read.
    const name = (i: number) => String(i).padStart(6, "0").replace(/\d/g, (d) => "甲乙丙丁戊己庚辛壬癸"[Number(d)]) + "保险";
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) parts.push(`${name(i)}基金支出${i + 1}万元。`);
    const result = checkReportText(parts.join(""));
    expect(result.figures).toHaveLength(100_000);
    expect(result.figures[99_999]).toMatchObject({ subject: name(99_999), actual: 100_000, line: 1 });
    expect(result.sheets[0].tables[0]).toMatchObject({ firstRow: 1, lastRow: 1 });
  });

  it("a 其中 list of 100,000 components: read in order, numbered where unnamed", () => {
    const text = "工伤保险基金支出806万元，其中：" + "1万元，".repeat(100_000) + "。";
    const read = readReportText(text);
    expect(read.figures[0].components).toHaveLength(100_000);
    expect(read.figures[0].components![99_999]).toMatchObject({ name: "#100000", amount: 1 });
  });

  it("100,000 lines of the seed's sentences: the same figures as one copy", () => {
    const paragraph = "2019年工伤保险预算基金支出398万元，工伤保险基金支出806万元，完成预算的的131%，与上年相比递增307万元，与上年相比增长率为62%。";
    const read = readReportText(Array.from({ length: 100_000 }, () => paragraph).join("\n"));
    expect(read.figures).toHaveLength(1);
    expect(read.figures[0]).toMatchObject({ subject: "工伤保险", budget: 398, actual: 806, statedCompletion: 1.31, change: 307, statedGrowth: 0.62, line: 1 });
  });
});
