#!/usr/bin/env node
/*
 * npm start: serves the add-in with webpack dev server on https://localhost:3000 (bound to 127.0.0.1, with the
 * office-addin-dev-certs certificate when it can be installed), then sideloads it into Excel desktop where
 * there is one (Windows, macOS) with office-addin-debugging, run through npx because it cannot be a
 * dependency here (its keytar dependency needs libsecret to build). On Linux sideloading is skipped.
 * It always prints how to open the standalone page.
 *
 *   npm start                          serve + sideload into Excel desktop (Windows/macOS)
 *   npm start -- --no-sideload         serve only (Excel on the web, the standalone page)
 *   npm start -- --port 3001           another port (or PORT=3001 npm start); sideloading needs 3000, the
 *                                      port manifest.xml points at
 *
 * Stopping: the dev server runs inside this process, so ending this process ends the server. Ctrl-C, SIGTERM and
 * SIGHUP stop it (and unregister the sideloaded add-in); so does the end of npm start (`kill <pid of npm start>`
 * with any signal: npm does not always pass it on), noticed within a second. test/e2e/devServer.js tests it.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const DEFAULT_PORT = 3000;
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const DEBUGGING = "office-addin-debugging@6";

function usage(message) {
  console.error(`${message}\nUsage: npm start [-- --no-sideload] [-- --port N]   (or PORT=N npm start)`);
  process.exit(64);
}

function readPort(argv, env) {
  const i = argv.findIndex((a) => a === "--port" || a.startsWith("--port="));
  const text = i < 0 ? env.PORT : argv[i].startsWith("--port=") ? argv[i].slice("--port=".length) : argv[i + 1];
  if (text === undefined || text === "") return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) usage(`Not a port: "${text}".`);
  return port;
}

const port = readPort(process.argv.slice(2), process.env);
const PAGE = `https://localhost:${port}/taskpane.html`;
const desktop = process.platform === "win32" || process.platform === "darwin";
const sideload = desktop && !process.argv.includes("--no-sideload") && port === DEFAULT_PORT;

const children = [];
let server;
let stopping = false;

function start(command, args) {
  // Own process group on POSIX, so that stop() can end the child and whatever it spawned, by the child's id.
  const child = spawn(command, args, { cwd: root, stdio: "inherit", detached: process.platform !== "win32", shell: process.platform === "win32" });
  children.push(child);
  return child;
}

function end(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === "win32") spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
    else process.kill(-child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

async function stop(code, why) {
  if (stopping) return;
  stopping = true;
  if (why) console.log(`\n${why}: stopping the dev server.`);
  if (sideload) {
    console.log("Removing the sideloaded add-in…");
    spawnSync(npx, ["--yes", DEBUGGING, "stop", "manifest.xml", "desktop"], { cwd: root, stdio: "inherit", shell: process.platform === "win32", timeout: 60000 });
  }
  for (const child of children) end(child);
  // Closing the server ends open connections; exit regardless after 3 s (the port closes with the process).
  if (server) await Promise.race([server.stop().catch(() => {}), new Promise((r) => setTimeout(r, 3000).unref())]);
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0, signal));

/** A process's parent id and command name (POSIX), or undefined once it is gone. */
function processInfo(pid) {
  try {
    if (fs.existsSync("/proc/self/stat")) {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8"); // "pid (comm) state ppid …"; comm may hold spaces
      const close = stat.lastIndexOf(")");
      const [state, ppid] = stat.slice(close + 2).split(" ");
      return state === "Z" ? undefined : { ppid: Number(ppid), name: stat.slice(stat.indexOf("(") + 1, close) };
    }
    const out = spawnSync("ps", ["-o", "ppid=,stat=,comm=", "-p", String(pid)], { encoding: "utf8" }).stdout.trim();
    const match = /^(\d+)\s+(\S+)\s+(.+)$/.exec(out);
    return match && !match[2].startsWith("Z") ? { ppid: Number(match[1]), name: path.basename(match[3]) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * npm passes SIGINT and SIGTERM on to the shell that runs its script, which dies without passing them on (dash does
 * not exec the command); a SIGHUP or SIGKILL of npm reaches neither. So watch the chain up to npm: this process
 * and the shells between it and npm. When one of them loses its parent (it is reparented, or gone), npm start has
 * ended, and so does the server. Checked every second.
 */
function watchParents() {
  if (process.platform === "win32") return;
  const chain = [{ pid: process.pid, ppid: process.ppid }];
  if (process.env.npm_lifecycle_event) {
    for (let pid = process.ppid, i = 0; i < 4; i++) {
      const info = processInfo(pid);
      if (!info || !/^(sh|dash|bash|zsh|ash|busybox)$/.test(info.name)) break;
      chain.push({ pid, ppid: info.ppid });
      pid = info.ppid;
    }
  }
  setInterval(() => {
    const ended = chain.some(({ pid, ppid }) => (pid === process.pid ? process.ppid : (processInfo(pid) || {}).ppid) !== ppid);
    if (ended) stop(0, "npm start has ended");
  }, 1000).unref();
}
watchParents();

function printHowTo(seconds) {
  console.log(
    [
      "",
      `fund-check is being served on https://localhost:${port} (bound to 127.0.0.1); first build took ${seconds} s.`,
      `  Standalone page (any browser, no Excel needed): ${PAGE}`,
      "  If the browser warns about the certificate: run `npx office-addin-dev-certs install` once, or accept the warning.",
      port === DEFAULT_PORT
        ? "  Excel on the web: Insert > Add-ins > Upload My Add-in, then choose manifest.xml from this folder."
        : `  Excel on the web: Insert > Add-ins > Upload My Add-in, with the manifest served at https://localhost:${port}/manifest.xml (manifest.xml points at port ${DEFAULT_PORT}).`,
      "  Saved changes are rebuilt; reload the page to see them.",
      "  Ctrl-C stops the server" + (sideload ? " and removes the sideloaded add-in." : "."),
      "",
    ].join("\n")
  );
}

function sideloadIntoExcel() {
  console.log(`Sideloading into Excel desktop with ${DEBUGGING} (downloaded by npx on first use)…`);
  const load = start(npx, ["--yes", DEBUGGING, "start", "manifest.xml", "desktop", "--no-debug", "--no-live-reload"]);
  load.on("exit", (code) => {
    if (code !== 0 && !stopping) {
      console.error(
        `Sideloading failed (exit ${code}). The server keeps running: open Excel, then Insert > Add-ins > My Add-ins > ` +
          "Shared Folder (Windows, after sharing a folder holding manifest.xml and adding it as a trusted catalog) or copy " +
          "manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef (macOS), and restart Excel."
      );
    }
  });
}

async function main() {
  // In this process (not a child webpack): nothing can outlive npm start.
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = await require(path.join(root, "webpack.config.js"))({ WEBPACK_SERVE: true, port }, { mode: "development" });
  const compiler = webpack(config);
  const began = Date.now();
  let ready = false;
  compiler.hooks.done.tap("fund-check start", (stats) => {
    if (ready || stopping) return;
    ready = true;
    const seconds = ((Date.now() - began) / 1000).toFixed(0);
    // After the dev middleware has printed the build's errors and warnings (it does so on the next tick).
    setImmediate(() => {
      if (stats.hasErrors()) console.error("The first build has errors (above); the page will not work until they are fixed.");
      printHowTo(seconds);
      if (sideload) sideloadIntoExcel();
      else if (desktop && port !== DEFAULT_PORT && !process.argv.includes("--no-sideload")) {
        console.log(`Not sideloading: manifest.xml points at port ${DEFAULT_PORT}, this server is on ${port}.`);
      } else if (process.platform === "linux" && !process.argv.includes("--no-sideload")) {
        console.log("Excel desktop does not exist on Linux: sideloading skipped. Use Excel on the web (above) or the standalone page.");
      }
    });
  });
  // setupExitSignals: false — this script handles the signals (above); the server's own handlers would race it.
  server = new WebpackDevServer({ ...config.devServer, setupExitSignals: false }, compiler);
  console.log(`Starting the webpack dev server on https://localhost:${port}; the first build takes about half a minute…`);
  try {
    await server.start();
  } catch (error) {
    const inUse = error && error.code === "EADDRINUSE";
    console.error(inUse ? `Port ${port} is in use (another npm start?). Stop it, or use another port: npm start -- --port ${port + 1}` : error);
    server = undefined;
    return stop(1);
  }
}

main().catch((error) => {
  console.error(error);
  stop(1);
});
