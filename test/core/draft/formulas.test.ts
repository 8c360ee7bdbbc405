/**
 * The live formulas, evaluated by a real formula engine (HyperFormula) on a sheet holding the table: each gives
 * the drafted paragraph while the cells hold the table's figures, and after a figure changes it gives the
 * paragraph drafted from the changed table (增支 turning 减支, a clause appearing when a blank is filled, an
 * explanation going when the figure comes back inside its band).
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { readGrid, literalWorkbook } from "../../helpers/xlsx";
import { draftFormulas, draftTable, draftWorkbook } from "../../../src/core/draft";
import { GridWorkbook } from "../../../src/core/grid";
import { FormulaBook, SpecValue, TableSpec, findingsOf, gridData, sheetData, tableOf, tableSpecArb, FIRST_ROW } from "./helpers";

let seed: GridWorkbook;
beforeAll(async () => {
  seed = literalWorkbook(await readGrid(fs.readFileSync(path.join(__dirname, "..", "..", "..", "examples", "qiemo-2019.xlsx")), "qiemo-2019.xlsx"));
});

/** The seed with cells changed (A1 → value), as a new workbook. */
function changed(workbook: GridWorkbook, edits: Record<string, number | string | null>): GridWorkbook {
  const copy = literalWorkbook(workbook);
  const cells = copy.sheets[0].cells as { value: unknown }[][];
  for (const [a1, value] of Object.entries(edits)) {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    const r = Number(m[2]) - 1;
    const c = m[1].charCodeAt(0) - 65;
    cells[r] ??= [];
    if (value === null) delete cells[r][c];
    else cells[r][c] = { ...(cells[r][c] ?? {}), value };
  }
  return copy;
}

function seedFormulas(workbook: GridWorkbook, lang: "zh" | "en") {
  return draftWorkbook(workbook, { lang }).flatMap((s) => draftFormulas(s, { argSeparator: ";" }));
}

describe("the seed's formulas", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`(${lang}) give the drafted paragraphs, and stay under Excel's 8192 characters`, () => {
      const formulas = seedFormulas(seed, lang);
      const book = new FormulaBook({ 支出情况: gridData(seed.sheets[0]) });
      expect(formulas.map((f) => f.explanations)).toEqual(formulas.map(() => "live"));
      expect(book.evaluate(formulas.map((f) => f.formula!))).toEqual(formulas.map((f) => f.text));
      for (const f of formulas) expect(f.formula!.length).toBeLessThanOrEqual(8192);
      expect(formulas.flatMap((f) => f.unreadable)).toEqual([]);
    });
  }

  it("rewrite themselves as figures change: the draft of the changed table, word for word", () => {
    const formulas = seedFormulas(seed, "zh");
    const book = new FormulaBook({ 支出情况: gridData(seed.sheets[0]) });
    book.evaluate(formulas.map((f) => f.formula!));
    const edits: Record<string, number | string | null> = {
      C11: 380, // 工伤保险 spends 380 of its 398: 95.5%, no longer over budget
      E11: -119, // and 119 less than the year before: 减支, 下降
      B12: 640, // 失业保险 gets a budget: its budget and completion appear
      E10: null, // 城乡居民's change is blanked: change and growth go, and so does the explanation
      C8: 217, // 丧葬费 217: the 其中 items add up to 4568 now
      B18: 36000, // the funds' income covers their spending: a surplus, no deficit to explain
    };
    for (const [a1, v] of Object.entries(edits)) book.set("支出情况", a1, v);
    const after = seedFormulas(changed(seed, edits), "zh");
    const values = formulas.map((_, k) => book.value(k));
    expect(values).toEqual(after.map((f) => f.text));
    expect(values[3]).toBe("工伤保险预算支出398万元，实际支出380万元，完成预算的95.5%，比上年减支119万元，下降23.8%。");
    expect(values[4]).toBe("失业保险预算支出640万元，实际支出619万元，完成预算的96.7%。其中：失业支出25万元，医疗支出9万元。");
    expect(values[2]).toBe("城乡居民基本养老保险预算支出1015万元，实际支出1011万元，完成预算的99.6%。");
    expect(values[0]).toBe("企业职工基本养老保险预算支出4398万元，实际支出4568万元，完成预算的103.9%，比上年增支456万元，增长11.1%。其中：养老金支出4277万元，转移支出74万元，丧葬费支出217万元。");
    expect(values[5]).toBe("各项基金合计收入36000万元，支出34928万元，当年收支结余1072万元。");
  });
});

/** Sets one figure of a spec to a new value (or blank), as the user would in the cell. */
function withValue(spec: TableSpec, row: number, role: TableSpec["columns"][number], value: SpecValue): TableSpec {
  return { ...spec, rows: spec.rows.map((r, i) => (i === row ? { ...r, values: { ...r.values, [role]: value } } : r)) };
}

describe("random tables", () => {
  it("each formula gives its drafted paragraph, before and after a figure changes", () => {
    fc.assert(
      fc.property(
        tableSpecArb(),
        fc.constantFrom("zh", "en"),
        fc.nat(),
        fc.constantFrom("budget", "actual", "prior", "statedChange", "income", "balance"),
        fc.oneof(fc.constant(null), fc.integer({ min: -5000, max: 90000 })),
        (spec, lang, rowPick, role, raw) => {
          const table = tableOf(spec);
          const section = draftTable(table, findingsOf(table), { lang: lang as "zh" | "en" });
          const formulas = draftFormulas(section, { argSeparator: ";" });
          const book = new FormulaBook({ [spec.sheet]: sheetData(spec) });
          expect(formulas.map((f) => f.explanations)).toEqual(formulas.map(() => "live"));
          expect(book.evaluate(formulas.map((f) => f.formula!))).toEqual(formulas.map((f) => f.text));
          for (const f of formulas) expect(f.formula!.length).toBeLessThanOrEqual(8192);

          // Change one figure of the table, in the sheet and in the table, and draft again.
          if (!spec.columns.includes(role)) return;
          const row = rowPick % spec.rows.length;
          if (spec.rows[row].kind === "component" && role !== "actual") return;
          // (At the places the table shows its amounts, as a cell formatted like its column would.)
          const places = spec.amountPlaces ?? 0;
          const value: SpecValue = raw === null ? null : { n: raw / Math.pow(10, places), places };
          const next = withValue(spec, row, role, value);
          const nextTable = tableOf(next);
          const redrafted = draftTable(nextTable, findingsOf(nextTable), { lang: lang as "zh" | "en" });
          // Same rows drafted, so the same formulas: each must now give the new draft.
          if (redrafted.paragraphs.map((p) => p.row).join() !== section.paragraphs.map((p) => p.row).join()) return;
          const col = String.fromCharCode(66 + spec.columns.indexOf(role));
          book.set(spec.sheet, `${col}${FIRST_ROW + row}`, value === null ? null : value.n);
          expect(formulas.map((_, k) => book.value(k))).toEqual(redrafted.paragraphs.map((p) => p.text));
        }
      ),
      { numRuns: 150 }
    );
  });
});

describe("a fund with many 其中 items", () => {
  const spec = (items: number, last: number): TableSpec => ({
    sheet: "支出情况",
    unit: "万元",
    columns: ["budget", "actual", "prior", "income", "balance"],
    rows: [
      { subject: "企业职工基本养老保险", values: { budget: { n: 4398 }, actual: { n: 4568 }, prior: { n: 4112 }, income: { n: 5000 }, balance: { n: 9000 } } },
      ...Array.from({ length: items }, (_, k) => ({ subject: `第${k + 1}项支出`, kind: "component" as const, parent: 0, values: { actual: { n: k === items - 1 ? last : 380 } } })),
    ],
  });

  it("keeps the formula within 8192 characters: its explanations are fixed as found, its figures still live", () => {
    const before = spec(12, 388); // 11 × 380 + 388 = 4568: the items add up
    const table = tableOf(before);
    const [formula] = draftFormulas(draftTable(table, findingsOf(table), { lang: "en" }), { argSeparator: ";" });
    expect(formula.explanations).toBe("fixed");
    expect(formula.formula!.length).toBeLessThanOrEqual(8192);
    const book = new FormulaBook({ 支出情况: sheetData(before) });
    expect(book.evaluate([formula.formula!])).toEqual([formula.text]);
    book.set("支出情况", "C14", 400); // the last item: its new amount is written
    expect(book.value(0)).toContain("第12项支出 4.00 million yuan");
  });
});
