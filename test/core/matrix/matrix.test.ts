/**
 * The matrix (src/core/matrix) on literal workbooks: counties × funds with completion, band and the findings
 * behind each cell; an unreadable workbook and a missing fund are never a pass; fund names written differently
 * meet; the cross-file check names both places, converts units, compares at the precision written, and says
 * what it could not compare.
 */
import { buildMatrix, countyStatus, countyOf, matrixFundKey } from "../../../src/core/matrix";
import { parseTargets } from "../../../src/core/targets";
import { consolidation, county, summarize } from "./fixtures";

const A = county("甲县", [["企业职工基本养老保险", 1000, 980], ["工伤保险", 200, 260]]);
const B = county("乙县", [["企业职工养老保险基金", 500, 495]]);

describe("the matrix", () => {
  test("rows are counties (from the file name), columns funds named as most workbooks name them; each cell completion, band and findings", () => {
    const m = buildMatrix([summarize("a/甲县.xlsx", [A]), summarize("a/乙县.xlsx", [B])]);
    expect(m.funds).toEqual(["企业职工基本养老保险", "工伤保险"]);
    expect(m.counties.map((c) => c.name)).toEqual(["乙县", "甲县"]);
    const jia = m.counties.find((c) => c.name === "甲县")!;
    expect(jia.funds["企业职工基本养老保险"]).toMatchObject({ completion: 0.98, band: "ok", errors: 0, file: "a/甲县.xlsx", sheet: "支出情况", cell: "C4" });
    // 260 ÷ 200 = 130%: completion-band error, linked to its cell.
    expect(jia.funds["工伤保险"]).toMatchObject({ completion: 1.3, band: "error", errors: 1 });
    expect(jia.funds["工伤保险"].findings[0]).toMatchObject({ file: "a/甲县.xlsx", sheet: "支出情况", cell: "C5", rule: "completion-band" });
    expect(jia.worst).toBe("工伤保险");
    // 乙县 writes 企业职工养老保险基金: the same fund; it has no 工伤保险 row: missing, not a pass.
    const yi = m.counties.find((c) => c.name === "乙县")!;
    expect(yi.funds["企业职工基本养老保险"].completion).toBeCloseTo(0.99);
    expect(yi.missing).toEqual(["工伤保险"]);
    expect(countyStatus(yi)).toBe("missing");
    expect(m.fundSummary.find((s) => s.fund === "工伤保险")).toMatchObject({ worst: "甲县", errors: 1, missing: 1 });
  });

  test("an unreadable workbook shows its county as unreadable, with no funds", () => {
    const m = buildMatrix([summarize("甲县.xlsx", [A]), { file: "丙县.xlsx", unreadable: "the file is truncated" }]);
    const bing = m.counties.find((c) => c.name === "丙县")!;
    expect(bing).toMatchObject({ unreadable: "the file is truncated", funds: {} });
    expect(countyStatus(bing)).toBe("unreadable");
  });

  test("the county from the title when the file name has none, or from a mapping; --county-from title prefers the title", () => {
    expect(countyOf("x/report-01.xlsx", ["若羌县2019年社会保险基金支出情况表"], [])).toBe("若羌县");
    expect(countyOf("x/2019年且末县社保.xlsx", [], [])).toBe("且末县");
    expect(countyOf("x/甲县.xlsx", ["乙县2019年…"], [], "title")).toBe("乙县");
    expect(countyOf("x/report-01.xlsx", [], [], "filename", { "report-01.xlsx": "丁县" })).toBe("丁县");
    expect(countyOf("x/report-01.xlsx", [], [])).toBe("report-01");
  });

  test("fund names meet across spellings", () => {
    expect(matrixFundKey("企业职工基本养老保险")).toBe(matrixFundKey("企业职工养老保险基金"));
    expect(matrixFundKey("城乡居民社会养老保险")).toBe(matrixFundKey("城乡居民基本养老保险"));
    expect(matrixFundKey("工伤保险")).not.toBe(matrixFundKey("失业保险"));
  });

  test("growth and payable months as measures; a row without the figures has no value (band none), never 0", () => {
    const m = buildMatrix([summarize("甲县.xlsx", [A])], { measure: "growth" });
    expect(m.counties[0].funds["工伤保险"]).toMatchObject({ value: null, band: "none", completion: 1.3 });
  });
});

describe("cross-file-mismatch", () => {
  const funds = ["企业职工基本养老保险", "工伤保险"];
  const jia = () => summarize("甲县.xlsx", [A]);
  // 乙县 in 元: 5000000 / 4950000 元 = 500 / 495 万元.
  const yi = () => summarize("乙县.xlsx", [county("乙县", [["企业职工基本养老保险", 5004000, 4951234], ["工伤保险", 1000000, 990000]], "元")]);

  test("a county's figure that differs from its workbook: an error at the consolidation's cell naming both places", () => {
    const cons = summarize("州汇总.xlsx", [consolidation(funds, [["甲县", [1000, 980, 200, 206]], ["乙县", [500, 495, 100, 99]]])]);
    const m = buildMatrix([cons, jia(), yi()]);
    expect(m.counties.map((c) => c.name)).toEqual(["甲县", "乙县"]); // the consolidation is no county; its row order
    expect(m.consistency).toHaveLength(1);
    const f = m.consistency[0] as (typeof m.consistency)[number] & { file: string; county: unknown };
    expect(f).toMatchObject({ rule: "cross-file-mismatch", severity: "error", subject: "甲县 工伤保险 执行数", observed: "206", expected: "260", file: "州汇总.xlsx", related: ["[甲县.xlsx]支出情况!C5"] });
    expect(f.at).toEqual({ kind: "cell", sheet: "支出汇总", address: "E5" });
    expect(f.county).toEqual({ file: "甲县.xlsx", sheet: "支出情况", cell: "C5" });
    expect(f.message.zh).toBe("汇总表 州汇总.xlsx 支出汇总!E5 甲县 工伤保险 执行数 206；甲县.xlsx 支出情况!C5 为 260");
    // 乙县's 元 figures rounded to 万元 (500.4 → 500, 495.1234 → 495) agree: no mismatch. The 合计 is not
    // compared again: its difference is 甲县's, already reported.
  });

  test("the 合计 against the sum of the county workbooks, at the 合计's precision", () => {
    const cons = summarize("州汇总.xlsx", [consolidation(funds, [["甲县", [1000, 980, 200, 260]], ["乙县", [500, 495, 100, 99]]], [1500, 1475, 300, 369])]);
    const m = buildMatrix([cons, jia(), yi()]);
    // 合计 工伤 执行数 369, the counties' workbooks add up to 260 + 99 = 359. (The in-file components-sum says so too.)
    expect(m.consistency.map((f) => [f.subject, f.observed, f.expected])).toEqual([["合计 工伤保险 执行数", "369", "359"]]);
    expect(m.consistency[0].message.zh).toContain("2 个县报表之和为 359");
  });

  test("a county whose workbook cannot be read: nothing compared for it, and a note says so", () => {
    const cons = summarize("州汇总.xlsx", [consolidation(funds, [["甲县", [1000, 980, 200, 260]], ["乙县", [500, 999, 100, 99]]])]);
    const m = buildMatrix([cons, jia(), { file: "乙县.xlsx", unreadable: "damaged" }]);
    expect(m.consistency).toEqual([]);
    expect(m.notes.map((n) => n.en).join("\n")).toMatch(/乙县's workbook could not be read/);
    expect(m.notes.map((n) => n.en).join("\n")).toMatch(/合计 .* was not compared/);
  });

  test("a unit stated on one side only is not compared (no false alarm), and said", () => {
    const noUnit = county("甲县", [["企业职工基本养老保险", 1000, 980], ["工伤保险", 200, 260]]).cells;
    noUnit[1] = [];
    const cons = summarize("州汇总.xlsx", [consolidation(funds, [["甲县", [1000, 980, 200, 206]], ["乙县", [500, 495, 100, 99]]])]);
    const m = buildMatrix([cons, summarize("甲县.xlsx", [{ name: "支出情况", cells: noUnit, merges: [] }]), yi()]);
    expect(m.consistency).toEqual([]);
    expect(m.notes.some((n) => /units/.test(n.en))).toBe(true);
  });

  test("a targets file may turn the rule off or change its severity (it is in the rule catalogue)", () => {
    const cons = () => summarize("州汇总.xlsx", [consolidation(funds, [["甲县", [1000, 980, 200, 206]], ["乙县", [500, 495, 100, 99]]])]);
    const off = parseTargets({ severity: { "cross-file-mismatch": "off" } });
    const warn = parseTargets({ severity: { "cross-file-mismatch": "warning" } });
    if (!off.ok || !warn.ok) throw new Error("targets");
    expect(buildMatrix([cons(), jia(), yi()], { targets: off.targets }).consistency).toEqual([]);
    expect(buildMatrix([cons(), jia(), yi()], { targets: warn.targets }).consistency.map((f) => f.severity)).toEqual(["warning"]);
  });
});
