/**
 * Texts that cover several years (issue 12 items 7 and 8): every figure is keyed by its fund and its year (the year
 * named nearest before it, in its sentence or the text above), so one year's budget is never set against another
 * year's spending, and each finding names its year. Expected figures are worked out by hand in each test.
 */
import { readFileSync } from "fs";
import path from "path";
import { checkReportText } from "../../../src/core/reportText/check";
import { readReportText } from "../../../src/core/reportText/read";
import { Finding } from "../../../src/core/findings";
import { addressOf } from "../../../src/core/location";

/** A finding as a reviewer reads it; its year is data (`period`), not part of the fund's name. */
const brief = (f: Finding) => [f.rule, f.severity, f.subject, f.period, addressOf(f.at), f.observed, f.expected];
const amounts = (text: string) => readReportText(text).figures.map((f) => [f.subject, f.year, f.budget, f.actual, f.statedCompletion]);

describe("a text covering two years", () => {
  it("two published reports in one text (锡林郭勒盟 2022, 广西 2024): each year checked on its own figures", () => {
    // Figures as published: 2022 budget 30075, actual 29675, stated 98.67% (29675 ÷ 30075 = 98.670%, consistent);
    // 2024 budget 1437530.39, actual 1042971.58 (72.553%: below the 95%–105% band). Read as one year, the 2022
    // budget met the 2024 spending: 1042971.58 ÷ 30075 = 3467.9%, a false completion error and a false rate error.
    const text = readFileSync(path.join(__dirname, "../../fixtures/report-two-years.txt"), "utf8");
    expect(amounts(text)).toEqual([
      ["城乡居民基本养老保险", 2024, 1437530.39, 1042971.58, undefined],
      ["城乡居民基本养老保险", 2022, 30075, 29675, 0.9867],
    ]);
    const result = checkReportText(text);
    expect(result.findings.map(brief)).toEqual([["completion-band", "error", "城乡居民基本养老保险", 2024, "L4", "72.6%", "95%–105%"]]);
    expect(result.findings[0].message.zh).toContain("2024年");
    expect(result.figures.map((f) => f.period)).toEqual(["2024", "2022"]);
  });

  it("2022 budget in one paragraph, 2024 spending and its own budget in another: no cross-year completion rate", () => {
    // 2024: 1180 ÷ 1200 = 98.33% → "98.3%" holds. Read as one year: 1180 ÷ 900 = 131.1%, two false errors.
    const text = "2022年工伤保险基金预算支出900万元。\n2024年工伤保险基金支出1180万元，完成预算的98.3%（预算1200万元）。";
    expect(amounts(text)).toEqual([
      ["工伤保险", 2022, 900, undefined, undefined],
      ["工伤保险", 2024, 1200, 1180, 0.983],
    ]);
    expect(checkReportText(text).findings).toEqual([]);
  });

  it("\"2024年……；2022年……\" in one sentence: each year's completion rate from its own figures, findings name the year", () => {
    // 2024: 1180 ÷ 1200 = 98.33% (98.3% holds); 2022: 1050 ÷ 900 = 116.67% (116.7% holds, but over the band).
    const text = "2024年工伤保险基金预算支出1200万元，实际支出1180万元，完成预算的98.3%；2022年预算支出900万元，实际支出1050万元，完成预算的116.7%。";
    const result = checkReportText(text);
    expect(result.findings.map(brief)).toEqual([["completion-band", "error", "工伤保险", 2022, "L1", "116.7%", "95%–105%"]]);
  });

  it("year headings: a wrong rate in the second year's report is caught, and named with its year", () => {
    // 2022: 880 ÷ 900 = 97.78% (97.8% holds). 2024: 1180 ÷ 1200 = 98.33%, stated 96.3%: a mismatch of 2024.
    const text = [
      "2022年度工伤保险基金绩效自评报告",
      "预算支出900万元，支出880万元，完成预算的97.8%。",
      "2024年度工伤保险基金绩效自评报告",
      "预算支出1200万元，支出1180万元，完成预算的96.3%。",
    ].join("\n");
    const result = checkReportText(text);
    expect(result.findings.map(brief)).toEqual([["stated-rate-mismatch", "error", "工伤保险", 2024, "L4", "96.3%", "98.33%"]]);
  });

  it("a growth over the year before uses that year's stated expenditure; one against another year is not year-on-year", () => {
    // 2024 over 2023: 1295 ÷ 1180 − 1 = 9.75%: "9.7%" holds, "10.7%" does not.
    const base = "2023年工伤保险基金支出1180万元。2024年工伤保险基金支出1295万元，比上年增长";
    expect(checkReportText(base + "9.7%。").findings).toEqual([]);
    expect(checkReportText(base + "10.7%。").findings.map(brief)).toEqual([["stated-rate-mismatch", "error", "工伤保险", 2024, "L1", "10.7%", "9.746%"]]);
    // 较2022年增长 is a two-year growth: not checked against the year-on-year band or its base (no finding, no guess).
    const twoYears = "2022年工伤保险基金支出900万元。2024年工伤保险基金支出1295万元，较2022年增长43.9%。";
    expect(checkReportText(twoYears).findings).toEqual([]);
    expect(readReportText(twoYears).figures.map((f) => f.statedGrowth)).toEqual([undefined, undefined]);
  });

  it("\"2024年…37.46亿元，2022年为40.26亿元，下降7.0%\": the decrease is 2024 against 2022, not a growth of 2022 (no finding, no guess)", () => {
    // 37.46 ÷ 40.26 − 1 = −6.95% → −7.0%: a two-year change, neither year's year-on-year growth.
    const text = "2022年失业保险基金实际支出40.26亿元。\n2024年失业保险基金实际支出37.46亿元，2022年为40.26亿元，下降7.0%。";
    expect(checkReportText(text).findings).toEqual([]);
    expect(readReportText(text).figures.map((f) => [f.subject, f.year, f.actual, f.statedGrowth])).toEqual([
      ["失业保险", 2022, 40.26, undefined],
      ["失业保险", 2024, 37.46, undefined],
    ]);
  });

  it("a one-year text: a change since another year (与2013年相比增加4.44亿元) is not the year's change", () => {
    // Read as this year's change, 8.31 − 4.44 = 3.87 would give a false +114.7% growth and a false rate mismatch.
    const text = "2017年城乡居民基本养老保险基金支出8.31亿元，比上年增加1.13亿元，增长15.74%；与2013年相比增加4.44亿元，年平均增长18.39%。";
    expect(checkReportText(text).findings).toEqual([]);
    expect(readReportText(text).figures.map((f) => [f.subject, f.year, f.actual, f.change, f.statedGrowth])).toEqual([["城乡居民基本养老保险", 2017, 8.31, 1.13, 0.1574]]);
  });

  it("dates that are not periods (填报时间：2020年4月2日, 于2016年8月实施) do not split a one-year text", () => {
    const text = "填报时间：2020年4月2日\n2019年工伤保险预算支出398万元，我县于2016年8月实施改革，工伤保险基金支出806万元，完成预算的的131%。";
    // One year: its figures carry it (2019), the funds are not keyed by it.
    expect(amounts(text)).toEqual([["工伤保险", 2019, 398, 806, 1.31]]);
  });
});

describe("multi-year sentences: 分别为 and 年均增长", () => {
  it("2021—2023年支出分别为1096、1180和1295万元，年均增长8.7%: one figure per year; the CAGR (8.700%) holds", () => {
    const text = "工伤保险基金2021—2023年支出分别为1096、1180和1295万元，年均增长8.7%。";
    expect(amounts(text)).toEqual([
      ["工伤保险", 2021, undefined, 1096, undefined],
      ["工伤保险", 2022, undefined, 1180, undefined],
      ["工伤保险", 2023, undefined, 1295, undefined],
    ]);
    // (1295 ÷ 1096)^(1/2) − 1 = 8.7000%; as a year-on-year rate 8.7% would be wrong for 2023 (1295 ÷ 1180 − 1 = 9.7%).
    expect(checkReportText(text).findings).toEqual([]);
  });

  it("a wrong 年均增长 is a stated-rate-mismatch: observed what the sentence says, expected the CAGR", () => {
    const text = "工伤保险基金2021年至2023年支出分别为1096万元、1180万元和1295万元，年均增长9.7%。";
    const result = checkReportText(text);
    expect(result.findings.map(brief)).toEqual([["stated-rate-mismatch", "error", "工伤保险", 2023, "L1", "9.7%", "8.70%"]]);
    expect(result.findings[0].message.zh).toContain("(1295 ÷ 1096)^(1/2) − 1");
  });

  it("a 分别为 list whose length is not the number of years is not read by year (no guess)", () => {
    const text = "工伤保险基金2021—2023年支出分别为1096和1295万元，年均增长8.7%。";
    expect(readReportText(text).figures.flatMap((f) => (f.actual === undefined ? [] : [f.actual]))).toEqual([]);
    expect(checkReportText(text).findings).toEqual([]);
  });

  it("the seed's one-year text is unchanged: no years in its funds' names", () => {
    const seed = readFileSync(path.join(__dirname, "../../fixtures/qiemo-2019-report.txt"), "utf8");
    expect(readReportText(seed).figures.every((f) => f.period === undefined && !/年）$/.test(f.subject))).toBe(true);
  });
});
