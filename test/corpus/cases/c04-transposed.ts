/**
 * Class 4 — transposed tables and sheets no reader can understand. Funds as columns, items (预算数, 执行数, 完成率,
 * 上年执行数, 比上年增减, 增幅) as rows are checked like any fund table. A sheet that holds figures but no table
 * that can be read gets an info "could not read this table because …" (rule id proposed here:
 * `table-unreadable`), never "no problems".
 * Figures: synthetic county figures (万元), those of c03's 2022–2023 columns.
 */
import { Arithmetic } from "../arith";
import { Case } from "../model";
import { Cell, pct, sheet, toBuffer, workbook } from "../xlsx";

const FUNDS = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险"];
const BUDGET = [4620, 13150, 1385, 520, 240];
const ACTUAL = [4551, 12987, 1362, 509, 233];
const RATE = ["98.5", "98.8", "98.3", "97.9", "97.1"];
const PRIOR = [4236, 11963, 1163, 441, 216];
const CHANGE = [315, 1024, 199, 68, 17];
const GROWTH = ["7.4", "8.6", "17.1", "15.4", "7.9"];

function arithmetic(a: Arithmetic): void {
  FUNDS.forEach((f, i) => {
    a.rate(`${f} 完成率`, RATE[i], ACTUAL[i], BUDGET[i]);
    a.diff(`${f} 比上年增减`, String(CHANGE[i]), ACTUAL[i], PRIOR[i]);
    a.growth(`${f} 增幅`, GROWTH[i], ACTUAL[i], PRIOR[i]);
  });
}

function transposedSheet(opts: { rate?: string[]; change?: number[]; growth?: string[]; total: boolean }): () => Promise<Buffer> {
  return async () => {
    const wb = workbook();
    const cols = opts.total ? 7 : 6;
    const s = sheet(wb, "执行情况").widths(14, ...Array(cols - 1).fill(14));
    s.merge(`A1:${"ABCDEFG"[cols - 1]}1`, "且末县2023年社会保险基金预算执行情况表");
    s.cell(`${"ABCDEFG"[cols - 1]}2`, "单位：万元");
    const withTotal = <T extends Cell>(xs: T[], total: Cell): Cell[] => (opts.total ? [...xs, total] : xs);
    s.rows("A3", [
      ["项目", ...withTotal(FUNDS, "合计")],
      ["预算数", ...withTotal(BUDGET, 19915)],
      ["执行数", ...withTotal(ACTUAL, 19642)],
      ["完成率", ...withTotal((opts.rate ?? RATE).map((r) => pct(r)), pct("98.6"))],
      ["上年执行数", ...withTotal(PRIOR, 18019)],
      ["比上年增减", ...withTotal(opts.change ?? CHANGE, 1623)],
      ["增幅", ...withTotal((opts.growth ?? GROWTH).map((g) => pct(g)), pct("9.0"))],
    ]);
    return toBuffer(wb);
  };
}

const transposedTable = (total: boolean) => ({
  sheet: "执行情况",
  kind: "fund" as const,
  orientation: "columns" as const,
  headerRows: [3],
  unit: "万元",
  years: [2023],
  roles: {
    "3": `funds: B…F${total ? ", G = 合计 (sum of B…F)" : ""}`,
    "4": "budget",
    "5": "actual",
    "6": "stated completion",
    "7": "prior year (上年执行数)",
    "8": "stated change",
    "9": "stated growth",
  },
});

function planted(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  return {
    id: "c04-transposed/funds-as-columns-planted",
    cls: "4",
    title: "Funds as columns, items as rows; 工伤 增幅 51.4% typed for 15.4%, 城乡居民 增减 919 for 199",
    file: "c04-transposed-planted.xlsx",
    sources: ["synthetic: county 2023 figures (as c03), two figures mistyped"],
    claims: a.claims,
    build: transposedSheet({ growth: ["7.4", "8.6", "17.1", "51.4", "7.9"], change: [315, 1024, 919, 68, 17], total: false }),
    findings: [
      {
        rule: "stated-change-mismatch",
        severity: "error",
        sheet: "执行情况",
        cell: "D8",
        subject: "城乡居民基本养老保险",
        observed: "919",
        expected: "199",
        why: "执行数 1362 − 上年执行数 1163 = 199, stated 919",
      },
      {
        rule: "stated-rate-mismatch",
        severity: "error",
        sheet: "执行情况",
        cell: "E9",
        subject: "工伤保险",
        observed: "51.4%",
        expected: "15.4%",
        why: "(509 − 441) ÷ 441 = 15.42% → 15.4%, stated 51.4%",
      },
    ],
    sheets: { 执行情况: "fund" },
    tables: [transposedTable(false)],
  };
}

function clean(): Case {
  const a = new Arithmetic();
  arithmetic(a);
  a.sum("合计 预算数", "19915", BUDGET);
  a.sum("合计 执行数", "19642", ACTUAL);
  a.rate("合计 完成率", "98.6", 19642, 19915);
  a.sum("合计 上年执行数", "18019", PRIOR);
  a.sum("合计 比上年增减", "1623", CHANGE);
  a.growth("合计 增幅", "9.0", 19642, 18019);
  return {
    id: "c04-transposed/funds-as-columns-clean",
    cls: "4",
    title: "Funds as columns with a 合计 column, all consistent",
    file: "c04-transposed-clean.xlsx",
    sources: ["synthetic: county 2023 figures (as c03)"],
    clean: true,
    claims: a.claims,
    build: transposedSheet({ total: true }),
    findings: [],
    // Read as a fund table, not taken for notes (today's exit 0 on such a sheet checks nothing).
    sheets: { 执行情况: "fund" },
    tables: [transposedTable(true)],
  };
}

/** Figures with no header naming the columns: which is the budget? No reader can know. */
function headerless(): Case {
  return {
    id: "c04-transposed/figures-without-header",
    cls: "4",
    title: "A sheet of figures with no header row (the header was on the page before)",
    file: "c04-figures-without-header.xlsx",
    sources: ["synthetic: county 2023 figures (as c03)"],
    async build() {
      const wb = workbook();
      const s = sheet(wb, "续表").widths(26, 12, 12, 10);
      s.cell("A1", "续表");
      s.rows(
        "A3",
        FUNDS.map((f, i) => [f, BUDGET[i], ACTUAL[i], pct(RATE[i])])
      );
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "table-unreadable",
        severity: "info",
        sheet: "续表",
        why: "rows 3–7 hold figures beside fund names, but no header says which column is the budget or the actual: say so, check nothing",
      },
    ],
    tables: [{ sheet: "续表", kind: "unreadable", orientation: "rows", headerRows: [], notes: "figures in B3:D7, no header: roles unknown" }],
  };
}

/** A header that names no role: 金额 | 金额 | 比例. Ambiguous: say so rather than guess. */
function ambiguous(): Case {
  return {
    id: "c04-transposed/ambiguous-header",
    cls: "4",
    title: "Header 基金名称 | 金额 | 金额 | 比例: two amounts, which is which?",
    file: "c04-ambiguous-header.xlsx",
    sources: ["synthetic: county 2023 figures (as c03)"],
    async build() {
      const wb = workbook();
      const s = sheet(wb, "基金情况").widths(26, 12, 12, 10);
      s.merge("A1:D1", "且末县2023年社会保险基金情况");
      s.cell("D2", "单位：万元");
      s.rows("A3", [["基金名称", "金额", "金额", "比例"], ...FUNDS.map((f, i) => [f, BUDGET[i], ACTUAL[i], pct(RATE[i])])]);
      return toBuffer(wb);
    },
    findings: [
      {
        rule: "table-unreadable",
        severity: "info",
        sheet: "基金情况",
        why: "the header names the funds but no column role (金额 twice, 比例): say which columns could not be understood",
      },
    ],
    tables: [{ sheet: "基金情况", kind: "unreadable", orientation: "rows", headerRows: [3], unit: "万元", notes: "金额 | 金额 | 比例: roles ambiguous" }],
  };
}

export const cases: Case[] = [planted(), clean(), headerless(), ambiguous()];
