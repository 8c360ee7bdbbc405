/**
 * Class 10 — national 决算 tables as 财政部 publishes them. Their 其中 lists are genuinely partial (基本养老金支出 is
 * 96.5% of 企业职工 支出 in 2012, 失业保险金支出 40.2% of 失业 支出): the unlisted items exist, so a list that falls
 * short is no finding, however high its coverage. Growth headers 增长%, 决算数为上年决算数的%. And figures rounded to
 * 1 亿元 from unrounded data: a published 比上年增加 may differ by 1 from 本年 − 上年 (2432 for 13458 − 11027 = 2431),
 * which is consistent at the precision written: actual − prior lies in (2430, 2432), the stated 2432 ± 0.5 overlaps it.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { Cell, fixed, sheet, toBuffer, workbook } from "../xlsx";

const Y2011 = "http://www.jjckb.cn/2012-12/18/content_419026.htm (财政部 2011年全国社会保险基金决算: 企业职工收入15435、支出11402、基本养老金支出11027、保险费收入12719; 失业收入924、支出433、失业保险费收入885、失业保险金支出160)";
const Y2012 = "http://www.jjckb.cn/2013-11/27/content_478910.htm (关于2012年全国社会保险基金决算的说明: 企业职工收入18300 增加2865、保险费收入15027 增加2308、支出13948 增加2546、基本养老金支出13458 增加2432; 失业收入1139 增加215、保险费收入1081 增加196、支出450 增加18、失业保险金支出181 增加21)";
const Y2013 = "https://www.chinanews.com.cn/cj/2014/10-10/6665098.shtml and http://www.kcuv.cn/shebaozhengce/1201643 (2013年决算: 企业职工支出16699 增长20% 完成预算的101%, 基本养老金支出16090 增长20%; 居民社会养老支出1431 增长18% 完成预算的103%)";
const B2013 = "http://jxxznews.zjol.com.cn/xznews/system/2013/05/08/016406714.shtml (2013年全国社会保险基金预算: 企业职工支出16460, 居民社会养老支出1390)";

function expenditure2012(): Case {
  const a = new Arithmetic();
  a.growth("企业职工 支出", "22.3", 13948, 11402);
  a.growth("基本养老金支出", "22.0", 13458, 11027);
  a.growth("失业 支出", "3.9", 450, 433);
  a.growth("失业保险金支出", "13.1", 181, 160);
  a.rate("coverage 基本养老金 ÷ 企业职工 支出 (partial, unlisted items genuine)", "96.5", 13458, 13948);
  a.rate("coverage 失业保险金 ÷ 失业 支出", "40.2", 181, 450);
  return {
    id: "c10-national/2012-expenditure-partial-lists",
    cls: "10",
    title: "2012 national 支出决算 (亿元): 其中 lists covering 96.5% and 40.2%, header 增长%",
    file: "c10-national-2012-expenditure.xlsx",
    sources: [Y2011, Y2012],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "支出决算").widths(34, 12, 12, 10);
      s.merge("A1:D1", "2012年全国社会保险基金支出决算表（摘录）");
      s.cell("D2", "单位：亿元");
      s.rows("A3", [
        ["项目", "上年决算数", "决算数", "增长%"],
        ["一、企业职工基本养老保险基金支出", 11402, 13948, fixed(22.3, 1)],
        ["    其中：基本养老金支出", 11027, 13458, fixed(22.0, 1)],
        ["二、失业保险基金支出", 433, 450, fixed(3.9, 1)],
        ["    其中：失业保险金支出", 160, 181, fixed(13.1, 1)],
      ]);
      return toBuffer(wb);
    },
    findings: [],
    sheets: { 支出决算: "fund" },
    tables: [
      {
        sheet: "支出决算",
        kind: "fund",
        orientation: "rows",
        headerRows: [3],
        unit: "亿元",
        years: [2011, 2012],
        roles: { A: "item (rows 5, 7: partial 其中 lists)", B: "prior year (2011 决算)", C: "actual (2012 决算)", D: "stated growth in percent points (增长%)" },
      },
    ],
  };
}

function expenditure2013(): Case {
  const a = new Arithmetic();
  a.rate("企业职工 支出 决算 ÷ 预算", "101", 16699, 16460);
  a.index("企业职工 支出 为上年的% (2012: 13948)", "120", 16699, 13948);
  a.index("基本养老金支出 为上年的% (2012: 13458)", "120", 16090, 13458);
  a.rate("居民社会养老 支出 决算 ÷ 预算", "103", 1431, 1390);
  // 居民社会养老 2012 支出 is not in the sources: 118 is the published "增长18%"; without a 上年 column it can
  // only be held against the growth band (+18% is inside ±30%).
  a.rate("coverage 基本养老金 ÷ 企业职工 支出", "96.4", 16090, 16699);
  return {
    id: "c10-national/2013-expenditure-pct-of-budget-and-prior",
    cls: "10",
    title: "2013 national 支出决算 (亿元): 决算数为预算数的% and 决算数为上年决算数的%, a 96.4% 其中 list",
    file: "c10-national-2013-expenditure.xlsx",
    sources: [Y2013, B2013, Y2012],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "支出决算").widths(32, 10, 10, 12, 14);
      s.merge("A1:E1", "2013年全国社会保险基金支出决算表（摘录）");
      s.cell("E2", "单位：亿元");
      const rows: Cell[][] = [
        ["项目", "预算数", "决算数", "决算数为预算数的%", "决算数为上年决算数的%"],
        ["企业职工基本养老保险基金支出", 16460, 16699, 101, 120],
        ["    其中：基本养老金支出", null, 16090, null, 120],
        ["居民社会养老保险基金支出", 1390, 1431, 103, 118],
      ];
      s.rows("A3", rows);
      return toBuffer(wb);
    },
    findings: [],
    sheets: { 支出决算: "fund" },
    tables: [
      {
        sheet: "支出决算",
        kind: "fund",
        orientation: "rows",
        headerRows: [3],
        unit: "亿元",
        years: [2013],
        roles: { A: "item (row 5: partial 其中)", B: "budget", C: "actual (决算数)", D: "stated completion in percent points (决算数为预算数的%)", E: "stated index on the prior year (120 = +20%); no prior-year column" },
      },
    ],
  };
}

/** Published changes that differ by 1 from 本年 − 上年 because both were rounded: consistent, no finding. */
function publishedRounding(): Case {
  const a = new Arithmetic();
  const rows: [string, number, number, number, number][] = [
    ["企业职工基本养老保险基金收入", 15435, 18300, 2865, 19],
    ["企业职工基本养老保险费收入", 12719, 15027, 2308, 18],
    ["企业职工基本养老保险基金支出", 11402, 13948, 2546, 22],
    ["企业职工基本养老金支出", 11027, 13458, 2432, 22],
    ["失业保险基金收入", 924, 1139, 215, 23],
    ["失业保险费收入", 885, 1081, 196, 22],
    ["失业保险基金支出", 433, 450, 18, 4],
    ["失业保险金支出", 160, 181, 21, 13],
  ];
  for (const [item, prior, current, change, growth] of rows) {
    a.growth(item, String(growth), current, prior);
    if (current - prior === change) a.diff(item, String(change), current, prior);
    else {
      // The interval argument: |stated change − (本年 − 上年)| ≤ 1.5 (three figures rounded to 1 亿元).
      a.holds(`${item}: published change ${change} vs ${current} − ${prior} = ${current - prior}, within ±1.5`, Math.abs(change - (current - prior)) <= 1.5);
    }
  }
  return {
    id: "c10-national/2012-published-rounding",
    cls: "10",
    title: "2012 national 决算 with 比上年增减 as published: 2432 and 18 differ by 1 from 本年 − 上年 (rounding)",
    file: "c10-national-2012-rounding.xlsx",
    sources: [Y2011, Y2012],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "决算").widths(30, 12, 12, 12, 8);
      s.merge("A1:E1", "2012年全国社会保险基金决算（摘录）");
      s.cell("E2", "单位：亿元");
      s.rows("A3", [["项目", "上年决算数", "决算数", "比上年增减", "增长%"], ...rows]);
      return toBuffer(wb);
    },
    findings: [],
    sheets: { 决算: "fund" },
    tables: [
      {
        sheet: "决算",
        kind: "fund",
        orientation: "rows",
        headerRows: [3],
        unit: "亿元",
        years: [2011, 2012],
        roles: { A: "item", B: "prior year", C: "actual", D: "stated change (亿元, rounded from unrounded data)", E: "stated growth, whole percent points" },
        notes: "D7 2432 vs 13458 − 11027 = 2431 and D10 18 vs 450 − 433 = 17: consistent at 1 亿元 precision",
      },
    ],
  };
}

export const cases: Case[] = [expenditure2012(), expenditure2013(), publishedRounding()];
