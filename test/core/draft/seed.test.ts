/**
 * The seed (examples/qiemo-2019.xlsx, the 且末县 2019 table): the drafted paragraphs state the rates its own
 * figures give (工伤保险 202.5%, not the report's 131%), leave the missing budget out, ask for the explanations
 * the check's findings call for, and read back through the report-text reader to the same figures.
 */
import * as fs from "fs";
import * as path from "path";
import { readGrid } from "../../helpers/xlsx";
import { DraftSection, draftWorkbook, renderText } from "../../../src/core/draft";
import { checkReportText, readReportText } from "../../../src/core/reportText";
import { GridWorkbook } from "../../../src/core/grid";

let workbook: GridWorkbook;
let zh: DraftSection[];
let en: DraftSection[];
beforeAll(async () => {
  workbook = await readGrid(fs.readFileSync(path.join(__dirname, "..", "..", "..", "examples", "qiemo-2019.xlsx")), "qiemo-2019.xlsx");
  zh = draftWorkbook(workbook, { lang: "zh" });
  en = draftWorkbook(workbook, { lang: "en" });
});

const paragraph = (sections: DraftSection[], subject: string) => sections.flatMap((s) => s.paragraphs).find((p) => p.subject === subject)!;

test("one section per fund table, one paragraph per fund, in row order", () => {
  expect(zh.map((s) => [s.sheet, s.unit, s.paragraphs.map((p) => p.subject)])).toEqual([
    ["支出情况", "万元", ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险"]],
    ["支出情况", "万元", ["各项基金合计", "城乡居民基本养老保险"]],
  ]);
});

test("the paragraphs, in the genre's words, every rate computed from the table's amounts", () => {
  expect(paragraph(zh, "企业职工基本养老保险").text).toBe(
    "企业职工基本养老保险预算支出4398万元，实际支出4568万元，完成预算的103.9%，比上年增支456万元，增长11.1%。其中：养老金支出4277万元，转移支出74万元，丧葬费支出215万元。"
  );
  // 96.8% and 6.5%: the table's 97% and 6% were right at their whole percent; the draft writes one decimal.
  expect(paragraph(zh, "机关事业单位基本养老保险").text).toBe("机关事业单位基本养老保险预算支出12738万元，实际支出12328万元，完成预算的96.8%，比上年增支752万元，增长6.5%。");
  // "1,015" typed as text is the figure 1015; growth 35.5% is beyond ±30%: the explanation is asked for.
  expect(paragraph(zh, "城乡居民基本养老保险").text).toBe("城乡居民基本养老保险预算支出1015万元，实际支出1011万元，完成预算的99.6%，比上年增支265万元，增长35.5%。比上年增长较多的主要原因是……（请补充）。");
  expect(paragraph(zh, "失业保险").text).toBe("失业保险实际支出619万元。其中：失业支出25万元，医疗支出9万元。");
  expect(paragraph(zh, "各项基金合计").text).toBe("各项基金合计收入25004万元，支出34928万元，当年收不抵支，缺口9924万元。当年收不抵支的主要原因是……（请补充）。");
  expect(zh[1].paragraphs[1].text).toBe("城乡居民基本养老保险支出1011万元，年末累计结余3594万元，可支付42.7个月。累计结余可支付月数偏多的主要原因是……（请补充）。");
});

test("工伤保险 says 202.5% (806 ÷ 398), not the report's 131%, and asks why it is over budget and up 61.5%", () => {
  const p = paragraph(zh, "工伤保险");
  expect(p.text).toContain("完成预算的202.5%");
  expect(p.text).not.toContain("131");
  expect(p.text).toBe(
    "工伤保险预算支出398万元，实际支出806万元，完成预算的202.5%，比上年增支307万元，增长61.5%。超预算支出的主要原因是……（请补充）。比上年增长较多的主要原因是……（请补充）。"
  );
  expect(p.explanations).toEqual(["overBudget", "growthHigh"]);
  // The wrong stated rate is a note for the preparer, not part of the paragraph.
  expect(p.notes.map((n) => [n.rule, n.cell])).toEqual([["stated-rate-mismatch", "D11"]]);
});

test("失业保险's budget is “—”: the sentence leaves it and the completion out, never 0", () => {
  const p = paragraph(zh, "失业保险");
  expect(p.text).not.toMatch(/预算|完成|0万元/);
  expect(p.notes.map((n) => n.rule)).toEqual(["missing-value"]);
});

test("English: the same figures, amounts in million yuan", () => {
  expect(paragraph(en, "工伤保险").text).toBe(
    "Work injury insurance: budgeted expenditure 3.98 million yuan, actual expenditure 8.06 million yuan, 202.5% of the budget, 3.07 million yuan more than the prior year, an increase of 61.5%. The main reasons for spending over budget are … [to be completed]. The main reasons for the large increase on the prior year are … [to be completed]."
  );
  expect(paragraph(en, "失业保险").text).toBe("Unemployment insurance: actual expenditure 6.19 million yuan. Of which: 失业支出 0.25 million yuan, 医疗支出 0.09 million yuan.");
});

test("read back by the report-text reader: the same figures, and no stated-* finding", () => {
  for (const section of zh) {
    const text = renderText([section]);
    const read = readReportText(text);
    const checked = checkReportText(text);
    expect(checked.findings.filter((f) => f.rule.startsWith("stated-"))).toEqual([]);
    expect(read.unit).toBe("万元");
    const bySubject = new Map(read.figures.map((f) => [f.subject, f]));
    if (section === zh[0]) {
      expect(bySubject.get("工伤保险")).toMatchObject({ budget: 398, actual: 806, statedCompletion: 2.025, change: 307, statedGrowth: 0.615 });
      expect(bySubject.get("企业职工基本养老保险")).toMatchObject({ budget: 4398, actual: 4568, statedCompletion: 1.039, change: 456, statedGrowth: 0.111 });
      expect(bySubject.get("企业职工基本养老保险")!.components!.map((c) => [c.name, c.amount])).toEqual([
        ["养老金支出", 4277],
        ["转移支出", 74],
        ["丧葬费支出", 215],
      ]);
      expect(bySubject.get("失业保险")).toMatchObject({ actual: 619 });
      expect(bySubject.get("失业保险")!.budget).toBeUndefined();
      // The same findings the table has, from the text (the stated-rate ones are gone: the draft has no wrong rate).
      expect(checked.findings.map((f) => [f.rule, f.subject]).sort()).toEqual(
        [
          ["completion-band", "工伤保险"],
          ["yoy-growth-band", "城乡居民基本养老保险"],
          ["yoy-growth-band", "工伤保险"],
        ].sort()
      );
    } else {
      expect(bySubject.get("各项基金合计")).toMatchObject({ income: 25004, actual: 34928, currentBalance: -9924 });
      expect(bySubject.get("城乡居民基本养老保险")).toMatchObject({ actual: 1011, balance: 3594 });
    }
  }
});

test("the text renderer: title, numbered fund headings, paragraphs, then the notes marked as not part of the report", () => {
  const text = renderText(zh);
  expect(text.split("\n").slice(0, 4)).toEqual(["各项基金预算完成及运行情况（支出情况）", "", "（一）企业职工基本养老保险", paragraph(zh, "企业职工基本养老保险").text]);
  expect(text).toContain("起草说明（不属于报告正文）\n- D5：企业职工基本养老保险：填报的完成率为97%，但按支出÷预算计算应为103.9%");
  expect(renderText(zh, { headings: false, notes: false })).not.toMatch(/（一）|起草说明/);
});
