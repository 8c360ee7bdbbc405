/**
 * The standalone page's workbook read and checked in a Web Worker (./workbookWorker.ts): the page stays
 * responsive, shows the reading's progress, and Cancel ends the work at once (the worker is stopped; a later
 * check starts a new one from the sheets the page already holds). Where no worker can be started, the caller
 * falls back to reading on the page (./standalone.ts, the same reader).
 */
import type { CheckResult, ColumnMapping } from "../core/api";
import { CellStore, CellStoreData } from "../core/cellStore";
import { CancelledError } from "../core/check";
import type { PassProgress } from "../core/check";
import type { GridWorkbook } from "../core/grid";
import type { SettingsOrigin } from "../core/settingsEffects";
import type { Targets } from "../core/targets";
import type { Lang } from "../core/words";
import { describeRefusal } from "../xlsx/refusals";
import type { XlsxProblem, XlsxProblemDetail } from "../xlsx/limits";
import type { DecodedSettings } from "../settings/workbookSettings";
import { gridHost } from "./gridHost";
import { FileRefusedError } from "./refusal";
import type { OpenedWorkbook } from "./standalone";
import type { WorkbookHost } from "./host";

export type ToWorker =
  | { type: "open"; bytes: ArrayBuffer; name: string }
  | { type: "load"; name: string; sheets: CellStoreData[] }
  | { type: "check"; id: number; names: string[]; targets?: Targets; mapping?: ColumnMapping; origin?: { targets?: SettingsOrigin; mapping?: SettingsOrigin } };

export type FromWorker =
  | { type: "progress"; phase: "read"; done: number; total: number }
  | ({ type: "progress"; phase: "check"; id: number } & PassProgress)
  | { type: "opened"; sheets: CellStoreData[]; settings: DecodedSettings }
  | { type: "refused"; problem: XlsxProblem; detail: XlsxProblemDetail }
  | { type: "checked"; id: number; result: CheckResult }
  | { type: "failed"; id: number; message: string };

/** Where the worker's script is served: beside taskpane.html (its own webpack entry). */
export const WORKER_SCRIPT = "workbookWorker.js";

export function canUseWorker(): boolean {
  return typeof Worker !== "undefined" && typeof document !== "undefined";
}

/** How often a pending check looks at its cancel flag (runPass's signal is a plain flag). */
const CANCEL_POLL_MS = 50;

export interface WorkerOpenOptions {
  lang: Lang;
  /** Bytes of sheet XML read so far, of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the reading at once: a CancelledError. */
  signal?: AbortSignal;
}

export async function openInWorker(data: ArrayBuffer, name: string, options: WorkerOpenOptions): Promise<OpenedWorkbook> {
  let worker: Worker | undefined = new Worker(new URL(WORKER_SCRIPT, document.baseURI));
  const opened = await new Promise<{ sheets: CellStoreData[]; settings: DecodedSettings }>((resolve, reject) => {
    const stop = () => {
      worker?.terminate();
      worker = undefined;
      reject(new CancelledError());
    };
    if (options.signal?.aborted) return stop();
    options.signal?.addEventListener("abort", stop, { once: true });
    worker!.onerror = (e) => {
      options.signal?.removeEventListener("abort", stop);
      worker?.terminate();
      worker = undefined;
      reject(new Error(e.message || "the reader stopped"));
    };
    worker!.onmessage = ({ data: message }: MessageEvent<FromWorker>) => {
      if (message.type === "progress" && message.phase === "read") options.onProgress?.(message.done, message.total);
      else if (message.type === "opened") {
        options.signal?.removeEventListener("abort", stop);
        resolve(message);
      } else if (message.type === "refused") {
        options.signal?.removeEventListener("abort", stop);
        worker?.terminate();
        worker = undefined;
        reject(new FileRefusedError(message.problem, describeRefusal(message.problem, message.detail), options.lang));
      }
    };
    worker!.postMessage({ type: "open", bytes: data, name } satisfies ToWorker, [data]);
  });

  const full: GridWorkbook = { name, sheets: opened.sheets.map((d) => new CellStore(d)) };
  const { host: fromMemory, grid } = gridHost(name, full, opened.settings);
  let nextId = 1;

  /** The worker, started again (from the sheets held here) if a cancel stopped it. */
  const live = (): Worker => {
    if (!worker) {
      worker = new Worker(new URL(WORKER_SCRIPT, document.baseURI));
      worker.postMessage({ type: "load", name, sheets: opened.sheets } satisfies ToWorker);
    }
    return worker;
  };

  const host: WorkbookHost = {
    ...fromMemory,
    check: (pass) =>
      new Promise<CheckResult>((resolve, reject) => {
        const id = nextId++;
        const w = live();
        const done = () => {
          clearInterval(poll);
          w.removeEventListener("message", listen);
        };
        const poll = setInterval(() => {
          if (!pass.signal?.cancelled) return;
          done();
          w.terminate();
          if (worker === w) worker = undefined;
          reject(new CancelledError());
        }, CANCEL_POLL_MS);
        const listen = ({ data: message }: MessageEvent<FromWorker>) => {
          if (!("id" in message) || message.id !== id) return;
          if (message.type === "progress") pass.onProgress?.({ done: message.done, total: message.total, sheet: message.sheet });
          else if (message.type === "checked") {
            done();
            resolve(message.result);
          } else if (message.type === "failed") {
            done();
            reject(new Error(message.message));
          }
        };
        w.addEventListener("message", listen);
        w.postMessage({ type: "check", id, names: [...pass.names], targets: pass.targets, mapping: pass.mapping, origin: pass.origin } satisfies ToWorker);
      }),
  };
  return { host, grid };
}
