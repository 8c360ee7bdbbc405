/** payable-months-band: months of spending the balance covers (warning below 6, info above 24). */
import { addressOf } from "../../../src/core/location";
import { findingJson } from "../../../src/core/findings";
import { checkSheet } from "../../../src/core/check";
import { checkGrid, grid, only, row, run, targets } from "./helpers";

const months = (balance: string, actual: string, t = targets({})) => only(run([row("城乡居民", { balance, actual })], t), "payable-months-band");

describe("payable-months-band", () => {
  test("城乡居民 3594 against 1011 spent: 42.7 months, info — observed the computed months at the balance, expected the band", () => {
    const r = row("城乡居民基本养老保险", { balance: "3594", actual: "1011" });
    const [f] = only(run([r]), "payable-months-band");
    expect(findingJson(f)).toMatchObject({ severity: "info", cell: r.subjectRef, observed: "42.7", expected: "6–24" });
    expect(f.message.zh).toBe("城乡居民基本养老保险：累计结余可支付42.7个月（累计结余3594 ÷ 月均支出84.25），超过24个月，结余偏多");
  });

  test("6 months exactly and 24 months exactly are silent", () => {
    expect(months("600", "1200")).toEqual([]);
    expect(months("2400", "1200")).toEqual([]);
  });

  test("5.9 months is a warning (payments at risk), 24.1 an info", () => {
    const [w] = months("590", "1200");
    expect(w).toMatchObject({ severity: "warning", observed: "5.9", expected: "6–24" });
    expect(w.message.en).toBe("城乡居民: the balance covers only 5.9 months of spending (balance 590 ÷ monthly spending 100.00), below 6; payments are at risk");
    expect(months("2410", "1200")[0]).toMatchObject({ severity: "info", observed: "24.1" });
  });

  test("a negative balance (a deficit carried) is a warning, not skipped", () => {
    expect(months("-300", "1200")[0]).toMatchObject({ severity: "warning", observed: "-3.0" });
  });

  test("no or negative spending: no months (no ∞)", () => {
    expect(months("3594", "0")).toEqual([]);
    expect(months("3594", "-10")).toEqual([]);
  });

  test("its threshold is the targets' payableMonths", () => {
    expect(months("3594", "1011", targets({ payableMonths: { infoAbove: 48 } }))).toEqual([]);
  });
});

describe("payable-months-band reads the accumulated balance only", () => {
  test("当年结余 beside 年末累计结余: the months are the accumulated balance's (工伤 171 × 12 ÷ 365 = 5.6), never the surplus's", () => {
    const sheet = grid([
      ["项目", "基金收入", "基金支出", "年末累计结余", "当年结余"],
      ["企业职工基本养老保险", 3120, 3046, 2285, 74],
      ["工伤保险", 372, 365, 171, 7],
    ]);
    const found = only(checkGrid(sheet), "payable-months-band");
    expect(found.map((f) => [addressOf(f.at), f.severity, f.observed])).toEqual([["D3", "warning", "5.6"]]);
    expect(found[0].message.zh).toContain("累计结余171");
  });

  test("a table with 当年结余 (or 本年收支结余, or a plain 结余) and no accumulated balance: the rule does not run", () => {
    for (const label of ["当年结余", "本年收支结余", "结余"]) {
      const sheet = grid([["项目", "基金收入", "基金支出", label], ["企业职工基本养老保险", 3120, 3046, 74], ["工伤保险", 372, 365, 7]]);
      expect(only(checkGrid(sheet), "payable-months-band")).toEqual([]);
    }
  });

  test("滚存结余 and 期末结余 are accumulated balances; 上年结余 is a balance brought forward, not last year's spending", () => {
    const sheet = grid([["项目", "基金支出", "上年结余", "本年收支结余", "年末滚存结余"], ["失业保险", 1200, 500, 90, 590]]);
    const r = checkSheet(sheet);
    expect(r.report.tables[0].columns).toEqual({ A: "subject", B: "actual", C: "openingBalance", D: "surplus", E: "balance" });
    expect(r.findings.map((f) => [f.rule, addressOf(f.at), f.observed])).toEqual([["payable-months-band", "E2", "5.9"]]);
  });
});
