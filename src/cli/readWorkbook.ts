/**
 * Reads an .xlsx file into the core's grid, read-only, with the reader shared with the standalone page
 * (src/xlsx/). The file is opened once and its bytes read once through that descriptor: what the zip-bomb guard
 * checks is exactly what the reader parses. Before the whole file is read, its first bytes say whether it is a
 * zip at all (a 2 GB text file named .xlsx is refused without reading it), and a zip larger than the workbook
 * limits is refused by its size.
 */
import * as fs from "fs";
import * as path from "path";
import type { GridWorkbook } from "../core/grid";
import { DEFAULT_LIMITS, XlsxError, XlsxLimits, oleIsEncrypted, readXlsx, sniff } from "../xlsx";
import { InputError, asInputError } from "./inputError";
import { zlibInflate } from "./zip";

export { MAX_CELLS, MAX_ROWS_PER_SHEET } from "../xlsx";

export interface ReadOptions {
  /** Overrides of the reader's limits (tests). */
  limits?: Partial<XlsxLimits>;
}

/** An input that exists, is a regular file and is not empty; otherwise the InputError that says which. */
export function statInput(file: string): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw asInputError(e);
  }
  if (stat.isDirectory()) throw new InputError("notAFile");
  // A pipe or a device would block or never end: refused before it is opened, and named for what it is.
  if (!stat.isFile()) throw new InputError("notAFile", {}, { zh: "不是普通文件（是管道或设备），不予读取", en: "not a regular file (a pipe or a device), not read" });
  if (stat.size === 0) throw new InputError("empty");
  return stat;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/**
 * The bytes of an Office file (zip), read once through one descriptor; what is not a zip is refused from its first
 * bytes. `total` bounds the file's size (its entries may not claim more uncompressed, so it cannot be larger).
 */
export function readZipFile(file: string, total: number): Uint8Array {
  statInput(file);
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    throw asInputError(e);
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) throw new XlsxError("empty");
    const kind = sniff(readAt(fd, 0, Math.min(size, 8)));
    if (kind === "ole") throw new XlsxError(oleIsEncrypted(readAt(fd, 0, Math.min(size, 64 * 1024 * 1024))) ? "encrypted" : "legacyXls");
    if (kind !== "zip") throw new XlsxError("notZip");
    if (size > total) throw new XlsxError("tooLarge", { name: path.basename(file), size, limit: total });
    return readAt(fd, 0, size);
  } finally {
    fs.closeSync(fd);
  }
}

export async function readWorkbook(file: string, options: ReadOptions = {}): Promise<GridWorkbook> {
  try {
    const limits: XlsxLimits = { ...DEFAULT_LIMITS, ...options.limits };
    const bytes = readZipFile(file, limits.total);
    return await readXlsx(bytes, { name: path.basename(file), limits, inflate: zlibInflate });
  } catch (e) {
    throw asInputError(e);
  }
}
