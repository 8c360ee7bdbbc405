/**
 * Reads a report's text for the cross-check (docs/cli.md, "Report text"), read-only.
 *
 * - .txt: UTF-8 (a BOM is dropped), UTF-16 with a BOM, or — when the bytes are not valid UTF-8 — GB18030, the
 *   superset of GBK that Chinese Windows editors save as "ANSI". A file holding NUL bytes without a UTF-16 BOM is
 *   binary, not text, and is refused rather than read as noise.
 * - .docx: read once and checked like an .xlsx before anything is inflated (zip magic, OLE = legacy .doc or an
 *   encrypted file, the whole zip directory and its local headers by src/xlsx/zip.ts), its XML parts are inflated
 *   once through the size counter (mammoth's JSZip trusts the declared sizes), then mammoth — loaded only now, a
 *   run without a .docx never loads it — extracts the raw text from the same bytes. One paragraph becomes one
 *   line, so "line n" of a .docx is its n-th paragraph (empty ones count).
 */
import * as fs from "fs";
import { decodeReportBytes } from "../core/reportText/decode";
import { entryChunks } from "../xlsx/inflate";
import { XlsxError } from "../xlsx/limits";
import { entryOf, readZip } from "../xlsx/zip";
import { InputError, asInputError } from "./inputError";
import { readZipFile, statInput } from "./readWorkbook";
import { zlibInflate } from "./zip";

/** A .txt report larger than this is refused: reports are tens of KiB; this is a mistaken or hostile file. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;
/** Zip limits for a .docx: the .xlsx total, but a smaller single entry (document.xml becomes one JS string). */
export const DOCX_LIMITS = { total: 1024 * 1024 * 1024, entry: 256 * 1024 * 1024 };

export interface TextReadOptions {
  /** Overrides of the .docx zip limits (tests). */
  limits?: { total?: number; entry?: number };
}

/** Bytes of a text file → its text (see decodeReportBytes); a binary file is refused. */
export function decodeText(bytes: Uint8Array): string {
  const text = decodeReportBytes(bytes);
  if (text === undefined) throw new InputError("notText");
  return text;
}

export function readTextFile(file: string): string {
  const stat = statInput(file);
  if (stat.size > MAX_TEXT_BYTES) throw new InputError("textTooLarge", { size: stat.size, limit: MAX_TEXT_BYTES });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw asInputError(e);
  }
  return decodeText(bytes);
}

/** The .xlsx reader's refusal of a file that is no .docx, in a document's words. */
function asDocxProblem(e: unknown): unknown {
  if (!(e instanceof XlsxError)) return e;
  if (e.problem === "encrypted") return new InputError("docxEncrypted");
  if (e.problem === "legacyXls") return new InputError("legacyDoc");
  if (e.problem === "notZip") return new InputError("notDocx", { detail: "not a zip file" });
  return e;
}

export async function readDocxText(file: string, options: TextReadOptions = {}): Promise<string> {
  try {
    const limits = { total: options.limits?.total ?? DOCX_LIMITS.total, entry: options.limits?.entry ?? DOCX_LIMITS.entry };
    let bytes: Uint8Array;
    try {
      bytes = readZipFile(file, limits.total);
    } catch (e) {
      throw asDocxProblem(e);
    }
    const zip = readZip(bytes, limits);
    if (!entryOf(zip, "[Content_Types].xml")) throw new InputError("notDocx", { detail: "[Content_Types].xml missing" });
    // Inflate the parts mammoth parses once through the counter, so that a zip lying about its sizes is refused
    // before JSZip inflates them in memory. Media (images) are never inflated by a raw-text extraction.
    for (const entry of zip.entries.values()) {
      if (!/\.(xml|rels)$/i.test(entry.name)) continue;
      for await (const _ of entryChunks(bytes, entry, zlibInflate)) void _;
    }
    const mammoth = (await import("mammoth")).default;
    let value: string;
    try {
      value = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
    } catch (e) {
      // mammoth's errors name what is missing ("Could not find main document part…"): a zip but not a document.
      throw new InputError("notDocx", { detail: String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200) });
    }
    // mammoth ends every paragraph with "\n\n" (and drops soft breaks): one paragraph per line.
    return value.replace(/\n\n/g, "\n");
  } catch (e) {
    const error = asInputError(e);
    // The zip reader's "corrupt" speaks of a workbook.
    throw error.problem === "corrupt" ? new InputError("docxCorrupt", error.detail) : error;
  }
}

/** The text of a .txt or .docx report; throws InputError (exit 3) when it cannot be read. */
export async function readReportFile(file: string, ext: string, options: TextReadOptions = {}): Promise<string> {
  return ext === ".docx" ? readDocxText(file, options) : readTextFile(file);
}
