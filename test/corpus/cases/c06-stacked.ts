/**
 * Class 6 — stacked tables: one sheet with 一、基金收入 / 二、基金支出 / 三、基金结余, separated by blank rows and
 * section titles, each with its own header. Each table is read with its own columns; the section title says what
 * the rows mean (执行数 under 一、基金收入 is income, under 二、基金支出 expenditure).
 * Figures: synthetic county figures (尉犁县 2023, 万元; the same as c01's county table), consistent by construction.
 * Payable months (滚存结余 of section 三 over spending of section 二) are 9.0–21.8 for every fund, inside 6–24, so
 * the answer is the same whether or not a reader pairs the sections.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { Cell, pct, sheet, toBuffer, workbook } from "../xlsx";

const FUNDS = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险"];
const INCOME: [number, number, string][] = [
  [3180, 3120, "98.1"],
  [6580, 6510, "98.9"],
  [1290, 1260, "97.7"],
  [380, 372, "97.9"],
  [210, 205, "97.6"],
];
const SPENDING: [number, number, string][] = [
  [3100, 3046, "98.3"],
  [6490, 6402, "98.6"],
  [975, 958, "98.3"],
  [372, 365, "98.1"],
  [186, 181, "97.3"],
];
/** 上年结余, 本年收支结余, 年末滚存结余. */
const BALANCE: [number, number, number][] = [
  [2211, 74, 2285],
  [5782, 108, 5890],
  [1440, 302, 1742],
  [298, 7, 305],
  [294, 24, 318],
];

function arithmetic(a: Arithmetic): void {
  FUNDS.forEach((f, i) => {
    a.rate(`收入 ${f}`, INCOME[i][2], INCOME[i][1], INCOME[i][0]);
    a.rate(`支出 ${f}`, SPENDING[i][2], SPENDING[i][1], SPENDING[i][0]);
    a.diff(`本年收支结余 ${f} = 收入 − 支出`, String(BALANCE[i][1]), INCOME[i][1], SPENDING[i][1]);
    a.sum(`年末滚存结余 ${f} = 上年结余 + 本年收支结余`, String(BALANCE[i][2]), [BALANCE[i][0], BALANCE[i][1]]);
    a.holds(`payable months ${f} within 6–24`, (BALANCE[i][2] * 12) / SPENDING[i][1] >= 6 && (BALANCE[i][2] * 12) / SPENDING[i][1] <= 24);
    a.holds(`收入 ≥ 支出 ${f}`, INCOME[i][1] >= SPENDING[i][1]);
  });
  a.sum("收入 合计 预算数", "11640", INCOME.map((r) => r[0]));
  a.sum("收入 合计 执行数", "11467", INCOME.map((r) => r[1]));
  a.rate("收入 合计", "98.5", 11467, 11640);
  a.sum("支出 合计 预算数", "11123", SPENDING.map((r) => r[0]));
  a.sum("支出 合计 执行数", "10952", SPENDING.map((r) => r[1]));
  a.rate("支出 合计", "98.5", 10952, 11123);
  a.sum("结余 合计 上年结余", "10025", BALANCE.map((r) => r[0]));
  a.sum("结余 合计 本年收支结余", "515", BALANCE.map((r) => r[1]));
  a.sum("结余 合计 年末滚存结余", "10540", BALANCE.map((r) => r[2]));
  a.months("合计", "11.5", 10540, 10952);
}

function stackedSheet(spendingRates: string[], balanceTotal: number, gap = 1): () => Promise<Buffer> {
  return async () => {
    const wb = workbook();
    const s = sheet(wb, "收支情况").widths(26, 12, 14, 14);
    s.merge("A1:D1", "尉犁县2023年社会保险基金收支情况表");
    s.cell("D2", "单位：万元");
    const block = (top: number, title: string, header: string[], rows: Cell[][]) => {
      s.cell(`A${top}`, title).bold(`A${top}`);
      s.rows(`A${top + 1}`, [header, ...rows]);
    };
    block(3, "一、基金收入", ["项目", "预算数", "执行数", "完成率"], [
      ...FUNDS.map((f, i) => [f, INCOME[i][0], INCOME[i][1], pct(INCOME[i][2])]),
      ["合计", 11640, 11467, pct("98.5")],
    ]);
    block(11 + gap, "二、基金支出", ["项目", "预算数", "执行数", "完成率"], [
      ...FUNDS.map((f, i) => [f, SPENDING[i][0], SPENDING[i][1], pct(spendingRates[i])]),
      ["合计", 11123, 10952, pct("98.5")],
    ]);
    block(19 + 2 * gap, "三、基金结余", ["项目", "上年结余", "本年收支结余", "年末滚存结余"], [
      ...FUNDS.map((f, i) => [f, ...BALANCE[i]]),
      ["合计", 10025, 515, balanceTotal],
    ]);
    return toBuffer(wb);
  };
}

const tables = [
  { sheet: "收支情况", kind: "income" as const, orientation: "rows" as const, headerRows: [4], rows: [3, 10] as [number, number], unit: "万元", years: [2023], roles: { A: "fund", B: "income budget", C: "income actual (执行数 under 一、基金收入)", D: "stated completion of income" } },
  { sheet: "收支情况", kind: "fund" as const, orientation: "rows" as const, headerRows: [13], rows: [12, 19] as [number, number], unit: "万元", years: [2023], roles: { A: "fund", B: "budget", C: "actual expenditure", D: "stated completion" } },
  { sheet: "收支情况", kind: "balance" as const, orientation: "rows" as const, headerRows: [22], rows: [21, 28] as [number, number], unit: "万元", years: [2023], roles: { A: "fund", B: "balance at the start of the year (上年结余: a balance, not a prior-year expenditure)", C: "current-year surplus", D: "accumulated balance (年末滚存结余)" } },
];

function clean(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  return {
    id: "c06-stacked/three-sections-clean",
    cls: "6",
    title: "一、基金收入 / 二、基金支出 / 三、基金结余 stacked on one sheet, all consistent",
    file: "c06-stacked-clean.xlsx",
    sources: ["synthetic: 尉犁县 2023 county figures (invented, consistent by construction)"],
    clean: true,
    claims: a.claims,
    build: stackedSheet(SPENDING.map((r) => r[2]), 10540),
    findings: [],
    sheets: { 收支情况: "fund" },
    tables,
  };
}

function planted(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  const rates = SPENDING.map((r) => r[2]);
  rates[1] = "96.8"; // planted: 6402 ÷ 6490 = 98.6%
  return {
    id: "c06-stacked/three-sections-planted",
    cls: "6",
    title: "The stacked sheet with a wrong 支出 rate in section 二 and a wrong 滚存结余 合计 in section 三",
    file: "c06-stacked-planted.xlsx",
    sources: ["synthetic: as c06-stacked/three-sections-clean, two figures changed"],
    claims: a.claims,
    build: stackedSheet(rates, 10450),
    findings: [
      {
        rule: "stated-rate-mismatch",
        severity: "error",
        sheet: "收支情况",
        cell: "D15",
        subject: "机关事业单位基本养老保险",
        observed: "96.8%",
        expected: "98.6%",
        why: "二、基金支出: 6402 ÷ 6490 = 98.64% → 98.6%, stated 96.8%",
      },
      {
        rule: "components-sum",
        severity: "error",
        sheet: "收支情况",
        cell: "D28",
        subject: "合计",
        observed: "10450",
        expected: "10540",
        why: "三、基金结余: 2285 + 5890 + 1742 + 305 + 318 = 10540, the 合计 says 10450",
      },
    ],
    sheets: { 收支情况: "fund" },
    tables,
  };
}

/** The same sections with no blank row between them: each section title alone ends the table above. */
function noBlankRows(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  return {
    id: "c06-stacked/no-blank-rows-clean",
    cls: "6",
    title: "The three sections with no blank row between them (title row right under the 合计 above); clean",
    file: "c06-stacked-no-blank-rows.xlsx",
    sources: ["synthetic: as c06-stacked/three-sections-clean"],
    clean: true,
    claims: a.claims,
    build: stackedSheet(SPENDING.map((r) => r[2]), 10540, 0),
    findings: [],
    sheets: { 收支情况: "fund" },
    tables: [
      { ...tables[0], rows: [3, 10] },
      { ...tables[1], headerRows: [12], rows: [11, 18] },
      { ...tables[2], headerRows: [20], rows: [19, 26] },
    ],
  };
}

export const cases: Case[] = [clean(), planted(), noBlankRows()];
