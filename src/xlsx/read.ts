/**
 * An .xlsx file's bytes → the grid the core checks. One reader for every file size, used by the CLI and the
 * standalone page (and usable in a Web Worker: no DOM, no fs, bytes in). In order:
 *
 * 1. What the file is: empty, an OLE file (a legacy .xls or a password-protected workbook), not a zip.
 * 2. The zip, checked whole before anything is inflated (./zip.ts: the zip-bomb guard).
 * 3. The parts the grid needs, found through the relationships as Excel finds them, each inflated once through
 *    the size counter (./inflate.ts) and parsed as it inflates (./xml.ts): the workbook (sheet order, 1904
 *    dates), the styles (number formats, indents), the shared strings (decoded once), then every worksheet
 *    straight into the column store (./sheet.ts). Parts the grid does not need (drawings, images, comments,
 *    themes) are never inflated.
 *
 * Every refusal is an XlsxError naming its problem (./limits.ts), worded by ./refusals.ts.
 */
import type { CellStore } from "../core/cellStore";
import type { GridWorkbook } from "../core/grid";
import { Inflater, entryChunks, inflateWithFflate } from "./inflate";
import { DEFAULT_LIMITS, XlsxError, XlsxLimits } from "./limits";
import {
  PartParser,
  Relationship,
  StylesState,
  TextBudget,
  WorkbookInfo,
  cellFormats,
  relationshipsParser,
  relsPartOf,
  sharedStringsParser,
  stylesParser,
  workbookParser,
} from "./parts";
import { SheetReader, WorkbookContext } from "./sheet";
import { ChunkFeeder, XmlError, XmlScanner } from "./xml";
import { ZipDirectory, ZipEntry, entryOf, oleIsEncrypted, readZip, sniff } from "./zip";

export interface ReadXlsxOptions {
  /** The workbook's name in the grid and in messages (its file name). */
  name: string;
  /** Overrides of the limits (tests; a caller that wants tighter bounds). */
  limits?: Partial<XlsxLimits>;
  /** How entries are inflated; fflate unless given (the CLI passes node's zlib). */
  inflate?: Inflater;
  /** Called as the sheets are read: bytes of sheet XML inflated so far, of the total their zip entries declare. */
  onProgress?: (done: number, total: number) => void;
}

/** Checks what the bytes are and reads the zip directory; nothing is inflated. Throws XlsxError. */
export function openXlsx(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_LIMITS): ZipDirectory {
  if (bytes.length === 0) throw new XlsxError("empty");
  const kind = sniff(bytes.subarray(0, 8));
  if (kind === "ole") throw new XlsxError(oleIsEncrypted(bytes) ? "encrypted" : "legacyXls");
  if (kind !== "zip") throw new XlsxError("notZip");
  const zip = readZip(bytes, limits);
  if (!entryOf(zip, "[Content_Types].xml")) throw new XlsxError("notXlsx", { detail: "[Content_Types].xml missing" });
  return zip;
}

class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly zip: ZipDirectory,
    private readonly inflate: Inflater
  ) {}

  entry(name: string): ZipEntry | undefined {
    return entryOf(this.zip, name) ?? entryOf(this.zip, safeDecode(name));
  }

  /** Inflates `entry` and feeds it to `parse` as it comes. */
  async parse(entry: ZipEntry, parse: PartParser, onChunk?: (bytes: number) => void): Promise<void> {
    const scanner = new XmlScanner(entry.name);
    const feeder = new ChunkFeeder(scanner, parse);
    for await (const chunk of entryChunks(this.bytes, entry, this.inflate)) {
      feeder.push(chunk);
      onChunk?.(chunk.length);
    }
    feeder.end();
  }

  async relationships(source: string, limits: XlsxLimits): Promise<Map<string, Relationship>> {
    const map = new Map<string, Relationship>();
    const name = relsPartOf(source);
    const entry = this.entry(name);
    if (entry) await this.parse(entry, relationshipsParser(source, name, map, limits));
    return map;
  }
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

const byType = (rels: Map<string, Relationship>, type: string) => [...rels.values()].find((r) => r.type === type)?.target;

/** Reads an .xlsx held in memory. Throws XlsxError for a file it refuses. */
export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions): Promise<GridWorkbook> {
  const limits: XlsxLimits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    const zip = openXlsx(bytes, limits);
    const reader = new Reader(bytes, zip, options.inflate ?? inflateWithFflate);

    const root = await reader.relationships("", limits);
    const workbookPart = byType(root, "officeDocument") ?? "xl/workbook.xml";
    if (/\.bin$/i.test(workbookPart)) throw new XlsxError("notXlsx", { detail: "a binary .xlsb workbook; save it as .xlsx" });
    const workbookEntry = reader.entry(workbookPart);
    if (!workbookEntry) throw new XlsxError("notXlsx", { detail: `${workbookPart} missing` });
    const info: WorkbookInfo = { sheets: [], date1904: false };
    await reader.parse(workbookEntry, workbookParser(workbookEntry.name, info, limits));
    const rels = await reader.relationships(workbookPart, limits);

    const styles: StylesState = { formats: new Map(), xfFormat: [], xfIndent: [] };
    const stylesEntry = entryOrUndefined(reader, byType(rels, "styles"));
    if (stylesEntry) await reader.parse(stylesEntry, stylesParser(stylesEntry.name, styles, limits));

    const text = new TextBudget(limits.textChars);
    const strings: string[] = [];
    const sharedEntry = entryOrUndefined(reader, byType(rels, "sharedStrings"));
    if (sharedEntry) await reader.parse(sharedEntry, sharedStringsParser(sharedEntry.name, strings, limits, text));

    const ctx: WorkbookContext = {
      strings,
      sharedCount: strings.length,
      formats: cellFormats(styles),
      date1904: info.date1904,
      limits,
      text,
      counts: { cells: 0, elements: 0, merges: 0, mergeWork: 0 },
      known: new Map(),
    };
    const sheets: CellStore[] = [];
    const read = new Set<string>();
    const { onProgress } = options;
    let done = 0;
    const total = onProgress ? info.sheets.reduce((n, ref) => n + (sheetEntry(reader, rels, ref.rel)?.uncompressedSize ?? 0), 0) : 0;
    const onChunk = onProgress && ((bytes: number) => onProgress((done = Math.min(total, done + bytes)), total));
    for (const ref of info.sheets) {
      const rel = rels.get(ref.rel);
      // Chart sheets, dialog sheets and macro sheets hold no cells.
      if (!rel || rel.type !== "worksheet") continue;
      const entry = reader.entry(rel.target);
      if (!entry) continue;
      if (read.has(entry.name)) throw new XlsxError("corrupt", { detail: `two sheets share the part ${entry.name}` });
      read.add(entry.name);
      const room = limits.cells - ctx.counts.cells + 1;
      const sheet = new SheetReader(entry.name, ref.name, ctx, Math.min(room, Math.ceil(entry.uncompressedSize / 16) + 64));
      await reader.parse(entry, sheet.parse, onChunk);
      sheets.push(sheet.finish());
    }
    return { name: options.name, sheets };
  } catch (e) {
    throw asXlsxError(e);
  }
}

function sheetEntry(reader: Reader, rels: Map<string, Relationship>, rel: string): ZipEntry | undefined {
  const target = rels.get(rel);
  return target && target.type === "worksheet" ? reader.entry(target.target) : undefined;
}

function entryOrUndefined(reader: Reader, part: string | undefined): ZipEntry | undefined {
  return part ? reader.entry(part) : undefined;
}

/** Anything thrown while reading, as the XlsxError it means (a scanner's complaint is a damaged workbook). */
export function asXlsxError(e: unknown): XlsxError {
  if (e instanceof XlsxError) return e;
  if (e instanceof XmlError) return new XlsxError("corrupt", { name: e.part, detail: `${e.part}: ${e.reason}` });
  const message = String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200);
  return new XlsxError("corrupt", { detail: message });
}
