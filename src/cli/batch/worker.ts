/** The pool's worker (piscina): a few files per task (./task.ts), one after another; one message back for them all. */
import { FileOutcome, FileTask, runFileTask } from "./task";

export default async function (tasks: FileTask[]): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const task of tasks) out.push(await runFileTask(task));
  return out;
}
