/**
 * Runs the product on the corpus's files. Two engines, same answer expected:
 * - "lib": the command users run, `node lib/cli/main.js …` (compiled by `npm run build:cli`), as a child process;
 * - "src": the CLI's `main()` from src/ in this process (what jest runs: always the current source, no build).
 */
import { spawnSync } from "child_process";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export type Engine = "lib" | "src";

export async function runCli(args: string[], engine: Engine): Promise<CliRun> {
  if (engine === "lib") {
    const r = spawnSync(process.execPath, [path.join(ROOT, "lib", "cli", "main.js"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH, LANG: "zh_CN.UTF-8" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  // Imported lazily: the runner's default engine loads none of the product's TypeScript.
  const { main } = await import("../../src/cli/main");
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    env: { LANG: "zh_CN.UTF-8" },
  };
  let code: number | null;
  try {
    code = await main(args, io);
  } catch (e) {
    stderr += `internal error: ${(e as Error)?.stack ?? e}\n`;
    code = 70;
  }
  return { code, stdout, stderr };
}
