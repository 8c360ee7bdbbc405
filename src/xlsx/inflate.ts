/**
 * Inflating a zip entry, piece by piece. The reader takes an `Inflater` so that each platform uses its fastest:
 * the CLI passes node's zlib (./nodeInflate.ts); everywhere else (the standalone page, a Web Worker) fflate's
 * streaming inflater runs in plain JavaScript. Whichever inflates, `entryChunks` counts the bytes and stops the
 * entry the moment it grows past the size it declared (a zip lying about its sizes), and refuses one that ends
 * short of it.
 */
import { Inflate } from "fflate";
import { XlsxError } from "./limits";
import { ZipEntry, entryData } from "./zip";

/**
 * Raw-deflate data → its bytes, in order, in pieces of any size. `size` is what the entry declares (an inflater
 * may use it to stop early; `entryChunks` checks it either way). Throws on data that is not deflate.
 */
export type Inflater = (data: Uint8Array, size: number) => Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** Compressed bytes given to fflate at a time: one push can inflate to at most ~1000× this (16 MiB). */
const STEP = 16 * 1024;

/** fflate's synchronous streaming inflater (browser, worker, tests). */
export function* inflateWithFflate(data: Uint8Array): Iterable<Uint8Array> {
  if (data.length === 0) return;
  const out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    if (chunk.length) out.push(chunk);
  });
  for (let i = 0; i < data.length; i += STEP) {
    inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    for (const chunk of out.splice(0)) yield chunk;
  }
}

/**
 * The entry's uncompressed bytes in pieces, through the size counter. Throws XlsxError: zipMethod (neither
 * stored nor deflated), sizeLie (more or fewer bytes than declared), corrupt (not deflate data).
 */
export async function* entryChunks(bytes: Uint8Array, entry: ZipEntry, inflate: Inflater): AsyncIterable<Uint8Array> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (data.length) yield data;
    return;
  }
  if (entry.method !== 8) throw new XlsxError("zipMethod", { name: entry.name, method: entry.method });
  let seen = 0;
  try {
    for await (const chunk of inflate(data, entry.uncompressedSize)) {
      seen += chunk.length;
      if (seen > entry.uncompressedSize) throw new XlsxError("sizeLie", { name: entry.name });
      yield chunk;
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw inflateError(entry, e);
  }
  if (seen !== entry.uncompressedSize) throw new XlsxError("sizeLie", { name: entry.name, detail: "short" });
}

/** An inflater's failure as the reader reports it. */
export function inflateError(entry: ZipEntry, e: unknown): XlsxError {
  const err = e as { code?: string; message?: string };
  // node's zlib stops at maxOutputLength with ERR_BUFFER_TOO_LARGE: the entry is larger than it says.
  if (err && (err.code === "ERR_BUFFER_TOO_LARGE" || /too large|maxOutputLength/i.test(err.message ?? ""))) return new XlsxError("sizeLie", { name: entry.name });
  const message = String(err?.message ?? e).split("\n")[0].slice(0, 120);
  return new XlsxError("corrupt", { name: entry.name, detail: `${entry.name}: ${message}` });
}
