/**
 * Class 1 — which 结余. A 收支结余 table with both 当年结余 (this year's surplus) and 年末累计结余 / 滚存结余 (the
 * accumulated balance): payable months always use the accumulated balance; a table with only 当年结余 gives no
 * payable months at all (the rule does not run). Thresholds: warning below 6 months, info above 24.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { sheet, toBuffer, workbook } from "../xlsx";

/** 2013 national 决算, 亿元: 财政部 2013年全国社会保险基金决算 as reported by the press. */
const NATIONAL_2013 = [
  "https://www.chinanews.com.cn/cj/2014/10-10/6665098.shtml (财政部 2013年全国社会保险基金决算: 企业职工、城镇职工医疗)",
  "http://www.kcuv.cn/shebaozhengce/1201643 (same report: 居民社会养老保险、居民基本医疗保险)",
];

function national2013(): Case {
  const a = new Arithmetic();
  // 险种, 收入, 支出, 本年收支结余, 年末滚存结余 (亿元), as published.
  const rows: [string, number, number, number, number][] = [
    ["企业职工基本养老保险", 20790, 16699, 4091, 26900],
    ["城镇职工基本医疗保险", 6873, 5667, 1206, 7870],
    ["居民社会养老保险", 2173, 1431, 742, 3104],
    ["居民基本医疗保险", 3927, 3688, 238, 1850],
  ];
  a.diff("企业职工 本年收支结余", "4091", 20790, 16699);
  a.diff("城镇职工医疗 本年收支结余", "1206", 6873, 5667);
  a.diff("居民社会养老 本年收支结余", "742", 2173, 1431);
  // Published 238 where 3927 − 3688 = 239: the report computes the surplus from unrounded figures. Three figures
  // each rounded to 1 亿元 (±0.5) allow a gap up to 1.5, so 238 is consistent at the precision written.
  a.holds("居民医疗 238 vs 3927 − 3688 = 239 within ±1.5 (three figures rounded to 1 亿元)", Math.abs(238 - (3927 - 3688)) <= 1.5);
  // Payable months on the accumulated balance (年末滚存结余), balance × 12 ÷ 支出:
  a.months("企业职工", "19.3", 26900, 16699); // within 6–24
  a.months("城镇职工医疗", "16.7", 7870, 5667); // within
  a.months("居民社会养老", "26.0", 3104, 1431); // above 24: info
  a.months("居民医疗", "6.0", 1850, 3688); // 6.02: not below 6
  a.holds("居民医疗 1850 × 12 ÷ 3688 = 6.0195 ≥ 6 (no warning)", (1850 * 12) / 3688 >= 6);
  // On 本年收支结余 instead (the wrong balance) they would be 2.9, 2.6, 6.2 and 0.8 months: three false warnings.
  a.months("企业职工 on the current-year surplus (wrong)", "2.9", 4091, 16699);
  a.months("居民医疗 on the current-year surplus (wrong)", "0.8", 238, 3688);
  return {
    id: "c01-balance/national-2013-both-balances",
    cls: "1",
    title: "National 2013 决算 excerpt: 本年收支结余 and 年末滚存结余 side by side (亿元)",
    file: "c01-national-2013-balances.xlsx",
    sources: NATIONAL_2013,
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "收支结余").widths(26, 12, 12, 14, 14);
      s.merge("A1:E1", "2013年全国社会保险基金收支结余情况（摘录）");
      s.cell("E2", "单位：亿元");
      s.rows("A3", [["险种", "基金收入", "基金支出", "本年收支结余", "年末滚存结余"], ...rows]);
      s.bold("A3", "B3", "C3", "D3", "E3");
      s.cell("A8", "注：本年收支结余按未经四舍五入的数据计算，与收入减支出可能相差1亿元。");
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "payable-months-band",
        severity: "info",
        sheet: "收支结余",
        cell: "E6",
        subject: "居民社会养老保险",
        observed: "26.0",
        expected: "6–24",
        why: "年末滚存结余 3104 × 12 ÷ 支出 1431 = 26.03 months > 24: a large idle balance (true of the published figures)",
      },
    ],
    sheets: { 收支结余: "fund" },
    tables: [
      {
        sheet: "收支结余",
        kind: "balance",
        orientation: "rows",
        headerRows: [3],
        unit: "亿元",
        years: [2013],
        roles: { A: "fund", B: "income", C: "expenditure", D: "current-year surplus (本年收支结余) — never used for payable months", E: "accumulated balance (年末滚存结余) — payable months" },
      },
    ],
  };
}

/** 尉犁县 2023 (synthetic county figures, 万元): 收入, 支出, 年末累计结余, 当年结余 in that order. */
const COUNTY: [string, number, number, number, number][] = [
  ["企业职工基本养老保险", 3120, 3046, 2285, 74],
  ["机关事业单位基本养老保险", 6510, 6402, 5890, 108],
  ["城乡居民基本养老保险", 1260, 958, 1742, 302],
  ["工伤保险", 372, 365, 171, 7],
  ["失业保险", 205, 181, 318, 24],
];

function countyArithmetic(a: Arithmetic): void {
  for (const [name, income, spending, , current] of COUNTY) a.diff(`${name} 当年结余`, String(current), income, spending);
  a.sum("合计 收入", "11467", COUNTY.map((r) => r[1]));
  a.sum("合计 支出", "10952", COUNTY.map((r) => r[2]));
  a.sum("合计 年末累计结余", "10406", COUNTY.map((r) => r[3]));
  a.sum("合计 当年结余", "515", COUNTY.map((r) => r[4]));
  a.months("企业职工", "9.0", 2285, 3046);
  a.months("机关事业", "11.0", 5890, 6402);
  a.months("城乡居民", "21.8", 1742, 958);
  a.months("工伤", "5.6", 171, 365); // below 6: warning
  a.months("失业", "21.1", 318, 181);
  a.months("合计", "11.4", 10406, 10952);
}

function accumulatedFirst(): Case {
  const a = new Arithmetic();
  countyArithmetic(a);
  return {
    id: "c01-balance/county-accumulated-first",
    cls: "1",
    title: "County 收支结余 table, 年末累计结余 before 当年结余; 工伤 really below 6 months",
    file: "c01-county-accumulated-first.xlsx",
    sources: ["synthetic: 尉犁县 2023 county figures (invented, consistent by construction)"],
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "收支结余").widths(26, 12, 12, 14, 12);
      s.merge("A1:E1", "尉犁县2023年社会保险基金收支结余情况表");
      s.cell("E2", "单位：万元");
      s.rows("A3", [
        ["项目", "基金收入", "基金支出", "年末累计结余", "当年结余"],
        ...COUNTY,
        ["合计", 11467, 10952, 10406, 515],
      ]);
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "payable-months-band",
        severity: "warning",
        sheet: "收支结余",
        cell: "D7",
        subject: "工伤保险",
        observed: "5.6",
        expected: "6–24",
        why: "年末累计结余 171 × 12 ÷ 支出 365 = 5.62 months < 6; the message must name 累计结余 171, not 当年结余 7",
      },
    ],
    sheets: { 收支结余: "fund" },
    tables: [
      {
        sheet: "收支结余",
        kind: "balance",
        orientation: "rows",
        headerRows: [3],
        unit: "万元",
        years: [2023],
        roles: { A: "fund", B: "income", C: "expenditure", D: "accumulated balance (年末累计结余)", E: "current-year surplus (当年结余)" },
      },
    ],
  };
}

function noAccumulated(): Case {
  const a = new Arithmetic();
  countyArithmetic(a);
  return {
    id: "c01-balance/county-current-surplus-only",
    cls: "1",
    title: "County 收支 table with 当年结余 only: payable months must not run",
    file: "c01-county-current-only.xlsx",
    sources: ["synthetic: 尉犁县 2023 county figures (invented, consistent by construction)"],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "收支情况").widths(26, 12, 12, 12);
      s.merge("A1:D1", "尉犁县2023年社会保险基金收支情况表");
      s.cell("D2", "单位：万元");
      s.rows("A3", [["项目", "基金收入", "基金支出", "当年结余"], ...COUNTY.map((r) => [r[0], r[1], r[2], r[4]]), ["合计", 11467, 10952, 515]]);
      return toBuffer(wb);
    },
    // No accumulated balance: no payable months. (On 当年结余 every row, 合计 included, would be below 6 months: six false warnings.)
    findings: [],
    sheets: { 收支情况: "fund" },
    tables: [
      {
        sheet: "收支情况",
        kind: "balance",
        orientation: "rows",
        headerRows: [3],
        unit: "万元",
        years: [2023],
        roles: { A: "fund", B: "income", C: "expenditure", D: "current-year surplus (当年结余): no accumulated balance, so no payable months" },
      },
    ],
  };
}

export const cases: Case[] = [national2013(), accumulatedFirst(), noAccumulated()];
