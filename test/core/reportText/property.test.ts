import fc from "fast-check";
import { readReportText } from "../../../src/core/reportText/read";
import { checkReportText } from "../../../src/core/reportText/check";
import { figuresToSheetRows } from "../../../src/core/reportText/sheetRows";
import { FIGURE_FIELDS } from "../../../src/core/reportText/funds";
import { readNumberText } from "../../../src/core/numbers";
import { addressOf, lineOf } from "../../../src/core/location";

/** Pieces of report language, numbers in many writings, and noise, so random texts often look like reports. */
const piece = fc.oneof(
  fc.constantFrom(
    "企业职工基本养老保险", "城乡居民养老保险", "工伤保险基金", "失业保险", "職業年金", "各项基金", "其中：", "其中",
    "预算支出", "預算數", "实际支出", "支出", "执行数", "收入共计", "累计结余", "收不抵支", "当年收支结余",
    "完成预算的", "完成预算的的", "预算执行率", "比上年增支", "比上年减少", "较上年增加", "增幅", "下降", "增长率为",
    "万元", "萬元", "亿元", "元", "%", "％", "，", "。", "；", "、", ",", " ", "\n", "\r\n", "-", "—", "(", ")", "0", "０",
    "0万元", "0%", "0.0", "00", "1,", ",000", "2019年", "1618人"
  ),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 })
);
/** A clause shaped like the reports' ("工伤保险基金支出 0 万元，"), with any number writing and any noise in it. */
const numberish = fc.oneof(
  fc.constantFrom("0", "０", "0.0", "00", "0,000", "1,234", "12, 738", "8 06", "-5", "4568", "９７", ".5", "5."),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)
);
const clause = fc
  .tuple(
    fc.constantFrom("", "企业职工基本养老保险", "城乡居民养老保险", "工伤保险基金", "失業保險", "各项总基金", "其中："),
    fc.constantFrom("预算支出", "支出", "執行數", "收入共计", "累计结余", "收不抵支", "完成预算的", "比上年增支", "比上年减少", "增幅", "下降", "", "人数"),
    numberish,
    fc.constantFrom("万元", "萬元", "亿元", "元", "%", "％", "", "人", "年"),
    fc.constantFrom("，", "。", "；", "、", ",", "", "\n")
  )
  .map((parts) => parts.join(""));
const text = fc
  .array(fc.oneof({ arbitrary: clause, weight: 3 }, { arbitrary: piece, weight: 1 }), { maxLength: 40 })
  .map((parts) => parts.join(""));

describe("readReportText on arbitrary text", () => {
  it("never throws, and every figure it reports is written on its line (a zero only where the text writes one)", () => {
    let figures = 0;
    let zeros = 0;
    fc.assert(
      fc.property(text, (t) => {
        const read = readReportText(t);
        const lines = t.split(/\r\n|\n|\r/);
        for (const f of read.figures) {
          for (const field of FIGURE_FIELDS) {
            const value = f[field];
            if (value === undefined) continue;
            figures++;
            if (value === 0) zeros++;
            expect(Number.isFinite(value)).toBe(true);
            const source = f.sources[field]!;
            expect(lines[source.line - 1]).toContain(source.text);
            if (value === 0) {
              // The figure's own text reads as zero: "0万元", "0%", "0.0%", never a blank or a word.
              const digits = source.text.replace(/[^0-9０-９.．]/g, "");
              expect(digits).toMatch(/^[0０.．]+$/);
              expect(digits).toMatch(/[0０]/);
            }
          }
          for (const c of f.components ?? []) {
            expect(lines[c.line - 1]).toContain(c.text);
            if (c.amount === 0) expect(c.text.replace(/[^0-9０-９.．]/g, "")).toMatch(/^[0０.．]*[0０][0０.．]*$/);
          }
        }
        // The checks never throw either, and every finding points at a line of the text.
        const checked = checkReportText(t);
        for (const finding of checked.findings) {
          expect(addressOf(finding.at)).toMatch(/^L\d+$/);
          expect(lineOf(finding.at)).toBeGreaterThanOrEqual(1);
          expect(lineOf(finding.at)).toBeLessThanOrEqual(lines.length);
        }
        // The sheet rows are always a rectangle.
        const rows = figuresToSheetRows(read.figures, "en");
        expect(new Set(rows.map((r) => r.length)).size).toBe(1);
      }),
      { numRuns: 400 }
    );
    // The generator must actually produce figures, zeros among them, or the property says nothing.
    expect(figures).toBeGreaterThan(200);
    expect(zeros).toBeGreaterThan(10);
  });

  it("reads every stated amount back as the number written (separators and width aside)", () => {
    const amount = fc.integer({ min: 0, max: 99_999_999 });
    fc.assert(
      fc.property(amount, amount, fc.boolean(), (budget, actual, fullWidth) => {
        const write = (n: number) => {
          const s = n.toLocaleString("en-US");
          return fullWidth ? s.replace(/[0-9,]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s;
        };
        const read = readReportText(`工伤保险基金预算支出${write(budget)}万元，实际支出${write(actual)}万元。`);
        expect(read.figures).toHaveLength(1);
        expect(read.figures[0].budget).toBe(budget);
        expect(read.figures[0].actual).toBe(actual);
        const r = readNumberText(write(actual));
        expect(r.kind === "number" && r.value).toBe(actual);
      })
    );
  });
});
