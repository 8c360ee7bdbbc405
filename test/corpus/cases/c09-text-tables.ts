/**
 * Class 9 — a report's table pasted as text: tab-separated lines, or columns separated by several spaces, under a
 * header line. Such a block is read as a table (the same detection as a sheet), so a 完成率 97.0% typed for 79.4%
 * is caught; a finding points at the line of its row ("L8").
 * Figures: synthetic county figures (万元, as c03's 2023 columns).
 */
import { Arithmetic } from "../arith";
import { Case, ExpectedTextFigure } from "../model";
import { lineOf, text } from "../xlsx";

function tabLines(): string[] {
  return [
    "若羌县2023年度社会保险基金支出绩效自评报告",
    "",
    "一、基金预算执行情况",
    "2023年各项社会保险基金预算执行情况如下表（单位：万元）：",
    "险种\t预算数\t执行数\t完成率",
    "企业职工基本养老保险\t4620\t4551\t98.5%",
    "机关事业单位基本养老保险\t13150\t12987\t98.8%",
    "城乡居民基本养老保险\t1385\t1100\t97.0%",
    "工伤保险\t520\t509\t97.9%",
    "失业保险\t240\t233\t97.1%",
    "从上表看，各项基金预算执行总体平稳。",
  ];
}

function tabSeparated(): Case {
  const a = new Arithmetic();
  a.rate("企业职工", "98.5", 4551, 4620);
  a.rate("机关事业", "98.8", 12987, 13150);
  a.rate("城乡居民 (the true rate of the row as written)", "79.4", 1100, 1385);
  a.rate("工伤", "97.9", 509, 520);
  a.rate("失业", "97.1", 233, 240);
  const l = tabLines();
  const file = "c09-tab-table-planted.txt";
  const line = `L${lineOf(l, "城乡居民基本养老保险\t")}`;
  return {
    id: "c09-text-tables/tab-separated-planted",
    cls: "9",
    title: "A tab-separated table in a report text; 城乡居民 完成率 97.0% where 1100 ÷ 1385 = 79.4%",
    file,
    sources: ["synthetic: county 2023 figures (invented)"],
    claims: a.claims,
    build: async () => text(l),
    findings: [
      {
        rule: "completion-band",
        severity: "error",
        sheet: file,
        cell: line,
        subject: "城乡居民基本养老保险",
        year: 2023,
        observed: "79.4%",
        expected: "95%–105%",
        why: "1100 ÷ 1385 = 79.42%, below 90%: error",
      },
      {
        rule: "stated-rate-mismatch",
        severity: "error",
        sheet: file,
        cell: line,
        subject: "城乡居民基本养老保险",
        year: 2023,
        observed: "97.0%",
        expected: "79.4%",
        why: "1100 ÷ 1385 = 79.42% → 79.4%, stated 97.0%",
      },
    ],
    figures: [
      { subject: "企业职工基本养老保险", budget: 4620, actual: 4551 },
      { subject: "城乡居民基本养老保险", budget: 1385, actual: 1100 },
      { subject: "失业保险", budget: 240, actual: 233 },
    ],
  };
}

function spaceSeparated(totalActual = "19642"): Case {
  const a = new Arithmetic();
  const rows: [string, number, number, string, number, string][] = [
    ["企业职工基本养老保险", 4620, 4551, "98.5", 4236, "7.4"],
    ["机关事业单位基本养老保险", 13150, 12987, "98.8", 11963, "8.6"],
    ["城乡居民基本养老保险", 1385, 1362, "98.3", 1163, "17.1"],
    ["工伤保险", 520, 509, "97.9", 441, "15.4"],
    ["失业保险", 240, 233, "97.1", 216, "7.9"],
  ];
  for (const [f, b, x, r, p, g] of rows) {
    a.rate(f, r, x, b);
    a.growth(f, g, x, p);
  }
  a.sum("合计 预算数", "19915", rows.map((r) => r[1]));
  a.sum("合计 执行数", "19642", rows.map((r) => r[2]));
  a.rate("合计", "98.6", 19642, 19915);
  a.sum("合计 上年执行数", "18019", rows.map((r) => r[4]));
  a.growth("合计", "9.0", 19642, 18019);
  // Columns padded with spaces as a Word table pasted into a plain-text editor comes out (CJK counts double).
  const widths = [26, 10, 10, 9, 12, 6];
  const cell = (v: string, w: number) => v + " ".repeat(Math.max(2, w - [...v].reduce((n, ch) => n + (/[\u3000-\uffff]/.test(ch) ? 2 : 1), 0)));
  const line = (cells: string[]) => cells.map((c, i) => cell(c, widths[i])).join("").trimEnd();
  const l = [
    "且末县2023年度社会保险基金支出绩效自评报告",
    "",
    "一、基金预算执行情况",
    "表2  2023年各项社会保险基金支出情况（单位：万元）",
    line(["险种", "预算数", "执行数", "完成率", "上年执行数", "增幅"]),
    ...rows.map(([f, b, x, r, p, g]) => line([f, String(b), String(x), `${r}%`, String(p), `${g}%`])),
    line(["合计", "19915", totalActual, "98.6%", "18019", "9.0%"]),
    "",
    "各项基金均按预算执行，未发现超预算支出。",
  ];
  const figures = rows.map(([subject, budget, actual]) => ({ subject, budget, actual }));
  if (totalActual !== "19642") return mistypedTotal(a, l, totalActual, figures);
  return {
    id: "c09-text-tables/space-separated-clean",
    cls: "9",
    title: "A table pasted with columns separated by several spaces, with 上年执行数, 增幅 and 合计; clean",
    file: "c09-space-table-clean.txt",
    sources: ["synthetic: county 2023 figures (as c03)"],
    clean: true,
    claims: a.claims,
    build: async () => text(l),
    findings: [],
    figures,
  };
}

/** The space-separated table with its 合计 执行数 typed 19462 for 19642: the 合计 row, as written, disagrees three ways. */
function mistypedTotal(a: Arithmetic, l: string[], written: string, figures: ExpectedTextFigure[]): Case {
  a.rate("合计 as written: 19462 ÷ 19915", "97.7", 19462, 19915);
  a.growth("合计 as written: (19462 − 18019) ÷ 18019", "8.0", 19462, 18019);
  const file = "c09-space-table-total-typo.txt";
  const line = `L${lineOf(l, "合计")}`;
  const f = (rule: string, observed: string, expected: string, why: string) => ({ rule, severity: "error" as const, sheet: file, cell: line, subject: "合计", year: 2023, observed, expected, why });
  return {
    id: "c09-text-tables/space-separated-total-typo",
    cls: "9",
    title: `The space-separated table with 合计 执行数 ${written} typed for 19642`,
    file,
    sources: ["synthetic: as c09-text-tables/space-separated-clean, one figure changed"],
    claims: a.claims,
    build: async () => text(l),
    findings: [
      f("components-sum", written, "19642", "4551 + 12987 + 1362 + 509 + 233 = 19642; the 合计 line says 19462"),
      f("stated-rate-mismatch", "98.6%", "97.7%", "the 合计 row as written: 19462 ÷ 19915 = 97.73%, stated 98.6% (true of 19642)"),
      f("stated-rate-mismatch", "9.0%", "8.0%", "the 合计 row as written: (19462 − 18019) ÷ 18019 = 8.0%, stated 9.0%"),
    ],
    figures,
  };
}

export const cases: Case[] = [tabSeparated(), spaceSeparated(), spaceSeparated("19462")];
