/**
 * The clean-workbook corpus beyond the classes' clean variants: a county's whole accounts, a prefecture
 * consolidation (counties as rows, a 合计 row) and a province's two-year table. No planted error: the answer has
 * no error and no warning; an info appears only where it is true and worth saying (a fund with no budget).
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { Cell, fixed, pct, sheet, toBuffer, workbook } from "../xlsx";

/**
 * 若羌县 2019 accounts (synthetic county figures, 万元): 支出情况 with 其中 lists that add up (one partial), 收支结余
 * with 当年结余 and 年末累计结余, an indicator sheet whose targets are all met, and notes. 失业保险 has no budget
 * (not drawn up separately, as in many counties): an info that its completion rate cannot be computed, nothing else.
 */
function countyAccounts(): Case {
  const a = new Arithmetic();
  // [name, budget, actual, rate, change, growth]
  const funds: [string, number | null, number, string | null, number, string][] = [
    ["企业职工基本养老保险", 2150, 2108, "98.0", 122, "6.1"],
    ["机关事业单位基本养老保险", 5630, 5512, "97.9", 304, "5.8"],
    ["城乡居民基本养老保险", 642, 633, "98.6", 62, "10.9"],
    ["工伤保险", 620, 608, "98.1", 56, "10.1"],
    ["失业保险", null, 204, null, 17, "9.1"],
  ];
  for (const [f, b, x, r, c, g] of funds) {
    if (b !== null && r !== null) a.rate(f, r, x, b);
    a.growth(`${f} (上年 = ${x} − ${c})`, g, x, x - c);
  }
  a.sum("企业职工 其中 (基本养老金 + 丧葬抚恤补助 + 转移支出)", "2108", [1968, 64, 76]);
  a.sum("机关事业 其中 (基本养老金 + 丧葬抚恤补助)", "5512", [5321, 191]);
  a.sum("城乡居民 其中 (基础养老金 + 个人账户养老金 + 丧葬补助金)", "633", [561, 58, 14]);
  a.rate("失业 其中 失业保险金: a partial list", "54.9", 112, 204);
  a.sum("合计 预算数 (the four funds with a budget)", "9042", [2150, 5630, 642, 620]);
  a.sum("合计 执行数", "9065", [2108, 5512, 633, 608, 204]);
  a.sum("合计 比上年增减", "561", [122, 304, 62, 56, 17]);
  a.growth("合计 增幅 (上年 = 9065 − 561 = 8504)", "6.6", 9065, 8504);
  a.holds("合计 completion 9065 ÷ 9042 in 95–105%", 9065 / 9042 >= 0.95 && 9065 / 9042 <= 1.05);
  // 收支结余: [name, income, spending, 当年结余, 年末累计结余]
  const balances: [string, number, number, number, number][] = [
    ["企业职工基本养老保险", 2215, 2108, 107, 1650],
    ["机关事业单位基本养老保险", 5600, 5512, 88, 4420],
    ["城乡居民基本养老保险", 790, 633, 157, 1105],
    ["工伤保险", 640, 608, 32, 512],
    ["失业保险", 236, 204, 32, 330],
  ];
  for (const [f, i, s, c, acc] of balances) {
    a.diff(`${f} 当年结余`, String(c), i, s);
    a.holds(`${f} payable months ${acc} × 12 ÷ ${s} within 6–24`, (acc * 12) / s >= 6 && (acc * 12) / s <= 24);
  }
  a.sum("收支 合计 收入", "9481", balances.map((r) => r[1]));
  a.sum("收支 合计 支出", "9065", balances.map((r) => r[2]));
  a.sum("收支 合计 当年结余", "416", balances.map((r) => r[3]));
  a.sum("收支 合计 年末累计结余", "8017", balances.map((r) => r[4]));
  a.months("收支 合计", "10.6", 8017, 9065);
  return {
    id: "clean/county-accounts-ruoqiang-2019",
    cls: "clean",
    title: "A county's whole accounts: 支出 with 其中, 收支结余, indicators, notes",
    file: "clean-county-accounts.xlsx",
    sources: ["synthetic: 若羌县 2019 county figures (invented, consistent by construction)"],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "支出情况").widths(30, 11, 11, 10, 12, 9);
      s.merge("A1:F1", "若羌县2019年社会保险基金支出绩效情况表");
      s.cell("F2", "单位：万元");
      s.merge("A3:A4", "基金名称").merge("B3:C3", "2019年").merge("D3:D4", "完成率").merge("E3:E4", "比上年增减").merge("F3:F4", "增幅");
      s.rows("B4", [["预算数", "执行数"]]);
      const row = (f: (typeof funds)[number]): Cell[] => [f[0], f[1], f[2], f[3] === null ? null : pct(f[3]), f[4], pct(f[5])];
      s.rows("A5", [
        row(funds[0]),
        ["其中：基本养老金", null, 1968],
        ["丧葬抚恤补助", null, 64],
        ["转移支出", null, 76],
        row(funds[1]),
        ["其中：基本养老金", null, 5321],
        ["丧葬抚恤补助", null, 191],
        row(funds[2]),
        ["其中：基础养老金", null, 561],
        ["个人账户养老金", null, 58],
        ["丧葬补助金", null, 14],
        row(funds[3]),
        row(funds[4]),
        ["其中：失业保险金", null, 112],
        ["合计", 9042, 9065, null, 561, pct("6.6")],
      ]);
      for (const r of [7, 8, 11, 14, 15]) s.indent(`A${r}`, 2);
      s.cell("A21", "注：失业保险基金未单独编制支出预算。");

      const b = sheet(wb, "收支结余").widths(26, 12, 12, 12, 14);
      b.merge("A1:E1", "若羌县2019年社会保险基金收支结余情况表");
      b.cell("E2", "单位：万元");
      b.rows("A3", [["项目", "基金收入", "基金支出", "当年结余", "年末累计结余"], ...balances, ["合计", 9481, 9065, 416, 8017]]);

      const ind = sheet(wb, "绩效指标").widths(12, 16, 34, 12, 12, 6, 6, 20);
      ind.merge("A1:H1", "若羌县2019年社会保险基金支出绩效自评表");
      ind.rows("A2", [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "企业职工基本养老保险年末领取待遇人数", "≥820人", "836人", 20, 20, null],
        ["产出指标", "时效指标", "各项社会保险待遇按时足额发放率", "100%", "100%", 20, 20, null],
        ["效益指标", "社会效益指标", "上访率", "≤1%", "0.5%", 20, 20, null],
        ["满意度指标", "服务对象满意度指标", "待遇享受人员满意度", "≥95%", "96%", 20, 20, null],
      ]);

      const n = sheet(wb, "说明").widths(100);
      n.rows("A1", [
        ["若羌县社会保险基金支出绩效评价报告（2019年度）"],
        ["2019年各项社会保险基金按照“以收定支，收支平衡，略有结余”的原则编制预算，各项待遇按时足额发放。"],
        ["失业保险基金未单独编制支出预算，执行数按实际发生数填列。"],
      ]);
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "missing-value",
        severity: "info",
        sheet: "支出情况",
        cell: "B17",
        subject: "失业保险",
        why: "失业保险 has no budget (blank, not 0): its completion rate cannot be computed — true and worth an info; the 合计 预算数 9042 is the four budgets that exist",
      },
    ],
    sheets: { 支出情况: "fund", 收支结余: "fund", 绩效指标: "indicator", 说明: "notes" },
    tables: [
      { sheet: "支出情况", kind: "fund", orientation: "rows", headerRows: [3, 4], unit: "万元", years: [2019], roles: { A: "fund / 其中 component", B: "budget", C: "actual", D: "stated completion", E: "stated change", F: "stated growth" } },
      { sheet: "收支结余", kind: "balance", orientation: "rows", headerRows: [3], unit: "万元", years: [2019], roles: { A: "fund", B: "income", C: "expenditure", D: "current-year surplus", E: "accumulated balance (payable months)" } },
      { sheet: "绩效指标", kind: "indicator", orientation: "rows", headerRows: [2] },
    ],
  };
}

/** 巴州 city/county consolidation of one fund (synthetic figures, 万元): counties as rows, a 合计 row. */
function prefectureConsolidation(): Case {
  const a = new Arithmetic();
  // [county, budget, actual, rate, prior, growth]
  const rows: [string, number, number, string, number, string][] = [
    ["库尔勒市", 3860, 3791, "98.2", 3412, "11.1"],
    ["轮台县", 1240, 1218, "98.2", 1060, "14.9"],
    ["尉犁县", 905, 887, "98.0", 815, "8.8"],
    ["若羌县", 642, 633, "98.6", 571, "10.9"],
    ["且末县", 1015, 1004, "98.9", 890, "12.8"],
    ["焉耆回族自治县", 1480, 1452, "98.1", 1297, "12.0"],
    ["和静县", 920, 903, "98.2", 814, "10.9"],
    ["和硕县", 760, 744, "97.9", 672, "10.7"],
    ["博湖县", 530, 519, "97.9", 482, "7.7"],
  ];
  for (const [c, b, x, r, p, g] of rows) {
    a.rate(c, r, x, b);
    a.growth(c, g, x, p);
  }
  a.sum("合计 预算数", "11352", rows.map((r) => r[1]));
  a.sum("合计 执行数", "11151", rows.map((r) => r[2]));
  a.rate("合计", "98.2", 11151, 11352);
  a.sum("合计 上年执行数", "10013", rows.map((r) => r[4]));
  a.growth("合计", "11.4", 11151, 10013);
  return {
    id: "clean/prefecture-consolidation-one-fund",
    cls: "clean",
    title: "A prefecture's consolidation of one fund: nine counties as rows, a 合计 row (formulas)",
    file: "clean-prefecture-consolidation.xlsx",
    sources: ["synthetic: 巴音郭楞蒙古自治州 county figures of 城乡居民基本养老保险 2019 (invented)"],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "城乡居民养老汇总").widths(18, 10, 10, 9, 12, 8);
      s.merge("A1:F1", "巴音郭楞蒙古自治州2019年城乡居民基本养老保险基金支出汇总表");
      s.cell("F2", "单位：万元");
      s.rows("A3", [
        ["县市", "预算数", "执行数", "完成率", "上年执行数", "增幅"],
        ...rows.map(([c, b, x, r, p, g]) => [c, b, x, pct(r), p, pct(g)]),
        ["合计", { f: "SUM(B4:B12)", v: 11352 }, { f: "SUM(C4:C12)", v: 11151 }, { f: "C13/B13", v: 11151 / 11352, fmt: "0.0%" }, { f: "SUM(E4:E12)", v: 10013 }, { f: "C13/E13-1", v: 11151 / 10013 - 1, fmt: "0.0%" }],
      ]);
      return toBuffer(wb);
    },
    findings: [],
    sheets: { 城乡居民养老汇总: "fund" },
    tables: [
      { sheet: "城乡居民养老汇总", kind: "consolidation", orientation: "rows", headerRows: [3], unit: "万元", years: [2019], roles: { A: "county (row 13: 合计 of rows 4–12)", B: "budget", C: "actual", D: "stated completion", E: "prior year", F: "stated growth" } },
    ],
  };
}

/**
 * A province's two-year table of the 城乡居民 fund (亿元, two decimals): the published 2017 figures and the 2016
 * ones they imply (2017 − 比上年增加). Items as rows, 其中 lists that add up exactly. Its 年末累计结余 covers 39.4
 * months of spending: an info a reader pairing the 结余 row with the 支出 row may give (optional).
 * The roll-forward 23.20 + (12.41 − 8.31) = 27.30 against 27.31 is rounding (three figures at 0.01), not an error.
 */
function provincialTwoYears(): Case {
  const a = new Arithmetic();
  a.diff("2016 收入 = 12.41 − 1.31", "11.10", 12.41, 1.31);
  a.diff("2016 支出 = 8.31 − 1.13", "7.18", 8.31, 1.13);
  a.diff("2016 累计结余 = 27.31 − 4.11", "23.20", 27.31, 4.11);
  a.growth("收入", "11.80", 12.41, 11.1);
  a.growth("支出", "15.74", 8.31, 7.18);
  a.growth("累计结余", "17.72", 27.31, 23.2);
  a.sum("收入 其中", "12.41", [2.74, 9.12, 0.52, 0.03]);
  a.sum("支出 其中", "8.31", [7.62, 0.46, 0.2, 0.03]);
  a.months("累计结余 ÷ 月均支出", "39.4", 27.31, 8.31);
  a.holds("roll-forward 23.20 + 12.41 − 8.31 = 27.30 vs 27.31 within ±0.02 (rounding)", Math.abs(23.2 + 12.41 - 8.31 - 27.31) <= 0.02 + 1e-9);
  const f = (v: number | null): Cell => (v === null ? null : fixed(v, 2));
  const rows: Cell[][] = [
    ["一、基金收入", f(11.1), f(12.41), f(1.31), f(11.8)],
    ["其中：个人缴费收入", null, f(2.74), null, null],
    ["财政补助收入", null, f(9.12), null, null],
    ["利息收入", null, f(0.52), null, null],
    ["转移收入", null, f(0.03), null, null],
    ["二、基金支出", f(7.18), f(8.31), f(1.13), f(15.74)],
    ["其中：基础养老金支出", null, f(7.62), null, null],
    ["个人账户养老金支出", null, f(0.46), null, null],
    ["丧葬抚恤补助支出", null, f(0.2), null, null],
    ["转移支出", null, f(0.03), null, null],
    ["三、年末累计结余", f(23.2), f(27.31), f(4.11), f(17.72)],
  ];
  return {
    id: "clean/provincial-two-years-2016-2017",
    cls: "clean",
    title: "A province's 城乡居民 fund, 2016 and 2017 side by side (亿元, 0.00), 其中 lists",
    file: "clean-provincial-two-years.xlsx",
    sources: ["published: a provincial 2017 城乡居民基本养老保险 fund analysis (see c08-text-multiyear/provincial-2017-since-2013); 2016 figures derived from its 比上年增加"],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "收支对比").widths(26, 10, 10, 12, 12);
      s.merge("A1:E1", "2016—2017年全省城乡居民基本养老保险基金收支情况");
      s.cell("E2", "单位：亿元");
      s.rows("A3", [["项目", "2016年", "2017年", "比上年增减", "增长率(%)"], ...rows]);
      for (const r of [6, 7, 8, 11, 12, 13]) s.indent(`A${r}`, 2);
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "payable-months-band",
        severity: "info",
        sheet: "收支对比",
        subject: "城乡居民基本养老保险",
        observed: "39.4",
        expected: "6–24",
        optional: true,
        why: "年末累计结余 27.31 × 12 ÷ 支出 8.31 = 39.4 months > 24 (the balance and the spending are on different rows)",
      },
    ],
    sheets: { 收支对比: "fund" },
    tables: [
      {
        sheet: "收支对比",
        kind: "fund",
        orientation: "rows",
        headerRows: [3],
        unit: "亿元",
        years: [2016, 2017],
        roles: { A: "item (一、收入 / 二、支出 / 三、累计结余 with 其中)", B: "2016 (prior year)", C: "2017 (actual)", D: "stated change", E: "stated growth, percent points" },
      },
    ],
  };
}

export const cases: Case[] = [countyAccounts(), prefectureConsolidation(), provincialTwoYears()];
