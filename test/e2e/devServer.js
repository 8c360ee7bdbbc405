/*
 * `npm start` as a user runs it, in Debian chromium: starts `npm start -- --no-sideload` (scripts/start.js: the
 * webpack dev server, development build) on a free port, opens taskpane.html and functions.html with their
 * Content-Security-Policy in force, and fails on any CSP violation, page error or empty page; checks that the
 * custom functions register from the dev-served functions.js (in the page through office.js, and in a JavaScript-
 * only sandbox as Excel desktop runs them); then ends `npm start` with SIGTERM, SIGINT and SIGHUP sent to the npm
 * process alone and checks that the port is closed and no process it started is left.
 *
 * Part of `npm run test:e2e` (test/e2e/run.js); alone: `node test/e2e/devServer.js`. POSIX only (process groups,
 * signals); skipped on Windows.
 */
const fs = require("fs");
const https = require("https");
const net = require("net");
const path = require("path");
const vm = require("vm");
const { spawn, spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..", "..");
const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** The first development build takes 30–60 s on a shared 2-core machine; allow for a busy one. */
const FIRST_BUILD_TIMEOUT_MS = 6 * 60 * 1000;
/** office.js, outside Office, tries to frame Microsoft's telemetry page; the CSP refuses it, as it should. */
const OFFICE_TELEMETRY = /telemetryservice\.firstpartyapps\.oaspapps\.com/;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Every live process (not a zombie) as pid → ppid: from /proc where there is one (ps may not be installed), else ps. */
function processTable() {
  const table = new Map();
  if (fs.existsSync("/proc/self/stat")) {
    for (const name of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8"); // "pid (comm) state ppid …"
        const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (state !== "Z") table.set(Number(name), Number(ppid));
      } catch {
        /* ended meanwhile */
      }
    }
    return table;
  }
  const out = spawnSync("ps", ["-A", "-o", "pid=,ppid=,stat="], { encoding: "utf8" }).stdout;
  for (const line of out.split("\n")) {
    const [pid, ppid, stat] = line.trim().split(/\s+/);
    if (pid && !stat.startsWith("Z")) table.set(Number(pid), Number(ppid));
  }
  return table;
}

/** A process's command line, for messages. */
function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return spawnSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).stdout?.trim() ?? "";
  }
}

/** pid and all its descendants, alive now. */
function processTree(pid) {
  const table = processTable();
  const tree = new Set(table.has(pid) ? [pid] : []);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [child, parent] of table) {
      if (tree.has(parent) && !tree.has(child)) (tree.add(child), (grown = true));
    }
  }
  return [...tree];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `npm start -- --no-sideload` on `port` in its own process group (so that a failed test can end it by its
 * group id). `listening` resolves when the server listens (the first build still running), `ready` when it is built.
 */
function npmStart(port) {
  const child = spawn(npm, ["start", "--", "--no-sideload"], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const waitFor = (pattern, what) => {
    const promise = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ${what} after ${FIRST_BUILD_TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`)), FIRST_BUILD_TIMEOUT_MS);
      const check = () => pattern.test(output) && (clearTimeout(timer), resolve());
      child.stdout.on("data", check);
      child.stderr.on("data", check);
      exited.then(({ code, signal }) => (clearTimeout(timer), reject(new Error(`npm start ended (${signal || code}) before it was ${what}:\n${output.slice(-3000)}`))));
    });
    promise.catch(() => {});
    return promise;
  };
  const listening = waitFor(new RegExp(`https://127\\.0\\.0\\.1:${port}/`), "listening");
  const ready = waitFor(/fund-check is being served on/, "serving");
  const collect = (data) => (output += data.toString());
  child.stdout.prependListener("data", collect);
  child.stderr.prependListener("data", collect);
  return { child, listening, ready, exited, output: () => output };
}

/** After a test: the whole process group by its id (in case the test failed), then wait until it is gone. */
async function endGroup(started, port) {
  try {
    process.kill(-started.child.pid, "SIGKILL");
  } catch {
    /* already gone */
  }
  for (let i = 0; i < 40 && (processTable().has(started.child.pid) || (await portOpen(port))); i++) await sleep(250);
}

/**
 * Sends `signal` to the npm process alone (or, with `group`, to its process group, as Ctrl-C in a terminal does)
 * and checks that npm start ends: npm exits, the port closes and none of the processes npm start started is left.
 */
async function stopsOn(started, port, signal, assert, group = false) {
  const tree = processTree(started.child.pid);
  assert(tree.length >= 2, `npm start's process tree: ${tree.join(", ")}`);
  process.kill(group ? -started.child.pid : started.child.pid, signal);
  const deadline = Date.now() + 15000;
  let left = tree;
  let open = true;
  while (Date.now() < deadline) {
    const alive = processTable();
    left = tree.filter((pid) => alive.has(pid));
    open = await portOpen(port);
    if (left.length === 0 && !open) break;
    await sleep(250);
  }
  const who = group ? `npm's process group` : `npm (pid ${started.child.pid})`;
  const names = left.map((pid) => `${pid} ${commandLine(pid)}`);
  assert(left.length === 0, `after ${signal} to ${who} these are still running:\n${names.join("\n")}`);
  assert(!open, `after ${signal} to ${who}, port ${port} still accepts connections`);
}

function fetchText(port, file) {
  return new Promise((resolve, reject) => {
    https
      .get({ host: "127.0.0.1", port, path: file, rejectUnauthorized: false, headers: { host: `localhost:${port}` } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${file}: HTTP ${res.statusCode}`))));
      })
      .on("error", reject);
  });
}

/** Opens a page of the dev server with a fresh listener for CSP violations, page errors and outbound requests. */
async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to|securitypolicyviolation/i.test(text) && !OFFICE_TELEMETRY.test(text)) problems.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`securitypolicyviolation ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
    );
    try {
      localStorage.setItem("fund-check.lang", "en");
    } catch {}
  });
  await page.goto(url);
  await page.waitForLoadState("load");
  return { page, problems };
}

async function run({ test, assert }) {
  if (process.platform === "win32") {
    console.log("  skip npm start in chromium (POSIX only)");
    return;
  }
  const port = await freePort();
  const origin = `https://localhost:${port}`;
  let started;
  let context;
  let browser;

  await test(`npm start serves the development build on a free port (${port}) and says where`, async () => {
    const began = Date.now();
    started = npmStart(port);
    await started.ready;
    console.log(`       first build ready after ${((Date.now() - began) / 1000).toFixed(0)} s`);
    assert(started.output().includes(`${origin}/taskpane.html`), "the page's address is not printed");
    assert(!/Invalid Host\/Origin header/.test(started.output()), "the dev server logs Invalid Host/Origin header");
  });

  if (started) {
    const { chromium } = require("playwright-core");
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1100, height: 900 } });
    const outbound = [];
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      const office = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/.exec(url.split(/[?#]/)[0]);
      if (office) {
        const file = path.join(officeDist, office[1]);
        if (file.startsWith(officeDist + path.sep) && fs.existsSync(file)) {
          return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
        }
        return route.fulfill({ status: 404, body: "" });
      }
      if (!OFFICE_TELEMETRY.test(url)) outbound.push(url);
      return route.abort();
    });

    await test("npm start: taskpane.html renders under its CSP (no eval), and opens the example from a lazily loaded chunk", async () => {
      const { page, problems } = await openPage(context, `${origin}/taskpane.html`);
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") || "");
      assert(/script-src 'self'/.test(csp) && !/unsafe-eval/.test(csp), `taskpane.html CSP: ${csp}`);
      await page.waitForFunction(() => (document.getElementById("root")?.innerText || "").trim().length > 0, null, { timeout: 30000 }).catch(() => {});
      const text = await page.evaluate(() => (document.getElementById("root")?.innerText || "").trim());
      assert(text.length > 0, `the React root is empty${problems.length ? ":\n" + problems.join("\n") : ""}`);
      await page.getByRole("button", { name: /example|示例/i }).first().click();
      await page.locator("button[data-finding]").first().waitFor({ timeout: 60000 });
      await page.waitForTimeout(1000); // late CSP reports
      assert(problems.length === 0, problems.join("\n"));
      assert(outbound.length === 0, `outbound requests: ${outbound.join(", ")}`);
      await page.close();
    });

    await test("npm start: functions.html loads under its CSP and every custom function registers through office.js", async () => {
      const metadata = JSON.parse(await fetchText(port, "/functions.json"));
      const ids = metadata.functions.map((f) => f.id).sort();
      assert(ids.includes("COMPLETION_RATE"), `functions.json lists ${ids.join(", ")}`);
      const { page, problems } = await openPage(context, `${origin}/functions.html`);
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") || "");
      assert(/script-src 'self'/.test(csp) && !/unsafe-eval/.test(csp), `functions.html CSP: ${csp}`);
      // office.js keeps what CustomFunctions.associate registered in CustomFunctions._association (its own store).
      await page.waitForFunction(() => Object.keys(globalThis.CustomFunctions?._association?.m_mappings || {}).length > 0, null, { timeout: 20000 }).catch(() => {});
      const registered = await page.evaluate(() => {
        const mappings = globalThis.CustomFunctions?._association?.m_mappings;
        if (!mappings) return { error: `office.js has no CustomFunctions._association.m_mappings (CustomFunctions: ${typeof globalThis.CustomFunctions})` };
        const rate = mappings.COMPLETION_RATE ? mappings.COMPLETION_RATE([[806]], [[398]]) : undefined;
        return { ids: Object.keys(mappings).sort(), rate: rate && rate[0][0] };
      });
      assert(problems.length === 0, problems.join("\n"));
      assert(!registered.error, registered.error);
      assert(JSON.stringify(registered.ids) === JSON.stringify(ids), `registered ${registered.ids.join(", ")}; functions.json lists ${ids.join(", ")}`);
      assert(Math.abs(registered.rate - 806 / 398) < 1e-12, `FUND.COMPLETION_RATE(806, 398) gave ${registered.rate}`);
      await page.waitForTimeout(1000); // late CSP reports
      assert(problems.length === 0, problems.join("\n"));
      await page.close();
    });

    await test("npm start: the dev-served functions.js registers every function in a JavaScript-only runtime (no DOM)", async () => {
      const ids = JSON.parse(await fetchText(port, "/functions.json")).functions.map((f) => f.id).sort();
      const code = await fetchText(port, "/functions.js");
      const registered = new Map();
      class FakeError {
        constructor(code, message) {
          Object.assign(this, { code, message });
        }
      }
      const sandbox = { CustomFunctions: { associate: (id, fn) => registered.set(id, fn), Error: FakeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" } } };
      vm.createContext(sandbox);
      vm.runInContext(code, sandbox, { filename: "functions.js (dev server)" });
      assert(JSON.stringify([...registered.keys()].sort()) === JSON.stringify(ids), `registered ${[...registered.keys()].join(", ")}; functions.json lists ${ids.join(", ")}`);
      const [[rate]] = registered.get("COMPLETION_RATE")([[806]], [[398]]);
      assert(Math.abs(rate - 806 / 398) < 1e-12, `COMPLETION_RATE(806, 398) gave ${rate}`);
    });

    await context.close();
    await browser.close();

    await test("kill <pid of npm start> (SIGTERM to npm alone) ends the dev server and every process npm start started", async () => {
      await stopsOn(started, port, "SIGTERM", assert);
    });
  }
  if (started) await endGroup(started, port);

  // Again, while the first build is still running (a stop must not wait for it). SIGHUP and SIGKILL are not passed
  // on by npm. SIGINT goes to the process group, as Ctrl-C sends it: sent to npm alone, npm passes it to its
  // `sh -c`, which (dash) holds it until its command ends, so it never reaches scripts/start.js.
  const cases = [
    ["SIGHUP", false, "SIGHUP to npm alone"],
    ["SIGKILL", false, "SIGKILL to npm alone"],
    ["SIGINT", true, "Ctrl-C (SIGINT to npm's process group)"],
  ];
  for (const [signal, group, what] of cases) {
    await test(`${what}, during the first build, ends npm start and everything it started`, async () => {
      const again = npmStart(port);
      try {
        await again.listening;
        await stopsOn(again, port, signal, assert, group);
      } finally {
        await endGroup(again, port);
      }
    });
  }
}

module.exports = { run };

if (require.main === module) {
  let failed = 0;
  let passed = 0;
  const test = async (name, fn) => {
    const began = Date.now();
    try {
      await fn();
      passed++;
      console.log(`  ok   ${name} (${Date.now() - began} ms)`);
    } catch (error) {
      failed++;
      console.log(`  FAIL ${name}\n       ${String((error && error.stack) || error).split("\n").slice(0, 6).join("\n       ")}`);
    }
  };
  const assert = (condition, message) => {
    if (!condition) throw new Error(message);
  };
  run({ test, assert })
    .catch((error) => (failed++, console.error(error)))
    .then(() => {
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    });
}
