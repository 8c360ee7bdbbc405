/**
 * Class 8 — multi-year sentences in report text. "2021—2023年支出分别为1096、1180和1295万元" lists one figure per
 * year; "年均增长8.7%" is a compound average, (1295 ÷ 1096)^(1/2) − 1 = 8.70%, not the last year's rate (9.7%)
 * and not an arithmetic mean, and is checked as such (FUND.CAGR); "比2013年增加…，年平均增长…" compares with 2013.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { lineOf, text } from "../xlsx";

function countyLines(cagr: string): string[] {
  return [
    "若羌县2023年度社会保险基金支出绩效自评报告",
    "",
    "一、城乡居民基本养老保险基金",
    "2023年城乡居民基本养老保险基金预算支出1320万元，实际支出1295万元，完成预算的98.1%，比上年增长9.7%。",
    `2021—2023年城乡居民基本养老保险基金支出分别为1096、1180和1295万元，年均增长${cagr}%。`,
    "二、工伤保险基金",
    "2021—2023年工伤保险基金支出分别为412万元、455万元、498万元，年均增长9.9%。",
    "2023年工伤保险基金预算支出505万元，完成预算的98.6%。",
  ];
}

function countyArithmetic(a: Arithmetic): void {
  a.rate("城乡居民 2023", "98.1", 1295, 1320);
  a.growth("城乡居民 2023 on 2022 (比上年增长)", "9.7", 1295, 1180);
  a.cagr("城乡居民 2021→2023 (年均增长)", "8.7", 1295, 1096, 2);
  a.cagr("工伤 2021→2023 (年均增长)", "9.9", 498, 412, 2);
  a.rate("工伤 2023", "98.6", 498, 505);
}

const COUNTY_FIGURES = [
  { subject: "城乡居民基本养老保险", year: 2023, budget: 1320, actual: 1295 },
  { subject: "城乡居民基本养老保险", year: 2022, actual: 1180 },
  { subject: "城乡居民基本养老保险", year: 2021, actual: 1096 },
  { subject: "工伤保险", year: 2023, budget: 505, actual: 498 },
  { subject: "工伤保险", year: 2021, actual: 412 },
];

function clean(): Case {
  const a = new Arithmetic();
  countyArithmetic(a);
  return {
    id: "c08-text-multiyear/respectively-and-cagr-clean",
    cls: "8",
    title: "分别为 lists (one figure per year) and 年均增长 as a compound rate; clean",
    file: "c08-multiyear-clean.txt",
    sources: ["synthetic: county figures (invented; the 8.7% of issue 12's example checked here)"],
    clean: true,
    claims: a.claims,
    build: async () => text(countyLines("8.7")),
    findings: [],
    figures: COUNTY_FIGURES,
  };
}

function planted(): Case {
  const a = new Arithmetic();
  countyArithmetic(a);
  const file = "c08-multiyear-cagr-wrong.txt";
  const l = countyLines("9.7");
  return {
    id: "c08-text-multiyear/cagr-wrong",
    cls: "8",
    title: "年均增长9.7% (the last year's rate) where the compound average is 8.7%",
    file,
    sources: ["synthetic: as c08-text-multiyear/respectively-and-cagr-clean, one figure changed"],
    claims: a.claims,
    build: async () => text(l),
    findings: [
      {
        rule: "stated-rate-mismatch",
        severity: "error",
        sheet: file,
        cell: `L${lineOf(l, "年均增长9.7%")}`,
        subject: "城乡居民基本养老保险",
        observed: "9.7%",
        expected: "8.7%",
        why: "(1295 ÷ 1096)^(1/2) − 1 = 8.70% → 8.7%; 9.7% is 2023's growth on 2022 (1295 ÷ 1180)",
      },
    ],
    figures: COUNTY_FIGURES,
  };
}

/**
 * A provincial 2017 analysis of the 城乡居民 fund (亿元, two decimals), reworded here; the figures are the
 * published ones. Growth on the year before and the average growth since 2013 (four steps), and shares of the
 * 其中 items. One published share, 0.46 ÷ 8.31 = 5.5355% → 5.54%, is printed 5.53%: computed from unrounded
 * figures. At the precision written (0.46 ± 0.005, 8.31 ± 0.005) the share lies in 5.47%–5.60%, so 5.53% is
 * consistent: no finding. Every other figure agrees even from the rounded inputs.
 */
function provincial(): Case {
  const a = new Arithmetic();
  a.growth("收入 on 2016 (12.41 − 1.31 = 11.10)", "11.80", 12.41, 11.1);
  a.cagr("收入 2013→2017 (12.41 − 4.44 = 7.97)", "11.71", 12.41, 7.97, 4);
  a.sum("收入 其中 (2.74 + 9.12 + 0.52 + 0.03)", "12.41", [2.74, 9.12, 0.52, 0.03]);
  a.rate("个人缴费 share", "22.08", 2.74, 12.41);
  a.rate("财政补助 share", "73.49", 9.12, 12.41);
  a.rate("利息 share", "4.19", 0.52, 12.41);
  a.rate("转移收入 share", "0.24", 0.03, 12.41);
  a.growth("支出 on 2016 (8.31 − 1.13 = 7.18)", "15.74", 8.31, 7.18);
  a.cagr("支出 2013→2017 (8.31 − 4.08 = 4.23)", "18.39", 8.31, 4.23, 4);
  a.sum("支出 其中 (7.62 + 0.46 + 0.20 + 0.03)", "8.31", [7.62, 0.46, 0.2, 0.03]);
  a.rate("基础养老金 share", "91.70", 7.62, 8.31);
  a.rate("个人账户养老金 share from the rounded figures (published: 5.53)", "5.54", 0.46, 8.31);
  a.holds("5.53% within [0.455 ÷ 8.315, 0.465 ÷ 8.305] = [5.472%, 5.599%]", 0.455 / 8.315 <= 0.0553 && 0.0553 <= 0.465 / 8.305);
  a.rate("丧葬抚恤 share", "2.41", 0.2, 8.31);
  a.rate("转移支出 share", "0.36", 0.03, 8.31);
  a.growth("累计结余 on 2016 (27.31 − 4.11 = 23.20)", "17.72", 27.31, 23.2);
  a.cagr("累计结余 2013→2017 (27.31 − 14.75 = 12.56)", "21.43", 27.31, 12.56, 4);
  a.months("累计结余 ÷ 月均支出", "39.4", 27.31, 8.31);
  const l = [
    "某省2017年城乡居民基本养老保险基金运行分析",
    "一、基金收支情况",
    "2017年全省城乡居民基本养老保险基金收入12.41亿元，比上年增加1.31亿元，增长11.80%；与2013年相比增加4.44亿元，年平均增长11.71%。",
    "其中，个人缴费收入2.74亿元，占基金收入的22.08%；财政补助收入9.12亿元，占73.49%；利息收入0.52亿元，占4.19%；转移收入0.03亿元，占0.24%。",
    "2017年基金支出8.31亿元，比上年增加1.13亿元，增长15.74%；与2013年相比增加4.08亿元，年平均增长18.39%。",
    "其中，基础养老金支出7.62亿元，占基金支出的91.70%；个人账户养老金支出0.46亿元，占5.53%；丧葬抚恤补助支出0.20亿元，占2.41%；转移支出0.03亿元，占0.36%。",
    "截至2017年底，基金累计结余27.31亿元，比上年增加4.11亿元，增长17.72%；与2013年相比增加14.75亿元，年平均增长21.43%。",
  ];
  return {
    id: "c08-text-multiyear/provincial-2017-since-2013",
    cls: "8",
    title: "Published provincial 2017 figures: on the year before and 年平均增长 since 2013, shares of 其中 items",
    file: "c08-provincial-2017.txt",
    sources: [
      "published: a provincial 2017 城乡居民基本养老保险 fund analysis (社会保险发展报告), found through the search index without its address; figures as published, sentences reworded",
    ],
    clean: true,
    claims: a.claims,
    build: async () => text(l),
    findings: [
      {
        rule: "payable-months-band",
        severity: "info",
        sheet: "c08-provincial-2017.txt",
        cell: `L${lineOf(l, "截至2017年底")}`,
        subject: "城乡居民基本养老保险",
        observed: "39.4",
        expected: "6–24",
        optional: true,
        why: "累计结余 27.31 × 12 ÷ 支出 8.31 = 39.4 months > 24: true of the published figures (as clean/provincial-two-years-2016-2017)",
      },
    ],
    figures: [{ subject: "城乡居民基本养老保险", year: 2017, actual: 8.31 }],
  };
}

export const cases: Case[] = [clean(), planted(), provincial()];
