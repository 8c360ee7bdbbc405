/**
 * Drafting reads tables as the checks do: a multi-year table is drafted for its latest year (never an earlier
 * year's 执行数 as this year's), and a transposed table (funds across) from the sheet's own cells.
 */
import { draftWorkbook } from "../../../src/core/draft";
import { grid } from "../rules/helpers";

const pct = (value: number) => ({ value, numFmt: "0.0%" });

test("a 2022年 | 2023年 header: the paragraph speaks of 2023's budget and spending", () => {
  const sheet = grid(
    [
      ["单位：万元"],
      ["基金名称", "2022年", null, null, "2023年", null, null],
      [null, "预算数", "执行数", "完成率", "预算数", "执行数", "完成率"],
      ["工伤保险", 450, 441, pct(0.98), 600, 589, pct(0.982)],
    ],
    ["B2:D2", "E2:G2", "A2:A3"]
  );
  const [section] = draftWorkbook({ name: "county.xlsx", sheets: [sheet] }, { lang: "zh" });
  const text = section.paragraphs.map((p) => p.text).join("\n");
  expect(text).toContain("预算支出600万元，实际支出589万元，完成预算的98.2%");
  expect(text).not.toContain("450万元");
});

test("funds as columns, items as rows: the same paragraph as the usual layout", () => {
  const sheet = grid([
    ["单位：万元"],
    ["项目", "工伤保险", "失业保险"],
    ["预算数", 398, 700],
    ["执行数", 806, 619],
  ]);
  const [section] = draftWorkbook({ name: "county.xlsx", sheets: [sheet] }, { lang: "zh" });
  expect(section.paragraphs.map((p) => p.text)).toEqual([
    expect.stringContaining("工伤保险预算支出398万元，实际支出806万元，完成预算的202.5%"),
    expect.stringContaining("失业保险预算支出700万元，实际支出619万元，完成预算的88.4%"),
  ]);
});
