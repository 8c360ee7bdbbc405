/**
 * Just enough of the zip format to open an .xlsx safely: the central directory is read first, so a file whose
 * entries claim more than a stated uncompressed size is refused before anything is inflated (a zip bomb), and
 * every entry is inflated with a byte counter so that a file lying about its sizes is stopped as well.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { Readable } from "stream";
import { InputError } from "./inputError";

/** Uncompressed size an .xlsx may claim in total (all entries). A 100,000-row × 10-column sheet is ~60 MiB. */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
/** Uncompressed size of one entry. */
export const MAX_ENTRY_BYTES = 768 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  file: string;
  fd: number;
  fileSize: number;
  entries: Map<string, ZipEntry>;
  totalUncompressed: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/** Opens `file` read-only and reads its central directory. Throws InputError for anything that is not a usable zip. */
export function openZip(file: string, limits = { total: MAX_UNCOMPRESSED_BYTES, entry: MAX_ENTRY_BYTES }): ZipDirectory {
  const fd = fs.openSync(file, "r");
  try {
    const fileSize = fs.fstatSync(fd).size;
    // The end-of-central-directory record is in the last 22 bytes plus an optional comment of up to 64 KiB.
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = readAt(fd, fileSize - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    // The file starts like a zip (checked by the caller) but has no end record: cut short.
    if (eocd < 0) throw new InputError("truncated");
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new InputError("zip64");
    if (dirOffset + dirSize > fileSize) throw new InputError("truncated");
    const dir = readAt(fd, dirOffset, dirSize);
    const entries = new Map<string, ZipEntry>();
    let totalUncompressed = 0;
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new InputError("truncated");
      const flags = dir.readUInt16LE(p + 8);
      const method = dir.readUInt16LE(p + 10);
      const compressedSize = dir.readUInt32LE(p + 20);
      const uncompressedSize = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const localHeaderOffset = dir.readUInt32LE(p + 42);
      const name = dir.toString("utf8", p + 46, p + 46 + nameLength);
      p += 46 + nameLength + extraLength + commentLength;
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        throw new InputError("zip64");
      }
      if (flags & 1) throw new InputError("encrypted");
      if (uncompressedSize > limits.entry) throw new InputError("tooLarge", { name, size: uncompressedSize, limit: limits.entry });
      totalUncompressed += uncompressedSize;
      if (totalUncompressed > limits.total) {
        throw new InputError("tooLarge", { name: "(total)", size: totalUncompressed, limit: limits.total });
      }
      if (localHeaderOffset + compressedSize > fileSize) throw new InputError("truncated");
      entries.set(name, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    }
    return { file, fd, fileSize, entries, totalUncompressed };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

export function closeZip(zip: ZipDirectory): void {
  fs.closeSync(zip.fd);
}

/** A stream of the entry's uncompressed bytes; fails if it inflates beyond its declared size. */
export function entryStream(zip: ZipDirectory, entry: ZipEntry): Readable {
  const header = readAt(zip.fd, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new InputError("truncated");
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (dataStart + entry.compressedSize > zip.fileSize) throw new InputError("truncated");
  if (entry.compressedSize === 0) return Readable.from([]);
  // Its own read-only descriptor, so that stopping this entry early closes nothing else.
  const raw = fs.createReadStream(zip.file, {
    flags: "r",
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: 256 * 1024,
  });
  let source: Readable;
  if (entry.method === 0) source = raw;
  else if (entry.method === 8) {
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    raw.on("error", (e) => inflate.destroy(e));
    source = raw.pipe(inflate);
  } else {
    raw.destroy();
    throw new InputError("zipMethod", { name: entry.name, method: entry.method });
  }
  let seen = 0;
  const limit = entry.uncompressedSize;
  const counted = new Readable({ read() {} });
  source.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) {
      source.destroy();
      raw.destroy();
      counted.destroy(new InputError("sizeLie", { name: entry.name }));
      return;
    }
    if (!counted.push(chunk)) source.pause();
  });
  counted._read = () => source.resume();
  source.on("end", () => counted.push(null));
  source.on("error", (e) => counted.destroy(e instanceof InputError ? e : new InputError("corrupt", { name: entry.name, detail: e.message })));
  return counted;
}

/** The whole entry as text (for the small parts: workbook.xml, rels). */
export async function entryText(zip: ZipDirectory, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of entryStream(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
