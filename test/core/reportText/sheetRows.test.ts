import { readFileSync } from "fs";
import path from "path";
import { readReportText, figuresToSheetRows, figuresSheetFormats } from "../../../src/core/reportText";

const seed = readFileSync(path.join(__dirname, "../../fixtures/qiemo-2019-report.txt"), "utf8");

describe("figuresToSheetRows", () => {
  const { figures } = readReportText(seed);
  const rows = figuresToSheetRows(figures, "zh");
  const header = rows[0];
  const rowOf = (subject: string) => rows.find((r) => r[0] === subject)!;
  const cell = (subject: string, column: string) => rowOf(subject)[header.indexOf(column)];

  it("has a header and one row per fund, all the same width", () => {
    expect(rows).toHaveLength(figures.length + 1);
    expect(header.slice(0, 11)).toEqual([
      "险种", "预算支出", "实际支出", "报告完成率", "计算完成率", "完成率相符", "比上年增减", "报告增幅", "上年支出（推算）", "计算增幅", "增幅相符",
    ]);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(figuresToSheetRows(figures, "en")[0][0]).toBe("Fund");
  });

  it("types the stated figures and puts live FUND. formulas beside them, addressed to their own row", () => {
    const r = rows.findIndex((x) => x[0] === "企业职工基本养老保险") + 1; // Excel row
    expect(rowOf("企业职工基本养老保险").slice(0, 11)).toEqual([
      "企业职工基本养老保险", 4398, 4568, 0.97,
      `=FUND.COMPLETION_RATE(C${r},B${r})`, `=FUND.RATE_MATCHES(D${r},E${r})`,
      456, 0.11, `=C${r}-G${r}`, `=FUND.YOY_GROWTH(C${r},I${r})`, `=FUND.RATE_MATCHES(H${r},J${r})`,
    ]);
    expect(cell("企业职工基本养老保险", "其中合计")).toBe("=4277+74+215");
    // A list falling short is partial unless the coverage target says lists that complete are full breakdowns.
    expect(cell("企业职工基本养老保险", "其中相符")).toBe("部分列举");
    const full = figuresToSheetRows(figures, "zh", 0.9);
    expect(full[r - 1][header.indexOf("其中相符")]).toBe(`=FUND.SUM_MATCHES(C${r},P${r})`);
  });

  it("writes no formula whose input the text does not state, and marks a partial 其中 list", () => {
    expect(cell("失业保险", "预算支出")).toBeNull();
    expect(cell("失业保险", "计算完成率")).toBeNull();
    expect(cell("失业保险", "报告完成率")).toBe(0.98);
    expect(cell("失业保险", "其中相符")).toBe("部分列举");
    const u = rows.findIndex((x) => x[0] === "城乡居民基本养老保险") + 1;
    expect(cell("城乡居民基本养老保险", "可支付月数")).toBe(`=FUND.PAYABLE_MONTHS(N${u},C${u})`);
    const t = rows.findIndex((x) => x[0] === "各项基金合计") + 1;
    expect(cell("各项基金合计", "当年结余（计算）")).toBe(`=FUND.BALANCE(L${t},C${t})`);
  });

  it("passes the stated precision to RATE_MATCHES and to the number formats", () => {
    const read = readReportText("工伤保险预算支出300万元，支出296万元，完成预算的98.67%，比上年增加20万元，增长7.2%。");
    const [, row] = figuresToSheetRows(read.figures, "en");
    expect(row[5]).toBe("=FUND.RATE_MATCHES(D2,E2,2)");
    expect(row[10]).toBe("=FUND.RATE_MATCHES(H2,J2,1)");
    const [, formats] = figuresSheetFormats(read.figures);
    expect(formats[3]).toBe("0.00%");
    expect(formats[7]).toBe("0.0%");
  });

  it("uses a stated prior year instead of implying one", () => {
    const read = readReportText("失业保险基金支出619万元，上年支出540万元，增长14.6%。");
    const [, row] = figuresToSheetRows(read.figures, "en");
    expect(row[8]).toBe(540);
    expect(row[9]).toBe("=FUND.YOY_GROWTH(C2,I2)");
  });
});
