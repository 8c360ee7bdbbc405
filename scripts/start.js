#!/usr/bin/env node
/*
 * npm start: serves the add-in with webpack dev server on https://localhost:3000 (bound to 127.0.0.1, with the
 * office-addin-dev-certs certificate when it can be installed), then sideloads it into Excel desktop where
 * there is one (Windows, macOS) with office-addin-debugging, run through npx because it cannot be a
 * dependency here (its keytar dependency needs libsecret to build). On Linux sideloading is skipped.
 * It always prints how to open the standalone page. Ctrl-C stops everything it started (and unregisters the
 * sideloaded add-in).
 *
 *   npm start                 serve + sideload into Excel desktop (Windows/macOS)
 *   npm start -- --no-sideload   serve only (Excel on the web, the standalone page)
 */
const { spawn, spawnSync } = require("child_process");
const net = require("net");
const path = require("path");

const root = path.resolve(__dirname, "..");
const PORT = 3000;
const HOST = "127.0.0.1";
const PAGE = `https://localhost:${PORT}/taskpane.html`;
const sideload = !process.argv.includes("--no-sideload") && (process.platform === "win32" || process.platform === "darwin");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const DEBUGGING = "office-addin-debugging@6";

const children = [];
let stopping = false;

function start(command, args, options = {}) {
  // Own process group on POSIX, so that Ctrl-C can end the child and whatever it spawned, by the child's id.
  const child = spawn(command, args, { cwd: root, stdio: "inherit", detached: process.platform !== "win32", shell: process.platform === "win32", ...options });
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

function portOpen() {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, HOST);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitForServer(server) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) return false;
    if (await portOpen()) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function printHowTo() {
  console.log(
    [
      "",
      "fund-check is being served on https://localhost:3000 (bound to 127.0.0.1).",
      `  Standalone page (any browser, no Excel needed): ${PAGE}`,
      "  If the browser warns about the certificate: run `npx office-addin-dev-certs install` once, or accept the warning.",
      "  Excel on the web: Insert > Add-ins > Upload My Add-in, then choose manifest.xml from this folder.",
      "  Ctrl-C stops the server" + (sideload ? " and removes the sideloaded add-in." : "."),
      "",
    ].join("\n")
  );
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (sideload) {
    console.log("Removing the sideloaded add-in…");
    spawnSync(npx, ["--yes", DEBUGGING, "stop", "manifest.xml", "desktop"], { cwd: root, stdio: "inherit", shell: process.platform === "win32", timeout: 60000 });
  }
  for (const child of children) end(child);
  process.exit(code);
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function main() {
  const webpack = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  const server = start(process.execPath, [webpack, "serve", "--mode", "development"], { shell: false });
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`webpack dev server stopped (exit ${code}).`);
      stop(code || 1);
    }
  });
  console.log(`Starting the webpack dev server on https://localhost:${PORT} (the first build takes a minute)…`);
  if (!(await waitForServer(server))) {
    console.error(`The dev server did not open port ${PORT}. Is another process using it?`);
    return stop(1);
  }
  printHowTo();
  if (!sideload) {
    if (process.platform === "linux" && !process.argv.includes("--no-sideload")) {
      console.log("Excel desktop does not exist on Linux: sideloading skipped. Use Excel on the web (above) or the standalone page.");
    }
    return;
  }
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

main().catch((error) => {
  console.error(error);
  stop(1);
});
