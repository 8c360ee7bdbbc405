import { readFileSync } from "fs";
import path from "path";
import { readReportText } from "../../../src/core/reportText/read";
import { ReportFigure } from "../../../src/core/reportText/funds";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../../fixtures", name), "utf8");

/** The figures without their sources and year (the year a one-year text names: tested in periods.test.ts), for comparing with what a reviewer reads off the text. */
function plain(f: ReportFigure | undefined): Record<string, unknown> | undefined {
  if (!f) return undefined;
  const { sources, componentsCoverage, year, ...rest } = f;
  return { ...rest, components: f.components?.map((c) => [c.name, c.amount]) };
}

const bySubject = (figures: ReportFigure[], subject: string) => figures.find((f) => f.subject === subject);

describe("readReportText on the seed (且末县 2019)", () => {
  const seed = fixture("qiemo-2019-report.txt");
  const read = readReportText(seed, "qiemo-2019-report.txt");

  it("reads the unit of the text", () => {
    expect(read.unit).toBe("万元");
  });

  it("finds exactly the five funds and the all-funds totals, in text order", () => {
    expect(read.figures.map((f) => [f.subject, f.line])).toEqual([
      ["各项基金合计", 16],
      ["企业职工基本养老保险", 26],
      ["机关事业单位基本养老保险", 29],
      ["城乡居民基本养老保险", 32],
      ["工伤保险", 35],
      ["失业保险", 40],
    ]);
  });

  it("reads every figure of the 且末县 2019 table", () => {
    const f = read.figures;
    expect(plain(bySubject(f, "企业职工基本养老保险"))).toEqual({
      subject: "企业职工基本养老保险", line: 26, budget: 4398, actual: 4568, statedCompletion: 0.97, change: 456, statedGrowth: 0.11,
      components: [["养老金支出", 4277], ["转移支出", 74], ["丧葬费支出", 215]], componentsOf: "actual",
    });
    expect(plain(bySubject(f, "机关事业单位基本养老保险"))).toEqual({
      subject: "机关事业单位基本养老保险", line: 29, budget: 12738, actual: 12328, statedCompletion: 0.97, change: 752, statedGrowth: 0.06,
      components: undefined,
    });
    // 预算 before 支出, "完成预算任务的", change then growth both as "比上年递增", and the balance from the overview (line 16).
    expect(plain(bySubject(f, "城乡居民基本养老保险"))).toEqual({
      subject: "城乡居民基本养老保险", line: 32, budget: 1015, actual: 1011, statedCompletion: 0.98, change: 265, statedGrowth: 0.36, balance: 3594,
      components: undefined,
    });
    // "完成预算的的131%" (the seed's typo), "与上年相比增长率为62%".
    expect(plain(bySubject(f, "工伤保险"))).toEqual({
      subject: "工伤保险", line: 35, budget: 398, actual: 806, statedCompletion: 1.31, change: 307, statedGrowth: 0.62, components: undefined,
    });
    // No budget: absent, never 0. "完成预算98%" without 的.
    expect(plain(bySubject(f, "失业保险"))).toEqual({
      subject: "失业保险", line: 40, actual: 619, statedCompletion: 0.98, components: [["失业支出", 25], ["医疗支出", 9]], componentsOf: "actual",
    });
    expect(plain(bySubject(f, "各项基金合计"))).toEqual({ subject: "各项基金合计", line: 16, actual: 34928, income: 25004, components: undefined });
  });

  it("does not read percentages that are not fund figures (满意度95%以上, 上访率1%以内, 未达到100%)", () => {
    const rates = read.figures.flatMap((f) => [f.statedCompletion, f.statedGrowth]).filter((v) => v !== undefined);
    expect(rates).not.toContain(0.95);
    expect(rates).not.toContain(0.01);
    expect(rates).not.toContain(1);
    expect(rates).not.toContain(-1);
  });

  it("keeps each figure's line and sentence", () => {
    const urban = bySubject(read.figures, "城乡居民基本养老保险")!;
    expect(urban.sources.balance).toEqual({ line: 16, text: "3594万元", quote: "截至2019年末，城乡居民养老保险基金累计结余3594万元。" });
    expect(urban.sources.statedGrowth?.line).toBe(32);
    expect(urban.sources.statedGrowth?.quote).toMatch(/^2019年末，城乡居民养老保险预算支出为1015万元.*比上年递增36%。$/);
    const injury = bySubject(read.figures, "工伤保险")!;
    expect(injury.sources.statedCompletion).toMatchObject({ line: 35, text: "131%" });
  });

  it("tabulates the funds with L<line> refs and component rows under their parent", () => {
    expect(read.tables).toHaveLength(1);
    const table = read.tables[0];
    expect(table.unit).toBe("万元");
    expect(table.sheet).toBe("qiemo-2019-report.txt");
    const enterprise = table.rows.findIndex((r) => r.subject === "企业职工基本养老保险");
    const row = table.rows[enterprise];
    expect(row.kind).toBe("item");
    expect(row.line).toBe(26);
    expect(row.figures.actual?.ref).toBe("L26");
    expect(row.figures.statedChange?.read).toMatchObject({ kind: "number", value: 456 });
    const parts = table.rows.filter((r) => r.kind === "component" && r.parent === enterprise);
    expect(parts.map((r) => [r.subject, r.figures.actual?.read.kind === "number" ? r.figures.actual.read.value : null])).toEqual([
      ["养老金支出", 4277], ["转移支出", 74], ["丧葬费支出", 215],
    ]);
    const urban = table.rows.find((r) => r.subject === "城乡居民基本养老保险")!;
    expect(urban.figures.balance?.ref).toBe("L16");
    expect(urban.figures.actual?.ref).toBe("L32");
    const unemployment = table.rows.find((r) => r.subject === "失业保险")!;
    // The sentence states a completion rate but no budget: a blank at that line, never a 0.
    expect(unemployment.figures.budget).toEqual({ ref: "L40", read: { kind: "missing" } });
    const totals = table.rows.find((r) => r.subject === "各项基金合计")!;
    expect(totals.figures.budget).toBeUndefined();
  });
});

describe("readReportText on other phrasings", () => {
  it("亿元, sentence order changed (支出 before 预算, 增长 before 增加), 预算执行率, 滚存结余", () => {
    const read = readReportText(fixture("report-yiyuan-reordered.txt"));
    expect(read.unit).toBe("亿元");
    expect(read.figures.map(plain)).toEqual([
      { subject: "企业职工基本养老保险", line: 4, budget: 12.5, actual: 12.46, statedCompletion: 0.997, change: 1.06, statedGrowth: 0.093, balance: 38.2, components: undefined },
      { subject: "职工基本医疗保险", line: 7, budget: 3.6, actual: 3.18, statedCompletion: 0.883, change: 0.14, statedGrowth: 0.046, components: undefined },
    ]);
    // Precision follows the text: 12.46亿元 is compared at half a unit of its second decimal.
    const actual = read.tables[0].rows[0].figures.actual!.read;
    expect(actual).toMatchObject({ kind: "number", digits: "12.46", decimals: 2 });
  });

  it("a decrease (较上年减少/下降, 减支/降幅) gives a negative change and growth", () => {
    const read = readReportText(fixture("report-decrease.txt"));
    expect(read.figures.map(plain)).toEqual([
      { subject: "失业保险", line: 2, budget: 860, actual: 812, statedCompletion: 0.944, change: -96, statedGrowth: -0.106, components: undefined },
      { subject: "工伤保险", line: 5, budget: 160, actual: 150, statedCompletion: 0.938, change: -90, statedGrowth: -0.375, components: undefined },
    ]);
  });

  it("收不抵支 is a negative current balance; income and 累计结余 read beside it", () => {
    const read = readReportText(fixture("report-deficit.txt"));
    expect(read.figures.map(plain)).toEqual([
      { subject: "城乡居民基本医疗保险", line: 1, budget: 6000, actual: 5986, statedCompletion: 0.998, income: 5320, balance: 2150, currentBalance: -666, components: undefined },
      { subject: "生育保险", line: 2, currentBalance: -35, components: undefined },
    ]);
    // 执行数5986万元 restates the same actual: not a conflict.
    expect(read.figures[0].restated).toBeUndefined();
  });

  it("a partial 其中 list and an over-full one keep their components and their coverage", () => {
    const read = readReportText(fixture("report-partial-list.txt"));
    const [injury, annuity] = read.figures;
    expect(plain(injury)).toMatchObject({ subject: "工伤保险", budget: 820, actual: 806, statedCompletion: 0.98, components: [["工伤医疗费", 120], ["伤残津贴", 95]] });
    expect(injury.componentsCoverage).toBeCloseTo(215 / 806, 3);
    expect(plain(annuity)).toMatchObject({ subject: "职业年金", actual: 500, components: [["待遇支出", 300], ["转移支出", 210]] });
    expect(annuity.componentsCoverage).toBeCloseTo(1.02, 4);
  });

  it("traditional characters, a stray comma and a stray space inside numbers", () => {
    const read = readReportText(fixture("report-traditional.txt"));
    expect(read.unit).toBe("万元");
    expect(read.figures.map(plain)).toEqual([
      { subject: "机关事业单位基本养老保险", line: 2, budget: 12738, actual: 12328, statedCompletion: 0.97, change: 752, statedGrowth: 0.06, components: undefined },
      { subject: "工伤保险", line: 3, budget: 398, actual: 806, statedCompletion: 1.31, components: undefined },
    ]);
    // The quote is the sentence as written (traditional), not the normalized text.
    expect(read.figures[1].sources.actual).toMatchObject({ text: "8 06萬元", quote: "工傷保險基金預算數398萬元，執行數8 06萬元，完成預算的131%。" });
  });

  it("half-width punctuation, thousands separators, 全县各项 totals and 城乡居民社会养老保险 = 城乡居民基本养老保险", () => {
    const read = readReportText(fixture("report-halfwidth-totals.txt"));
    expect(read.figures.map(plain)).toEqual([
      { subject: "各项基金合计", line: 1, actual: 34928, income: 25004, components: undefined },
      { subject: "城乡居民基本养老保险", line: 2, budget: 1015, actual: 1011, statedCompletion: 0.98, change: 265, statedGrowth: 0.36, balance: 3594, components: undefined },
    ]);
  });

  it("mixed 万元 and 亿元: amounts go to 亿元 exactly, keeping the precision of the 万元 figures", () => {
    const read = readReportText("各项基金收入1.2亿元，其中：保险费收入8000万元，财政补贴收入4034万元。");
    expect(read.unit).toBe("亿元");
    const totals = read.figures[0];
    expect(totals.income).toBe(1.2);
    expect(totals.componentsOf).toBe("income");
    expect(totals.components?.map((c) => [c.name, c.amount])).toEqual([["保险费收入", 0.8], ["财政补贴收入", 0.4034]]);
    const part = read.tables[0].rows[2].figures.income!.read;
    expect(part).toMatchObject({ kind: "number", digits: "0.4034", decimals: 4 });
  });

  it("keeps the first statement of a figure and lists a different restatement", () => {
    const read = readReportText("工伤保险基金支出806万元。\n全年工伤保险基金支出为860万元。");
    expect(read.figures[0].actual).toBe(806);
    expect(read.figures[0].restated).toEqual([{ field: "actual", line: 2, text: "860万元" }]);
  });

  it("a 上年支出 figure is the prior year, not this year's expenditure", () => {
    const read = readReportText("失业保险基金支出619万元，上年支出540万元，增长14.6%。");
    expect(plain(read.figures[0])).toEqual({ subject: "失业保险", line: 1, actual: 619, prior: 540, statedGrowth: 0.146, components: undefined });
  });

  it("an income change is not the expenditure's change", () => {
    const read = readReportText("工伤保险基金收入420万元，比上年增加30万元，增长7.7%；基金支出398万元。");
    expect(plain(read.figures[0])).toEqual({ subject: "工伤保险", line: 1, income: 420, actual: 398, components: undefined });
  });

  it("分别为: labels listed before it go to the figures after it, in order", () => {
    const read = readReportText("2019年工伤保险预算支出和实际支出分别为398万元、806万元，完成率和增幅分别为131%、62%。");
    expect(plain(read.figures[0])).toEqual({ subject: "工伤保险", line: 1, budget: 398, actual: 806, statedCompletion: 1.31, statedGrowth: 0.62, components: undefined });
  });

  it("an income's completion rate is not the expenditure's; a plain 结余 after income and expenditure is the year's", () => {
    const read = readReportText("失业保险基金收入700万元，完成预算的105%，支出619万元，结余81万元。");
    expect(plain(read.figures[0])).toEqual({ subject: "失业保险", line: 1, income: 700, actual: 619, currentBalance: 81, components: undefined });
  });

  it("a plain 结余 on its own is the fund's balance; 收入预算 is not the expenditure budget", () => {
    const read = readReportText("失业保险基金年末结余2,000万元。收入预算800万元。");
    expect(plain(read.figures[0])).toEqual({ subject: "失业保险", line: 1, balance: 2000, components: undefined });
  });

  it("a top-level heading ends the paragraph's fund; a sub-heading naming a fund starts one", () => {
    const read = readReportText("（四）工伤保险基金\n预算支出398万元，支出806万元。\n三、其他情况\n支出10万元。");
    expect(read.figures.map((f) => [f.subject, f.actual])).toEqual([["工伤保险", 806], ["（未指明险种）", 10]]);
  });

  it("a text with no figures gives no figures and no tables", () => {
    expect(readReportText("")).toEqual({ figures: [], tables: [] });
    expect(readReportText("2019年满意度达到95%以上，领取待遇人数1618人。")).toEqual({ figures: [], tables: [] });
  });
});
