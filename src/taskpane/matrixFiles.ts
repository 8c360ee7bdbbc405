/**
 * The standalone page's prefecture review: many .xlsx files opened or dropped at once → the same matrix as
 * `fund-check --matrix` (src/core/matrix). Each file is read by the CLI's reader and limits and checked in turn
 * (the page yields between files so it stays responsive); a file the reader refuses is an unreadable county,
 * with the CLI's words. The grids and results are kept (a prefecture's 10–30 workbooks), so a click on a cell can
 * show the county's findings and its sheet. Loaded only through import(), in its own chunk.
 */
import type { CheckResult } from "../core/api";
import { checkWorkbook } from "../core/check";
import type { GridWorkbook } from "../core/grid";
import { BatchFile, Matrix, buildMatrix, summarizeWorkbook } from "../core/matrix";
import type { Targets } from "../core/targets";
import type { Lang } from "../core/words";
import { XlsxError, describeRefusal, readXlsx } from "../xlsx";

export interface CheckedFile {
  name: string;
  grid?: GridWorkbook;
  result?: CheckResult;
  refused?: string;
}

export interface PageMatrix {
  matrix: Matrix;
  files: CheckedFile[];
}

export async function checkFiles(files: readonly { name: string; data: ArrayBuffer }[], options: { lang: Lang; targets?: Targets; onProgress?(done: number, total: number, name: string): void }): Promise<PageMatrix> {
  const batch: BatchFile[] = [];
  const checked: CheckedFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const { name, data } = files[i];
    options.onProgress?.(i, files.length, name);
    await new Promise((r) => setTimeout(r, 0));
    try {
      const grid = await readXlsx(new Uint8Array(data), { name });
      const result = checkWorkbook(grid, { targets: options.targets });
      batch.push(summarizeWorkbook(name, grid.sheets, result));
      checked.push({ name, grid, result });
    } catch (e) {
      const error = e instanceof XlsxError ? e : new XlsxError("corrupt", { detail: String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200) });
      const refused = describeRefusal(error.problem, error.detail)[options.lang];
      batch.push({ file: name, unreadable: refused });
      checked.push({ name, refused });
    }
  }
  options.onProgress?.(files.length, files.length, "");
  return { matrix: buildMatrix(batch, { targets: options.targets }), files: checked };
}
