#!/usr/bin/env node
/* The `fund-check` command. lib/ is compiled from src/ by `npm run build:cli` (run by `prepare` on npm ci). */
const path = require("path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "lib", "cli", "main.js"));
} catch (e) {
  // Only when main.js itself is missing (the first line; later lines list the require stack).
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).split("\n")[0].includes(path.join("lib", "cli", "main.js"))) {
    process.stderr.write("fund-check: lib/ is not built; run `npm run build:cli` first\n");
    process.exit(70);
  }
  throw e;
}
// `fund-check … | head`: a closed stdout ends the run quietly, with the exit code its findings deserve.
cli.quietOnClosedPipe(process.stdout);
cli
  // isolate: each file is checked in a worker thread within its time and memory budget (docs/robustness.md).
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, isolate: true })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`fund-check: internal error: ${(e && e.stack) || e}\n`);
      process.exitCode = 70;
    }
  );
