/**
 * Class 3 — multi-year tables. A merged two-row header 2021年 | 2022年 | 2023年 over 预算数 | 执行数 | 完成率: each
 * year's group is its own set of columns, checked on its own; year-on-year growth compares each year with the
 * one before it (2022 with 2021, 2023 with 2022), never 2023 with 2021; a finding names its year.
 * Figures: synthetic county figures (万元), consistent by construction; the arithmetic is in the claims.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { Cell, pct, sheet, toBuffer, workbook } from "../xlsx";

const FUNDS = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险"];

/** [budget, actual] per fund per year (万元). 城乡居民 and 工伤 grow ~15%/year, so 2023 over 2021 exceeds 30%. */
const YEARS = [2021, 2022, 2023] as const;
const FIGURES: Record<(typeof YEARS)[number], [number, number][]> = {
  2021: [[3950, 3882], [11020, 10874], [1030, 1008], [395, 386], [205, 199]],
  2022: [[4310, 4236], [12150, 11963], [1190, 1163], [450, 441], [222, 216]],
  2023: [[4620, 4551], [13150, 12987], [1385, 1362], [520, 509], [240, 233]],
};
/** Stated 完成率 (one decimal), each checked in the claims. */
const RATES: Record<(typeof YEARS)[number], string[]> = {
  2021: ["98.3", "98.7", "97.9", "97.7", "97.1"],
  2022: ["98.3", "98.5", "97.7", "98.0", "97.3"],
  2023: ["98.5", "98.8", "98.3", "97.9", "97.1"],
};
const TOTALS: Record<(typeof YEARS)[number], [number, number, string]> = {
  2021: [16600, 16349, "98.5"],
  2022: [18322, 18019, "98.3"],
  2023: [19915, 19642, "98.6"],
};

type Figures = typeof FIGURES;
type Rates = typeof RATES;
type Totals = typeof TOTALS;

/** Every stated rate and 合计 of a three-year table (`rates`: the right rates, which a planted case differs from). */
function arithmetic(a: Arithmetic, figures: Figures = FIGURES, rates: Rates = RATES, totals: Totals = TOTALS): void {
  for (const y of YEARS) {
    figures[y].forEach(([b, x], i) => a.rate(`${y} ${FUNDS[i]}`, rates[y][i], x, b));
    a.sum(`${y} 合计 预算数`, String(totals[y][0]), figures[y].map((f) => f[0]));
    a.sum(`${y} 合计 执行数`, String(totals[y][1]), figures[y].map((f) => f[1]));
    a.rate(`${y} 合计`, totals[y][2], totals[y][1], totals[y][0]);
  }
}

function threeYearSheet(figures: Figures = FIGURES, rates: Rates = RATES, totals: Totals = TOTALS): () => Promise<Buffer> {
  return async () => {
    const wb = workbook();
    const s = sheet(wb, "三年执行情况").widths(26, 10, 10, 9, 10, 10, 9, 10, 10, 9);
    s.merge("A1:J1", "若羌县2021—2023年社会保险基金支出预算执行情况表");
    s.cell("J2", "单位：万元");
    s.merge("A3:A4", "基金名称");
    s.merge("B3:D3", "2021年").merge("E3:G3", "2022年").merge("H3:J3", "2023年");
    s.rows("B4", [["预算数", "执行数", "完成率", "预算数", "执行数", "完成率", "预算数", "执行数", "完成率"]]);
    const body: Cell[][] = FUNDS.map((name, i) => [name, ...YEARS.flatMap((y) => [figures[y][i][0], figures[y][i][1], pct(rates[y][i])])]);
    body.push(["合计", ...YEARS.flatMap((y) => [totals[y][0], totals[y][1], pct(totals[y][2])])]);
    s.rows("A5", body);
    return toBuffer(wb);
  };
}

const threeYearTable = {
  sheet: "三年执行情况",
  kind: "fund" as const,
  orientation: "rows" as const,
  headerRows: [3, 4],
  unit: "万元",
  years: [2021, 2022, 2023],
  roles: { A: "fund", B: "2021 budget", C: "2021 actual", D: "2021 stated completion", E: "2022 budget", F: "2022 actual", G: "2022 stated completion", H: "2023 budget", I: "2023 actual", J: "2023 stated completion" },
  notes: "year-on-year: F against C, I against F; never I against C",
};

function clean(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  // Growth each year on the year before (all within ±30%) …
  YEARS.slice(1).forEach((y, k) => {
    const prev = YEARS[k];
    FIGURES[y].forEach(([, x], i) => a.holds(`${y} ${FUNDS[i]} growth ${x} ÷ ${FIGURES[prev][i][1]} within ±30%`, Math.abs(x / FIGURES[prev][i][1] - 1) <= 0.3));
  });
  // … while 2023 against 2021 is beyond it for two funds: the false growth a reader comparing I with C makes.
  a.growth("城乡居民 2023 over 2021 (not a year-on-year figure)", "35.1", 1362, 1008);
  a.growth("工伤 2023 over 2021 (not a year-on-year figure)", "31.9", 509, 386);
  return {
    id: "c03-multiyear/three-years-clean",
    cls: "3",
    title: "2021年 | 2022年 | 2023年 over 预算数 | 执行数 | 完成率, all consistent",
    file: "c03-three-years-clean.xlsx",
    sources: ["synthetic: 若羌县 2021–2023 county figures (invented, consistent by construction)"],
    clean: true,
    claims: a.claims,
    build: threeYearSheet(),
    findings: [],
    sheets: { 三年执行情况: "fund" },
    tables: [threeYearTable],
  };
}

/**
 * Planted: 2022 城乡居民 完成率 typed 95.7% (1163 ÷ 1190 = 97.7%); and 工伤 2023 really grows 33.6% on 2022 (budget
 * 600, actual 589 instead of 520/509).
 */
function planted(): Case {
  const figures = { ...FIGURES, 2023: FIGURES[2023].map((f) => [...f] as [number, number]) };
  figures[2023][3] = [600, 589];
  const rates = { ...RATES, 2022: [...RATES[2022]], 2023: [...RATES[2023]] };
  rates[2022][2] = "95.7"; // planted
  rates[2023][3] = "98.2";
  const totals = { ...TOTALS, 2023: [19995, 19722, "98.6"] as [number, number, string] };
  const a = new Arithmetic();
  // The claims hold the right rates: 2022 城乡居民 is 97.7 (RATES), the sheet says 95.7.
  arithmetic(a, figures, { ...rates, 2022: RATES[2022] }, totals);
  a.growth("工伤 2023 on 2022", "33.6", 589, 441);
  a.growth("工伤 2022 on 2021", "14.2", 441, 386);
  return {
    id: "c03-multiyear/three-years-planted",
    cls: "3",
    title: "The three-year table with a wrong 2022 rate and a real +33.6% in 2023",
    file: "c03-three-years-planted.xlsx",
    sources: ["synthetic: as c03-multiyear/three-years-clean, two figures changed"],
    claims: a.claims,
    build: threeYearSheet(figures, rates, totals),
    findings: [
      {
        rule: "stated-rate-mismatch",
        severity: "error",
        sheet: "三年执行情况",
        cell: "G7",
        subject: "城乡居民基本养老保险",
        year: 2022,
        observed: "95.7%",
        expected: "97.7%",
        why: "2022: 1163 ÷ 1190 = 97.73% → 97.7%, stated 95.7%",
      },
      {
        rule: "yoy-growth-band",
        severity: "warning",
        sheet: "三年执行情况",
        cell: "I8",
        subject: "工伤保险",
        year: 2023,
        observed: "+33.6%",
        expected: "±30%",
        why: "2023 执行数 589 on 2022's 441: +33.56%, beyond ±30% (2022 on 2021: +14.2%, fine)",
      },
    ],
    sheets: { 三年执行情况: "fund" },
    tables: [threeYearTable],
  };
}

/** Two years in one header row, the year prefixed to each label ("2022年执行数"). Clean. */
function yearPrefixed(): Case {
  const a = new Arithmetic();
  const growth = ["7.4", "8.6", "17.1", "15.4", "7.9"];
  FIGURES[2023].forEach(([b, x], i) => {
    a.rate(`2023 ${FUNDS[i]}`, RATES[2023][i], x, b);
    a.growth(`2023 ${FUNDS[i]} on 2022`, growth[i], x, FIGURES[2022][i][1]);
  });
  a.growth("合计 2023 on 2022", "9.0", 19642, 18019);
  return {
    id: "c03-multiyear/two-years-year-prefixed",
    cls: "3",
    title: "2022年预算数 | 2022年执行数 | 2023年预算数 | 2023年执行数 | 2023年完成率 | 2023年增幅 in one row",
    file: "c03-two-years-prefixed.xlsx",
    sources: ["synthetic: 若羌县 2022–2023 county figures (as the three-year case)"],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "两年对比").widths(26, 12, 12, 12, 12, 12, 12);
      s.merge("A1:G1", "若羌县2022—2023年社会保险基金支出对比表");
      s.cell("G2", "单位：万元");
      s.rows("A3", [
        ["基金名称", "2022年预算数", "2022年执行数", "2023年预算数", "2023年执行数", "2023年完成率", "2023年增幅"],
        ...FUNDS.map((name, i) => [name, FIGURES[2022][i][0], FIGURES[2022][i][1], FIGURES[2023][i][0], FIGURES[2023][i][1], pct(RATES[2023][i]), pct(growth[i])]),
        ["合计", 18322, 18019, 19915, 19642, pct("98.6"), pct("9.0")],
      ]);
      return toBuffer(wb);
    },
    findings: [],
    sheets: { 两年对比: "fund" },
    tables: [
      {
        sheet: "两年对比",
        kind: "fund",
        orientation: "rows",
        headerRows: [3],
        unit: "万元",
        years: [2022, 2023],
        roles: { A: "fund", B: "2022 budget", C: "2022 actual (the prior year of E)", D: "2023 budget", E: "2023 actual", F: "2023 stated completion", G: "2023 stated growth on 2022" },
      },
    ],
  };
}

export const cases: Case[] = [clean(), planted(), yearPrefixed()];
