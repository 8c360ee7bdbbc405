/**
 * Class 5 — growth headers, each read with its meaning: 增长%, 增长（%）, 比上年增长% (13.6 = +13.6%), 为上年的% and
 * 决算数为上年决算数的% (113.6 = +13.6%). A stated growth that disagrees with the figures is a finding: 16900 typed
 * for 16090 gives +25.6% against a stated 20%.
 * Figures: 财政部 全国社会保险基金决算 2012 and 2013 (亿元), as published; growth written to one decimal here
 * (computed from the published rounded figures), or as the whole percents the report itself gives.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { fixed, sheet, toBuffer, workbook } from "../xlsx";

const SOURCES = [
  "http://www.jjckb.cn/2013-11/27/content_478910.htm (关于2012年全国社会保险基金决算的说明: 企业职工收入18300、支出13948、基本养老金支出13458; 城镇职工医疗收入5909)",
  "https://www.chinanews.com.cn/cj/2014/10-10/6665098.shtml (2013年决算: 企业职工收入20790 增长14%、支出16699 增长20%、基本养老金支出16090 增长20%; 城镇职工医疗收入6873 增长16%)",
];

/** [item, 2012 决算, 2013 决算] in 亿元. */
const ROWS: [string, number, number][] = [
  ["企业职工基本养老保险基金收入", 18300, 20790],
  ["企业职工基本养老保险基金支出", 13948, 16699],
  ["城镇职工基本医疗保险基金收入", 5909, 6873],
  ["企业职工基本养老金支出", 13458, 16090],
];
const GROWTH = ["13.6", "19.7", "16.3", "19.6"];
const INDEX = ["113.6", "119.7", "116.3", "119.6"];

function growthCase(id: string, header: string, kind: "growth" | "index"): Case {
  const a = new Arithmetic();
  const stated = kind === "growth" ? GROWTH : INDEX;
  ROWS.forEach(([item, prior, current], i) => (kind === "growth" ? a.growth(item, stated[i], current, prior) : a.index(item, stated[i], current, prior)));
  return {
    id: `c05-growth-headers/${id}`,
    cls: "5",
    title: `Header「${header}」, ${kind === "growth" ? "13.6 = +13.6%" : "113.6 = +13.6% (index on the prior year)"}; clean`,
    file: `c05-${id}.xlsx`,
    sources: SOURCES,
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "决算").widths(30, 12, 12, 22);
      s.merge("A1:D1", "2013年全国社会保险基金决算（摘录）");
      s.cell("D2", "单位：亿元");
      s.rows("A3", [["项目", "上年决算数", "决算数", header], ...ROWS.map(([item, prior, current], i) => [item, prior, current, fixed(Number(stated[i]), 1)])]);
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
        years: [2012, 2013],
        roles: { A: "item", B: "prior year (2012 决算)", C: "actual (2013 决算)", D: kind === "growth" ? `stated growth in percent points (${header})` : `stated index on the prior year in percent points (${header}): growth = value − 100` },
      },
    ],
  };
}

/** Whole-percent growth as the report gives it, and 16900 typed for 16090 (基本养老金支出). */
function mistyped(): Case {
  const a = new Arithmetic();
  const whole = ["14", "20", "16", "20"];
  ROWS.forEach(([item, prior, current], i) => a.growth(item, whole[i], current, prior));
  a.growth("企业职工基本养老金支出 with 16900 typed for 16090", "25.6", 16900, 13458);
  return {
    id: "c05-growth-headers/mistyped-16900",
    cls: "5",
    title: "Header「增长%」with whole percents; 16900 typed for 16090: +25.6% against a stated 20%",
    file: "c05-mistyped-16900.xlsx",
    sources: SOURCES,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "决算").widths(30, 12, 12, 10);
      s.merge("A1:D1", "2013年全国社会保险基金决算（摘录）");
      s.cell("D2", "单位：亿元");
      const rows = ROWS.map(([item, prior, current], i) => [item, prior, i === 3 ? 16900 : current, Number(whole[i])]);
      s.rows("A3", [["项目", "上年决算数", "决算数", "增长%"], ...rows]);
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "stated-rate-mismatch",
        severity: "error",
        sheet: "决算",
        cell: "D7",
        subject: "企业职工基本养老金支出",
        observed: "20%",
        expected: "25.6%",
        why: "(16900 − 13458) ÷ 13458 = 25.58% → 25.6%, stated 20 (the published figure is 16090: +19.6% → 20%)",
      },
    ],
    sheets: { 决算: "fund" },
    tables: [
      { sheet: "决算", kind: "fund", orientation: "rows", headerRows: [3], unit: "亿元", years: [2012, 2013], roles: { A: "item", B: "prior year", C: "actual", D: "stated growth, whole percent points (增长%)" } },
    ],
  };
}

export const cases: Case[] = [
  growthCase("zengzhang-pct", "增长%", "growth"),
  growthCase("zengzhang-paren-pct", "增长（%）", "growth"),
  growthCase("bishangnian-zengzhang-pct", "比上年增长%", "growth"),
  growthCase("wei-shangnian-pct", "为上年的%", "index"),
  growthCase("juesuan-wei-shangnian-juesuan-pct", "决算数为上年决算数的%", "index"),
  mistyped(),
];
