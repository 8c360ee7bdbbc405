/**
 * jest globalSetup: compiles the CLI into lib/ once (`npm run build:cli`), before any test file runs. The tests
 * that run the real command (bin/fund-check.js → lib/) or its workers read it; compiling it in each of them would
 * rewrite lib/ while another test file, in a parallel jest worker, is running it.
 */
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async function compileCli() {
  const root = path.resolve(__dirname, "..", "..");
  execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
};
