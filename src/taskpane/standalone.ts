/**
 * The standalone page's workbook: an .xlsx read in the browser by the same reader as the CLI (src/xlsx/: the
 * zip-bomb guard, the limits and the refusal messages included). This module is loaded only through import()
 * when the page runs outside Office, so it is a separate chunk that the task pane inside Excel never downloads.
 * Nothing is sent anywhere: the file is read from the user's disk. The reader is pure (bytes in, no DOM), so it
 * can move into a Web Worker as it is.
 */
import { XlsxError, XlsxLimits, describeRefusal, readXlsx } from "../xlsx";
import type { GridWorkbook } from "../core/grid";
import type { CheckResult } from "../core/api";
import { settingsFromGrid } from "../settings/workbookSettings";
import { gridHost } from "./gridHost";
import type { WorkbookHost } from "./host";
import { formatHtml } from "../output/html";
import { formatCsv } from "../output/csv";
import { FileRefusedError } from "./refusal";
import type { Lang } from "../core/words";

export interface OpenedWorkbook {
  host: WorkbookHost;
  grid: GridWorkbook;
}

export { FileRefusedError };

function refused(e: unknown, lang: Lang): FileRefusedError {
  const error = e instanceof XlsxError ? e : new XlsxError("corrupt", { detail: String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200) });
  return new FileRefusedError(error.problem, describeRefusal(error.problem, error.detail), lang);
}

export interface OpenOptions {
  /** Language of a refusal's message. */
  lang?: Lang;
  /** Overrides of the reader's limits (tests). */
  limits?: Partial<XlsxLimits>;
}

/**
 * Opens an .xlsx held in memory with the CLI's reader and limits: an empty file, not a zip, a legacy .xls, an
 * encrypted workbook, a cut-off or inconsistent zip, a zip bomb, a zip lying about its sizes, a workbook past the
 * row, cell or part limits are refused before they cost more than the limit. A refusal is a FileRefusedError with
 * a one-line message.
 */
export async function openWorkbook(data: ArrayBuffer, name: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const lang = options.lang ?? "en";
  let full: GridWorkbook;
  try {
    full = await readXlsx(new Uint8Array(data), { name, limits: options.limits });
  } catch (e) {
    throw refused(e, lang);
  }
  return gridHost(name, full, settingsFromGrid(full) ?? { problems: [] });
}

/** The CLI's own HTML and CSV formatters (pure, escaping every cell text), reused for downloads. */
export function reportHtml(result: CheckResult, file: string, lang: Lang): string {
  return formatHtml([{ file, result }], { lang, batch: false });
}

export function reportCsv(result: CheckResult, file: string, lang: Lang): string {
  return formatCsv([{ file, result }], { lang, batch: false });
}
