/**
 * The worker thread's entry (src/cli/isolation.ts): checks one file per message with checkFileTask and posts its
 * outcome back. Runs compiled, from lib/cli/fileWorker.js.
 */
import { parentPort } from "worker_threads";
import { checkFileTask, FileTask } from "./fileTask";

parentPort?.on("message", async (message: { id: number; task: FileTask }) => {
  const outcome = await checkFileTask(message.task);
  parentPort?.postMessage({ id: message.id, outcome });
});
