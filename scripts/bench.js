#!/usr/bin/env node
/* Runs every benchmark in bench/ (bench/*.bench.ts), one process each so that memory figures do not mix.
   Each benchmark prints its own figures as ratios against a baseline it measures in the same run.
   `npm run bench -- cli` runs only the benchmarks whose file name contains "cli". */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const filter = process.argv[2] || "";
const dir = path.join(__dirname, "..", "bench");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".bench.ts") && f.includes(filter)).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=8192", "-r", "ts-node/register/transpile-only", path.join(dir, file)],
    { stdio: "inherit", env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, "..", "tsconfig.jest.json") } }
  );
  if (run.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} benchmark(s) missed their bar or failed`);
  process.exit(1);
}
