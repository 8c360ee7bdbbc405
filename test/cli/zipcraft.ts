/** Edits of a real .xlsx's zip directory, to make the damaged and hostile files the CLI must refuse. */
import * as fs from "fs";

/** The central directory entries of a zip: each name, where its record starts and where its local header is. */
export function centralEntries(buf: Buffer): { name: string; at: number; local: number }[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; at: number; local: number }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(p + 28);
    out.push({ name: buf.toString("utf8", p + 46, p + 46 + nameLength), at: p, local: buf.readUInt32LE(p + 42) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/**
 * A copy whose matching entries claim `size` uncompressed bytes, in the central directory and in their local
 * headers alike: a consistent lie that only inflating can catch. With `centralOnly`, the local headers keep the
 * truth, and the zip's two records of the entry disagree.
 */
export function claimSizeBytes(src: Buffer, match: RegExp, size: number, centralOnly = false): Buffer {
  const buf = Buffer.from(src);
  for (const e of centralEntries(buf)) {
    if (!match.test(e.name)) continue;
    buf.writeUInt32LE(size, e.at + 24);
    if (!centralOnly) buf.writeUInt32LE(size, e.local + 22);
  }
  return buf;
}

/** claimSizeBytes on a file. */
export function claimSize(src: string, dest: string, match: RegExp, size: number): void {
  fs.writeFileSync(dest, claimSizeBytes(fs.readFileSync(src), match, size));
}

/** A copy with every occurrence of a name (local header and central record) replaced by another of equal length. */
export function renameEntry(src: Buffer, from: string, to: string): Buffer {
  const buf = Buffer.from(src);
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error("names must have the same length");
  for (let i = buf.indexOf(a); i >= 0; i = buf.indexOf(a, i + 1)) b.copy(buf, i);
  return buf;
}
