/** Edits of a real .xlsx's zip directory, to make the damaged and hostile files the CLI must refuse. */
import * as fs from "fs";

/** The central directory entries of a zip: each name and where its record starts. */
export function centralEntries(buf: Buffer): { name: string; at: number }[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(p + 28);
    out.push({ name: buf.toString("utf8", p + 46, p + 46 + nameLength), at: p });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** Sets the uncompressed size the central directory claims for the entries whose name matches. */
export function claimSize(src: string, dest: string, match: RegExp, size: number): void {
  const buf = fs.readFileSync(src);
  for (const e of centralEntries(buf)) if (match.test(e.name)) buf.writeUInt32LE(size, e.at + 24);
  fs.writeFileSync(dest, buf);
}
