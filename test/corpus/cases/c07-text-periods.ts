/**
 * Class 7 — report text covering two years. Every figure is keyed by fund and period (the year named nearest
 * before it, in the sentence or its heading); one year's budget is never combined with another year's spending,
 * a change "比2022年增加" is not the year-on-year change, and a finding names its year.
 * Figures: synthetic provincial figures (亿元), consistent by construction.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { lineOf, text } from "../xlsx";

function lines(unemployment2022Rate: string): string[] {
  return [
    "某省2024年度社会保险基金预算绩效自评报告",
    "",
    "一、2024年基金预算执行情况",
    "（一）工伤保险基金。2024年工伤保险基金预算支出52.60亿元，实际支出51.83亿元，完成预算的98.5%，比上年增支2.41亿元，增长4.9%。",
    "（二）失业保险基金。2024年失业保险基金预算支出38.20亿元，实际支出37.46亿元，完成预算的98.1%。",
    "",
    "二、与2022年执行情况的对比",
    `2022年，工伤保险基金预算支出45.20亿元，实际支出44.10亿元，完成预算的97.6%；失业保险基金预算支出41.50亿元，实际支出40.26亿元，完成预算的${unemployment2022Rate}%。`,
    "2024年工伤保险基金支出比2022年增加7.73亿元；2024年失业保险基金实际支出37.46亿元，2022年为40.26亿元，下降7.0%。",
    "",
    "三、下一步工作",
    "继续加强基金预算管理，提高预算编制的准确性。",
  ];
}

function arithmetic(a: Arithmetic): void {
  a.rate("2024 工伤", "98.5", 51.83, 52.6);
  a.diff("2024 工伤 上年支出 (实际 − 增支)", "49.42", 51.83, 2.41);
  a.growth("2024 工伤 on 2023", "4.9", 51.83, 49.42);
  a.rate("2024 失业", "98.1", 37.46, 38.2);
  a.rate("2022 工伤", "97.6", 44.1, 45.2);
  a.rate("2022 失业", "97.0", 40.26, 41.5);
  a.diff("工伤 2024 − 2022", "7.73", 51.83, 44.1);
  a.growth("失业 2024 on 2022 (下降7.0%)", "-7.0", 37.46, 40.26);
  // The errors a reader keyed by fund only would make (false findings):
  a.rate("工伤 2024 spending ÷ 2022 budget (wrong)", "114.7", 51.83, 45.2);
  a.growth("工伤 growth with 比2022年增加 7.73 taken as the year's change (wrong)", "17.5", 51.83, 44.1);
}

const FIGURES = [
  { subject: "工伤保险", year: 2024, budget: 52.6, actual: 51.83 },
  { subject: "失业保险", year: 2024, budget: 38.2, actual: 37.46 },
  { subject: "工伤保险", year: 2022, budget: 45.2, actual: 44.1 },
  { subject: "失业保险", year: 2022, budget: 41.5, actual: 40.26 },
];

function clean(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  const file = "c07-two-years-clean.txt";
  return {
    id: "c07-text-periods/2024-with-2022-clean",
    cls: "7",
    title: "A 2024 report comparing with 2022 (亿元): each figure keyed by fund and year",
    file,
    sources: ["synthetic: provincial 工伤/失业 figures (invented, consistent by construction)"],
    clean: true,
    claims: a.claims,
    build: async () => text(lines("97.0")),
    findings: [],
    figures: FIGURES,
  };
}

function planted(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  const file = "c07-two-years-planted.txt";
  const l = lines("99.0");
  return {
    id: "c07-text-periods/2024-with-2022-planted",
    cls: "7",
    title: "The same report with 2022 失业 完成预算的99.0% for 97.0%",
    file,
    sources: ["synthetic: as c07-text-periods/2024-with-2022-clean, one figure changed"],
    claims: a.claims,
    build: async () => text(l),
    findings: [
      {
        rule: "stated-rate-mismatch",
        severity: "error",
        sheet: file,
        cell: `L${lineOf(l, "完成预算的99.0%")}`,
        subject: "失业保险",
        year: 2022,
        observed: "99.0%",
        expected: "97.0%",
        why: "2022: 40.26 ÷ 41.50 = 97.01% → 97.0%, stated 99.0%",
      },
    ],
    figures: FIGURES,
  };
}

/**
 * A 2022 report and a 2024 report pasted into one file: the sentences name no year; each report's title does.
 * The year of a figure is the one named nearest before it (here, the title of its report).
 */
function concatenated(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  return {
    id: "c07-text-periods/two-reports-concatenated",
    cls: "7",
    title: "A 2022 and a 2024 report in one file, the year only in each report's title; clean",
    file: "c07-two-reports.txt",
    sources: ["synthetic: as c07-text-periods/2024-with-2022-clean"],
    clean: true,
    claims: a.claims,
    build: async () =>
      text([
        "某省2022年度社会保险基金预算绩效自评报告（摘要）",
        "一、基金预算执行情况",
        "工伤保险基金预算支出45.20亿元，实际支出44.10亿元，完成预算的97.6%。",
        "失业保险基金预算支出41.50亿元，实际支出40.26亿元，完成预算的97.0%。",
        "",
        "某省2024年度社会保险基金预算绩效自评报告（摘要）",
        "一、基金预算执行情况",
        "工伤保险基金预算支出52.60亿元，实际支出51.83亿元，完成预算的98.5%，比上年增支2.41亿元，增长4.9%。",
        "失业保险基金预算支出38.20亿元，实际支出37.46亿元，完成预算的98.1%。",
      ]),
    findings: [],
    figures: FIGURES,
  };
}

export const cases: Case[] = [clean(), planted(), concatenated()];
