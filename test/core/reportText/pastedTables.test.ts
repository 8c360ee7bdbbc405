/**
 * Tables pasted into report text (issue 12 item 9): a Word table copied as text arrives as tab- or
 * space-separated lines with a header line. Such a block is checked with the same detection and rules as a sheet,
 * and its findings point at the text's lines. Figures worked out by hand in each test.
 */
import { readFileSync } from "fs";
import path from "path";
import { checkReportText } from "../../../src/core/reportText/check";
import { readReportText } from "../../../src/core/reportText/read";
import { Finding } from "../../../src/core/findings";
import { addressOf, lineOf, quoteOf } from "../../../src/core/location";

type Brief = Pick<Finding, "rule" | "severity" | "subject" | "observed" | "expected"> & { cell: string };
const brief = (f: Brief) => [f.rule, f.severity, f.subject, f.cell, f.observed, f.expected];
const sorted = (fs: Brief[]) => fs.map(brief).sort((a, b) => String(a).localeCompare(String(b)));
const briefs = (fs: Finding[]): Brief[] => fs.map((f) => ({ ...f, cell: addressOf(f.at) }));

describe("pasted tables in report text", () => {
  it("tab-separated: 完成率 97.0% typed for 806 ÷ 1015 = 79.41% is caught at its line; 840 ÷ 860 = 97.67% (97.7%) holds", () => {
    const text = readFileSync(path.join(__dirname, "../../fixtures/report-pasted-table.txt"), "utf8");
    const result = checkReportText(text, { name: "t.txt" });
    expect(sorted(briefs(result.findings))).toEqual(
      sorted([
        { rule: "completion-band", severity: "error", subject: "工伤保险", cell: "L4", observed: "79.4%", expected: "95%–105%" },
        { rule: "stated-rate-mismatch", severity: "error", subject: "工伤保险", cell: "L4", observed: "97.0%", expected: "79.41%" },
      ] as Brief[])
    );
    for (const f of result.findings) {
      expect(lineOf(f.at)).toBe(4);
      expect(quoteOf(f.at)).toBe("工伤保险\t1015\t806\t97.0%");
      expect(f.related.every((r) => /^L\d+$/.test(r))).toBe(true);
    }
    // What was understood: a fund table at lines 3–5, in 万元 (from the unit line above it).
    expect(result.sheets[0].tables).toContainEqual(
      expect.objectContaining({ kind: "fund", headerRow: 3, firstRow: 4, lastRow: 5, unit: "万元", columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" } })
    );
  });

  it("several-space separated (a table pasted from a PDF or a fixed-width editor), 增幅 against 上年数", () => {
    // 企业职工: 4568 ÷ 4398 = 103.87% (103.9% holds); growth 4568 ÷ 4112 − 1 = 11.09% (11.1% holds).
    // 城乡居民: 1011 ÷ 1015 = 99.61%, stated 98.0%: a mismatch; growth 1011 ÷ 746 − 1 = 35.52% (35.5% holds, over ±30%).
    const text = [
      "表1  2019年基金支出",
      "险种            预算数    执行数    上年数    完成率    增幅",
      "企业职工养老保险  4398      4568      4112      103.9%    11.1%",
      "城乡居民养老保险  1015      1011      746       98.0%     35.5%",
    ].join("\n");
    expect(sorted(briefs(checkReportText(text).findings))).toEqual(
      sorted([
        { rule: "stated-rate-mismatch", severity: "error", subject: "城乡居民养老保险", cell: "L4", observed: "98.0%", expected: "99.61%" },
        { rule: "yoy-growth-band", severity: "warning", subject: "城乡居民养老保险", cell: "L4", observed: "35.5%", expected: "±30%" },
      ] as Brief[])
    );
  });

  it("a clean pasted table gives no finding, its lines are not read again as prose, and its rows are the text's figures", () => {
    const text = "2023年支出情况：\n险种\t预算数（万元）\t执行数（万元）\t完成率\n工伤保险\t820\t806\t98.3%\n失业保险\t860\t840\t97.7%";
    const result = checkReportText(text);
    expect(result.findings).toEqual([]);
    // Read once, as table rows (the prose reader skips the lines): one figure per fund, with the caption's year.
    expect(readReportText(text).figures.map((f) => [f.subject, f.year, f.line, f.budget, f.actual, f.statedCompletion, f.sources.actual?.text])).toEqual([
      ["工伤保险", 2023, 3, 820, 806, 0.983, "806"],
      ["失业保险", 2023, 4, 860, 840, 0.977, "840"],
    ]);
  });

  it("prose with double spaces, and a table with no fund header, stay prose", () => {
    const prose = "2019年工伤保险预算基金支出398万元，  工伤保险基金支出806万元，  完成预算的的131%。";
    expect(checkReportText(prose).findings.map((f) => f.rule).sort()).toEqual(["completion-band", "stated-rate-mismatch"]);
    const list = "序号\t姓名\t人数\n1\t张三\t3\n2\t李四\t4";
    expect(checkReportText(list).findings).toEqual([]);
    expect(checkReportText(list).sheets[0].tables).toEqual([]);
  });
});
