/**
 * Layouts of issue 12 on literal grids: column groups (years, funds), growth headers, stacked sections, units.
 * Each test says what a reviewer would read off the sheet; the corpus (test/corpus) has the full workbooks.
 */
import { addressOf } from "../../../src/core/location";
import { checkSheet } from "../../../src/core/check";
import { detectTables } from "../../../src/core/detect/tables";
import { grid } from "../rules/helpers";

const pct = (value: number) => ({ value, numFmt: "0.0%" });

describe("column groups", () => {
  // 2021年 | 2022年 | 2023年 merged over 预算数 | 执行数 | 完成率 (two funds).
  const years = grid(
    [
      ["基金名称", "2021年", null, null, "2022年", null, null, "2023年", null, null],
      [null, "预算数", "执行数", "完成率", "预算数", "执行数", "完成率", "预算数", "执行数", "完成率"],
      ["城乡居民基本养老保险", 1030, 1008, pct(0.979), 1190, 1163, pct(0.957), 1385, 1362, pct(0.983)],
      ["工伤保险", 395, 386, pct(0.977), 450, 441, pct(0.98), 600, 589, pct(0.982)],
    ],
    ["A1:A2", "B1:D1", "E1:G1", "H1:J1"]
  );

  test("a multi-year header: one group per year, each year's prior the year before's actual (never the earliest)", () => {
    const [t] = detectTables(years).tables;
    expect(t.years).toEqual([2021, 2022, 2023]);
    expect(t.groups!.map((g) => [g.year, Object.fromEntries(g.columns.map((c) => [String.fromCharCode(65 + c.col), c.role]))])).toEqual([
      [2021, { A: "subject", B: "budget", C: "actual", D: "statedCompletion" }],
      [2022, { A: "subject", C: "prior", E: "budget", F: "actual", G: "statedCompletion" }],
      [2023, { A: "subject", F: "prior", H: "budget", I: "actual", J: "statedCompletion" }],
    ]);
  });

  test("each year is checked on its own and its findings name the year: 2022's rate, 2023's growth on 2022 (+33.6%, not +52.6% on 2021)", () => {
    const findings = checkSheet(years).findings;
    expect(findings.map((f) => [f.rule, addressOf(f.at), f.period, f.observed, f.expected])).toEqual([
      ["stated-rate-mismatch", "G3", 2022, "95.7%", "97.73%"],
      ["yoy-growth-band", "I4", 2023, "+33.6%", "±30%"],
    ]);
    expect(findings[0].message.zh).toBe("城乡居民基本养老保险（2022年）：填报的完成率为95.7%，但按支出÷预算计算应为97.73%");
    expect(findings[1].message.en).toMatch(/^工伤保险 \(2023\): up 33\.6% on the prior year/);
  });

  test("funds merged over 预算数 | 执行数 (a consolidation): one group per fund, the fund joins each county's subject", () => {
    const sheet = grid(
      [
        ["县市", "企业职工基本养老保险", null, "工伤保险", null],
        [null, "预算数", "执行数", "预算数", "执行数"],
        ["且末县", 4398, 4568, 398, 806],
        ["若羌县", 2150, 2108, 620, 608],
        ["合计", 6548, 6676, 1018, 1414],
      ],
      ["A1:A2", "B1:C1", "D1:E1"]
    );
    const r = checkSheet(sheet);
    expect(r.report.tables[0].groups!.map((g) => [g.fund, g.columns])).toEqual([
      ["企业职工基本养老保险", { A: "subject", B: "budget", C: "actual" }],
      ["工伤保险", { A: "subject", D: "budget", E: "actual" }],
    ]);
    expect(r.findings.map((f) => [f.rule, addressOf(f.at), f.subject, f.observed])).toEqual([
      ["completion-band", "E3", "且末县 工伤保险", "202.5%"],
      ["completion-band", "E5", "合计 工伤保险", "138.9%"],
    ]);
  });

  test("a single year over its columns (2019年 over 预算数 | 执行数) is no group: the table is read as before", () => {
    const sheet = grid([["基金名称", "2019年", null, "完成率"], [null, "预算数", "执行数", null], ["工伤保险", 398, 806, pct(1.31)]], ["A1:A2", "B1:C1", "D1:D2"]);
    const [t] = detectTables(sheet).tables;
    expect(t.groups).toBeUndefined();
    expect(t.years).toEqual([2019]);
  });
});

describe("growth headers, each with its meaning", () => {
  const table = (header: string, stated: number) =>
    grid([["单位：亿元"], ["项目", "上年决算数", "决算数", header], ["企业职工基本养老金支出", 13458, 16900, stated]]);

  test.each([
    ["增长%", 20, "statedGrowth"],
    ["增长（%）", 20, "statedGrowth"],
    ["比上年增长%", 20, "statedGrowth"],
    ["为上年的%", 120, "statedIndex"],
    ["决算数为上年决算数的%", 120, "statedIndex"],
  ])("%s: 16900 typed for 16090 gives +25.6%%, against the stated %s", (header, stated, role) => {
    const r = checkSheet(table(header, stated));
    expect(r.report.tables[0].columns.D).toBe(role);
    const [f] = r.findings.filter((x) => x.rule === "stated-rate-mismatch");
    expect([addressOf(f.at), f.observed, f.expected]).toEqual(role === "statedIndex" ? ["D3", "120%", "125.6%"] : ["D3", "20%", "25.6%"]);
  });

  test("the published 16090: 19.6% → 20, 119.6 → 120, no finding", () => {
    for (const [header, stated] of [["增长%", 20], ["为上年的%", 120]] as const) {
      const sheet = grid([["单位：亿元"], ["项目", "上年决算数", "决算数", header], ["企业职工基本养老金支出", 13458, 16090, stated]]);
      expect(checkSheet(sheet).findings).toEqual([]);
    }
  });
});

describe("stacked sections and units", () => {
  test("三、年末累计结余 ends the 其中 list above it (a numbered section is never a component)", () => {
    const sheet = grid([
      ["项目", "2016年", "2017年"],
      ["二、基金支出", 7.18, 8.31],
      ["其中：基础养老金支出", null, 7.62],
      ["个人账户养老金支出", null, 0.69],
      ["三、年末累计结余", 23.2, 27.31],
    ]);
    expect(checkSheet(sheet).findings).toEqual([]);
  });

  test("an amount converted from 元 is quoted in the table's unit and as written", () => {
    const sheet = grid([["单位：万元"], ["基金名称", "预算数", "执行数（元）"], ["工伤保险", 520, 7090400]]);
    const [f] = checkSheet(sheet).findings.filter((x) => x.rule === "completion-band");
    expect(f.message.zh).toBe("工伤保险：预算完成率136.4%（支出709.04万元（7090400元） ÷ 预算520），超出95%–105%的目标区间，超预算较多");
  });

  test("a 万元 table with a 执行数（元） column is checked in 万元 (98.4%, never 983,523%)", () => {
    const sheet = grid([["单位：万元"], ["基金名称", "预算数", "执行数（元）", "完成率"], ["城乡居民基本养老保险", 1385, 13621800, pct(0.984)]]);
    const r = checkSheet(sheet);
    expect(r.findings.map((f) => f.rule)).toEqual(["unit-mismatch"]);
    expect(r.report.tables[0].unit).toBe("万元");
  });
});

describe("transposed tables", () => {
  test("a sheet that reads as nothing either way is not transposed back and forth (the property test's grid)", () => {
    const sheet = grid([
      [0, "　　医疗支出", "上年数"],
      ["收入", 0],
      ["执行数", 0, 0],
    ]);
    expect(() => checkSheet(sheet)).not.toThrow();
  });

  test("rows an indicator table already reads are not read again as a transposed fund table (the property test's grid)", () => {
    const sheet = grid(
      [
        ["2019年社会保险基金支出情况表"],
        ["实际完成值", "得分", "偏差原因"],
        ["其中：养老金支出", "+35.5%", null],
        ["其中：养老金支出", 0],
      ],
      ["B3:C3"]
    );
    const r = checkSheet(sheet);
    expect(r.report.tables.map((t) => [t.kind, t.orientation])).toEqual([["indicator", "rows"]]);
  });

  test("a figure merged across two funds of a transposed table is flagged at the sheet's own cell", () => {
    const sheet = grid(
      [
        ["项目", "企业职工基本养老保险", "工伤保险", "失业保险"],
        ["预算数", 4398, 398, 700],
        ["执行数", 4568, null, 619],
      ],
      ["B3:C3"]
    );
    const r = checkSheet(sheet);
    expect(r.report.tables.map((t) => t.orientation)).toEqual(["columns"]);
    const merged = r.findings.filter((f) => f.rule === "merged-figure");
    expect(merged.map((f) => [addressOf(f.at), f.related])).toEqual([["B3", ["C3"]]]);
  });
});
