/**
 * The zip-bomb guard shared by the CLI and the standalone page: pure (no fs, no Node-only imports), it reads an
 * .xlsx's central directory through a `readAt` callback, so that a file claiming more than a stated
 * uncompressed size, an encrypted entry, a ZIP64 file or a cut-off file is refused before anything is inflated.
 * The CLI reads through a file descriptor (src/cli/zip.ts); the page through the bytes it already holds.
 */

/** Uncompressed size an .xlsx may claim in total (all entries). A 100,000-row × 10-column sheet is ~60 MiB. */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
/** Uncompressed size of one entry. */
export const MAX_ENTRY_BYTES = 768 * 1024 * 1024;

export interface ZipLimits {
  total: number;
  entry: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { total: MAX_UNCOMPRESSED_BYTES, entry: MAX_ENTRY_BYTES };

/** What is wrong with the file; the names are those of the CLI's InputProblem, so messages are shared. */
export type ZipProblem = "empty" | "notZip" | "legacyXls" | "encrypted" | "truncated" | "zip64" | "tooLarge" | "notXlsx" | "sizeLie" | "zipMethod";

export interface ZipProblemDetail {
  name?: string;
  size?: number;
  limit?: number;
  method?: number;
  detail?: string;
}

export class ZipGuardError extends Error {
  constructor(readonly problem: ZipProblem, readonly detail: ZipProblemDetail = {}) {
    super(`${problem}${detail.name ? ` (${detail.name})` : ""}`);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface CentralDirectory {
  entries: Map<string, ZipEntry>;
  totalUncompressed: number;
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export type ReadAt = (position: number, length: number) => Uint8Array;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
export const LOCAL_SIGNATURE = 0x04034b50;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/**
 * The file's central directory, checked against `limits`. The caller has checked that the file starts like a
 * zip. Throws ZipGuardError for anything that is not a usable zip or claims too much.
 */
export function readCentralDirectory(fileSize: number, readAt: ReadAt, limits: ZipLimits = DEFAULT_ZIP_LIMITS): CentralDirectory {
  // The end-of-central-directory record is in the last 22 bytes plus an optional comment of up to 64 KiB.
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = readAt(fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  // The file starts like a zip but has no end record: cut short.
  if (eocd < 0) throw new ZipGuardError("truncated");
  const count = u16(tail, eocd + 10);
  const dirSize = u32(tail, eocd + 12);
  const dirOffset = u32(tail, eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ZipGuardError("zip64");
  if (dirOffset + dirSize > fileSize) throw new ZipGuardError("truncated");
  const dir = readAt(dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  let totalUncompressed = 0;
  let p = 0;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || u32(dir, p) !== CENTRAL_SIGNATURE) throw new ZipGuardError("truncated");
    const flags = u16(dir, p + 8);
    const method = u16(dir, p + 10);
    const compressedSize = u32(dir, p + 20);
    const uncompressedSize = u32(dir, p + 24);
    const nameLength = u16(dir, p + 28);
    const extraLength = u16(dir, p + 30);
    const commentLength = u16(dir, p + 32);
    const localHeaderOffset = u32(dir, p + 42);
    if (p + 46 + nameLength > dir.length) throw new ZipGuardError("truncated");
    const name = decoder.decode(dir.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw new ZipGuardError("zip64");
    }
    if (flags & 1) throw new ZipGuardError("encrypted");
    if (uncompressedSize > limits.entry) throw new ZipGuardError("tooLarge", { name, size: uncompressedSize, limit: limits.entry });
    totalUncompressed += uncompressedSize;
    if (totalUncompressed > limits.total) {
      throw new ZipGuardError("tooLarge", { name: "(total)", size: totalUncompressed, limit: limits.total });
    }
    if (localHeaderOffset + compressedSize > fileSize) throw new ZipGuardError("truncated");
    entries.set(name, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return { entries, totalUncompressed };
}

/** What the first bytes say: a zip, an OLE compound file (legacy .xls or an encrypted workbook), or neither. */
export function sniff(head: Uint8Array): "zip" | "ole" | "other" {
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "ole";
  if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) return "zip";
  return "other";
}

/** "EncryptedPackage" in UTF-16LE: the stream a password-protected .xlsx (an OLE file) holds. */
const ENCRYPTED_PACKAGE = Array.from("EncryptedPackage").flatMap((ch) => [ch.charCodeAt(0), 0]);

/** Whether an OLE file is a password-protected workbook (rather than a legacy .xls). */
export function oleIsEncrypted(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0];
  const n = ENCRYPTED_PACKAGE.length;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + n <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < n; k++) if (bytes[i + k] !== ENCRYPTED_PACKAGE[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * The whole check for a workbook held in memory (the standalone page): not empty, a zip (an OLE file is named
 * for what it is), a central directory within the limits, and an .xlsx's [Content_Types].xml. Nothing is
 * inflated. Returns the directory for `verifyInflatedSizes`.
 */
export function checkXlsxBytes(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): CentralDirectory {
  if (bytes.length === 0) throw new ZipGuardError("empty");
  const kind = sniff(bytes.subarray(0, 8));
  if (kind === "ole") throw new ZipGuardError(oleIsEncrypted(bytes.subarray(0, 64 * 1024 * 1024)) ? "encrypted" : "legacyXls");
  if (kind !== "zip") throw new ZipGuardError("notZip");
  const directory = readCentralDirectory(bytes.length, (position, length) => bytes.subarray(Math.max(0, position), position + length));
  if (!directory.entries.has("[Content_Types].xml")) throw new ZipGuardError("notXlsx", { detail: "[Content_Types].xml missing" });
  return directory;
}

/** Where an entry's compressed data starts and ends in the file (after its local header). */
export function entryDataRange(bytes: Uint8Array, entry: ZipEntry): { start: number; end: number } {
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== LOCAL_SIGNATURE) throw new ZipGuardError("truncated");
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipGuardError("truncated");
  return { start, end };
}

/**
 * Inflates every entry once through a counter and stops an entry the moment it grows past the size it declared
 * (a zip lying about its sizes), so that ExcelJS's JSZip — which checks sizes only after inflating everything —
 * never sees such a file. Uses the platform's DecompressionStream("deflate-raw") (Chromium ≥ 103, Safari 16.4,
 * Firefox 113, Node ≥ 20); returns false without checking where it is missing.
 */
export async function verifyInflatedSizes(bytes: Uint8Array, directory: CentralDirectory): Promise<boolean> {
  const Decompression = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  if (!Decompression) return false;
  for (const entry of directory.entries.values()) {
    const { start, end } = entryDataRange(bytes, entry);
    if (entry.method === 0) {
      if (end - start > entry.uncompressedSize) throw new ZipGuardError("sizeLie", { name: entry.name });
      continue;
    }
    if (entry.method !== 8) throw new ZipGuardError("zipMethod", { name: entry.name, method: entry.method });
    if (end === start) continue;
    const inflate = new Decompression("deflate-raw");
    const writer = inflate.writable.getWriter();
    // Written without awaiting: the reader below pulls the output, and a stopped stream rejects the write.
    writer.write(bytes.slice(start, end)).catch(() => undefined);
    writer.close().catch(() => undefined);
    const reader = inflate.readable.getReader();
    let seen = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        seen += value.length;
        if (seen > entry.uncompressedSize) {
          await reader.cancel().catch(() => undefined);
          throw new ZipGuardError("sizeLie", { name: entry.name });
        }
      }
    } catch (e) {
      if (e instanceof ZipGuardError) throw e;
      throw new ZipGuardError("truncated", { name: entry.name, detail: String((e as Error)?.message ?? e) });
    }
  }
  return true;
}
