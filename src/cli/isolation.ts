/**
 * A time and memory budget per file (docs/robustness.md, "Budgets"): each file is checked in a worker thread whose
 * heap is capped (`resourceLimits`) and which is stopped when the file takes longer than the time budget. A file past
 * either budget is refused like an unreadable one (exit 3, one line naming the budget) and the batch goes on with a
 * fresh worker: one file can never end a batch. The worker is kept between files (its modules load once).
 *
 * The unit of work is checkFileTask (src/cli/fileTask.ts), plain data in and out, so a pool of workers can take
 * this over as it is.
 */
import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { describeRefusal } from "../xlsx/refusals";
import type { FileOutcome, FileTask } from "./fileTask";

export interface Budget {
  /** Wall time one file may take, in milliseconds. */
  timeMs: number;
  /** Heap one file's check may use (V8's old generation), in MiB. */
  memoryMb: number;
}

/** Two minutes (a 100,000-row workbook takes a few seconds) and 1 GiB (the 200,000-row benchmark peaks near 260 MiB). */
export const DEFAULT_BUDGET: Budget = { timeMs: 120_000, memoryMb: 1024 };

const WORKER_FILE = path.join(__dirname, "fileWorker.js");

/** Whether the compiled worker is there (it is in lib/; tests running the TypeScript sources check in-process). */
export function canIsolate(): boolean {
  return fs.existsSync(WORKER_FILE);
}

function overBudget(kind: "time" | "memory", budget: Budget): FileOutcome {
  const seconds = Math.round(budget.timeMs / 100) / 10;
  const text =
    kind === "time"
      ? { zh: `核对超过 ${seconds} 秒的时间上限，已停止（文件过大或内容异常）`, en: `checking took longer than the ${seconds} s limit, stopped (an oversized or abnormal file)` }
      : { zh: `核对所需内存超过 ${budget.memoryMb} MiB 的上限，已停止（文件过大或内容异常）`, en: `checking needed more than the ${budget.memoryMb} MiB memory limit, stopped (an oversized or abnormal file)` };
  return { ok: false, problem: "checkFailed", detail: { detail: kind }, text };
}

export class IsolatedChecker {
  private worker: Worker | undefined;
  private next = 0;

  constructor(private readonly budget: Budget = DEFAULT_BUDGET) {}

  private start(): Worker {
    const { memoryMb } = this.budget;
    const worker = new Worker(WORKER_FILE, {
      // The old generation is where a check's memory grows; the young one keeps V8's default size.
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      stdout: false,
      stderr: true, // a worker's own stderr (a V8 OOM report) is not the user's
    });
    worker.stderr?.resume();
    return worker;
  }

  /** The file's outcome within the budget; past it, a refusal naming the budget. Never throws for the file's sake. */
  check(task: FileTask): Promise<FileOutcome> {
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise<FileOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: FileOutcome, stop: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (stop) {
          if (this.worker === worker) this.worker = undefined;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (m: { id: number; outcome: FileOutcome }) => m.id === id && finish(m.outcome, false);
      const onError = (e: NodeJS.ErrnoException) =>
        finish(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? overBudget("memory", this.budget)
            : { ok: false, problem: "checkFailed", detail: { detail: String(e.message).split("\n")[0] }, text: describeRefusal("checkFailed", { detail: String(e.message).split("\n")[0] }) },
          true
        );
      const onExit = () => finish(overBudget("memory", this.budget), true);
      const timer = setTimeout(() => finish(overBudget("time", this.budget), true), this.budget.timeMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
