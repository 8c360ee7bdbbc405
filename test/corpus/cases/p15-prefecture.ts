/**
 * Issue 15 — a prefecture's batch: seven county workbooks of 巴音郭楞蒙古自治州 (巴州) for 2019 and the prefecture's
 * consolidation (counties as rows, funds as column groups, a 合计 row). Most counties use one template; 和静县 lays
 * its table out differently (元, 2018/2019 columns, 合计 on top, fund names ending in 基金); 和硕县's file is truncated
 * (unreadable); 博湖县's workbook has no 失业保险 row. Planted in the consolidation: 若羌县 工伤保险 执行数 806 where
 * 若羌县.xlsx says 608, and a 城乡居民 执行数 合计 whose SUM stops one row short, skipping 博湖县.
 * Figures: 且末县's are the published seed report's (且末县2019年社会保险支出绩效评价报告, the repository's
 * test/fixtures/qiemo-2019-report.txt), errors included; the other counties' are synthetic.
 */
import { Arithmetic } from "../arith";
import { Case, ExpectedFinding, ExpectedMatrix } from "../model";
import { Cell, pct, sheet, toBuffer, workbook } from "../xlsx";

const DIR = "p15-bazhou";
const FUNDS = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险"];
const SHEET = "支出情况";

/** [budget, actual, 完成率, 上年执行数, 比上年增减, 增幅] of one fund, rates as written ("98.0", "97"); null = blank. */
type FundRow = [number | null, number, string | null, number | null, number | null, string | null];

interface TemplateCounty {
  name: string;
  /** Per fund in FUNDS order; undefined = no row for that fund. */
  rows: (FundRow | undefined)[];
  total: FundRow;
}

const QIEMO: TemplateCounty = {
  name: "且末县",
  rows: [
    [4398, 4568, "97", 4112, 456, "11"],
    [12738, 12328, "97", 11576, 752, "6"],
    [1015, 1011, "98", 746, 265, "36"],
    [398, 806, "131", 499, 307, "62"],
    [null, 619, "98", null, null, null],
  ],
  total: [18549, 19332, null, null, null, null],
};

const RUOQIANG: TemplateCounty = {
  name: "若羌县",
  rows: [
    [2150, 2108, "98.0", 1986, 122, "6.1"],
    [5630, 5512, "97.9", 5208, 304, "5.8"],
    [642, 633, "98.6", 571, 62, "10.9"],
    [620, 608, "98.1", 552, 56, "10.1"],
    [210, 204, "97.1", 187, 17, "9.1"],
  ],
  total: [9252, 9065, "98.0", 8504, 561, "6.6"],
};

const LUNTAI: TemplateCounty = {
  name: "轮台县",
  rows: [
    [3380, 3312, "98.0", 3105, 207, "6.7"],
    [7460, 7391, "99.1", 7012, 379, "5.4"],
    [1240, 1146, "92.4", 1060, 86, "8.1"],
    [480, 472, "98.3", 441, 31, "7.0"],
    [260, 251, "96.5", 238, 13, "5.5"],
  ],
  total: [12820, 12572, "98.1", 11856, 716, "6.0"],
};

/** 机关事业 比上年增减 typed 218 where 6034 − 5753 = 281. */
const YULI: TemplateCounty = {
  name: "尉犁县",
  rows: [
    [2960, 2891, "97.7", 2702, 189, "7.0"],
    [6120, 6034, "98.6", 5753, 218, "4.9"],
    [905, 887, "98.0", 815, 72, "8.8"],
    [350, 338, "96.6", 322, 16, "5.0"],
    [180, 176, "97.8", 169, 7, "4.1"],
  ],
  total: [10515, 10326, "98.2", 9761, 565, "5.8"],
};

const BOHU: TemplateCounty = {
  name: "博湖县",
  rows: [[1420, 1396, "98.3", 1311, 85, "6.5"], [3850, 3788, "98.4", 3602, 186, "5.2"], [530, 519, "97.9", 482, 37, "7.7"], [210, 205, "97.6", 193, 12, "6.2"], undefined],
  total: [6010, 5908, "98.3", 5588, 320, "5.7"],
};

/** 和硕县's figures exist only in the consolidation (its own file is truncated). */
const HESHUO: [number, number][] = [[1860, 1822], [4720, 4651], [760, 744], [260, 255], [150, 146]];

/** 和静县 in 元: [上年决算数, 预算数, 决算数, 预算执行率 (percent points, 2 places), 增长率]. */
const HEJING_NAMES = ["企业职工基本养老保险基金", "机关事业单位养老保险基金", "城乡居民养老保险基金", "工伤保险基金", "失业保险基金"];
const HEJING: [number, number, number, string, string][] = [
  [27356400, 29870000, 29412600, "98.47", "7.52"],
  [64218500, 70150000, 69385200, "98.91", "8.05"],
  [8142300, 9200000, 9026800, "98.12", "10.86"],
  [3902100, 4300000, 4215600, "98.04", "8.03"],
  [1984000, 2150000, 2096300, "97.50", "5.66"],
];
const HEJING_TOTAL: [number, number, number, string, string] = [105603300, 115670000, 114136500, "98.67", "8.08"];

function templateArithmetic(a: Arithmetic, c: TemplateCounty, wrong: Partial<Record<string, string>> = {}): void {
  const present = c.rows.map((r, i) => [FUNDS[i], r] as const).filter((x): x is readonly [string, FundRow] => x[1] !== undefined);
  for (const [f, [b, x, r, p, ch, g]] of present) {
    if (b !== null && r !== null && !wrong[`${f} rate`]) a.rate(`${c.name} ${f}`, r, x, b);
    if (p !== null && ch !== null && !wrong[`${f} change`]) a.diff(`${c.name} ${f} 比上年增减`, String(ch), x, p);
    if (p !== null && g !== null) a.growth(`${c.name} ${f} 增幅`, g, x, p);
  }
  const [tb, tx, tr, tp, tch, tg] = c.total;
  const budgets = present.map(([, r]) => r[0]);
  if (budgets.every((b) => b !== null)) a.sum(`${c.name} 合计 预算数`, String(tb), budgets as number[]);
  else a.sum(`${c.name} 合计 预算数 (funds with a budget)`, String(tb), budgets.filter((b): b is number => b !== null));
  a.sum(`${c.name} 合计 执行数`, String(tx), present.map(([, r]) => r[1]));
  if (tr !== null && tb !== null) a.rate(`${c.name} 合计`, tr, tx, tb);
  if (tp !== null) a.sum(`${c.name} 合计 上年执行数`, String(tp), present.map(([, r]) => r[3] as number));
  if (tp !== null && tch !== null) a.diff(`${c.name} 合计 比上年增减`, String(tch), tx, tp);
  if (tp !== null && tg !== null) a.growth(`${c.name} 合计 增幅`, tg, tx, tp);
}

function templateWorkbook(c: TemplateCounty): () => Promise<Buffer> {
  return async () => {
    const wb = workbook();
    const s = sheet(wb, SHEET).widths(26, 10, 10, 9, 12, 12, 8);
    s.merge("A1:G1", `${c.name}2019年社会保险基金支出情况表`);
    s.cell("G2", "单位：万元");
    const body: Cell[][] = [["基金名称", "预算数", "执行数", "完成率", "上年执行数", "比上年增减", "增幅"]];
    const line = (name: string, [b, x, r, p, ch, g]: FundRow): Cell[] => [name, b, x, r === null ? null : pct(r), p, ch, g === null ? null : pct(g)];
    c.rows.forEach((r, i) => r && body.push(line(FUNDS[i], r)));
    body.push(line("合计", c.total));
    s.rows("A3", body);
    return toBuffer(wb);
  };
}

function countyCase(c: TemplateCounty, findings: ExpectedFinding[], a: Arithmetic, note: string): Case {
  return {
    // A county workbook whose answer has no finding belongs to the clean corpus too.
    ...(findings.length === 0 ? { clean: true } : {}),
    id: `p15-prefecture/${c.name}`,
    cls: "15",
    title: `${c.name} 2019 (county template): ${note}`,
    file: `${DIR}/${c.name}.xlsx`,
    sources: c === QIEMO ? ["published: 且末县2019年社会保险支出绩效评价报告 (the seed, test/fixtures/qiemo-2019-report.txt)"] : [`synthetic: ${c.name} 2019 figures (invented)`],
    claims: a.claims,
    build: templateWorkbook(c),
    findings,
    sheets: { [SHEET]: "fund" },
  };
}

function qiemo(): Case {
  const a = new Arithmetic();
  templateArithmetic(a, QIEMO, { [`${FUNDS[0]} rate`]: "x", [`${FUNDS[2]} rate`]: "x", [`${FUNDS[3]} rate`]: "x", [`${FUNDS[4]} rate`]: "x" });
  a.rate("企业职工 (stated 97)", "103.9", 4568, 4398);
  a.rate("城乡居民 (stated 98)", "99.6", 1011, 1015);
  a.rate("工伤 (stated 131)", "202.5", 806, 398);
  a.rate("机关事业 (stated 97: agrees)", "96.8", 12328, 12738);
  a.growth("城乡居民 beyond ±30%", "35.5", 1011, 746);
  a.growth("工伤 beyond ±30%", "61.5", 806, 499);
  a.holds("合计 completion 19332 ÷ 18549 = 104.2% in band", 19332 / 18549 <= 1.05);
  const f = (cell: string, rule: string, severity: "error" | "warning" | "info", subject: string, observed: string | undefined, expected: string | undefined, why: string): ExpectedFinding => ({ rule, severity, sheet: SHEET, cell, subject, observed, expected, why });
  return countyCase(
    QIEMO,
    [
      f("D4", "stated-rate-mismatch", "error", "企业职工基本养老保险", "97%", "103.9%", "4568 ÷ 4398 = 103.87% → 103.9%, stated 97%"),
      f("D6", "stated-rate-mismatch", "error", "城乡居民基本养老保险", "98%", "99.6%", "1011 ÷ 1015 = 99.61%, stated 98%"),
      f("G6", "yoy-growth-band", "warning", "城乡居民基本养老保险", "+35.5%", "±30%", "(1011 − 746) ÷ 746 = +35.5%"),
      f("C7", "completion-band", "error", "工伤保险", "202.5%", "95%–105%", "806 ÷ 398 = 202.5%, above 110%"),
      f("D7", "stated-rate-mismatch", "error", "工伤保险", "131%", "202.5%", "806 ÷ 398 = 202.5%, stated 131%"),
      f("G7", "yoy-growth-band", "warning", "工伤保险", "+61.5%", "±30%", "(806 − 499) ÷ 499 = +61.5%"),
      f("B8", "missing-value", "info", "失业保险", undefined, undefined, "失业保险 has no budget: its completion rate (and the 合计 预算数) cannot be checked"),
    ],
    a,
    "the seed's figures and errors"
  );
}

function ruoqiang(): Case {
  const a = new Arithmetic();
  templateArithmetic(a, RUOQIANG);
  return countyCase(RUOQIANG, [], a, "clean; its 工伤 执行数 608 is typed 806 in the consolidation");
}

function luntai(): Case {
  const a = new Arithmetic();
  templateArithmetic(a, LUNTAI);
  return countyCase(
    LUNTAI,
    [{ rule: "completion-band", severity: "warning", sheet: SHEET, cell: "C6", subject: "城乡居民基本养老保险", observed: "92.4%", expected: "95%–105%", why: "1146 ÷ 1240 = 92.4%: under-executed (90–95%: warning)" }],
    a,
    "城乡居民 under-executed (92.4%)"
  );
}

function yuli(): Case {
  const a = new Arithmetic();
  templateArithmetic(a, YULI, { [`${FUNDS[1]} change`]: "x" });
  a.diff("机关事业 比上年增减 (stated 218)", "281", 6034, 5753);
  return countyCase(
    YULI,
    [{ rule: "stated-change-mismatch", severity: "error", sheet: SHEET, cell: "F5", subject: "机关事业单位基本养老保险", observed: "218", expected: "281", why: "6034 − 5753 = 281, typed 218" }],
    a,
    "机关事业 比上年增减 218 typed for 281"
  );
}

function bohu(): Case {
  const a = new Arithmetic();
  templateArithmetic(a, BOHU);
  return countyCase(BOHU, [], a, "no 失业保险 row (the fund is missing, not zero)");
}

function hejing(): Case {
  const a = new Arithmetic();
  HEJING.forEach(([p, b, x, r, g], i) => {
    a.rate(`和静 ${FUNDS[i]}`, r, x, b);
    a.growth(`和静 ${FUNDS[i]}`, g, x, p);
  });
  const [tp, tb, tx, tr, tg] = HEJING_TOTAL;
  a.sum("和静 合计 上年决算数", String(tp), HEJING.map((r) => r[0]));
  a.sum("和静 合计 预算数", String(tb), HEJING.map((r) => r[1]));
  a.sum("和静 合计 决算数", String(tx), HEJING.map((r) => r[2]));
  a.rate("和静 合计", tr, tx, tb);
  a.growth("和静 合计", tg, tx, tp);
  return {
    id: "p15-prefecture/和静县",
    cls: "15",
    title: "和静县 2019: a different layout (元, 2018年决算数 | 2019年预算数 | 2019年决算数, 合计 on top, names ending in 基金)",
    file: `${DIR}/和静县.xlsx`,
    sources: ["synthetic: 和静县 2019 figures (invented, in 元)"],
    clean: true,
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, "决算").widths(26, 14, 14, 14, 12, 10);
      s.merge("A1:F1", "和静县2019年社会保险基金支出决算表");
      s.cell("F2", "单位：元");
      const money = (v: number): Cell => ({ v, fmt: "#,##0" });
      const row = (name: string, [p, b, x, r, g]: [number, number, number, string, string]): Cell[] => [name, money(p), money(b), money(x), { v: Number(r), fmt: "0.00" }, { v: Number(g), fmt: "0.00" }];
      s.rows("A3", [["险种", "2018年决算数", "2019年预算数", "2019年决算数", "预算执行率%", "增长率%"], row("合计", HEJING_TOTAL), ...HEJING.map((r, i) => row(HEJING_NAMES[i], r))]);
      return toBuffer(wb);
    },
    findings: [],
    sheets: { 决算: "fund" },
    tables: [
      { sheet: "决算", kind: "fund", orientation: "rows", headerRows: [3], unit: "元", years: [2018, 2019], roles: { A: "fund (row 4: 合计 of rows 5–9)", B: "prior year (2018)", C: "budget", D: "actual", E: "stated completion, percent points", F: "stated growth, percent points" } },
    ],
  };
}

function heshuo(): Case {
  return {
    id: "p15-prefecture/和硕县",
    cls: "15",
    title: "和硕县 2019: the workbook is truncated (a broken download) — unreadable, never shown as clean",
    file: `${DIR}/和硕县.xlsx`,
    sources: ["synthetic: 和硕县 2019 figures (invented), file cut at 60% of its bytes"],
    async build() {
      const full = await templateWorkbook({
        name: "和硕县",
        rows: HESHUO.map(([b, x]) => [b, x, null, null, null, null] as FundRow),
        total: [7750, 7618, null, null, null, null],
      })();
      return full.subarray(0, Math.floor(full.length * 0.6));
    },
    findings: [],
    unreadable: "the file is truncated or damaged",
  };
}

/** The consolidation: [budget, actual] per fund per county, in 万元 (和静's rounded from 元). */
const CONSOLIDATION_ROWS: [string, ([number, number] | [null, number] | [null, null])[]][] = [
  ["且末县", [[4398, 4568], [12738, 12328], [1015, 1011], [398, 806], [null, 619]]],
  ["若羌县", [[2150, 2108], [5630, 5512], [642, 633], [620, 806], [210, 204]]], // 工伤 执行数 806: planted (若羌县.xlsx: 608)
  ["轮台县", [[3380, 3312], [7460, 7391], [1240, 1146], [480, 472], [260, 251]]],
  ["尉犁县", [[2960, 2891], [6120, 6034], [905, 887], [350, 338], [180, 176]]],
  ["和静县", [[2987, 2941], [7015, 6939], [920, 903], [430, 422], [215, 210]]],
  ["和硕县", HESHUO],
  ["博湖县", [[1420, 1396], [3850, 3788], [530, 519], [210, 205], [null, null]]],
];
/** Row 12: SUM(x5:x11), except 城乡居民 执行数 (G12), whose SUM(G5:G10) skips 博湖县. */
const TOTAL_ROW = [19155, 19038, 47533, 46643, 6012, 5324, 2748, 3304, 1015, 1606];

function consolidationArithmetic(a: Arithmetic): void {
  HEJING.forEach(([, b, x], i) => {
    a.rounded(`和静 ${FUNDS[i]} 预算数 元 → 万元`, String(CONSOLIDATION_ROWS[4][1][i][0]), b, 10000);
    a.rounded(`和静 ${FUNDS[i]} 执行数 元 → 万元`, String(CONSOLIDATION_ROWS[4][1][i][1]), x, 10000);
  });
  const col = (fund: number, k: 0 | 1) => CONSOLIDATION_ROWS.map(([, v]) => v[fund][k]).filter((x): x is number => x !== null);
  FUNDS.forEach((f, i) => {
    a.sum(`合计 ${f} 预算数`, String(TOTAL_ROW[2 * i]), col(i, 0));
    if (i !== 2) a.sum(`合计 ${f} 执行数`, String(TOTAL_ROW[2 * i + 1]), col(i, 1));
  });
  a.sum("合计 城乡居民 执行数 as written: SUM(G5:G10) skips 博湖县", "5324", col(2, 1).slice(0, 6));
  a.sum("合计 城乡居民 执行数: all seven rows", "5843", col(2, 1));
  a.rate("若羌县 工伤 806 ÷ 620 (planted 806)", "130.0", 806, 620);
  a.rate("且末县 工伤 806 ÷ 398", "202.5", 806, 398);
  a.rate("轮台县 城乡居民 1146 ÷ 1240", "92.4", 1146, 1240);
  a.rate("合计 城乡居民 as written 5324 ÷ 6012", "88.6", 5324, 6012);
  a.rate("合计 工伤 3304 ÷ 2748", "120.2", 3304, 2748);
  a.rate("合计 工伤 with 若羌县's true 608: 3106 ÷ 2748 (still above 110%)", "113.0", 3106, 2748);
  a.rate("合计 失业 1606 ÷ 1015 (且末县 619 has no budget)", "158.2", 1606, 1015);
  // Every other county × fund completion is within 95–105%.
  CONSOLIDATION_ROWS.forEach(([county, v]) =>
    v.forEach(([b, x], i) => {
      if (b === null || x === null) return;
      const r = x / b;
      const flagged = (county === "且末县" && i === 3) || (county === "若羌县" && i === 3) || (county === "轮台县" && i === 2);
      if (!flagged) a.holds(`${county} ${FUNDS[i]} ${x} ÷ ${b} within 95–105%`, r >= 0.95 && r <= 1.05);
    })
  );
  a.sum("Σ county workbooks 城乡居民 执行数 (和静 902.68, 和硕 from the consolidation 744)", "5842.68", [1011, 633, 1146, 887, 902.68, 744, 519]);
  a.sum("Σ county workbooks 工伤 执行数 (若羌 608, 和静 421.56)", "3105.56", [806, 608, 472, 338, 421.56, 255, 205]);
}

const C = "巴州汇总";
const CONS_FILE = `${DIR}/${C}.xlsx`;
const CONS_SHEET = "支出汇总";

function consolidation(): Case {
  const a = new Arithmetic();
  consolidationArithmetic(a);
  const f = (cell: string, rule: string, severity: "error" | "warning" | "info", subject: string, observed: string | undefined, expected: string | undefined, why: string, optional = false): ExpectedFinding => ({ rule, severity, sheet: CONS_SHEET, cell, subject, observed, expected, why, ...(optional ? { optional } : {}) });
  return {
    id: "p15-prefecture/巴州汇总",
    cls: "15",
    title: "The prefecture's consolidation: counties as rows, funds as column groups (预算数 | 执行数), a 合计 row",
    file: CONS_FILE,
    sources: ["published seed (且末县) and synthetic figures, as the county workbooks"],
    claims: a.claims,
    async build() {
      const wb = workbook();
      const s = sheet(wb, CONS_SHEET).widths(12, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
      s.merge("A1:K1", "巴音郭楞蒙古自治州2019年社会保险基金支出汇总表");
      s.cell("K2", "单位：万元");
      s.merge("A3:A4", "县市");
      ["B3:C3", "D3:E3", "F3:G3", "H3:I3", "J3:K3"].forEach((r, i) => s.merge(r, FUNDS[i]));
      s.rows("B4", [Array(5).fill(["预算数", "执行数"]).flat()]);
      s.rows("A5", CONSOLIDATION_ROWS.map(([county, v]) => [county, ...v.flat()]));
      const letters = "BCDEFGHIJK";
      s.rows("A12", [["合计", ...TOTAL_ROW.map((v, k) => ({ f: `SUM(${letters[k]}5:${letters[k]}${k === 5 ? 10 : 11})`, v }))]]);
      return toBuffer(wb);
    },
    findings: [
      f("I5", "completion-band", "error", "且末县 工伤保险", "202.5%", "95%–105%", "806 ÷ 398 = 202.5%"),
      f("J5", "missing-value", "info", "且末县 失业保险", undefined, undefined, "且末县 失业保险 预算数 blank: no completion rate"),
      f("I6", "completion-band", "error", "若羌县 工伤保险", "130.0%", "95%–105%", "806 ÷ 620 = 130.0% (the planted 806; the county's own 608 gives 98.1%)"),
      f("G7", "completion-band", "warning", "轮台县 城乡居民基本养老保险", "92.4%", "95%–105%", "1146 ÷ 1240 = 92.4%"),
      f("J11", "missing-value", "info", "博湖县 失业保险", undefined, undefined, "博湖县 has no 失业保险 figures: the 合计 cannot be checked (a reader may say so once or per cell)", true),
      f("K11", "missing-value", "info", "博湖县 失业保险", undefined, undefined, "as J11", true),
      f("G12", "components-sum", "error", "合计 城乡居民基本养老保险", "5324", "5843", "1011 + 633 + 1146 + 887 + 903 + 744 + 519 = 5843; the 合计 (SUM(G5:G10)) says 5324, skipping 博湖县's 519"),
      f("G12", "completion-band", "error", "合计 城乡居民基本养老保险", "88.6%", "95%–105%", "a consequence of the skipped county: 5324 ÷ 6012 = 88.6% (5843 ÷ 6012 = 97.2%)", true),
      f("I12", "completion-band", "error", "合计 工伤保险", "120.2%", "95%–105%", "3304 ÷ 2748 = 120.2% (113.0% even with 若羌县's true 608): the prefecture's 工伤 spending is far over budget"),
      f("K12", "completion-band", "error", "合计 失业保险", "158.2%", "95%–105%", "1606 ÷ 1015 = 158.2%: the 执行数 合计 includes 且末县's 619, which has no budget; a reader may call the 合计 rate unreliable instead", true),
    ],
    sheets: { [CONS_SHEET]: "fund" },
    tables: [
      {
        sheet: CONS_SHEET,
        kind: "consolidation",
        orientation: "rows",
        headerRows: [3, 4],
        unit: "万元",
        years: [2019],
        roles: { A: "county (row 12: 合计)", "B,C": "企业职工 budget, actual", "D,E": "机关事业 budget, actual", "F,G": "城乡居民 budget, actual", "H,I": "工伤 budget, actual", "J,K": "失业 budget, actual" },
        notes: "funds are column groups (row 3), not rows: each pair is one fund's budget and actual",
      },
    ],
  };
}

const MATRIX: ExpectedMatrix = {
  funds: FUNDS,
  consolidation: CONS_FILE,
  counties: [
    {
      name: "且末县",
      files: [`${DIR}/且末县.xlsx`],
      funds: {
        企业职工基本养老保险: { completion: "103.9%", errors: 1, warnings: 0, info: 0 },
        机关事业单位基本养老保险: { completion: "96.8%", errors: 0, warnings: 0, info: 0 },
        城乡居民基本养老保险: { completion: "99.6%", errors: 1, warnings: 1, info: 0 },
        工伤保险: { completion: "202.5%", errors: 2, warnings: 1, info: 0 },
        失业保险: { completion: null, errors: 0, warnings: 0, info: 1 },
      },
    },
    {
      name: "若羌县",
      files: [`${DIR}/若羌县.xlsx`],
      funds: {
        企业职工基本养老保险: { completion: "98.0%", errors: 0, warnings: 0, info: 0 },
        机关事业单位基本养老保险: { completion: "97.9%", errors: 0, warnings: 0, info: 0 },
        城乡居民基本养老保险: { completion: "98.6%", errors: 0, warnings: 0, info: 0 },
        工伤保险: { completion: "98.1%", errors: 0, warnings: 0, info: 0 },
        失业保险: { completion: "97.1%", errors: 0, warnings: 0, info: 0 },
      },
    },
    {
      name: "轮台县",
      files: [`${DIR}/轮台县.xlsx`],
      funds: {
        企业职工基本养老保险: { completion: "98.0%", errors: 0, warnings: 0, info: 0 },
        机关事业单位基本养老保险: { completion: "99.1%", errors: 0, warnings: 0, info: 0 },
        城乡居民基本养老保险: { completion: "92.4%", errors: 0, warnings: 1, info: 0 },
        工伤保险: { completion: "98.3%", errors: 0, warnings: 0, info: 0 },
        失业保险: { completion: "96.5%", errors: 0, warnings: 0, info: 0 },
      },
    },
    {
      name: "尉犁县",
      files: [`${DIR}/尉犁县.xlsx`],
      funds: {
        企业职工基本养老保险: { completion: "97.7%", errors: 0, warnings: 0, info: 0 },
        机关事业单位基本养老保险: { completion: "98.6%", errors: 1, warnings: 0, info: 0 },
        城乡居民基本养老保险: { completion: "98.0%", errors: 0, warnings: 0, info: 0 },
        工伤保险: { completion: "96.6%", errors: 0, warnings: 0, info: 0 },
        失业保险: { completion: "97.8%", errors: 0, warnings: 0, info: 0 },
      },
    },
    {
      name: "和静县",
      files: [`${DIR}/和静县.xlsx`],
      funds: {
        企业职工基本养老保险: { completion: "98.5%", errors: 0, warnings: 0, info: 0 },
        机关事业单位基本养老保险: { completion: "98.9%", errors: 0, warnings: 0, info: 0 },
        城乡居民基本养老保险: { completion: "98.1%", errors: 0, warnings: 0, info: 0 },
        工伤保险: { completion: "98.0%", errors: 0, warnings: 0, info: 0 },
        失业保险: { completion: "97.5%", errors: 0, warnings: 0, info: 0 },
      },
    },
    { name: "和硕县", files: [`${DIR}/和硕县.xlsx`], unreadable: "the file is truncated or damaged", funds: {} },
    {
      name: "博湖县",
      files: [`${DIR}/博湖县.xlsx`],
      funds: {
        企业职工基本养老保险: { completion: "98.3%", errors: 0, warnings: 0, info: 0 },
        机关事业单位基本养老保险: { completion: "98.4%", errors: 0, warnings: 0, info: 0 },
        城乡居民基本养老保险: { completion: "97.9%", errors: 0, warnings: 0, info: 0 },
        工伤保险: { completion: "97.6%", errors: 0, warnings: 0, info: 0 },
      },
      missingFunds: ["失业保险"],
    },
  ],
  consistency: [
    {
      file: CONS_FILE,
      sheet: CONS_SHEET,
      cell: "I6",
      subject: "若羌县 工伤保险 执行数",
      observed: "806",
      expected: "608",
      county: { file: `${DIR}/若羌县.xlsx`, sheet: SHEET, cell: "C7" },
      why: "汇总表 I6 若羌县 工伤保险 执行数 806；若羌县.xlsx 支出情况!C7 为 608 (two digits swapped)",
    },
    {
      file: CONS_FILE,
      sheet: CONS_SHEET,
      cell: "G12",
      subject: "合计 城乡居民基本养老保险 执行数",
      observed: "5324",
      expected: "5843",
      optional: true,
      why: "Σ of the county workbooks 5842.68 → 5843 at the 合计's precision (和硕县 unreadable: its consolidation row 744 stands in, or the check is skipped and said so); the in-file components-sum error on G12 is required either way",
    },
    {
      file: CONS_FILE,
      sheet: CONS_SHEET,
      cell: "I12",
      subject: "合计 工伤保险 执行数",
      observed: "3304",
      expected: "3106",
      optional: true,
      why: "Σ of the county workbooks with 若羌县's 608: 3105.56 → 3106; the difference (198) is the I6 mismatch already reported",
    },
  ],
};

const files: Case[] = [qiemo(), ruoqiang(), luntai(), yuli(), hejing(), heshuo(), bohu(), consolidation()];

/** The batch (county workbooks and the consolidation) and the matrix it should give. */
export const PREFECTURE: { files: Case[]; matrix: ExpectedMatrix } = { files, matrix: MATRIX };
