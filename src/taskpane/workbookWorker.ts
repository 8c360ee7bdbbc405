/**
 * The standalone page's Web Worker: reads an opened .xlsx and checks it off the page's thread, so a large file
 * never freezes the page (a 1M-row file used to hold the tab for over a minute). Same reader, limits and checks
 * as the CLI (src/xlsx/, src/core/check.ts); it keeps the workbook for later checks (a changed mapping or
 * targets). The page's side is ./workerHost.ts; the messages are typed there.
 *
 * Built as its own webpack entry (workbookWorker.js), started by the page only outside Office.
 */
import "./zodJitless"; // first: the settings' schema is built without eval, as in the page
import { readXlsx, XlsxError } from "../xlsx";
import { CellStore, CellStoreData } from "../core/cellStore";
import { CancelledError, checkSheets } from "../core/check";
import type { GridWorkbook } from "../core/grid";
import { settingsFromGrid } from "../settings/workbookSettings";
import type { FromWorker, ToWorker } from "./workerHost";

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };
let workbook: GridWorkbook | undefined;
/** Progress is posted at most this often: messages are cheap, but not a million of them. */
const PROGRESS_MS = 80;

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

scope.onmessage = async ({ data: message }) => {
  if (message.type === "open") {
    let last = 0;
    try {
      const read = await readXlsx(new Uint8Array(message.bytes), {
        name: message.name,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - last < PROGRESS_MS && done < total) return;
          last = now;
          scope.postMessage({ type: "progress", phase: "read", done, total });
        },
      });
      workbook = read;
      const sheets = read.sheets.map((s) => (s as CellStore).data);
      scope.postMessage({ type: "opened", sheets, settings: settingsFromGrid(read) ?? { problems: [] } });
    } catch (e) {
      const error = e instanceof XlsxError ? e : new XlsxError("corrupt", { detail: String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200) });
      scope.postMessage({ type: "refused", problem: error.problem, detail: error.detail });
    }
  } else if (message.type === "load") {
    workbook = { name: message.name, sheets: message.sheets.map((data: CellStoreData) => new CellStore(data)) };
  } else if (message.type === "check") {
    const source = workbook;
    if (!source) return scope.postMessage({ type: "failed", id: message.id, message: "no workbook" });
    try {
      const result = await checkSheets(
        { names: message.names, read: (name) => source.sheets.find((s) => s.name === name) ?? Promise.reject(new Error(`no sheet named ${name}`)) },
        {
          targets: message.targets,
          mapping: message.mapping,
          origin: message.origin,
          onProgress: (p) => scope.postMessage({ type: "progress", phase: "check", id: message.id, ...p }),
          pause: breathe,
        }
      );
      scope.postMessage({ type: "checked", id: message.id, result });
    } catch (e) {
      if (e instanceof CancelledError) return;
      scope.postMessage({ type: "failed", id: message.id, message: String((e as Error)?.message ?? e) });
    }
  }
};
