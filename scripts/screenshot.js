#!/usr/bin/env node
/*
 * npm run screenshot: remakes docs/screenshot.png (the README's picture) from a clean production build. Runs
 * `npm run build` (which empties dist/ first), then the browser suite on dist/ (test/e2e/run.js --no-dev-server),
 * whose "clicking a finding" test takes the picture after its checks pass. `npm run test:e2e` never writes it: its
 * screenshot goes to test-results/, so a test run leaves the working tree clean.
 *
 * Needs Debian's chromium and fonts-noto-cjk (the Chinese text is drawn in Noto Sans CJK):
 *   apt-get install -y chromium fonts-noto-cjk
 */
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const target = path.join("docs", "screenshot.png");

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(" ")} failed: ${target} not written.`);
    process.exit(1);
  }
}

const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
if (fonts.status !== 0 || !/Noto Sans CJK/i.test(fonts.stdout)) {
  console.error("fonts-noto-cjk is not installed (fc-list :lang=zh finds no Noto Sans CJK): apt-get install -y fonts-noto-cjk");
  process.exit(1);
}
const changed = spawnSync("git", ["status", "--porcelain", "--", "src", "assets", "examples"], { cwd: root, encoding: "utf8" }).stdout;
if (changed && changed.trim()) console.warn(`Uncommitted changes in src/, assets/ or examples/: the picture shows them.\n${changed}`);

run(npm, ["run", "build"]);
run(process.execPath, [path.join("test", "e2e", "run.js"), "--no-dev-server", `--screenshot=${target}`]);
console.log(`${target} written: commit it if it changed (git diff --stat ${target}).`);
