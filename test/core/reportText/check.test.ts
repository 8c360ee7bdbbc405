import { readFileSync } from "fs";
import path from "path";
import { checkReportText } from "../../../src/core/reportText";
import { DEFAULT_TARGETS, parseTargets } from "../../../src/core/targets";
import { bySeverity, Finding } from "../../../src/core/findings";
import { addressOf, lineOf, placeOf, quoteOf } from "../../../src/core/location";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../../fixtures", name), "utf8");

/** What a reviewer reads off a finding: rule, severity, fund, line, what the figures give, what was expected. */
const brief = (f: Finding) => [f.rule, f.severity, f.subject, addressOf(f.at), f.observed, f.expected];
const sortBriefs = (fs: Finding[]) => fs.map(brief).sort((a, b) => String(a).localeCompare(String(b)));

describe("checkReportText on the seed (且末县 2019): exactly the findings the README shows", () => {
  const seed = fixture("qiemo-2019-report.txt");
  const result = checkReportText(seed, { name: "qiemo-2019-report.txt" });

  it("gives the §9 findings and nothing else", () => {
    expect(sortBriefs(result.findings)).toEqual(
      [
        ["stated-rate-mismatch", "error", "企业职工基本养老保险", "L26", "97%", "103.9%"],
        ["stated-rate-mismatch", "error", "城乡居民基本养老保险", "L32", "98%", "99.6%"],
        ["stated-rate-mismatch", "error", "工伤保险", "L35", "131%", "202.5%"],
        ["completion-band", "error", "工伤保险", "L35", "202.5%", "95%–105%"],
        ["yoy-growth-band", "warning", "城乡居民基本养老保险", "L32", "36%", "±30%"],
        ["yoy-growth-band", "warning", "工伤保险", "L35", "62%", "±30%"],
        ["budget-balance", "warning", "各项基金合计", "L16", "34928", "≤ 25004"],
        ["payable-months-band", "info", "城乡居民基本养老保险", "L16", "42.7", "6–24"],
        ["missing-value", "info", "失业保险", "L40", "blank", "budget"],
      ].sort((a, b) => String(a).localeCompare(String(b)))
    );
  });

  it("summarizes 4 errors, 3 warnings, 2 infos (企业职工's 其中 4566 of 4568: a list falling short, within rounding, is no finding), in line order (the one order of findings), errors first when grouped", () => {
    expect(result.summary).toEqual({ error: 4, warning: 3, info: 2 });
    const lines = result.findings.map((f) => lineOf(f.at)!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // Within a line, by rule in catalogue order: completion-band before stated-rate-mismatch before yoy-growth-band.
    expect(result.findings.filter((f) => lineOf(f.at) === 35).map((f) => f.rule)).toEqual(["completion-band", "stated-rate-mismatch", "yoy-growth-band"]);
    const groups = bySeverity(result.findings);
    expect([groups.error.length, groups.warning.length, groups.info.length]).toEqual([4, 3, 2]);
  });

  it("passes 机关事业单位 on every rule (96.8% rounds to 97%, 6.496% to 6%)", () => {
    expect(result.findings.filter((f) => f.subject.startsWith("机关事业单位"))).toEqual([]);
  });

  it("失业保险: the missing budget is missing-value, not a completion rate; its partial 其中 list is not summed", () => {
    const unemployment = result.findings.filter((f) => f.subject.startsWith("失业保险"));
    expect(unemployment.map((f) => f.rule)).toEqual(["missing-value"]);
    expect(unemployment[0].message.en).toMatch(/budget/);
  });

  it("points each finding at its line and quotes the sentence the figure stands in", () => {
    for (const f of result.findings) {
      expect(placeOf(f.at)).toBe("qiemo-2019-report.txt");
      expect(addressOf(f.at)).toBe(`L${lineOf(f.at)}`);
      const line = seed.split("\n")[lineOf(f.at)! - 1];
      expect(line).toContain(quoteOf(f.at)!);
      expect(quoteOf(f.at)!.length).toBeGreaterThan(10);
    }
    const months = result.findings.find((f) => f.rule === "payable-months-band")!;
    // The balance is stated in the overview's second sentence, not in the fund's own paragraph.
    expect(quoteOf(months.at)).toBe("截至2019年末，城乡居民养老保险基金累计结余3594万元。");
    const balance = result.findings.find((f) => f.rule === "budget-balance")!;
    expect(quoteOf(balance.at)).toMatch(/^2019年社会保险基金预算绩效目标.*各项总基金支出34928万元。$/);
  });

  it("returns the figures and the unit for the CLI's JSON, and a workbook-like sheet entry", () => {
    expect(result.unit).toBe("万元");
    expect(result.figures.map((f) => f.subject)).toContain("工伤保险");
    expect(result.sheets).toHaveLength(1);
    expect(result.sheets[0]).toMatchObject({ name: "qiemo-2019-report.txt", kind: "fund" });
    expect(result.sheets[0].tables[0].funds).toContainEqual({ subject: "工伤保险", budget: 398, actual: 806 });
    // JSON round trip keeps it (no Decimal, no functions inside).
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("uses the targets it is given: a wider growth band silences yoy-growth-band, severity off silences a rule", () => {
    const parsed = parseTargets({ growthBand: { low: -0.7, high: 0.7 }, severity: { "payable-months-band": "off" } });
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const relaxed = checkReportText(seed, { targets: parsed.targets });
    expect(relaxed.findings.map((f) => f.rule)).not.toContain("yoy-growth-band");
    expect(relaxed.findings.map((f) => f.rule)).not.toContain("payable-months-band");
    expect(relaxed.findings.filter((f) => f.rule === "stated-rate-mismatch")).toHaveLength(3);
    expect(placeOf(relaxed.findings[0].at)).toBe("report");
  });
});

describe("checkReportText on other phrasings", () => {
  const check = (name: string) => checkReportText(fixture(name), { targets: DEFAULT_TARGETS, name });

  it("亿元 and reordered sentences: 职工医保 88.3% is a completion-band error; 38.2亿 balance is 36.8 months (info)", () => {
    const r = check("report-yiyuan-reordered.txt");
    expect(sortBriefs(r.findings)).toEqual(
      [
        ["completion-band", "error", "职工基本医疗保险", "L7", "88.3%", "95%–105%"],
        ["payable-months-band", "info", "企业职工基本养老保险", "L4", "36.8", "6–24"],
      ].sort((a, b) => String(a).localeCompare(String(b)))
    );
  });

  it("decreases: 94.4% and 93.8% completion warnings; a −37.5% fall is beyond ±30%; the stated falls match their changes", () => {
    const r = check("report-decrease.txt");
    expect(sortBriefs(r.findings)).toEqual(
      [
        ["completion-band", "warning", "失业保险", "L2", "94.4%", "95%–105%"],
        ["completion-band", "warning", "工伤保险", "L5", "93.8%", "95%–105%"],
        ["yoy-growth-band", "warning", "工伤保险", "L5", "-37.5%", "±30%"],
      ].sort((a, b) => String(a).localeCompare(String(b)))
    );
    expect(r.findings.map((f) => f.rule)).not.toContain("stated-rate-mismatch");
  });

  it("a wrong stated fall is caught: 下降12% where the figures give −10.6%", () => {
    const r = checkReportText("失业保险基金预算支出860万元，实际支出812万元，完成预算的94%，较上年减少96万元，下降12%。");
    const mismatches = r.findings.filter((f) => f.rule === "stated-rate-mismatch");
    expect(mismatches.map((f) => [f.observed, f.expected])).toEqual([["-12%", "-10.6%"]]);
  });

  it("收不抵支: expenditure over income is budget-balance; a deficit stated only in words is too; a thin balance warns", () => {
    const r = check("report-deficit.txt");
    expect(sortBriefs(r.findings)).toEqual(
      [
        ["budget-balance", "warning", "城乡居民基本医疗保险", "L1", "5986", "≤ 5320"],
        ["payable-months-band", "warning", "城乡居民基本医疗保险", "L1", "4.3", "6–24"],
        ["budget-balance", "warning", "生育保险", "L2", "-35", "≥ 0"],
      ].sort((a, b) => String(a).localeCompare(String(b)))
    );
    const stated = r.findings.find((f) => f.subject === "生育保险")!;
    expect(quoteOf(stated.at)).toBe("生育保险基金当年收不抵支35万元。");
    expect(stated.message.zh).toBe("生育保险：当年收不抵支，当期缺口35，未达到“以收定支，收支平衡，略有结余”的目标");
  });

  it("a partial 其中 list (27% of its total) is not summed; an over-full one is a components-sum error", () => {
    const r = check("report-partial-list.txt");
    expect(r.findings.map(brief)).toEqual([["components-sum", "error", "职业年金", "L2", "500", "510"]]);
  });

  it("traditional characters with stray separators: 機關 passes, 工傷 gets the same findings as in the seed", () => {
    const r = check("report-traditional.txt");
    expect(sortBriefs(r.findings)).toEqual(
      [
        ["completion-band", "error", "工伤保险", "L3", "202.5%", "95%–105%"],
        ["stated-rate-mismatch", "error", "工伤保险", "L3", "131%", "202.5%"],
      ].sort((a, b) => String(a).localeCompare(String(b)))
    );
    expect(quoteOf(r.findings[0].at)).toBe("工傷保險基金預算數398萬元，執行數8 06萬元，完成預算的131%。");
  });

  it("half-width punctuation and 全县各项 totals give the seed's findings for 城乡居民 and the totals", () => {
    const r = check("report-halfwidth-totals.txt");
    expect(sortBriefs(r.findings)).toEqual(
      [
        ["stated-rate-mismatch", "error", "城乡居民基本养老保险", "L2", "98%", "99.6%"],
        ["budget-balance", "warning", "各项基金合计", "L1", "34928", "≤ 25004"],
        ["yoy-growth-band", "warning", "城乡居民基本养老保险", "L2", "36%", "±30%"],
        ["payable-months-band", "info", "城乡居民基本养老保险", "L2", "42.7", "6–24"],
      ].sort((a, b) => String(a).localeCompare(String(b)))
    );
  });

  it("a stated growth with neither a change nor a prior year: missing-value (the base is not stated), not a guess", () => {
    const r = checkReportText("工伤保险预算支出400万元，支出398万元，完成预算的99.5%，增长8%。");
    expect(r.findings.map((f) => [f.rule, f.severity, addressOf(f.at)])).toEqual([["missing-value", "info", "L1"]]);
    expect(r.findings[0].message.en).toMatch(/prior/i);
  });

  it("text without figures: no findings, zero summary", () => {
    const r = checkReportText("我中心要切实加强财务管理，对社会保险基金实行专款专用。");
    expect(r).toMatchObject({ figures: [], findings: [], summary: { error: 0, warning: 0, info: 0 } });
    expect(r.unit).toBeUndefined();
  });
});
