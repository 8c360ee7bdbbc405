/**
 * What the paragraphs say, case by case: the genre's wording for each sign (增支/减支, 增长/下降, 持平, 结余/收不抵支),
 * a missing figure left out (never 0), the rates at the table's stated places, the explanations the findings call
 * for, totals and their rows, 亿元, a table with no unit, the catalogue's wording changed by a user.
 */
import { draftTable, draftFormulas, renderMarkdown, renderText } from "../../../src/core/draft";
import { checkCatalogue, CATALOGUES } from "../../../src/core/draft/catalogue";
import { parseTargets } from "../../../src/core/targets";
import { FormulaBook, SpecRow, TableSpec, findingsOf, sheetData, tableOf } from "./helpers";
import { runFundRules } from "../../../src/core/rules";
import { readReportText } from "../../../src/core/reportText";

function draft(spec: TableSpec, options: Parameters<typeof draftTable>[2] = {}) {
  const table = tableOf(spec);
  return draftTable(table, findingsOf(table), options);
}

const one = (values: SpecRow["values"], extra: Partial<TableSpec> = {}): TableSpec => ({
  sheet: "表1",
  unit: "万元",
  columns: ["budget", "actual", "prior", "income", "balance"],
  rows: [{ subject: "工伤保险", values }],
  ...extra,
});

test("a decrease is 减支 and 下降; an unchanged year is 与上年持平, with no growth", () => {
  expect(draft(one({ budget: { n: 860 }, actual: { n: 812 }, prior: { n: 908 } })).paragraphs[0].text).toBe(
    "工伤保险预算支出860万元，实际支出812万元，完成预算的94.4%，比上年减支96万元，下降10.6%。预算执行率偏低的主要原因是……（请补充）。"
  );
  expect(draft(one({ budget: { n: 800 }, actual: { n: 812 }, prior: { n: 812 } })).paragraphs[0].text).toBe("工伤保险预算支出800万元，实际支出812万元，完成预算的101.5%，与上年持平。");
});

test("a blank figure is left out with everything computed from it, never written as 0", () => {
  const text = draft(one({ budget: null, actual: { n: 812 }, prior: null, income: null, balance: { n: 300 } })).paragraphs[0].text;
  expect(text).toBe("工伤保险实际支出812万元，年末累计结余300万元，可支付4.4个月。累计结余可支付月数偏少，存在支付风险，主要原因是……（请补充）。");
  expect(text).not.toMatch(/预算|上年|收入|(?<!\d)0万元/);
  // A placeholder typed in the cell ("—", "无") is a blank too; so is text that is not a number.
  expect(draft(one({ budget: { text: "—" }, actual: { n: 812 } })).paragraphs[0].text).toBe("工伤保险实际支出812万元。");
  expect(draft(one({ budget: { text: "待定" }, actual: { n: 812 } })).paragraphs[0].text).toBe("工伤保险实际支出812万元。");
});

test("income and spending give the year's surplus or deficit; the deficit asks for its reasons", () => {
  expect(draft(one({ actual: { n: 812 }, income: { n: 900 } })).paragraphs[0].text).toBe("工伤保险收入900万元，实际支出812万元，当年收支结余88万元。");
  expect(draft(one({ actual: { n: 812 }, income: { n: 700 } })).paragraphs[0].text).toBe(
    "工伤保险收入700万元，实际支出812万元，当年收不抵支，缺口112万元。当年收不抵支的主要原因是……（请补充）。"
  );
  expect(draft(one({ actual: { n: 812 }, income: { n: 812 } })).paragraphs[0].text).toBe("工伤保险收入812万元，实际支出812万元，当年收支平衡。");
});

test("spending against a budget of 0 has no completion rate and asks why", () => {
  const p = draft(one({ budget: { n: 0 }, actual: { n: 50 } })).paragraphs[0];
  expect(p.text).toBe("工伤保险预算支出0万元，实际支出50万元。未编制预算而发生支出的原因是……（请补充）。");
  expect(p.explanations).toEqual(["unbudgeted"]);
});

test("rates at the places the table states them (at least one); amounts at their own places", () => {
  const twoPlaces = one({ budget: { n: 860.5, places: 1 }, actual: { n: 812.25, places: 2 }, statedCompletion: { n: 0.9439 } }, { columns: ["budget", "actual", "statedCompletion"], rateDecimals: 2 });
  expect(draft(twoPlaces).paragraphs[0].text).toBe("工伤保险预算支出860.5万元，实际支出812.25万元，完成预算的94.39%。预算执行率偏低的主要原因是……（请补充）。");
  const whole = one({ budget: { n: 398 }, actual: { n: 806 }, statedCompletion: { n: 1.31 } }, { columns: ["budget", "actual", "statedCompletion"], rateDecimals: 0 });
  expect(draft(whole).paragraphs[0].text).toContain("完成预算的202.5%");
  expect(draft(whole, { rateDecimals: 0 }).paragraphs[0].text).toContain("完成预算的203%");
  // A cell holding more digits than it shows is written as shown: 4568.456 shown with no decimals is 4568.
  expect(draft(one({ budget: { n: 4398 }, actual: { n: 4568.456, places: 0 } }, { columns: ["budget", "actual"] })).paragraphs[0].text).toBe(
    "工伤保险预算支出4398万元，实际支出4568万元，完成预算的103.9%。"
  );
});

test("a change stated without the prior year gives the change and the growth it implies", () => {
  const spec = one({ budget: { n: 398 }, actual: { n: 806 }, statedChange: { n: 307 } }, { columns: ["budget", "actual", "statedChange"] });
  expect(draft(spec).paragraphs[0].text).toBe(
    "工伤保险预算支出398万元，实际支出806万元，完成预算的202.5%，比上年增支307万元，增长61.5%。超预算支出的主要原因是……（请补充）。比上年增长较多的主要原因是……（请补充）。"
  );
});

test("亿元 tables: amounts in 亿元 at their places; English in billion yuan", () => {
  const spec = one({ budget: { n: 12.5, places: 2 }, actual: { n: 12.46, places: 2 }, prior: { n: 11.4, places: 2 } }, { unit: "亿元", columns: ["budget", "actual", "prior"] });
  expect(draft(spec).paragraphs[0].text).toBe("工伤保险预算支出12.50亿元，实际支出12.46亿元，完成预算的99.7%，比上年增支1.06亿元，增长9.3%。");
  expect(draft(spec, { lang: "en" }).paragraphs[0].text).toBe(
    "Work injury insurance: budgeted expenditure 1.250 billion yuan, actual expenditure 1.246 billion yuan, 99.7% of the budget, 0.106 billion yuan more than the prior year, an increase of 9.3%."
  );
});

test("a table with no unit: amounts without one, and a note to add it", () => {
  const section = draft(one({ budget: { n: 398 }, actual: { n: 390 } }, { unit: undefined, columns: ["budget", "actual"] }));
  expect(section.paragraphs[0].text).toBe("工伤保险预算支出398，实际支出390，完成预算的98.0%。");
  expect(section.notes).toEqual(["表格未注明金额单位，草稿中的金额未写单位，请补充。"]);
});

test("a 合计 row: its own paragraph under the catalogue's name, asking why it differs from its rows", () => {
  const spec: TableSpec = {
    sheet: "表1",
    unit: "万元",
    columns: ["budget", "actual"],
    rows: [
      { subject: "工伤保险", values: { budget: { n: 398 }, actual: { n: 390 } } },
      { subject: "失业保险", values: { budget: { n: 640 }, actual: { n: 619 } } },
      { subject: "合计", kind: "total", values: { budget: { n: 1038 }, actual: { n: 1000 } } },
    ],
  };
  const section = draft(spec);
  expect(section.paragraphs.map((p) => p.name)).toEqual(["工伤保险", "失业保险", "各项社会保险基金"]);
  expect(section.paragraphs[2].text).toBe("各项社会保险基金预算支出1038万元，实际支出1000万元，完成预算的96.3%。合计数与各项之和不一致，请核实……（请补充）。");
  expect(section.paragraphs[2].explanations).toEqual(["totalMismatch"]);
});

test("其中 items of the income break the income down, in their own sentence", () => {
  const spec: TableSpec = {
    sheet: "表1",
    unit: "万元",
    columns: ["budget", "actual", "income"],
    rows: [
      { subject: "城乡居民基本养老保险", values: { budget: { n: 1015 }, actual: { n: 1011 }, income: { n: 1200 } } },
      { subject: "个人缴费收入", kind: "component", parent: 0, values: { income: { n: 300 } } },
      { subject: "政府补贴收入", kind: "component", parent: 0, values: { income: { n: 900 } } },
    ],
  };
  expect(draft(spec).paragraphs[0].text).toBe(
    "城乡居民基本养老保险收入1200万元。其中：个人缴费收入300万元，政府补贴收入900万元。城乡居民基本养老保险预算支出1015万元，实际支出1011万元，完成预算的99.6%。当年收支结余189万元。"
  );
  const read = readReportText(draft(spec).paragraphs[0].text).figures[0];
  expect(read).toMatchObject({ income: 1200, budget: 1015, actual: 1011, currentBalance: 189, componentsOf: "income" });
  expect(read.components!.map((c) => [c.name, c.amount])).toEqual([["个人缴费收入", 300], ["政府补贴收入", 900]]);
});

test("a rule turned off, or a fund's own band, decides the explanations in the text and in the formula alike", () => {
  const spec = one({ budget: { n: 398 }, actual: { n: 806 } }, { columns: ["budget", "actual"] });
  const parsed = parseTargets({ severity: { "completion-band": "off" } });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  const table = tableOf(spec);
  const section = draftTable(table, runFundRules(table, parsed.targets), { targets: parsed.targets });
  expect(section.paragraphs[0].text).toBe("工伤保险预算支出398万元，实际支出806万元，完成预算的202.5%。");
  const [formula] = draftFormulas(section, { argSeparator: ";" });
  const book = new FormulaBook({ 表1: sheetData(spec) });
  expect(book.evaluate([formula.formula!])).toEqual([section.paragraphs[0].text]);
  expect(formula.formula).not.toContain("超预算");

  const wide = parseTargets({ funds: { 工伤保险: { completionBand: { okHigh: 2.5, warningHigh: 3 } } } });
  if (!wide.ok) throw new Error(wide.errors.join());
  const widened = draftTable(table, runFundRules(table, wide.targets), { targets: wide.targets });
  expect(widened.paragraphs[0].explanations).toEqual([]);
  expect(new FormulaBook({ 表1: sheetData(spec) }).evaluate([draftFormulas(widened, { argSeparator: ";" })[0].formula!])).toEqual([widened.paragraphs[0].text]);
});

describe("the catalogues", () => {
  it("both are complete: every template has the placeholders it needs and no other", () => {
    expect(checkCatalogue(CATALOGUES.zh)).toEqual([]);
    expect(checkCatalogue(CATALOGUES.en)).toEqual([]);
    expect(Object.keys(CATALOGUES.en).sort()).toEqual(Object.keys(CATALOGUES.zh).sort());
  });

  it("a user's wording is used as given; a template that drops its figure is refused, naming it", () => {
    const spec = one({ budget: { n: 860 }, actual: { n: 812 }, prior: { n: 908 } }, { columns: ["budget", "actual", "prior"] });
    const text = draft(spec, { templates: { fundLead: "{fund}基金", changeDown: "较上年减少{amount}", completion: "预算执行率{rate}", explain: { underBudget: "执行率低于95%的原因：……（待补充）" } } }).paragraphs[0].text;
    expect(text).toBe("工伤保险基金预算支出860万元，实际支出812万元，预算执行率94.4%，较上年减少96万元，下降10.6%。执行率低于95%的原因：……（待补充）。");
    expect(() => draft(spec, { templates: { budget: "预算支出" } })).toThrow("budget lacks {amount}");
    expect(() => draft(spec, { templates: { growthUp: "增长{amount}" } })).toThrow(/growthUp has \{amount\}/);
  });
});

test("Markdown: a title per table, a heading per fund, the notes quoted apart", () => {
  const section = draft(one({ budget: { n: 398 }, actual: { n: 806 }, statedCompletion: { n: 1.31 } }, { columns: ["budget", "actual", "statedCompletion"] }));
  expect(renderMarkdown([section])).toBe(
    [
      "## 各项基金预算完成及运行情况（表1）",
      "",
      "### （一）工伤保险",
      "",
      "工伤保险预算支出398万元，实际支出806万元，完成预算的202.5%。超预算支出的主要原因是……（请补充）。",
      "",
      "> **起草说明（不属于报告正文）**",
      ">",
      "> - D2：工伤保险：填报的完成率为131%，但按支出÷预算计算应为202.5%",
      "",
    ].join("\n")
  );
  expect(renderText([section], { headings: false })).toContain("各项基金预算完成及运行情况（表1）\n\n工伤保险预算支出398万元");
});

test("an amount typed with its unit is drafted, and named as a cell the live formula cannot read", () => {
  const spec = one({ budget: { n: 398 }, actual: { text: "806万元" } }, { columns: ["budget", "actual"] });
  const section = draft(spec);
  expect(section.paragraphs[0].text).toContain("实际支出806万元，完成预算的202.5%");
  const [formula] = draftFormulas(section);
  expect(formula.unreadable).toEqual(["C2"]);
  expect(formula.row).toBe(0);
  expect(formula.cell).toBe("A2");
});

test("an item naming its own fund stays in its 其中; a row naming another fund is drafted on its own", () => {
  const spec: TableSpec = {
    sheet: "表1",
    unit: "万元",
    columns: ["actual"],
    rows: [
      { subject: "工伤保险", values: { actual: { n: 806 } } },
      { subject: "工伤保险待遇支出", kind: "component", parent: 0, values: { actual: { n: 800 } } },
      { subject: "失业保险", kind: "component", parent: 0, values: { actual: { n: 6 } } },
    ],
  };
  expect(draft(spec).paragraphs.map((p) => p.text)).toEqual(["工伤保险支出806万元。其中：工伤保险待遇支出800万元。", "失业保险支出6万元。"]);
});

test("a finding the paragraph does not explain stays a note: a 其中 list whose budgets do not add up", () => {
  const spec: TableSpec = {
    sheet: "表1",
    unit: "万元",
    columns: ["budget", "actual"],
    rows: [
      { subject: "工伤保险", values: { budget: { n: 400 }, actual: { n: 390 } } },
      { subject: "待遇支出", kind: "component", parent: 0, values: { budget: { n: 500 }, actual: { n: 300 } } },
      { subject: "其他支出", kind: "component", parent: 0, values: { budget: { n: 10 }, actual: { n: 100 } } },
    ],
  };
  const [p] = draft(spec).paragraphs;
  // The spending's items add up to 400 of 390 (explained); the budget's to 510 of 400 (a note: the text has no budget items).
  expect(p.explanations).toEqual(["componentsOver"]);
  expect(p.notes.map((n) => [n.rule, n.cell])).toEqual([["components-sum", "B2"]]);
});
