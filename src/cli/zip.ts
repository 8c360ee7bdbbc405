/**
 * What the CLI adds to the shared zip and .xlsx reading of src/xlsx/: inflating with node's zlib, the fastest
 * there is here. An entry of a few MiB is inflated in one synchronous call that stops at its declared size
 * (`maxOutputLength`): a batch of small county files pays no stream set-up per entry. A larger one is streamed
 * in 1 MiB pieces, inflated on libuv's thread pool while the previous piece is parsed.
 */
import * as zlib from "zlib";
import type { Inflater } from "../xlsx/inflate";

/** Entries up to this size (declared, uncompressed) are inflated in one call. */
export const SYNC_INFLATE_BYTES = 8 * 1024 * 1024;
const PIECE = 1024 * 1024;

async function* streamed(data: Uint8Array): AsyncIterable<Uint8Array> {
  const inflate = zlib.createInflateRaw({ chunkSize: PIECE });
  inflate.end(data);
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } finally {
    inflate.destroy();
  }
}

export const zlibInflate: Inflater = (data, size) => {
  if (size > SYNC_INFLATE_BYTES) return streamed(data);
  // maxOutputLength: one byte more than declared is already a lie (and at least 1, as zlib requires).
  return [zlib.inflateRawSync(data, { maxOutputLength: size + 1 })];
};
