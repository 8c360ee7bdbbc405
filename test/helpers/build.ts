/** Builds the add-in for tests that check the built artifact (dist/), only when it is missing or stale. */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

/** Generous: the production build of task pane + functions takes one to two minutes on a shared 2-core machine. */
export const BUILD_TIMEOUT_MS = 10 * 60 * 1000;

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Runs the production build (the command users run); env adds variables such as ADDIN_URL. */
export function runWebpack(args: string[] = [], env: Record<string, string> = {}): void {
  const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  try {
    execFileSync(process.execPath, [webpackCli, "--mode", "production", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: "pipe",
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    const output = `${e.stdout?.toString() ?? ""}\n${e.stderr?.toString() ?? ""}`.trim();
    throw new Error(`webpack --mode production ${args.join(" ")} failed: ${e.message}\n${output.slice(-4000)}`);
  }
}

/** The files a bundle entry is built from: the entry and every relative import, transitively. */
export function sourcesOf(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [path.resolve(ROOT, entry)];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:import|export)[^"']*?from\s*["'](\.{1,2}\/[^"']+)["']|require\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
      const base = path.resolve(path.dirname(file), m[1] ?? m[2]);
      const found = [base, base + ".ts", base + ".tsx", base + ".js", base + ".json", path.join(base, "index.ts")].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (found) pending.push(found);
    }
  }
  return [...seen];
}

/**
 * Makes sure dist/functions.js is at least as new as what it is built from (functions.ts and everything it imports,
 * the page, the zh-CN table and plugin, the webpack config, the manifest); builds dist with
 * `webpack --mode production` otherwise.
 */
export function ensureDistFunctions(): void {
  const built = path.join(DIST, "functions.js");
  const inputs = [
    ...sourcesOf("src/functions/functions.ts"),
    path.join(ROOT, "src", "functions", "functions.html"),
    path.join(ROOT, "src", "functions", "zhMetadataPlugin.js"),
    path.join(ROOT, "src", "functions", "zh-CN.strings.json"),
    path.join(ROOT, "webpack.config.js"),
    path.join(ROOT, "manifest.xml"),
  ];
  const sources = Math.max(...inputs.map(newestMtime));
  const needed = ["functions.js", "functions.json", "functions.zh-CN.json", "functions.html", "manifest.xml"];
  const fresh = needed.every((f) => fs.existsSync(path.join(DIST, f))) && fs.statSync(built).mtimeMs >= sources;
  if (!fresh) runWebpack();
}
