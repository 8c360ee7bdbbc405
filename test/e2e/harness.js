/**
 * The browser suites' small test harness (test/e2e/run.js, test/e2e/matrix.js): named tests that report "ok" or
 * "FAIL" as they run, an assert, `--name=value` options, and the closing "N passed, N failed" line and exit code.
 */
const results = [];

/** `--name=value` from the command line, or "". */
const option = (name) => (process.argv.find((a) => a.startsWith(`--${name}=`)) || "").slice(name.length + 3);

async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}\n       ${String((error && error.stack) || error).split("\n").slice(0, 4).join("\n       ")}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Prints the tally and exits: non-zero when a test failed or the suite itself broke (`broken`, counted as one). */
function finish(broken) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed + (broken ? 1 : 0);
  if (broken) console.error(broken);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

module.exports = { option, test, assert, finish };
