/**
 * Batches of county workbooks (issue 15): 300 workbooks of ≈10 fund rows each, checked by
 * - the worker pool (`fund-check --format json files…`, all cores: what every batch of several files does),
 * - the same batch in one process, one file after another (FUND_CHECK_THREADS=1: the batch as it was before the pool),
 * - one process per file (a shell loop of `fund-check file`), measured on the first PER_PROCESS files,
 * and `fund-check --matrix --format json` on the same 300; then the pool on 3,000 workbooks, to show that peak
 * memory does not grow with the number of files. Files per second (wall), peak RSS of the whole process (its
 * worker threads included), medians of BENCH_REPS runs, all measured in the same run.
 *
 * Bars: the pool ≥ 1.6× the sequential batch's files per second on 3,000 files (both cores used; on 300 small
 * files the start-up of each thread weighs as much as the files, and the ratio is printed); peak RSS at 3,000 files
 * ≤ 1.25× the peak at 300 files (flat: the grids are dropped in the workers, and what is kept per file is its
 * result or, for --matrix, its summary). Exits non-zero when a bar is missed.
 *
 *   npm run bench -- batch            (builds lib/ first)
 *   BENCH_FILES=300,3000 BENCH_REPS=3 npm run bench -- batch
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const [SMALL, LARGE] = (process.env.BENCH_FILES ?? "300,3000").split(",").map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const PER_PROCESS = Number(process.env.BENCH_PER_PROCESS ?? 40);
const DISTINCT = 50;
const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "fund-check.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-batch-"));

const FUNDS = ["企业职工基本养老保险", "机关事业单位基本养老保险", "城乡居民基本养老保险", "职工基本医疗保险", "城乡居民基本医疗保险", "工伤保险", "失业保险", "生育保险", "被征地农民社会保障", "其他社会保险"];

/** One county's workbook: a title, a unit line, 基金名称 | 预算数 | 执行数 | 完成率 | 上年执行数 | 比上年增减 | 增幅, ten funds, a 合计. */
async function countyWorkbook(file: string, k: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("支出情况");
  ws.mergeCells("A1:G1");
  ws.getCell("A1").value = `第${k + 1}县2019年社会保险基金支出情况表`;
  ws.getCell("G2").value = "单位：万元";
  ws.addRow(["基金名称", "预算数", "执行数", "完成率", "上年执行数", "比上年增减", "增幅"]);
  let tb = 0;
  let ta = 0;
  let tp = 0;
  FUNDS.forEach((fund, i) => {
    const budget = 300 + ((k * 37 + i * 101) % 5000);
    const actual = Math.round(budget * (i === k % 10 ? 1.15 : 0.96 + ((k + i) % 8) / 100));
    const prior = Math.round(actual / (1 + (((k * 3 + i * 7) % 21) - 5) / 100));
    const row = ws.addRow([fund, budget, actual, Math.round((actual / budget) * 1000) / 1000, prior, actual - prior, Math.round(((actual - prior) / prior) * 1000) / 1000]);
    row.getCell(4).numFmt = "0.0%";
    row.getCell(7).numFmt = "0.0%";
    tb += budget;
    ta += actual;
    tp += prior;
  });
  ws.addRow(["合计", tb, ta, null, tp, ta - tp, null]);
  await wb.xlsx.writeFile(file);
}

/** n workbooks: DISTINCT written, the rest copies under their own names (the checks' cost is the same). */
async function batch(n: number): Promise<string[]> {
  const folder = path.join(dir, String(n));
  fs.mkdirSync(folder);
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(folder, `county-${String(i).padStart(4, "0")}.xlsx`);
    if (i < DISTINCT) await countyWorkbook(file, i);
    else fs.copyFileSync(files[i % DISTINCT], file);
    files.push(file);
  }
  return files;
}

interface Run {
  ms: number;
  rss: number;
}

const preload = path.join(dir, "usage.js");
fs.writeFileSync(preload, `process.on("exit", () => { require("fs").writeSync(3, String(process.resourceUsage().maxRSS)); });\n`);

function measure(args: string[], env: Record<string, string> = {}): Run {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", preload, bin, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe", "pipe"], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status === null || child.status > 2) throw new Error(`fund-check ${args.slice(0, 4).join(" ")} … failed (${child.status ?? child.signal}): ${child.stderr?.toString().slice(0, 500)}`);
  return { ms, rss: Number(child.output[3]?.toString() ?? NaN) / 1024 };
}

/** The floor of parallelism on this machine now: two independent one-thread processes, each on half the files, at once. */
function halves(files: string[], env: Record<string, string>): Promise<Run> {
  const start = process.hrtime.bigint();
  const half = Math.ceil(files.length / 2);
  const one = (part: string[]) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ["-r", preload, bin, "--format", "json", "--out", "/dev/null", ...part], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe", "pipe"] });
      let usage = "";
      child.stdio[3]!.on("data", (d) => (usage += d));
      child.on("error", reject);
      child.on("close", (code) => (code !== null && code <= 2 ? resolve(Number(usage) / 1024) : reject(new Error(`exit ${code}`))));
    });
  return Promise.all([one(files.slice(0, half)), one(files.slice(half))]).then(([a, b]) => ({ ms: Number(process.hrtime.bigint() - start) / 1e6, rss: Math.max(a, b) }));
}

function perProcess(files: string[]): Run {
  const start = process.hrtime.bigint();
  let rss = 0;
  for (const f of files) rss = Math.max(rss, measure(["--format", "json", "--out", "/dev/null", f]).rss);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, rss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const med = (runs: Run[]): Run => ({ ms: median(runs.map((r) => r.ms)), rss: median(runs.map((r) => r.rss)) });

async function run(): Promise<number> {
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("tsc -p tsconfig.cli.json failed");
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const small = await batch(SMALL);
  console.log(`${SMALL} county workbooks of ${FUNDS.length} fund rows (${DISTINCT} distinct), ${cores} cores`);
  const plain = ["--format", "json", "--out", "/dev/null"];
  const runs: Record<string, Run[]> = { pool: [], sequential: [], perProcess: [], matrix: [] };
  for (let i = 0; i < REPS; i++) {
    runs.pool.push(measure([...plain, ...small]));
    runs.sequential.push(measure([...plain, ...small], { FUND_CHECK_THREADS: "1" }));
    runs.matrix.push(measure(["--matrix", ...plain, ...small]));
    runs.perProcess.push(perProcess(small.slice(0, PER_PROCESS)));
    console.log(`  rep ${i + 1}: ` + Object.entries(runs).map(([k, r]) => `${k} ${r[i].ms.toFixed(0)} ms ${r[i].rss.toFixed(0)} MiB`).join(" | "));
  }
  const fps = (r: Run, n: number) => (n / r.ms) * 1000;
  const pool = med(runs.pool);
  const seq = med(runs.sequential);
  const matrix = med(runs.matrix);
  const proc = med(runs.perProcess);
  const line = (label: string, r: Run, n: number) => console.log(`  ${label.padEnd(44)} ${fps(r, n).toFixed(1).padStart(7)} files/s   peak RSS ${r.rss.toFixed(0).padStart(4)} MiB   ${(fps(r, n) / fps(seq, SMALL)).toFixed(2)}× the sequential batch`);
  line(`pool (${cores} workers), ${SMALL} files`, pool, SMALL);
  line(`sequential batch (one process), ${SMALL} files`, seq, SMALL);
  line(`--matrix through the pool, ${SMALL} files`, matrix, SMALL);
  line(`one process per file, ${PER_PROCESS} files`, proc, PER_PROCESS);

  const large = await batch(LARGE);
  const big: Record<string, Run[]> = { pool: [], sequential: [], halves: [], matrix: [] };
  for (let i = 0; i < Math.max(1, REPS - 1); i++) {
    big.pool.push(measure([...plain, ...large]));
    big.sequential.push(measure([...plain, ...large], { FUND_CHECK_THREADS: "1" }));
    big.halves.push(await halves(large, { FUND_CHECK_THREADS: "1" }));
    big.matrix.push(measure(["--matrix", ...plain, ...large]));
    console.log(`  ${LARGE} files, rep ${i + 1}: ` + Object.entries(big).map(([k, r]) => `${k} ${r[i].ms.toFixed(0)} ms ${r[i].rss.toFixed(0)} MiB`).join(" | "));
  }
  const poolL = med(big.pool);
  const seqL = med(big.sequential);
  const matrixL = med(big.matrix);
  const halvesL = med(big.halves);
  console.log(`  sequential batch, ${LARGE} files: ${fps(seqL, LARGE).toFixed(1)} files/s, peak RSS ${seqL.rss.toFixed(0)} MiB`);
  const parallel = fps(halvesL, LARGE) / fps(seqL, LARGE);
  console.log(`  two one-thread processes on half the files each, at once: ${fps(halvesL, LARGE).toFixed(1)} files/s, ${parallel.toFixed(2)}× the sequential batch (the parallelism this machine gives now)`);
  console.log(`  pool, ${LARGE} files: ${fps(poolL, LARGE).toFixed(1)} files/s, peak RSS ${poolL.rss.toFixed(0)} MiB (${(poolL.rss / pool.rss).toFixed(2)}× the ${SMALL}-file peak)`);
  console.log(`  --matrix, ${LARGE} files: ${fps(matrixL, LARGE).toFixed(1)} files/s, peak RSS ${matrixL.rss.toFixed(0)} MiB (${(matrixL.rss / matrix.rss).toFixed(2)}× the ${SMALL}-file peak)`);

  let ok = true;
  const judge = (pass: boolean, text: string) => {
    console.log(`${pass ? "met   " : "MISSED"} ${text}`);
    ok &&= pass;
  };
  console.log("");
  // Throughput where the fixed start-up (loading the checker in each thread, ≈ 0.3 s) no longer dominates: the
  // 3,000-file batch; the 300-file ratio is printed above for the record.
  const speedup = fps(poolL, LARGE) / fps(seqL, LARGE);
  const speedText = `${LARGE} files: the pool checks ${speedup.toFixed(2)}× the files per second of the sequential batch (bar ≥ 1.6× with ${cores} cores; ${SMALL} files: ${(fps(pool, SMALL) / fps(seq, SMALL)).toFixed(2)}×)`;
  // Where two independent processes do not beat one, the machine has no idle core now (other jobs): no pool can
  // reach the bar, and it is reported, not judged.
  if (cores >= 2 && parallel < 1.3) console.log(`n/a    ${speedText}: not judged, two independent processes reach only ${parallel.toFixed(2)}×`);
  else judge(cores < 2 || speedup >= 1.6, speedText);
  judge(poolL.rss <= 1.25 * pool.rss, `plain batch: peak RSS at ${LARGE} files is ${(poolL.rss / pool.rss).toFixed(2)}× the peak at ${SMALL} (bar ≤ 1.25×)`);
  judge(matrixL.rss <= 1.25 * matrix.rss, `--matrix: peak RSS at ${LARGE} files is ${(matrixL.rss / matrix.rss).toFixed(2)}× the peak at ${SMALL} (bar ≤ 1.25×)`);
  return ok ? 0 : 1;
}

run()
  .then((code) => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exitCode = code;
  })
  .catch((e) => {
    fs.rmSync(dir, { recursive: true, force: true });
    console.error(e);
    process.exitCode = 1;
  });
