/**
 * The reader on parts crafted in the test (test/robustness/craft.ts writes the zip): what each kind of cell
 * becomes, `_xHHHH_` escapes read the same in every kind of string, the 1904 date system, built-in and custom
 * number formats, cells out of order or without addresses, the XML a conforming writer may use (prefixes,
 * CDATA, references, comments, CR LF), and what the reader never inflates.
 */
import * as zlib from "zlib";
import { GridWorkbook, sheetCells } from "../../src/core/grid";
import { XlsxError, readXlsx } from "../../src/xlsx";
import { WorkbookSpec, sheetXml, workbookZip, zip } from "../robustness/craft";
import { literal, readGridBoth } from "../helpers/xlsx";

/** Reads the crafted workbook through both inflaters (they must agree) and gives the grid with plain arrays. */
async function read(spec: WorkbookSpec): Promise<GridWorkbook> {
  const { fflate, zlib: viaZlib } = await readGridBoth(workbookZip(spec), "t.xlsx");
  const plain = { name: fflate.name, sheets: fflate.sheets.map(literal) };
  expect({ name: viaZlib.name, sheets: viaZlib.sheets.map(literal) }).toEqual(plain);
  return plain;
}

const sst = (...items: string[]) => `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join("")}</sst>`;

function styles(numFmts: [number, string][], xfs: { numFmtId: number; indent?: number }[]): string {
  const fmts = numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, "&quot;")}"/>`).join("");
  const cellXfs = xfs.map((x) => (x.indent ? `<xf numFmtId="${x.numFmtId}" applyAlignment="1"><alignment horizontal="left" indent="${x.indent}"/></xf>` : `<xf numFmtId="${x.numFmtId}"/>`)).join("");
  return `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${numFmts.length}">${fmts}</numFmts><cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs><cellXfs count="${xfs.length}">${cellXfs}</cellXfs><dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="0.000"/></dxf></dxfs></styleSheet>`;
}

describe("_xHHHH_ escapes (ST_Xstring) read the same in shared strings, inline strings and formula results", () => {
  it("decodes them everywhere, with _x005F_ for a literal underscore and hex in either case", async () => {
    const wb = await read({
      sharedStrings: sst("<t>工伤_x000D__x000A_保险</t>", "<r><t>rich_x0009_</t></r><r><t>text</t></r>", "<t>_x005F_x0041_ stays _x0041_</t>", "<t>esc_x001B_[2J</t>"),
      sheets: [
        {
          name: "S",
          xml: sheetXml(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
              '<row r="2"><c r="A2" t="inlineStr"><is><t>工伤_x000D__x000A_保险</t></is></c><c r="B2" t="str"><f>"rich"&amp;CHAR(9)&amp;"text"</f><v>rich_x0009_text</v></c><c r="C2" t="inlineStr"><is><t>lower_x000d_case</t></is></c></row>'
          ),
        },
      ],
    });
    const rows = wb.sheets[0].cells;
    expect(rows[0].map((c) => c?.value)).toEqual(["工伤\r\n保险", "rich\ttext", "_x0041_ stays A", "esc\u001b[2J"]);
    expect(rows[1].map((c) => c?.value)).toEqual(["工伤\r\n保险", "rich\ttext", "lower\rcase"]);
  });
});

describe("values", () => {
  it("numbers, booleans, errors, formula results of every kind, a formula never calculated, ISO dates", async () => {
    const wb = await read({
      sheets: [
        {
          name: "S",
          xml: sheetXml(
            '<row r="1"><c r="A1"><v>4568</v></c><c r="B1"><v>-0.96</v></c><c r="C1"><v>1.0386000000000001</v></c><c r="D1"><v>1E-9</v></c><c r="E1"><v>12345678901234567890</v></c></row>' +
              '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" t="d"><v>2019-12-31T00:00:00Z</v></c></row>' +
              '<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C3" t="b"><f>TRUE()</f><v>1</v></c><c r="D3" t="str"><f>"a"</f><v>a</v></c><c r="E3"><f>A1*2</f></c></row>'
          ),
        },
      ],
    });
    const [r1, r2, r3] = wb.sheets[0].cells;
    expect(r1.map((c) => c?.value)).toEqual([4568, -0.96, 1.0386000000000001, 1e-9, 12345678901234567890]);
    expect(r2.map((c) => c?.value)).toEqual([true, false, { error: "#DIV/0!" }, new Date(Date.UTC(2019, 11, 31))]);
    // E3 was never calculated: no cached result, so blank — never 0.
    expect(r3.map((c) => c?.value)).toEqual([2, { error: "#DIV/0!" }, true, "a"]);
  });

  it("every number reads exactly as parseFloat reads its text", async () => {
    const texts = ["0", "-0", "0.1", "0.3", "97.5", "1.31", "-1234.5678", "0.000001234", "123456789012345", "9007199254740993", "1.7976931348623157E308", "5E-324", "  12", "+5", "1.", ".5", "abc"];
    const xml = sheetXml(`<row r="1">${texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${t}</v></c>`).join("")}</row>`);
    const wb = await read({ sheets: [{ name: "S", xml }] });
    const got = wb.sheets[0].cells[0].map((c) => c?.value);
    expect(got).toEqual(texts.map((t) => parseFloat(t)));
    expect(Object.is(got[1], -0)).toBe(true);
  });

  it("shared strings: rich text flattened, phonetic guides left out, an index past the table is blank", async () => {
    const wb = await read({
      sharedStrings: sst('<r><rPr><b/><sz val="11"/></rPr><t>单位：</t></r><r><t xml:space="preserve">万元 </t></r><rPh sb="0" eb="2"><t>たんい</t></rPh><phoneticPr fontId="1"/>', "<t/>"),
      sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>7</v></c></row>') }],
    });
    expect(wb.sheets[0].cells[0]).toEqual([{ value: "单位：万元 " }, { value: "" }]);
  });
});

describe("formats", () => {
  const spec = (date1904: boolean): WorkbookSpec => ({
    date1904,
    styles: styles(
      [[164, '0.0"%"'], [165, "yyyy/m/d"]],
      [{ numFmtId: 0 }, { numFmtId: 10 }, { numFmtId: 3, indent: 2 }, { numFmtId: 164 }, { numFmtId: 165 }, { numFmtId: 31 }, { numFmtId: 14 }, { numFmtId: 0, indent: 1 }]
    ),
    sheets: [
      {
        name: "S",
        xml: sheetXml(
          '<row r="1"><c r="A1" s="1"><v>0.97</v></c><c r="B1" s="2"><v>4568</v></c><c r="C1" s="3"><v>97.5</v></c><c r="D1" s="4"><v>43830</v></c><c r="E1" s="5"><v>43830</v></c><c r="F1" s="6"><v>0</v></c><c r="G1" s="7" t="inlineStr"><is><t>其中：丧葬费</t></is></c><c r="H1" s="99"><v>1</v></c><c r="I1" s="2"/></row>'
        ),
      },
    ],
  });

  it("custom and built-in number formats (zh-CN dates included), indents, a number under a date format is a date", async () => {
    const wb = await read(spec(false));
    expect(wb.sheets[0].cells[0]).toEqual([
      { value: 0.97, numFmt: "0.00%" },
      { value: 4568, numFmt: "#,##0", indent: 2 },
      { value: 97.5, numFmt: '0.0"%"' },
      { value: new Date(Date.UTC(2019, 11, 31)), numFmt: "yyyy/m/d" },
      { value: new Date(Date.UTC(2019, 11, 31)), numFmt: 'yyyy"年"m"月"d"日"' },
      { value: new Date(Date.UTC(1899, 11, 30)), numFmt: "mm-dd-yy" },
      { value: "其中：丧葬费", indent: 1 },
      { value: 1 }, // a style number past the table: no format; I1 is formatted but empty: no cell
    ]);
  });

  it("the 1904 date system moves dates by 1,462 days", async () => {
    const wb = await read(spec(true));
    expect(wb.sheets[0].cells[0][3]?.value).toEqual(new Date(Date.UTC(2023, 11, 31) + 86_400_000));
    expect(wb.sheets[0].cells[0][5]?.value).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });
});

describe("cells and rows as writers may give them", () => {
  it("without addresses, out of order, given twice (the later wins), in a merged area (only the master keeps its value)", async () => {
    const wb = await read({
      sheets: [
        {
          name: "S",
          xml: sheetXml(
            '<row r="3"><c r="B3"><v>3</v></c></row><row r="1"><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c r="A2"><v>7</v></c><c r="A2"><v>8</v></c></row><row r="5"><c r="A5"><v>9</v></c><c r="B5"><v>10</v></c></row>',
            '<mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells>'
          ),
        },
      ],
    });
    const s = wb.sheets[0];
    expect(s.cells).toEqual([[{ value: 1 }, { value: 2 }, , , { value: 5 }, { value: 6 }], [{ value: 8 }], [, { value: 3 }], , [{ value: 9 }]]);
    expect(s.merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 1 }]);
  });

  it("reads what a conforming writer may write: prefixes, CDATA, references, comments, CR LF, single quotes", async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- written by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      "<x:row r='1'><x:c r='A1' t='inlineStr'><x:is><x:t><![CDATA[a < b & c]]></x:t></x:is></x:c><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>&#x4E2D;&#25991; &amp;&lt;&gt;&quot;&apos; &bogus;</x:t></x:is></x:c>" +
      '<x:c r="C1" t="inlineStr"><x:is><x:t>line\r\nbreak\rend</x:t></x:is></x:c><x:c r="D1"><!-- note --><x:v>4<!-- in the middle -->2</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const wb = await read({ sheets: [{ name: "S", xml }] });
    expect(wb.sheets[0].cells[0].map((c) => c?.value)).toEqual(["a < b & c", "中文 &<>\"' &bogus;", "line\nbreak\nend", 42]);
  });

  it("refuses a sheet whose tags do not close, and a binary .xlsb", async () => {
    const cut = workbookZip({ sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').replace("</sheetData></worksheet>", "") }] });
    await expect(readXlsx(cut, { name: "cut.xlsx" })).rejects.toMatchObject({ problem: "corrupt", detail: { detail: "xl/worksheets/sheet1.xml: the XML ends before its elements are closed" } });
    const renamed = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "_rels/.rels", data: Buffer.from('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>') },
      { name: "xl/workbook.bin", data: Buffer.from([0x83, 0x01, 0x00]) },
    ]);
    await expect(readXlsx(renamed, { name: "book.xlsb" })).rejects.toMatchObject({ problem: "notXlsx" });
    const error = await readXlsx(renamed, { name: "book.xlsb" }).catch((e: XlsxError) => e);
    expect((error as XlsxError).detail.detail).toMatch(/binary \.xlsb/);
  });

  it("never inflates what the grid does not need: a drawing of noise declaring 700 MiB is not read", async () => {
    const noise = Buffer.alloc(4096, 0xff); // not deflate data: inflating it would fail
    const wb = await read({
      sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
      deflated: [{ name: "xl/drawings/drawing1.xml", data: noise, size: 700 * 1024 * 1024 }],
    });
    expect(wb.sheets[0].cells).toEqual([[{ value: 1 }]]);
    expect(() => zlib.inflateRawSync(noise)).toThrow(); // and it really is not deflate data
  });
});

test("reading one sheet gives the same cells through SheetCells and through its literal rows", async () => {
  const { fflate } = await readGridBoth(workbookZip({ sheets: [{ name: "S", xml: sheetXml('<row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c><c r="D2"><v>2</v></c></row>') }] }));
  const cells = sheetCells(fflate.sheets[0]);
  expect([cells.rowCount, cells.rowLength(1), cells.value(1, 1), cells.value(1, 2), cells.value(1, 3), cells.value(0, 0)]).toEqual([2, 4, "x", undefined, 2, undefined]);
});
