/**
 * Hostile and oversized .xlsx files for the robustness tests, made in memory: a tiny zip writer (stored or
 * deflated entries, real CRC-32) for a workbook of any number of rows without ExcelJS's object model, and
 * edits of a real workbook's zip directory (lying sizes, cut-off files, OLE look-alikes).
 */
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { centralEntries } from "../cli/zipcraft";

interface Part {
  name: string;
  data: Buffer;
}

/** A zip of `parts`, deflated, with a correct central directory. */
export function zip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const deflated = zlib.deflateRawSync(part.data, { level: 1 });
    const crc = zlib.crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(deflated.length, 20);
    dir.writeUInt32LE(part.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, deflated);
    central.push(dir, name);
    offset += 30 + name.length + deflated.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dirBytes, end]);
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A minimal .xlsx of one sheet: a title row, a fund header and `rows` data rows of inline strings and numbers
 * (the sheet XML is built as one buffer; 1,000,000 rows is about 90 MB of XML, 4 MB deflated).
 */
export function bigWorkbook(rows: number, sheetName = "基金支出"): Buffer {
  const funds = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "工伤保险", "失业保险"];
  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  parts.push('<row r="1"><c r="A1" t="inlineStr"><is><t>单位：万元</t></is></c></row>');
  parts.push('<row r="2"><c r="A2" t="inlineStr"><is><t>基金名称</t></is></c><c r="B2" t="inlineStr"><is><t>预算数</t></is></c><c r="C2" t="inlineStr"><is><t>执行数</t></is></c><c r="D2" t="inlineStr"><is><t>完成率</t></is></c></row>');
  const chunks: Buffer[] = [Buffer.from(parts.join(""))];
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
  chunks.push(Buffer.from(batch.join("") + "</sheetData></worksheet>"));
  const sheetXml = Buffer.concat(chunks);
  return zip([
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml },
  ]);
}

/** A copy whose central directory claims `size` uncompressed bytes for the entries whose name matches. */
export function claimSize(src: Buffer, match: RegExp, size: number): Buffer {
  const buf = Buffer.from(src);
  for (const e of centralEntries(buf)) if (match.test(e.name)) buf.writeUInt32LE(size, e.at + 24);
  return buf;
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
export async function hostileCases(): Promise<HostileCase[]> {
  const good = await smallWorkbook();
  const notXlsx = Buffer.from(good);
  Buffer.from("[Content_Typez].xml").copy(notXlsx, notXlsx.lastIndexOf(Buffer.from("[Content_Types].xml")));
  const zip64 = Buffer.from(good);
  zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10);
  const sheetEntries = /^xl\/(worksheets\/sheet1|sharedStrings|styles)\.xml$/;
  return [
    { name: "empty.xlsx", what: "an empty file", bytes: Buffer.alloc(0), problem: "empty", message: /empty/ },
    { name: "notes.xlsx", what: "not a zip (text named .xlsx)", bytes: Buffer.from("这不是工作簿\n<script>alert(1)</script>\n"), problem: "notZip", message: /not a zip/ },
    { name: "funds.csv", what: "a .csv file", bytes: Buffer.from("\ufeff基金名称,预算数,执行数\r\n工伤保险,398,806\r\n"), problem: "notZip", message: /not a zip/ },
    { name: "cut.xlsx", what: "a truncated zip (first half)", bytes: good.subarray(0, good.length >> 1), problem: "truncated", message: /truncated or damaged/ },
    { name: "tail.xlsx", what: "a zip cut inside its central directory", bytes: good.subarray(0, good.length - 30), problem: "truncated", message: /truncated or damaged/ },
    { name: "bomb.xlsx", what: "a zip bomb: one entry claims 2 GiB", bytes: claimSize(good, /sheet1\.xml$/, 0x7fffffff), problem: "tooLarge", message: /exceeds the 768 MiB limit, refused \(zip bomb guard\)/ },
    { name: "bomb-total.xlsx", what: "a zip bomb: three entries of 700 MiB each", bytes: claimSize(good, sheetEntries, 700 * 1024 * 1024), problem: "tooLarge", message: /\(\(total\)\) exceeds the 1024 MiB limit/ },
    { name: "liar.xlsx", what: "a zip whose entry inflates past its declared size", bytes: claimSize(good, /sheet1\.xml$/, 10), problem: "sizeLie", message: /inflates beyond its declared size/ },
    { name: "zip64.xlsx", what: "a ZIP64 marker in the end record", bytes: zip64, problem: "zip64", message: /ZIP64/ },
    { name: "secret.xlsx", what: "a password-protected workbook (OLE with EncryptedPackage)", bytes: ole(["EncryptionInfo", "EncryptedPackage"]), problem: "encrypted", message: /password-protected/ },
    { name: "old.xls", what: "a legacy binary .xls (OLE with Workbook)", bytes: ole(["Workbook"]), problem: "legacyXls", message: /legacy binary \.xls/ },
    { name: "other.xlsx", what: "a zip that is not a workbook", bytes: notXlsx, problem: "notXlsx", message: /not an Excel workbook/ },
  ];
}
