/**
 * Just enough of the zip format to open an .xlsx safely: the central directory is read first (the pure guard in
 * ../exceljs/zipGuard.ts, shared with the standalone page), so a file whose entries claim more than a stated
 * uncompressed size is refused before anything is inflated (a zip bomb), and every entry is inflated with a byte
 * counter so that a file lying about its sizes is stopped as well.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { Readable } from "stream";
import { InputError } from "./inputError";
import { DEFAULT_ZIP_LIMITS, LOCAL_SIGNATURE, ZipEntry, ZipGuardError, ZipLimits, readCentralDirectory } from "../exceljs/zipGuard";

export { MAX_UNCOMPRESSED_BYTES, MAX_ENTRY_BYTES } from "../exceljs/zipGuard";
export type { ZipEntry } from "../exceljs/zipGuard";

export interface ZipDirectory {
  file: string;
  fd: number;
  fileSize: number;
  entries: Map<string, ZipEntry>;
  totalUncompressed: number;
}

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

/** The shared guard's refusal as the CLI's InputError (same problem names, so the same messages). */
export function guardToInputError(e: unknown): unknown {
  return e instanceof ZipGuardError ? new InputError(e.problem, e.detail) : e;
}

/**
 * Opens `file` read-only and reads its central directory (the pure check in ../exceljs/zipGuard.ts).
 * Throws InputError for anything that is not a usable zip.
 */
export function openZip(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipDirectory {
  const fd = fs.openSync(file, "r");
  try {
    const fileSize = fs.fstatSync(fd).size;
    const { entries, totalUncompressed } = readCentralDirectory(fileSize, (position, length) => readAt(fd, position, length), limits);
    return { file, fd, fileSize, entries, totalUncompressed };
  } catch (e) {
    fs.closeSync(fd);
    throw guardToInputError(e);
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
