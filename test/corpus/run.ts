/**
 * The corpus runner: builds every case into a folder, runs the CLI on each (JSON), compares with the answers
 * worked out by hand and prints a table (pass / known gap / regression), then what each failing case missed,
 * reported falsely, or got wrong.
 *
 *   npx ts-node -P tsconfig.jest.json test/corpus/run.ts [--out DIR] [--engine lib|src] [--only TEXT] [--build-only]
 *
 * --out DIR      write the files there and keep them (to open them in Excel); default: a temp folder, removed
 * --engine lib   run lib/cli/main.js (default; `npm run build:cli` first); `src` runs src/cli/main.ts in-process
 * --only TEXT    only the cases whose id contains TEXT
 * --build-only   write the files and stop
 * Exit code: 1 when a case that is not a known gap fails (a regression), else 0.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CASES } from "./cases";
import { PREFECTURE } from "./cases/p15-prefecture";
import { MATRIX_ID, buildAll, formatReport, runCase, runMatrix, statusOf } from "./corpus";
import { Engine } from "./engine";

interface Args {
  out?: string;
  engine: Engine;
  only?: string;
  buildOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { engine: "lib", buildOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--out") args.out = argv[++i];
    else if (a === "--engine") {
      const e = argv[++i];
      if (e !== "lib" && e !== "src") throw new Error(`--engine lib|src, not ${e}`);
      args.engine = e;
    } else if (a === "--only") args.only = argv[++i];
    else if (a === "--build-only") args.buildOnly = true;
    else throw new Error(`unknown argument ${a} (--out DIR, --engine lib|src, --only TEXT, --build-only)`);
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const dir = args.out ? path.resolve(args.out) : fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-corpus-"));
  try {
    const cases = CASES.filter((c) => !args.only || c.id.includes(args.only));
    await buildAll(dir, cases);
    if (args.buildOnly) {
      process.stdout.write(`wrote ${cases.length} files to ${dir}\n`);
      return 0;
    }
    const withMatrix = !args.only || MATRIX_ID.includes(args.only) || PREFECTURE.files.some((c) => c.id.includes(args.only!));
    if (withMatrix) await buildAll(dir, PREFECTURE.files.filter((c) => !cases.includes(c)));
    const results = [];
    for (const c of cases) results.push(await runCase(c, dir, args.engine));
    const matrix = withMatrix ? await runMatrix(dir, args.engine) : undefined;
    process.stdout.write(formatReport(results, matrix));
    if (args.out) process.stdout.write(`\nfiles kept in ${dir}\n`);
    const regressions = results.filter((r) => statusOf(r.id, r.pass) === "FAIL").length + (matrix && statusOf(MATRIX_ID, matrix.pass) === "FAIL" ? 1 : 0);
    return regressions ? 1 : 0;
  } finally {
    if (!args.out) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`corpus: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  }
);
