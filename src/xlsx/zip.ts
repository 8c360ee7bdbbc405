/**
 * The zip container of an .xlsx (or .docx), read from its bytes and checked before anything is inflated: this
 * is the zip-bomb guard, and it walks the file exactly as the reader will. Every central-directory record is
 * read (not only as many as the end record counts), every local header is read and compared with its record, and
 * anything that does not agree is refused: more or fewer records than the end record says, two entries of one
 * name (part names compare without case, as OPC says), a local header naming another file or method or other
 * sizes, entries whose data overlap (the "overlapping files" bomb), sizes beyond the limits. The reader then
 * inflates only the entries it parses, each through a counter that stops at its declared size (./read.ts).
 * Pure: bytes in, no fs, no DOM.
 */
import { XlsxError } from "./limits";

export interface ZipEntry {
  /** As written in the zip. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's data lies in the file: [dataStart, dataStart + compressedSize). */
  dataStart: number;
}

export interface ZipDirectory {
  /** By lower-cased name. */
  entries: Map<string, ZipEntry>;
  totalUncompressed: number;
}

export interface ZipLimits {
  total: number;
  entry: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** General-purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor after the data, bit 6 strong encryption. */
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG = 0x0040;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

// Made on first use: a module that only imports this one (a test environment without TextDecoder) still loads.
let nameDecoder: TextDecoder | undefined;
const names = () => (nameDecoder ??= new TextDecoder("utf-8"));

/** What the first bytes say: a zip, an OLE compound file (legacy .xls/.doc or an encrypted file), or neither. */
export function sniff(head: Uint8Array): "zip" | "ole" | "other" {
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "ole";
  if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) return "zip";
  return "other";
}

/** "EncryptedPackage" in UTF-16LE: the stream a password-protected .xlsx or .docx (an OLE file) holds. */
const ENCRYPTED_PACKAGE = Array.from("EncryptedPackage").flatMap((ch) => [ch.charCodeAt(0), 0]);

/** Whether an OLE file is a password-protected Office file (rather than a legacy .xls or .doc). */
export function oleIsEncrypted(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0];
  const n = ENCRYPTED_PACKAGE.length;
  const end = Math.min(bytes.length, 64 * 1024 * 1024);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + n <= end; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < n; k++) if (bytes[i + k] !== ENCRYPTED_PACKAGE[k]) continue outer;
    return true;
  }
  return false;
}

const inconsistent = (detail: string) => new XlsxError("zipInconsistent", { detail });

/**
 * Reads and checks the zip's directory and local headers. Throws XlsxError: truncated (no end record, cut-off
 * records or data), zip64, encrypted, tooLarge (a declared size over the limits), zipInconsistent (records,
 * headers and data that disagree), sizeLie (a stored entry whose sizes differ).
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits): ZipDirectory {
  const fileSize = bytes.length;
  // The end record: 22 bytes and a comment of up to 64 KiB, which must end where the file ends.
  let eocd = -1;
  for (let i = fileSize - 22; i >= 0 && i >= fileSize - 22 - 0xffff; i--) {
    if (u32(bytes, i) === EOCD_SIGNATURE && i + 22 + u16(bytes, i + 20) === fileSize) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError("truncated");
  const disk = u16(bytes, eocd + 4);
  const dirDisk = u16(bytes, eocd + 6);
  const countHere = u16(bytes, eocd + 8);
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || countHere === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new XlsxError("zip64");
  if (eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR_SIGNATURE) throw new XlsxError("zip64");
  if (disk !== 0 || dirDisk !== 0 || countHere !== count) throw inconsistent("a zip split over several disks");
  if (dirOffset + dirSize > eocd) throw new XlsxError("truncated");
  if (dirOffset + dirSize !== eocd) throw inconsistent("bytes between the central directory and its end record");

  // Every central record, to the end of the directory.
  const list: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let totalUncompressed = 0;
  let p = dirOffset;
  const dirEnd = dirOffset + dirSize;
  while (p < dirEnd) {
    if (p + 46 > dirEnd || u32(bytes, p) !== CENTRAL_SIGNATURE) throw new XlsxError("truncated");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const uncompressedSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const localHeaderOffset = u32(bytes, p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > dirEnd) throw new XlsxError("truncated");
    const name = names().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) throw new XlsxError("zip64");
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG)) throw new XlsxError("encrypted");
    if (uncompressedSize > limits.entry) throw new XlsxError("tooLarge", { name, size: uncompressedSize, limit: limits.entry });
    totalUncompressed += uncompressedSize;
    if (totalUncompressed > limits.total) throw new XlsxError("tooLarge", { name: "(total)", size: totalUncompressed, limit: limits.total });
    const key = name.toLowerCase();
    if (byName.has(key)) throw inconsistent(`two entries named ${name}`);
    const entry: ZipEntry = { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, dataStart: 0 };
    byName.set(key, entry);
    list.push(entry);
    p = next;
  }
  if (list.length !== count) throw inconsistent(`the directory holds ${list.length} entries, its end record says ${count}`);

  // Every local header, as the reader will meet it.
  for (const entry of list) {
    const h = entry.localHeaderOffset;
    if (h + 30 > dirOffset || u32(bytes, h) !== LOCAL_SIGNATURE) throw new XlsxError("truncated", { name: entry.name });
    const flags = u16(bytes, h + 6);
    const method = u16(bytes, h + 8);
    const compressedSize = u32(bytes, h + 18);
    const uncompressedSize = u32(bytes, h + 22);
    const nameLength = u16(bytes, h + 26);
    const extraLength = u16(bytes, h + 28);
    if (h + 30 + nameLength > dirOffset) throw new XlsxError("truncated", { name: entry.name });
    const localName = names().decode(bytes.subarray(h + 30, h + 30 + nameLength));
    if (localName !== entry.name) throw inconsistent(`the entry ${entry.name} is named ${localName} in its local header`);
    if (method !== entry.method) throw inconsistent(`${entry.name}: compression method ${method} locally, ${entry.method} in the directory`);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG)) throw new XlsxError("encrypted");
    const deferred = (flags & FLAG_DESCRIPTOR) !== 0 && compressedSize === 0 && uncompressedSize === 0;
    if (!deferred && (compressedSize !== entry.compressedSize || uncompressedSize !== entry.uncompressedSize)) {
      throw inconsistent(`${entry.name}: sizes ${compressedSize}/${uncompressedSize} locally, ${entry.compressedSize}/${entry.uncompressedSize} in the directory`);
    }
    entry.dataStart = h + 30 + nameLength + extraLength;
    if (entry.dataStart + entry.compressedSize > dirOffset) throw new XlsxError("truncated", { name: entry.name });
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw new XlsxError("sizeLie", { name: entry.name, detail: entry.compressedSize < entry.uncompressedSize ? "short" : undefined });
    }
  }
  // No two entries may share bytes: one deflate stream read as many entries is the overlapping-files bomb.
  const byOffset = list.slice().sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let k = 1; k < byOffset.length; k++) {
    const before = byOffset[k - 1];
    if (before.dataStart + before.compressedSize > byOffset[k].localHeaderOffset) {
      throw inconsistent(`the entries ${before.name} and ${byOffset[k].name} overlap`);
    }
  }
  return { entries: byName, totalUncompressed };
}

/** The entry named `name` (compared without case), or undefined. */
export function entryOf(zip: ZipDirectory, name: string): ZipEntry | undefined {
  return zip.entries.get(name.toLowerCase());
}

/** The entry's compressed bytes. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  return bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}
