/** Each band rule fires just outside its band and stays silent on its edges, on real figures. */
import { only, row, run } from "./helpers";

describe("completion-band (ok 95–105%, warning to 90/110%, error beyond)", () => {
  const completion = (budget: string, actual: string) => only(run([row("工伤保险", { budget, actual })]), "completion-band");

  test.each([
    ["95% exactly", "1000", "950"],
    ["105% exactly", "1000", "1050"],
    ["100%", "398", "398"],
    ["103.9% (企业职工)", "4398", "4568"],
    ["96.8% (机关事业)", "12738", "12328"],
  ])("%s is within the band: no finding", (_label, budget, actual) => {
    expect(completion(budget, actual)).toEqual([]);
  });

  test("94.9% is a warning, below the band", () => {
    const [f] = completion("1000", "949");
    expect(f).toMatchObject({ severity: "warning", observed: "94.9%", expected: "95%–105%" });
    expect(f.message.zh).toContain("低于95%–105%");
  });
  test("90% exactly is still a warning, 89.9% an error", () => {
    expect(completion("1000", "900")[0].severity).toBe("warning");
    expect(completion("1000", "899")[0]).toMatchObject({ severity: "error", observed: "89.9%" });
  });
  test("110% exactly is a warning, 110.1% an error", () => {
    expect(completion("1000", "1100")[0]).toMatchObject({ severity: "warning", observed: "110.0%" });
    expect(completion("1000", "1101")[0]).toMatchObject({ severity: "error", observed: "110.1%" });
  });
  test("工伤保险 806 of 398 is 202.5%: error, pointing at the actual with the budget related", () => {
    const [f] = completion("398", "806");
    expect(f).toMatchObject({ rule: "completion-band", severity: "error", subject: "工伤保险", observed: "202.5%", expected: "95%–105%" });
    expect(f.message.zh).toBe("工伤保险：预算完成率202.5%（支出806 ÷ 预算398），超出95%–105%的目标区间，超预算较多");
    expect(f.message.en).toContain("202.5%");
  });
  test("edges are exact, not float: 0.95 of 1 and 95 of 100 both pass", () => {
    expect(completion("1", "0.95")).toEqual([]);
    expect(completion("3", "2.85")).toEqual([]); // 2.85/3 = 0.95 exactly, 0.9499999… in floats
    expect(completion("3", "2.8499")).toHaveLength(1);
  });
  test("a zero budget gives unbudgeted-spending, not a completion rate", () => {
    const findings = run([row("失业保险", { budget: "0", actual: "619" })]);
    expect(findings.map((f) => f.rule)).toEqual(["unbudgeted-spending"]);
    expect(findings[0]).toMatchObject({ severity: "error", observed: "619", expected: "0" });
  });
  test("a zero budget with no spending is silent", () => {
    expect(run([row("失业保险", { budget: "0", actual: "0" })])).toEqual([]);
  });
});

describe("yoy-growth-band (warning beyond ±30%)", () => {
  const growth = (actual: string, prior: string) => only(run([row("城乡居民", { actual, prior })]), "yoy-growth-band");

  test("+30% exactly and −30% exactly are silent", () => {
    expect(growth("130", "100")).toEqual([]);
    expect(growth("70", "100")).toEqual([]);
  });
  test("+30.1% and −30.1% are warnings", () => {
    expect(growth("130.1", "100")[0]).toMatchObject({ severity: "warning", observed: "+30.1%", expected: "±30%" });
    expect(growth("69.9", "100")[0]).toMatchObject({ severity: "warning", observed: "-30.1%" });
    expect(growth("69.9", "100")[0].message.zh).toContain("下降30.1%");
  });
  test("from a stated change when there is no prior: 265 on 1011 is +35.5%", () => {
    const [f] = only(run([row("城乡居民基本养老保险", { actual: "1011", statedChange: "265", statedGrowth: "36%" })]), "yoy-growth-band");
    expect(f).toMatchObject({ observed: "+35.5%", subject: "城乡居民基本养老保险" });
  });
  test("a prior of 0 gives no growth at all (no ∞)", () => {
    expect(run([row("新险种", { actual: "100", prior: "0" })])).toEqual([]);
  });
  test("only a stated growth: judged on it, said so", () => {
    const [f] = only(run([row("工伤保险", { actual: "806", statedGrowth: "62%" })]), "yoy-growth-band");
    expect(f.observed).toBe("+62.0%");
    expect(f.message.zh).toContain("按填报增幅");
  });
});

describe("payable-months-band (warning < 6 months, info > 24)", () => {
  const months = (balance: string, actual: string) => only(run([row("城乡居民", { balance, actual })]), "payable-months-band");
  test("6 months exactly and 24 months exactly are silent", () => {
    expect(months("600", "1200")).toEqual([]);
    expect(months("2400", "1200")).toEqual([]);
  });
  test("5.9 months is a warning, 24.1 an info", () => {
    expect(months("590", "1200")[0]).toMatchObject({ severity: "warning", observed: "5.9", expected: "6–24" });
    expect(months("2410", "1200")[0]).toMatchObject({ severity: "info", observed: "24.1" });
  });
  test("城乡居民 3594 against 1011 spent: 42.7 months, info", () => {
    const [f] = months("3594", "1011");
    expect(f).toMatchObject({ severity: "info", observed: "42.7" });
    expect(f.message.zh).toContain("42.7个月");
  });
  test("no spending: no months (no ∞)", () => {
    expect(months("3594", "0")).toEqual([]);
  });
});

describe("budget-balance (warning when expenditure exceeds income)", () => {
  test("34928 spent against 25004 income: warning with the gap", () => {
    const [f] = only(run([row("各项基金合计", { income: "25004", actual: "34928" }, "total")]), "budget-balance");
    expect(f).toMatchObject({ severity: "warning", observed: "34928", expected: "≤ 25004" });
    expect(f.message.zh).toContain("9924");
  });
  test("equal income and expenditure, and a surplus, are silent", () => {
    expect(only(run([row("A", { income: "100", actual: "100" })]), "budget-balance")).toEqual([]);
    expect(only(run([row("A", { income: "100.01", actual: "100" })]), "budget-balance")).toEqual([]);
    expect(only(run([row("A", { income: "100", actual: "100.01" })]), "budget-balance")).toHaveLength(1);
  });
});
