/** The report-text view's pure helpers: the figures CSV of the standalone page and reading a chosen .txt. */
import * as fs from "fs";
import * as path from "path";
import { checkReportText, decodeTextFile, figuresCsv, percentText } from "../../src/taskpane/reportText";
import type { ReportFigure } from "../../src/core/reportText";
import { parseCsv } from "../csv";

const seedText = fs.readFileSync(path.join(__dirname, "..", "fixtures", "qiemo-2019-report.txt"), "utf8");

/** The CSV the page offers: a BOM for Excel, then RFC 4180. */
function parseFiguresCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(text.slice(1));
}

test("the seed's figures as CSV: one row per fund, rates as the text states them, the unit given", () => {
  const { figures, unit } = checkReportText(seedText);
  const rows = parseFiguresCsv(figuresCsv(figures, unit, "zh"));
  expect(rows[0]).toEqual(["险种", "行", "预算支出", "实际支出", "报告完成率", "比上年增减", "报告增幅", "收入", "累计结余", "其中", "单位"]);
  expect(rows).toHaveLength(1 + figures.length);
  expect(rows.find((r) => r[0] === "工伤保险")).toEqual(["工伤保险", "35", "398", "806", "131%", "307", "62%", "", "", "", "万元"]);
  expect(rows.find((r) => r[0] === "失业保险")![2]).toBe(""); // no budget stated: blank, never 0
  expect(rows.find((r) => r[0] === "企业职工基本养老保险")![9]).toBe("养老金支出 4277；转移支出 74；丧葬费支出 215");
});

test("CSV: text that a spreadsheet would run is neutralised, numbers (negative too) stay numbers", () => {
  const figures: ReportFigure[] = [
    { subject: "=cmd|' /C calc'!A0", line: 1, actual: 10, change: -5, sources: {} },
    { subject: "@SUM(1)", line: 2, sources: {} },
    { subject: "\u2212x", line: 3, components: [{ name: "-2+3", amount: 1, line: 3, text: "1万元" }], sources: {} },
  ];
  const rows = parseFiguresCsv(figuresCsv(figures, "万元", "en"));
  expect(rows[1][0]).toBe("'=cmd|' /C calc'!A0");
  expect(rows[1][5]).toBe("-5");
  expect(rows[2][0]).toBe("'@SUM(1)");
  expect(rows[3][0]).toBe("'\u2212x");
  expect(rows[3][9]).toBe("'-2+3 1");
});

test("percentages are exact", () => {
  expect(percentText(0.97)).toBe("97%");
  expect(percentText(0.9867)).toBe("98.67%");
  expect(percentText(1.31)).toBe("131%");
  expect(percentText(0.07)).toBe("7%"); // 0.07 * 100 is 7.000000000000001 in floating point
});

test("a chosen .txt is read as UTF-8, UTF-16 with a BOM, or GB18030 (GBK); a binary file is refused", () => {
  const sentence = "工伤保险基金支出806万元";
  expect(decodeTextFile(new Uint8Array(Buffer.from("\uFEFF" + sentence, "utf8")))).toBe(sentence);
  expect(decodeTextFile(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, "utf16le")])))).toBe(sentence);
  const gbk = new Uint8Array([0xb9, 0xa4, 0xc9, 0xcb, 0xb1, 0xa3, 0xcf, 0xd5]); // 工伤保险 in GBK
  expect(decodeTextFile(gbk)).toBe("工伤保险");
  expect(() => decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow(/not a text file/);
});
