/** The pool's worker (piscina): one file per task (./task.ts). */
import { FileOutcome, FileTask, runFileTask } from "./task";

export default function (task: FileTask): Promise<FileOutcome> {
  return runFileTask(task);
}
