/** The comparator: what counts as the same value, a missed, a false and a wrong finding, a refused file. */
import { ActualFinding, TableJson, compareCase, compareMatrix, matchFindings, rolesOf, sameValue, tableProblems } from "./compare";
import { Case, ExpectedFinding, ExpectedMatrix } from "./model";

describe("sameValue", () => {
  it("compares figures at the coarser precision of the two", () => {
    expect(sameValue("103.9%", "103.9%")).toBe(true);
    expect(sameValue("103.9%", "103.86%")).toBe(true);
    expect(sameValue("103.9%", "104%")).toBe(true);
    expect(sameValue("103.9%", "103.7%")).toBe(false);
    expect(sameValue("4566", "4,566")).toBe(true);
    expect(sameValue("4566", "4568")).toBe(false);
    expect(sameValue("+35.5%", "+35.5%")).toBe(true);
    expect(sameValue("-7.0%", "−7.0%")).toBe(true);
    expect(sameValue("97%", "0.97")).toBe(true); // a fraction for a percentage
    expect(sameValue("5.6", "5.6个月")).toBe(true);
  });
  it("compares bands as text, dashes folded", () => {
    expect(sameValue("95%–105%", "95%-105%")).toBe(true);
    expect(sameValue("±30%", "±30%")).toBe(true);
    expect(sameValue("6–24", "6-24")).toBe(true);
    expect(sameValue("6–24", "6–36")).toBe(false);
    expect(sameValue("97%", undefined)).toBe(false);
  });
});

const want = (f: Partial<ExpectedFinding>): ExpectedFinding => ({ rule: "stated-rate-mismatch", severity: "error", sheet: "S", cell: "D5", why: "", ...f });
const got = (f: Partial<ActualFinding>): ActualFinding => ({ rule: "stated-rate-mismatch", severity: "error", sheet: "S", cell: "D5", ...f });

describe("matchFindings", () => {
  it("sorts findings into matched, missed and false", () => {
    const r = matchFindings([want({}), want({ cell: "D6" })], [got({}), got({ cell: "D9" })]);
    expect(r.missed.map((m) => m.cell)).toEqual(["D6"]);
    expect(r.falseFindings.map((f) => f.cell)).toEqual(["D9"]);
    expect(r.wrong).toEqual([]);
  });
  it("names reversed observed/expected, a wrong severity and a missing year", () => {
    const r = matchFindings(
      [want({ observed: "97%", expected: "103.9%" }), want({ cell: "C5", rule: "completion-band", severity: "warning" }), want({ cell: "E5", year: 2022 })],
      [got({ observed: "103.9%", expected: "97%" }), got({ cell: "C5", rule: "completion-band", severity: "error" }), got({ cell: "E5", message: { zh: "2023年…" } })]
    );
    expect(r.missed).toEqual([]);
    expect(r.falseFindings).toEqual([]);
    expect(r.wrong).toHaveLength(3);
    expect(r.wrong).toEqual(expect.arrayContaining([expect.stringContaining("swapped"), expect.stringContaining("reported as error"), expect.stringContaining("does not name the year 2022")]));
  });
  it("accepts the year in a field or in the message", () => {
    expect(matchFindings([want({ year: 2022 })], [got({ year: 2022 })]).wrong).toEqual([]);
    expect(matchFindings([want({ year: 2022 })], [got({ message: { zh: "2022年城乡居民…" } })]).wrong).toEqual([]);
  });
  it("an optional finding is neither missed when absent nor false when present", () => {
    expect(matchFindings([want({ optional: true })], []).missed).toEqual([]);
    expect(matchFindings([want({ optional: true })], [got({})]).falseFindings).toEqual([]);
  });
  it("a finding without a cell in the answer matches any cell of its sheet", () => {
    const r = matchFindings([want({ cell: undefined, rule: "table-unreadable", severity: "info" })], [got({ cell: "A3", rule: "table-unreadable", severity: "info" })]);
    expect(r.missed).toEqual([]);
    expect(r.falseFindings).toEqual([]);
  });
});

const aCase = (c: Partial<Case>): Case => ({ id: "x/y", cls: "1", title: "", file: "y.xlsx", sources: ["s"], build: async () => Buffer.alloc(0), findings: [], ...c });
const json = (findings: ActualFinding[], extra: object = {}) => JSON.stringify({ file: "y.xlsx", sheets: [{ name: "S", kind: "fund" }], summary: {}, findings, ...extra });

describe("compareCase", () => {
  it("passes a clean run of a clean case, fails a false warning", () => {
    expect(compareCase(aCase({}), { code: 0, stdout: json([]), stderr: "" }).pass).toBe(true);
    const r = compareCase(aCase({}), { code: 1, stdout: json([got({ severity: "warning", rule: "payable-months-band" })]), stderr: "" });
    expect(r.pass).toBe(false);
    expect(r.falseFindings).toHaveLength(1);
  });
  it("checks sheet kinds, text figures with their year, and the exit code", () => {
    const c = aCase({ sheets: { S: "fund", T: "fund" }, figures: [{ subject: "工伤保险", year: 2022, budget: 45.2 }] });
    const r = compareCase(c, { code: 1, stdout: json([], { figures: [{ subject: "工伤保险", budget: 45.2 }] }), stderr: "" });
    expect(r.other).toEqual(["sheet T: not in the output", "text figure read without its year: 工伤保险 2022 budget 45.2", "exit 1, but its findings call for 0"]);
  });
  it("an unreadable case passes only on exit 3 with a stderr line naming the file", () => {
    const c = aCase({ unreadable: "truncated", file: "d/和硕县.xlsx" });
    expect(compareCase(c, { code: 3, stdout: "[]", stderr: "fund-check: /tmp/d/和硕县.xlsx: the file is truncated or damaged\n" }).pass).toBe(true);
    expect(compareCase(c, { code: 0, stdout: json([]), stderr: "" }).pass).toBe(false);
  });
  it("a crash is no pass, and its required findings are missed", () => {
    const r = compareCase(aCase({ findings: [want({})] }), { code: 70, stdout: "", stderr: "internal error" });
    expect(r.got).toBe("crash");
    expect(r.missed).toHaveLength(1);
  });
});

describe("compareMatrix", () => {
  const matrix: ExpectedMatrix = {
    funds: ["工伤保险"],
    consolidation: "d/汇总.xlsx",
    counties: [
      { name: "若羌县", files: ["d/若羌县.xlsx"], funds: { 工伤保险: { completion: "98.1%", errors: 0, warnings: 0, info: 0 } } },
      { name: "和硕县", files: ["d/和硕县.xlsx"], unreadable: "truncated", funds: {} },
    ],
    consistency: [{ file: "d/汇总.xlsx", sheet: "汇总", cell: "I6", subject: "", observed: "806", expected: "608", county: { file: "d/若羌县.xlsx", sheet: "支出情况", cell: "C7" }, why: "" }],
  };
  const good = {
    funds: ["工伤保险"],
    counties: [
      { name: "若羌县", files: ["d/若羌县.xlsx"], funds: { 工伤保险: { completion: 0.980645, errors: 0, warnings: 0, info: 0 } } },
      { name: "和硕县", files: ["d/和硕县.xlsx"], unreadable: "truncated", funds: {} },
    ],
    consistency: [{ rule: "cross-file-mismatch", severity: "error", sheet: "汇总", cell: "I6", related: ["若羌县.xlsx!支出情况!C7"], observed: "806", expected: "608" }],
  };
  it("passes the right matrix", () => {
    expect(compareMatrix(matrix, { code: 2, stdout: JSON.stringify(good), stderr: "" }).problems).toEqual([]);
  });
  it("fails an unreadable county shown as clean, and a missed mismatch", () => {
    const bad = { ...good, counties: [good.counties[0], { name: "和硕县", files: [], funds: {} }], consistency: [] };
    expect(compareMatrix(matrix, { code: 2, stdout: JSON.stringify(bad), stderr: "" }).problems).toEqual([
      expect.stringContaining("和硕县: should be unreadable"),
      expect.stringContaining("cross-file mismatch missed"),
    ]);
  });
  it("fails when there is no matrix at all", () => {
    expect(compareMatrix(matrix, { code: 64, stdout: "", stderr: "fund-check: Unknown option '--matrix'" }).pass).toBe(false);
  });
});

describe("table descriptions (sheets[].tables[])", () => {
  it("maps the answers' words to roles", () => {
    expect(rolesOf("2021 budget")).toEqual(["budget"]);
    expect(rolesOf("2016 (prior year)")).toEqual(["prior"]);
    expect(rolesOf("prior year (2011 决算)")).toEqual(["prior"]);
    expect(rolesOf("current-year surplus (本年收支结余) — never used for payable months")).toEqual(["surplus"]);
    expect(rolesOf("accumulated balance (年末滚存结余)")).toEqual(["balance"]);
    expect(rolesOf("income actual (执行数 under 一、基金收入)")).toEqual(["income", "actual"]);
    expect(rolesOf("funds: B…F, G = 合计")).toEqual(["subject"]);
    expect(rolesOf("stated index on the prior year (120 = +20%)")).toEqual(["statedIndex"]);
  });

  const table = { sheet: "S", kind: "fund" as const, orientation: "rows" as const, headerRows: [3, 4], unit: "万元", years: [2021, 2022], roles: { A: "fund", B: "2021 budget", C: "2021 actual", D: "2022 budget", E: "2022 actual" } };
  const c = { id: "x", cls: "3", title: "", file: "x.xlsx", sources: [], build: async () => Buffer.from(""), findings: [], tables: [table] } as Case;
  const json = (t: TableJson) => ({ file: "x.xlsx", sheets: [{ name: "S", kind: "fund", tables: [t] }] });
  const good: TableJson = { kind: "fund", orientation: "rows", headerRows: [3, 4], unit: "万元", years: [2021, 2022], columns: { A: "subject", B: "budget", C: "actual", D: "budget", E: "actual" }, groups: [{ label: "2021年", year: 2021, columns: {} }, { label: "2022年", year: 2022, columns: {} }] };

  it("passes a table read as the answer says", () => {
    expect(tableProblems(c, json(good))).toEqual([]);
  });

  it("names what differs: header rows, unit, years, a column's role, orientation", () => {
    expect(tableProblems(c, json({ ...good, headerRows: [4] }))).toEqual(["table on S (header 3,4): not found (tables' header rows: [4])"]);
    expect(tableProblems(c, json({ ...good, unit: "元", columns: { ...good.columns, C: "prior" } }))).toEqual([
      "table on S (header 3,4): unit 元, should be 万元",
      "table on S (header 3,4): C read as prior, should be actual (2021 actual)",
    ]);
    expect(tableProblems(c, json({ ...good, orientation: "columns" }))).toEqual(["table on S (header 3,4): orientation columns, should be rows"]);
    expect(tableProblems(c, json({ ...good, years: [2021], groups: [{ label: "2021年", year: 2021, columns: {} }] }))).toEqual([
      "table on S (header 3,4): years [2021], should end with 2022",
      "table on S (header 3,4): year groups [2021], should be [2021,2022]",
    ]);
  });

  it("an unreadable table is a sheet with no table", () => {
    const u = { ...c, tables: [{ sheet: "S", kind: "unreadable" as const, orientation: "rows" as const, headerRows: [] }] };
    expect(tableProblems(u, { file: "x.xlsx", sheets: [{ name: "S", kind: "notes", tables: [] }] })).toEqual([]);
    expect(tableProblems(u, json(good))[0]).toMatch(/should be unreadable/);
  });
});
