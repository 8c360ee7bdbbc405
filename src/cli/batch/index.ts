/**
 * The batches of `--matrix`: files checked on all cores by a worker pool
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
 * Runs the tasks and calls `each` with every outcome in input order. Workers take files as they free up; while
 * they start (loading the checker takes a few hundred milliseconds, as long as dozens of small workbooks), this
 * thread checks files itself, so a pool is never slower than the batch it replaces. No file starts more than a
 * few dozen places ahead of the first one not yet handed on, so the results waiting for it stay few.
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
  // atomics "disabled": workers wait for tasks on their message port, not in Atomics.wait (measured: half the
  // wall time of a batch on a busy 2-core machine, where a blocked worker is woken late).
  const pool = new Piscina({ filename: WORKER, maxThreads: threads, minThreads: threads, idleTimeout: 1000, atomics: "disabled" });
  const n = tasks.length;
  const lead = threads * 64;
  const done = new Map<number, FileOutcome>();
  let next = 0;
  let emitted = 0;
  let workersReady = false;
  let waiters: (() => void)[] = [];
  let handing: Promise<void> = Promise.resolve();

  const handOn = async () => {
    while (done.has(emitted)) {
      const outcome = done.get(emitted)!;
      done.delete(emitted);
      await each(outcome, emitted++);
    }
    const w = waiters;
    waiters = [];
    for (const wake of w) wake();
  };
  const put = (i: number, outcome: FileOutcome) => {
    done.set(i, outcome);
    handing = handing.then(handOn);
    return handing;
  };
  const room = async () => {
    while (next < n && next - emitted >= lead) await new Promise<void>((r) => waiters.push(r));
  };
  // Files go to workers a few at a time: a message costs more than checking a small workbook. A chunk that fails
  // (a worker crashed, or ran past the chunk's time) is run again file by file, so only the bad file is lost.
  const chunk = Math.max(1, Math.min(16, Math.ceil(n / (threads * 16))));
  const inPool = async (batch: FileTask[]): Promise<FileOutcome[]> => {
    const signal = AbortSignal.timeout(limit * batch.length);
    try {
      return (await pool.run(batch, { signal })) as FileOutcome[];
    } catch (e) {
      if (batch.length > 1) {
        const out: FileOutcome[] = [];
        for (const task of batch) out.push(...(await inPool([task])));
        return out;
      }
      return [{ ok: false, file: batch[0].file, error: signal.aborted ? timeoutText(limit) : crashText(e) }];
    }
  };
  const feeder = async () => {
    for (;;) {
      await room();
      if (next >= n) return;
      const first = next;
      next = Math.min(n, next + chunk);
      const outcomes = await inPool(tasks.slice(first, next));
      workersReady = true;
      for (let k = 0; k < outcomes.length; k++) done.set(first + k, outcomes[k]);
      handing = handing.then(handOn);
      await handing;
    }
  };
  // This thread, until the first worker answers.
  const warmUp = async () => {
    while (!workersReady) {
      await room();
      if (next >= n || workersReady) return;
      const i = next++;
      await put(i, await runFileTask(tasks[i]));
      await new Promise((r) => setImmediate(r)); // let the workers' messages in
    }
  };
  try {
    await Promise.all([...Array.from({ length: threads * 2 }, feeder), warmUp()]);
    await handing;
  } finally {
    await pool.destroy();
  }
}
