/**
 * Reading .xlsx workbooks, shared by the CLI and the standalone page: the zip-bomb guard, the refusal messages and
 * the one reader. Pure (no DOM, no fs): bytes in, grid out, so it also runs in a Web Worker.
 */
export { readXlsx, openXlsx } from "./read";
export type { ReadXlsxOptions } from "./read";
export { DEFAULT_LIMITS, MAX_CELLS, MAX_ROWS_PER_SHEET, XlsxError } from "./limits";
export type { XlsxLimits, XlsxProblem, XlsxProblemDetail } from "./limits";
export { describeRefusal } from "./refusals";
export type { RefusalDetail, RefusalProblem } from "./refusals";
export { inflateWithFflate } from "./inflate";
export type { Inflater } from "./inflate";
export { readZip, entryOf, sniff, oleIsEncrypted } from "./zip";
export type { ZipDirectory, ZipEntry } from "./zip";
