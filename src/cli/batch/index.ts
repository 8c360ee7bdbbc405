/**
 * Every batch of the CLI (`fund-check a.xlsx b.xlsx …`, `--matrix`): files checked on all cores by a worker pool
 * (piscina), results handed on in input order as soon as each one's turn comes, so the caller can write or fold
 * them and drop them (memory stays flat). A file is isolated: a worker that throws, runs out of memory or passes
 * the per-file time limit is replaced, and that file alone is reported unreadable. One file, or the CLI run from
 * its TypeScript sources (tests), runs in this process instead.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Message } from "../../core/findings";
import { FileOutcome, FileTask, runFileTask } from "./task";

export type { FileOutcome, FileTask };

/** How long one file may take in a worker before it is stopped and reported (a hostile or pathological file). */
export const FILE_TIME_LIMIT_MS = 120_000;

export interface BatchOptions {
  /** Workers; default: the machine's cores. 0 or 1: in this process. */
  threads?: number;
  timeLimitMs?: number;
}

const WORKER = path.join(__dirname, "worker.js");

/** The pool needs the compiled worker (lib/cli/batch/worker.js); from the sources, files run in this process. */
export function poolAvailable(): boolean {
  return fs.existsSync(WORKER);
}

function timeoutText(ms: number): Message {
  const s = Math.round(ms / 1000);
  return { zh: `检查超过 ${s} 秒的时限，已停止（文件可能异常）`, en: `checking took longer than the ${s} s limit and was stopped (the file may be malformed)` };
}

function crashText(e: unknown): Message {
  const detail = String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200);
  return { zh: `检查时出错，已跳过：${detail}`, en: `checking failed and the file was skipped: ${detail}` };
}

/**
 * Runs the tasks and calls `each` with every outcome in input order. At most a few tasks per worker are in flight,
 * so results waiting for an earlier file stay few.
 */
export async function runBatch(tasks: readonly FileTask[], each: (outcome: FileOutcome, index: number) => void | Promise<void>, options: BatchOptions = {}): Promise<void> {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  // FUND_CHECK_THREADS=1 runs a batch in this process, one file after another (the benchmark's baseline).
  const fromEnv = Number(process.env.FUND_CHECK_THREADS);
  const threads = Math.min(options.threads ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : cores), tasks.length);
  if (threads <= 1 || !poolAvailable()) {
    for (let i = 0; i < tasks.length; i++) await each(await runFileTask(tasks[i]), i);
    return;
  }
  const { Piscina } = await import("piscina");
  const limit = options.timeLimitMs ?? FILE_TIME_LIMIT_MS;
  const pool = new Piscina({ filename: WORKER, maxThreads: threads, minThreads: threads, idleTimeout: 1000 });
  const window = threads * 4;
  const pending = new Map<number, Promise<FileOutcome>>();
  let next = 0;
  const start = (i: number) => {
    const task = tasks[i];
    const signal = AbortSignal.timeout(limit);
    pending.set(
      i,
      pool.run(task, { signal }).then(
        (o: FileOutcome) => o,
        (e: unknown): FileOutcome => ({ ok: false, file: task.file, error: signal.aborted ? timeoutText(limit) : crashText(e) })
      )
    );
  };
  try {
    while (next < tasks.length && next < window) start(next++);
    for (let i = 0; i < tasks.length; i++) {
      const outcome = await pending.get(i)!;
      pending.delete(i);
      if (next < tasks.length) start(next++);
      await each(outcome, i);
    }
  } finally {
    await pool.destroy();
  }
}
