/**
 * A part is parsed as it inflates, piece by piece, so a token — and a multi-byte character inside it — can be cut
 * by a piece's end. Before this reader, a CJK character cut at a 256 KiB read boundary of a large workbook came
 * out as U+FFFD ("阿���泰345区生育保险"). Here: a property test over random splits of every part (the text holds
 * 2-, 3- and 4-byte characters, references, CDATA and comments), and a workbook of more than 16 MiB of sheet XML
 * whose characters straddle the boundaries of every piece size the reader meets.
 */
import fc from "fast-check";
import * as zlib from "zlib";
import { zlibInflate } from "../../src/cli/zip";
import { GridWorkbook } from "../../src/core/grid";
import { Inflater, inflateWithFflate, readXlsx } from "../../src/xlsx";
import { sheetXml, workbookZip } from "../robustness/craft";
import { literal } from "../helpers/xlsx";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Inflates whole, then hands the bytes on in pieces of the given sizes (cycled), recording where pieces end. */
function splitting(sizes: number[], ends?: number[]): Inflater {
  return function* (data: Uint8Array) {
    const all = zlib.inflateRawSync(data);
    let at = 0;
    for (let k = 0; at < all.length; k++) {
      const n = sizes[k % sizes.length];
      yield all.subarray(at, Math.min(all.length, at + n));
      at += n;
      if (ends && at < all.length) ends.push(at);
    }
  };
}

const plain = (wb: GridWorkbook) => wb.sheets.map((s) => literal(s).cells);

const CHARS = ["阿", "勒", "泰", "区", "生", "育", "保", "险", "é", "ß", "😀", "𠀀", "a", "1", " ", "&", "<", ">", '"', "_"];

test("random splits of every part give the same grid as one piece (2-, 3- and 4-byte characters, references, CDATA)", () => {
  const text = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 24 });
  return fc.assert(
    fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }), async (inline, shared, sizes) => {
      const rows = inline
        .map((t, i) => {
          const r = i + 1;
          const cdata = i % 3 === 2 && !t.includes("]]>") ? `<![CDATA[${t}]]>` : escape(t);
          return `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${cdata}</t></is></c><c r="B${r}" t="s"><v>${i % shared.length}</v></c><!-- ${r} --><c r="C${r}"><v>${r}.25</v></c></row>`;
        })
        .join("");
      const bytes = workbookZip({ sharedStrings: `<sst>${shared.map((t) => `<si><r><t>${escape(t)}</t></r><r><t>·</t></r></si>`).join("")}</sst>`, sheets: [{ name: "表", xml: sheetXml(rows) }] });
      const whole = plain(await readXlsx(bytes, { name: "w.xlsx", inflate: splitting([1 << 30]) }));
      const split = plain(await readXlsx(bytes, { name: "w.xlsx", inflate: splitting(sizes) }));
      expect(split).toEqual(whole);
      // and the whole reading is right (no two equally wrong readings)
      expect(whole[0].map((row) => row?.map((c) => c?.value))).toEqual(inline.map((t, i) => [t, `${shared[i % shared.length]}·`, i + 1.25]));
    }),
    { numRuns: 150 }
  );
});

describe("a workbook with more than 16 MiB of sheet XML, its CJK text straddling every piece boundary", () => {
  const ROWS = 130_000;
  const textOf = (i: number) => `阿勒泰${i}区生育保险` + "区生育保险".repeat(i % 5);
  let bytes: Buffer;
  let xmlBytes: Buffer;

  beforeAll(() => {
    const parts: string[] = [];
    for (let i = 0; i < ROWS; i++) parts.push(`<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${textOf(i)}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`);
    xmlBytes = Buffer.from(sheetXml(parts.join("")));
    bytes = workbookZip({ sheets: [{ name: "基金支出", xml: xmlBytes }] });
  });

  function expectRight(wb: GridWorkbook) {
    const sheet = wb.sheets[0];
    expect(sheet.cells.length).toBe(ROWS);
    let bad = 0;
    for (let i = 0; i < ROWS; i++) {
      const row = sheet.cells[i];
      if (row[0]?.value !== textOf(i) || row[1]?.value !== i) bad++;
    }
    expect(bad).toBe(0);
  }

  it("is larger than 16 MiB of sheet XML", () => {
    expect(xmlBytes.length).toBeGreaterThan(16 * 1024 * 1024);
  });

  // The CLI streams an entry this size in 1 MiB pieces; fflate (the page) inflates 16 KiB of deflate data at a
  // time; 256 KiB was the read size of the reader that garbled; 65,537 is a size no UTF-8 sequence divides.
  it.each([1024 * 1024, 16 * 1024, 256 * 1024, 65_537])("pieces of %d bytes: every cell reads whole", async (size) => {
    const ends: number[] = [];
    const wb = await readXlsx(bytes, { name: "big.xlsx", inflate: splitting([size], ends) });
    expectRight(wb);
    // The boundaries do fall inside characters (a continuation byte right after a boundary): the test bites.
    const inside = ends.filter((at) => xmlBytes[at] >= 0x80 && xmlBytes[at] < 0xc0).length;
    expect(inside).toBeGreaterThan(ends.length / 8);
  });

  it.each([
    ["node's zlib (the CLI)", zlibInflate],
    ["fflate (the page)", inflateWithFflate],
  ] as const)("through %s: every cell reads whole", async (_, inflate) => {
    const ends: number[] = [];
    let at = 0;
    const recording: Inflater = async function* (data, size) {
      for await (const piece of inflate(data, size)) {
        yield piece;
        at += piece.length;
        ends.push(at);
      }
    };
    const wb = await readXlsx(bytes, { name: "big.xlsx", inflate: recording });
    expectRight(wb);
    expect(ends.filter((e) => e < xmlBytes.length && xmlBytes[e] >= 0x80 && xmlBytes[e] < 0xc0).length).toBeGreaterThan(0);
  });
});
