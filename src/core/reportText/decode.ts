/**
 * Bytes of a report .txt → its text, the same in the CLI and the page: BOMs first (UTF-8, UTF-16), then strict
 * UTF-8, else GB18030 — the superset of GBK that Chinese Windows editors save as "ANSI". NUL bytes without a
 * UTF-16 BOM mean a binary file: undefined, so the caller refuses it instead of showing noise.
 */

/**
 * The one host facility the core uses: the WHATWG TextDecoder, a global in every browser and in Node. Declared
 * here, narrowly, because the core compiles without DOM or Node types (tsconfig.core.json).
 */
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

export function decodeReportBytes(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
