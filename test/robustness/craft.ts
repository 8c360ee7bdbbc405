/**
 * Hostile and oversized .xlsx files for the robustness tests, made in memory: a tiny zip writer (stored or
 * deflated entries, real CRC-32) for a workbook of any number of rows without ExcelJS's object model, and
 * edits of a real workbook's zip directory (lying sizes, cut-off files, OLE look-alikes).
 */
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { centralEntries, claimSizeBytes, renameEntry } from "../cli/zipcraft";

interface Part {
  name: string;
  data: Buffer;
}

/** A zip of `parts`, deflated, with a correct central directory; `raw` entries come already deflated. */
export function zip(parts: Part[], raw: { name: string; data: Buffer; size: number }[] = []): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const all = [...parts.map((p) => ({ name: p.name, deflated: zlib.deflateRawSync(p.data, { level: 1 }), size: p.data.length, crc: zlib.crc32(p.data) })), ...raw.map((r) => ({ name: r.name, deflated: r.data, size: r.size, crc: 0 }))];
  for (const part of all) {
    const name = Buffer.from(part.name, "utf8");
    const deflated = part.deflated;
    const crc = part.crc;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(deflated.length, 20);
    dir.writeUInt32LE(part.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, deflated);
    central.push(dir, name);
    offset += 30 + name.length + deflated.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(all.length, 8);
  end.writeUInt16LE(all.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dirBytes, end]);
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** A worksheet part around `rows` (the XML inside sheetData) and `after` (what follows it: mergeCells …). */
export function sheetXml(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

export interface WorkbookSpec {
  /** Sheets in order: a name and its part's bytes (a string is UTF-8). `part` shares another sheet's part. */
  sheets: { name: string; xml?: string | Buffer; part?: string }[];
  styles?: string | Buffer;
  sharedStrings?: string | Buffer;
  /** More entries (drawings, media …), zipped as they are. */
  extra?: Part[];
  /** Entries whose bytes are already raw deflate data, declaring `size` (a crafted stream, see repeatedDeflate). */
  deflated?: { name: string; data: Buffer; size: number }[];
  /** Dates counted from 1904 (workbookPr date1904). */
  date1904?: boolean;
}

/** A workbook zip made part by part: only what the reader needs, and whatever a test adds. */
export function workbookZip(spec: WorkbookSpec): Buffer {
  const data = (x: string | Buffer) => (typeof x === "string" ? Buffer.from(x, "utf8") : x);
  const sheetParts: Part[] = [];
  const rels: string[] = [];
  const sheets: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const part = sheet.part ?? `worksheets/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}worksheet" Target="${part}"/>`);
    sheets.push(`<sheet name="${xmlEscape(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    if (sheet.xml !== undefined) sheetParts.push({ name: `xl/${part}`, data: data(sheet.xml) });
  });
  const more: Part[] = [];
  if (spec.styles !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}styles" Target="styles.xml"/>`);
    more.push({ name: "xl/styles.xml", data: data(spec.styles) });
  }
  if (spec.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}sharedStrings" Target="sharedStrings.xml"/>`);
    more.push({ name: "xl/sharedStrings.xml", data: data(spec.sharedStrings) });
  }
  for (const d of spec.deflated ?? []) {
    if (d.name === "xl/styles.xml") rels.push(`<Relationship Id="rIdS" Type="${REL}styles" Target="styles.xml"/>`);
    if (d.name === "xl/sharedStrings.xml") rels.push(`<Relationship Id="rIdT" Type="${REL}sharedStrings" Target="sharedStrings.xml"/>`);
  }
  return zip(
    [
      { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
      { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
      {
        name: "xl/workbook.xml",
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${spec.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets.join("")}</sheets></workbook>`
        ),
      },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`) },
      ...more,
      ...sheetParts,
      ...(spec.extra ?? []),
    ],
    spec.deflated
  );
}

/**
 * Raw deflate data that inflates to `unit` repeated `times` times, made without ever holding the whole: the unit
 * is compressed once into blocks that end on a byte boundary and refer to nothing before them, so the same bytes
 * can follow each other; an empty final block closes the stream. A 500 MiB part costs a few hundred KB here.
 */
export function repeatedDeflate(unit: Buffer, times: number): Buffer {
  const block = zlib.deflateRawSync(unit, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < times; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00])); // final fixed-Huffman block holding only end-of-block
  return Buffer.concat(parts);
}

/**
 * A minimal .xlsx of one sheet: a title row, a fund header and `rows` data rows of inline strings and numbers
 * (the sheet XML is built as one buffer; 1,000,000 rows is about 90 MB of XML, 4 MB deflated).
 */
export function bigWorkbook(rows: number, sheetName = "基金支出"): Buffer {
  const funds = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险"];
  const chunks: Buffer[] = [
    Buffer.from(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>单位：万元</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>基金名称</t></is></c><c r="B2" t="inlineStr"><is><t>预算数</t></is></c><c r="C2" t="inlineStr"><is><t>执行数</t></is></c><c r="D2" t="inlineStr"><is><t>完成率</t></is></c></row>'
    ),
  ];
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = i + 3;
    const budget = 1000 + (i % 97);
    const actual = budget - (i % 7);
    batch.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${funds[i % funds.length]}</t></is></c><c r="B${r}"><v>${budget}</v></c><c r="C${r}"><v>${actual}</v></c><c r="D${r}"><v>${(actual / budget).toFixed(4)}</v></c></row>`);
    if (batch.length === 10000) {
      chunks.push(Buffer.from(batch.join("")));
      batch = [];
    }
  }
  chunks.push(Buffer.from(batch.join("")));
  const [head, tail] = sheetXml("\u0000").split("\u0000");
  return workbookZip({ sheets: [{ name: sheetName, xml: Buffer.concat([Buffer.from(head), ...chunks, Buffer.from(tail)]) }] });
}

/** A copy whose matching entries claim `size` uncompressed bytes (directory and local headers alike). */
export function claimSize(src: Buffer, match: RegExp, size: number): Buffer {
  return claimSizeBytes(src, match, size);
}

/** An OLE compound file's first bytes, holding the stream names that tell an encrypted .xlsx from an .xls. */
function ole(streams: string[]): Buffer {
  const buf = Buffer.alloc(4096);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(buf);
  streams.forEach((s, i) => Buffer.from(s, "utf16le").copy(buf, 1024 + i * 128));
  return buf;
}

/** A small real workbook (ExcelJS) with a fund table that has findings. */
export async function smallWorkbook(sheetName = "基金支出"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(["单位：万元"]);
  ws.addRow(["基金名称", "预算数", "执行数", "完成率"]);
  ws.addRow(["企业职工基本养老保险", 1000, 1000, 1]);
  ws.addRow(["工伤保险", 398, 806, 1.31]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface HostileCase {
  /** File name, with the extension a user would have. */
  name: string;
  what: string;
  bytes: Buffer;
  /** The InputProblem the CLI and the page report. */
  problem: string;
  /** Part of the English message. */
  message: RegExp;
}

/** Every hostile file both the CLI and the standalone page must refuse with a clear message. */
const FUND_ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>基金名称</t></is></c><c r="B1" t="inlineStr"><is><t>预算数</t></is></c><c r="C1" t="inlineStr"><is><t>执行数</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>工伤保险</t></is></c><c r="B2"><v>398</v></c><c r="C2"><v>806</v></c></row>';

const STYLES_HEAD = Buffer.from('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>');
const SST_HEAD = Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>');
/** Deflate blocks of `bytes` that more blocks may follow (see repeatedDeflate). */
const flushed = (bytes: Buffer) => zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_FULL_FLUSH });

/** The end record of a zip says one entry fewer than its directory holds: the last entry is hidden from a reader that trusts the count. */
function hideLastEntry(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  const eocd = out.length - 22;
  out.writeUInt16LE(out.readUInt16LE(eocd + 8) - 1, eocd + 8);
  out.writeUInt16LE(out.readUInt16LE(eocd + 10) - 1, eocd + 10);
  return out;
}

/** Entry `name`'s compressed size made to reach over the entry after it, in its directory record and local header alike. */
function overlapNext(buf: Buffer, name: string): Buffer {
  const out = Buffer.from(buf);
  const entries = centralEntries(out).sort((a, b) => a.local - b.local);
  const k = entries.findIndex((e) => e.name === name);
  const e = entries[k];
  const grown = out.readUInt32LE(e.at + 20) + 40;
  out.writeUInt32LE(grown, e.at + 20);
  out.writeUInt32LE(grown, e.local + 18);
  return out;
}

/** The compressed bytes of entry `name` overwritten with noise (same length): not deflate data. */
function garble(buf: Buffer, name: string): Buffer {
  const out = Buffer.from(buf);
  const e = centralEntries(out).find((x) => x.name === name)!;
  const start = e.local + 30 + out.readUInt16LE(e.local + 26) + out.readUInt16LE(e.local + 28);
  const size = out.readUInt32LE(e.at + 20);
  for (let i = 0; i < size; i++) out[start + i] = (i * 97 + 13) & 0xff | 0x07;
  return out;
}

/** Every hostile file both the CLI and the standalone page must refuse with a clear message. */
export async function hostileCases(): Promise<HostileCase[]> {
  const good = await smallWorkbook();
  const notXlsx = renameEntry(good, "[Content_Types].xml", "[Content_Typez].xml");
  const zip64 = Buffer.from(good);
  zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10);
  const sheetEntries = /^xl\/(worksheets\/sheet1|sharedStrings|styles)\.xml$/;
  const fund = [{ name: "基金支出", xml: sheetXml(FUND_ROWS) }];
  const MiB = 1024 * 1024;
  return [
    { name: "empty.xlsx", what: "an empty file", bytes: Buffer.alloc(0), problem: "empty", message: /empty/ },
    { name: "notes.xlsx", what: "not a zip (text named .xlsx)", bytes: Buffer.from("这不是工作簿\n<script>alert(1)</script>\n"), problem: "notZip", message: /not a zip/ },
    { name: "funds.csv", what: "a .csv file", bytes: Buffer.from("\ufeff基金名称,预算数,执行数\r\n工伤保险,398,806\r\n"), problem: "notZip", message: /not a zip/ },
    { name: "cut.xlsx", what: "a truncated zip (first half)", bytes: good.subarray(0, good.length >> 1), problem: "truncated", message: /truncated or damaged/ },
    { name: "tail.xlsx", what: "a zip cut inside its central directory", bytes: good.subarray(0, good.length - 30), problem: "truncated", message: /truncated or damaged/ },
    { name: "bomb.xlsx", what: "a zip bomb: one entry claims 2 GiB", bytes: claimSize(good, /sheet1\.xml$/, 0x7fffffff), problem: "tooLarge", message: /exceeds the 768 MiB limit, refused \(zip bomb guard\)/ },
    { name: "bomb-total.xlsx", what: "a zip bomb: three entries of 700 MiB each", bytes: claimSize(good, sheetEntries, 700 * MiB), problem: "tooLarge", message: /\(\(total\)\) exceeds the 1024 MiB limit/ },
    { name: "liar.xlsx", what: "a zip whose entry inflates past its declared size", bytes: claimSize(good, /sheet1\.xml$/, 10), problem: "sizeLie", message: /inflates beyond its declared size/ },
    { name: "short.xlsx", what: "a zip whose entry inflates to less than it declares", bytes: claimSize(good, /sheet1\.xml$/, 10 * MiB), problem: "sizeLie", message: /inflates to less than its declared size/ },
    { name: "zip64.xlsx", what: "a ZIP64 marker in the end record", bytes: zip64, problem: "zip64", message: /ZIP64/ },
    { name: "secret.xlsx", what: "a password-protected workbook (OLE with EncryptedPackage)", bytes: ole(["EncryptionInfo", "EncryptedPackage"]), problem: "encrypted", message: /password-protected/ },
    { name: "old.xls", what: "a legacy binary .xls (OLE with Workbook)", bytes: ole(["Workbook"]), problem: "legacyXls", message: /legacy binary \.xls/ },
    { name: "other.xlsx", what: "a zip that is not a workbook", bytes: notXlsx, problem: "notXlsx", message: /not an Excel workbook/ },
    // Issue 14, item 1: the guard walks the zip exactly as the reader does.
    {
      name: "hidden-bomb.xlsx",
      what: "an entry beyond the end record's count claiming 4000 MiB",
      bytes: hideLastEntry(workbookZip({ sheets: fund, deflated: [{ name: "xl/media/hidden.bin", data: repeatedDeflate(Buffer.alloc(MiB), 4), size: 4000 * MiB }] })),
      problem: "tooLarge",
      message: /uncompressed size 4000 MiB \(xl\/media\/hidden\.bin\) exceeds the 768 MiB limit/,
    },
    {
      name: "uncounted.xlsx",
      what: "an entry beyond the end record's count",
      bytes: hideLastEntry(workbookZip({ sheets: fund, extra: [{ name: "xl/media/image1.png", data: Buffer.from("png") }] })),
      problem: "zipInconsistent",
      message: /the directory holds 6 entries, its end record says 5/,
    },
    {
      name: "twice.xlsx",
      what: "two entries of the same name (the second would win in another reader)",
      bytes: workbookZip({ sheets: fund, extra: [{ name: "XL/Worksheets/Sheet1.xml", data: Buffer.from(sheetXml("")) }] }),
      problem: "zipInconsistent",
      message: /two entries named XL\/Worksheets\/Sheet1\.xml/,
    },
    {
      name: "disagree.xlsx",
      what: "a local header whose sizes differ from the directory's",
      bytes: claimSizeBytes(good, /sheet1\.xml$/, 10, true),
      problem: "zipInconsistent",
      message: /xl\/worksheets\/sheet1\.xml: sizes .* locally, .* in the directory/,
    },
    { name: "overlap.xlsx", what: "two entries sharing bytes (overlapping files)", bytes: overlapNext(workbookZip({ sheets: fund }), "xl/workbook.xml"), problem: "zipInconsistent", message: /overlap/ },
    { name: "garbled.xlsx", what: "a sheet whose data is not deflate", bytes: garble(workbookZip({ sheets: fund }), "xl/worksheets/sheet1.xml"), problem: "corrupt", message: /the workbook is damaged \(xl\/worksheets\/sheet1\.xml: / },
    // Issue 14, item 2: a part within the zip limits that would cost too much to parse.
    {
      name: "styles-bomb.xlsx",
      what: "a 500 MiB styles.xml of <xf/> in a small file",
      bytes: workbookZip({
        sheets: fund,
        deflated: [
          {
            name: "xl/styles.xml",
            data: Buffer.concat([flushed(STYLES_HEAD), repeatedDeflate(Buffer.from("<xf/>".repeat(200_000)), 500)]),
            size: STYLES_HEAD.length + 500 * 1_000_000,
          },
        ],
      }),
      problem: "partLimit",
      message: /xl\/styles\.xml defines more than 64,000 cell formats \(Excel allows 64,000\), refused/,
    },
    {
      name: "text-bomb.xlsx",
      what: "one shared string of 65 million characters",
      bytes: workbookZip({
        sheets: fund,
        deflated: [
          {
            name: "xl/sharedStrings.xml",
            data: Buffer.concat([flushed(SST_HEAD), repeatedDeflate(Buffer.alloc(MiB, "a"), 65)]),
            size: SST_HEAD.length + 65 * MiB,
          },
        ],
      }),
      problem: "partLimit",
      message: /the workbook holds more than 67,108,864 characters of cell text, refused/,
    },
    {
      name: "merges.xlsx",
      what: "500,001 merged areas",
      bytes: workbookZip({ sheets: [{ name: "基金支出", xml: sheetXml(FUND_ROWS, `<mergeCells>${'<mergeCell ref="E1:F1"/>'.repeat(500_001)}</mergeCells>`) }] }),
      problem: "partLimit",
      message: /more than 500,000 merged areas \(reading sheet "基金支出"\)/,
    },
    { name: "sheets.xlsx", what: "4,097 sheets", bytes: workbookZip({ sheets: Array.from({ length: 4097 }, (_, i) => ({ name: `S${i}`, xml: i === 0 ? sheetXml(FUND_ROWS) : undefined, part: "worksheets/sheet1.xml" })) }), problem: "partLimit", message: /more than 4,096 sheets/ },
    { name: "shared-part.xlsx", what: "two sheets reading one part", bytes: workbookZip({ sheets: [fund[0], { name: "again", part: "worksheets/sheet1.xml" }] }), problem: "corrupt", message: /two sheets share the part xl\/worksheets\/sheet1\.xml/ },
    {
      name: "laughs.xlsx",
      what: "a document type declaration with nested entities (billion laughs)",
      bytes: workbookZip({ sheets: [{ name: "基金支出", xml: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' + sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>').replace(/^<\?xml[^>]*>/, "") }] }),
      problem: "corrupt",
      message: /a document type declaration \(not allowed in a workbook\)/,
    },
    { name: "outside.xlsx", what: "a cell beyond Excel's grid", bytes: workbookZip({ sheets: [{ name: "基金支出", xml: sheetXml('<row r="1048577"><c r="A1048577"><v>1</v></c></row>') }] }), problem: "corrupt", message: /a cell of sheet 基金支出 lies outside Excel's grid/ },
  ];
}
