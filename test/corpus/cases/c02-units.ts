/**
 * Class 2 — mixed units. Every figure is brought to one unit per table before any rule runs (元/千元/万元/亿元,
 * from the unit line, a header suffix or the column header); figures are quoted in the unit they were written.
 * Two sheets of one workbook in 亿元 and 万元 are both legitimate. A 合计 rounded to 0.01 亿元 may differ from the
 * sum of its rounded parts by the rounding: compare at the precision the figures are written in.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { fixed, pct, sheet, toBuffer, workbook } from "../xlsx";

/**
 * A 万元 table whose 执行数 column is headed （元）. Synthetic county figures (若羌县 2023). 执行数 in 元:
 * 45,510,300 元 = 4551.03 万元 etc. One planted error: 城乡居民 完成率 typed 94.8% where 1362.18 ÷ 1385 = 98.4%.
 */
function yuanColumn(): Case {
  const a = new Arithmetic();
  const rows: [string, number, number, string][] = [
    ["企业职工基本养老保险", 4620, 45510300, a.rate("企业职工 (元 → 万元)", "98.5", 4551.03, 4620)],
    ["机关事业单位基本养老保险", 13150, 129874600, a.rate("机关事业", "98.8", 12987.46, 13150)],
    ["城乡居民基本养老保险", 1385, 13621800, "94.8"], // planted: the right figure is below
    ["工伤保险", 520, 5090400, a.rate("工伤", "97.9", 509.04, 520)],
    ["失业保险", 240, 2332700, a.rate("失业", "97.2", 233.27, 240)],
  ];
  a.rate("城乡居民 (the right rate)", "98.4", 1362.18, 1385);
  // Read raw (元 against 万元) the rate would be 45510300 ÷ 4620 = 985,071%: the absurd figure of issue 12.
  a.rate("企业职工 read without conversion (wrong)", "985071", 45510300, 4620);
  return {
    id: "c02-units/yuan-column-in-wanyuan-table",
    cls: "2",
    title: "单位：万元 table with one column headed 执行数（元）; one planted rate error",
    file: "c02-yuan-column.xlsx",
    sources: ["synthetic: 若羌县 2023 county figures (invented; 元 = 万元 × 10000 exactly)"],
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "支出情况").widths(26, 12, 16, 10);
      s.merge("A1:D1", "若羌县2023年社会保险基金支出情况表");
      s.cell("D2", "单位：万元");
      s.rows("A3", [["基金名称", "预算数", "执行数（元）", "完成率"], ...rows.map(([n, b, y, r]) => [n, b, { v: y, fmt: "#,##0" }, pct(r)])]);
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "unit-mismatch",
        severity: "warning",
        sheet: "支出情况",
        cell: "C3",
        observed: "元",
        expected: "万元",
        why: "the rule catalogue: a table mixing 元 and 万元 is flagged (warning) — and then computed after conversion, never raw",
      },
      {
        rule: "stated-rate-mismatch",
        severity: "error",
        sheet: "支出情况",
        cell: "D6",
        subject: "城乡居民基本养老保险",
        observed: "94.8%",
        expected: "98.4%",
        why: "13,621,800 元 = 1362.18 万元; 1362.18 ÷ 1385 = 98.35% → 98.4%, stated 94.8%",
      },
    ],
    sheets: { 支出情况: "fund" },
    tables: [
      {
        sheet: "支出情况",
        kind: "fund",
        orientation: "rows",
        headerRows: [3],
        unit: "万元",
        years: [2023],
        roles: { A: "fund", B: "budget (万元)", C: "actual, in 元 (÷ 10000 to 万元)", D: "stated completion" },
      },
    ],
  };
}

/** One workbook, two sheets: a national excerpt in 亿元 and a county's table in 万元. Both clean. */
function twoSheets(): Case {
  const a = new Arithmetic();
  // National 2013 决算 (亿元): 企业职工 支出 16699 against the 2013 budget 16460, 居民社会养老 1431 against 1390.
  a.rate("全国 企业职工 支出", "101", 16699, 16460);
  a.rate("全国 居民社会养老 支出", "103", 1431, 1390);
  // County (synthetic, 万元).
  const county: [string, number, number, string][] = [
    ["企业职工基本养老保险", 2150, 2108, a.rate("县 企业职工", "98.0", 2108, 2150)],
    ["机关事业单位基本养老保险", 5630, 5512, a.rate("县 机关事业", "97.9", 5512, 5630)],
    ["城乡居民基本养老保险", 642, 633, a.rate("县 城乡居民", "98.6", 633, 642)],
    ["工伤保险", 620, 608, a.rate("县 工伤", "98.1", 608, 620)],
    ["失业保险", 210, 204, a.rate("县 失业", "97.1", 204, 210)],
  ];
  return {
    id: "c02-units/two-sheets-yiyuan-and-wanyuan",
    cls: "2",
    title: "Two sheets of one workbook: national figures in 亿元, the county's in 万元",
    file: "c02-two-sheets-yi-wan.xlsx",
    sources: [
      "http://jxxznews.zjol.com.cn/xznews/system/2013/05/08/016406714.shtml (财政部 2013年全国社会保险基金预算: 企业职工支出16460, 居民社会养老支出1390)",
      "https://www.chinanews.com.cn/cj/2014/10-10/6665098.shtml, http://www.kcuv.cn/shebaozhengce/1201643 (2013年决算: 16699 完成预算的101%, 1431 完成预算的103%)",
      "synthetic: the county sheet (若羌县 2019-style figures)",
    ],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const n = sheet(wb, "全国").widths(26, 12, 12, 10);
      n.merge("A1:D1", "2013年全国社会保险基金支出预算执行情况（摘录）");
      n.cell("D2", "单位：亿元");
      n.rows("A3", [
        ["项目", "预算数", "决算数", "完成预算%"],
        ["企业职工基本养老保险基金支出", 16460, 16699, 101],
        ["居民社会养老保险基金支出", 1390, 1431, 103],
      ]);
      const c = sheet(wb, "本县").widths(26, 12, 12, 10);
      c.merge("A1:D1", "若羌县2019年社会保险基金支出情况表");
      c.cell("D2", "单位：万元");
      c.rows("A3", [["基金名称", "预算数", "执行数", "完成率"], ...county.map(([nm, b, x, r]) => [nm, b, x, pct(r)])]);
      return toBuffer(wb);
    },
    findings: [],
    sheets: { 全国: "fund", 本县: "fund" },
    tables: [
      { sheet: "全国", kind: "fund", orientation: "rows", headerRows: [3], unit: "亿元", years: [2013], roles: { A: "item", B: "budget", C: "actual (决算数)", D: "stated completion in percent points" } },
      { sheet: "本县", kind: "fund", orientation: "rows", headerRows: [3], unit: "万元", years: [2019], roles: { A: "fund", B: "budget", C: "actual", D: "stated completion" } },
    ],
  };
}

/**
 * A province's 工伤保险 table in 亿元 with two decimals, rounded from 万元 (synthetic prefecture figures).
 * 预算数 合计: the exact total 78676 万元 = 7.8676 亿元 → 7.87, while the four rounded parts add to 7.85 — a gap of
 * 0.02 that is rounding only (four parts each rounded down by ~0.0044, the total rounded up): no finding.
 * 执行数 合计: written 8.03 where the parts add to 7.73 (exact 7.7288 → 7.73): a real error of 0.30.
 */
function totalRounding(): Case {
  const a = new Arithmetic();
  const budgets = [26144, 31443, 12344, 8745]; // 万元
  const actuals = [25801, 30912, 12012, 8563];
  const names = ["乌鲁木齐市", "昌吉回族自治州", "伊犁哈萨克自治州", "巴音郭楞蒙古自治州"];
  const yi = (w: number, what: string) => a.rounded(what, (Math.round(w / 100) / 100).toFixed(2), w, 10000);
  const budgetYi = budgets.map((b, i) => yi(b, `${names[i]} 预算数 万元 → 亿元`));
  const actualYi = actuals.map((x, i) => yi(x, `${names[i]} 执行数 万元 → 亿元`));
  a.sum("预算数 exact total (万元)", "78676", budgets);
  a.rounded("预算数 合计 (亿元, rounded from the exact total)", "7.87", 78676, 10000);
  a.sum("预算数 sum of the rounded parts", "7.85", budgetYi);
  // The largest gap rounding can make with 4 parts and a rounded total: 4 × 0.005 + 0.005 = 0.025 > 0.02.
  a.holds("gap 0.02 < 4 × 0.005 + 0.005 (rounding only)", Math.abs(7.87 - 7.85) < 0.025);
  a.sum("执行数 exact total (万元)", "77288", actuals);
  a.rounded("执行数 合计 (亿元)", "7.73", 77288, 10000);
  a.sum("执行数 sum of the rounded parts", "7.73", actualYi);
  // Completion rates of the rows stay in the 95–105% band (no rate column: nothing stated to check).
  actualYi.forEach((x, i) => a.holds(`${names[i]} completion ${x} ÷ ${budgetYi[i]} in 95–105%`, Number(x) / Number(budgetYi[i]) >= 0.95 && Number(x) / Number(budgetYi[i]) <= 1.05));
  a.holds("合计 completion as written 8.03 ÷ 7.87 in 95–105%", 8.03 / 7.87 <= 1.05);
  return {
    id: "c02-units/yiyuan-total-rounding",
    cls: "2",
    title: "亿元 table (0.00): a 合计 off by 0.02 through rounding (no finding), one off by 0.30 (finding)",
    file: "c02-yiyuan-total-rounding.xlsx",
    sources: ["synthetic: prefecture 工伤保险 figures of one province (invented in 万元, rounded to 0.01 亿元)"],
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "工伤保险").widths(22, 12, 12);
      s.merge("A1:C1", "2023年全省工伤保险基金支出情况（分地区）");
      s.cell("C2", "单位：亿元");
      s.rows("A3", [
        ["地区", "预算数", "执行数"],
        ...names.map((nm, i) => [nm, fixed(Number(budgetYi[i]), 2), fixed(Number(actualYi[i]), 2)]),
        ["合计", fixed(7.87, 2), fixed(8.03, 2)],
      ]);
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "components-sum",
        severity: "error",
        sheet: "工伤保险",
        cell: "C8",
        subject: "合计",
        observed: "8.03",
        expected: "7.73",
        why: "2.58 + 3.09 + 1.20 + 0.86 = 7.73, the 合计 says 8.03: 0.30 off, far beyond rounding (≤ 0.025). B8 7.87 vs 7.85 is rounding: no finding",
      },
    ],
    sheets: { 工伤保险: "fund" },
    tables: [
      { sheet: "工伤保险", kind: "consolidation", orientation: "rows", headerRows: [3], unit: "亿元", years: [2023], roles: { A: "region", B: "budget", C: "actual" }, notes: "row 8 is the 合计 of rows 4–7, figures rounded to 0.01 亿元" },
    ],
  };
}

export const cases: Case[] = [yuanColumn(), twoSheets(), totalRounding()];
