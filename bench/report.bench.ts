/**
 * Report text (issue 14 item 9: "1M report lines take 44 s at 1.46 GB"): checkReportText on the seed report's
 * lines repeated to 1,000,000 lines, against a plain line split of the same text, each in its own child process
 * (wall time of the work; peak RSS from process.resourceUsage().maxRSS), medians of several repetitions. Also
 * lines/s on 100,000 lines. No bar is enforced on memory or time beyond finishing; the figures are printed as ratios.
 *
 *   npm run bench -- report          (BENCH_LINES, BENCH_REPS to change the size)
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const seedFile = path.join(__dirname, "..", "test", "fixtures", "qiemo-2019-report.txt");

function buildText(lines: number): string {
  const seed = fs.readFileSync(seedFile, "utf8").split(/\r?\n/);
  const out: string[] = new Array(lines);
  for (let i = 0; i < lines; i++) out[i] = seed[i % seed.length];
  return out.join("\n");
}

/** Child: does one kind of work on the text and prints { ms, rss } as JSON. */
function child(kind: string, lines: number): void {
  // Loaded (and compiled) before the clock starts, in both children alike.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkReportText } = require("../src/core/reportText/check") as typeof import("../src/core/reportText/check");
  const text = buildText(lines);
  const before = process.resourceUsage().maxRSS;
  const start = process.hrtime.bigint();
  const check = kind === "split" ? text.split(/\r\n|\n|\r/).length : checkReportText(text).findings.length;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, baseMiB: before / 1024, check }) + "\n");
}

function run(kind: string, lines: number): { ms: number; rssMiB: number; baseMiB: number; check: number } {
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", "-r", "ts-node/register/transpile-only", __filename, "--child", kind, String(lines)], {
    encoding: "utf8",
    env: process.env,
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${kind} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  for (const lines of [100_000, LINES]) {
    const split = Array.from({ length: REPS }, () => run("split", lines));
    const read = Array.from({ length: REPS }, () => run("read", lines));
    const sMs = median(split.map((r) => r.ms));
    const rMs = median(read.map((r) => r.ms));
    const sRss = median(split.map((r) => r.rssMiB));
    const rRss = median(read.map((r) => r.rssMiB));
    console.log(
      `${lines.toLocaleString("en-US")} lines: checkReportText ${(rMs / 1000).toFixed(2)} s (${Math.round(lines / (rMs / 1000)).toLocaleString("en-US")} lines/s), ` +
        `peak RSS ${rRss.toFixed(0)} MiB, ${read[0].check} findings | plain split ${sMs.toFixed(0)} ms, peak RSS ${sRss.toFixed(0)} MiB ` +
        `(text built: ${median(split.map((r) => r.baseMiB)).toFixed(0)} MiB) | ratio ${(rMs / sMs).toFixed(1)}× time, ${(rRss / sRss).toFixed(2)}× peak memory`
    );
  }
}

if (process.argv[2] === "--child") child(process.argv[3], Number(process.argv[4]));
else main();
