#!/usr/bin/env node
/*
 * The matrix page (`fund-check --matrix --format html`) in Debian chromium through playwright-core: built from the
 * corpus's prefecture set (test/corpus/cases/p15-prefecture.ts) plus a file whose name is markup, by the compiled
 * CLI (lib/). Checks the band colours, that a cell's link leads to its findings, that nothing is loaded or run
 * (no script error, no request), that names are escaped, and that the page reads at phone width.
 * Then the standalone page (dist/, built when missing): the same files chosen at once in its file picker give the
 * same matrix, and a click on a cell shows the county's findings and its sheet.
 * `--screenshot=docs/matrix.png` (npm run screenshot:matrix) writes the README's picture; otherwise it goes to
 * test-results/matrix.png. Prints "N passed, N failed" and exits non-zero on a failure.
 */
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..", "..");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const { option, test, assert, finish } = require("./harness");
const screenshotPath = path.resolve(root, option("screenshot") || path.join("test-results", "matrix.png"));


function run(command, args, cwd = root) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, LANG: "zh_CN.UTF-8" } });
  return r;
}

async function main() {
  if (!fs.existsSync(chromiumPath)) {
    finish(`chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-matrix-e2e-"));
  const tsc = run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"]);
  if (tsc.status !== 0) throw new Error(`tsc: ${tsc.stdout}${tsc.stderr}`);
  const build = run(process.execPath, [path.join(root, "node_modules", "ts-node", "dist", "bin.js"), "-P", "tsconfig.jest.json", "test/corpus/run.ts", "--build-only", "--only", "p15", "--out", dir]);
  if (build.status !== 0) throw new Error(`corpus build: ${build.stdout}${build.stderr}`);
  const set = path.join(dir, "p15-bazhou");
  const files = fs.readdirSync(set).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(set, f));
  // A county named by markup (a copy of the truncated file, so its county is its file name).
  const hostile = path.join(set, `<img src=x onerror="document.title='pwned'">县.xlsx`);
  fs.copyFileSync(path.join(set, "和硕县.xlsx"), hostile);
  const out = path.join(dir, "matrix.html");
  const cli = run(process.execPath, [path.join(root, "bin", "fund-check.js"), "--matrix", "--format", "html", "--out", out, ...files, hostile]);
  if (cli.status !== 3) throw new Error(`fund-check --matrix exited ${cli.status}: ${cli.stderr}`);
  // The README's picture: the set as it is, without the markup-named file.
  const clean = path.join(dir, "matrix-clean.html");
  run(process.execPath, [path.join(root, "bin", "fund-check.js"), "--matrix", "--format", "html", "--out", clean, ...files.map((f) => path.relative(dir, f))], dir);

  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    ...(option("screenshot") ? { env: { ...process.env, FC_LANG: "zh-cn" } } : {}),
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const requests = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.goto("file://" + out);

  await test("cells are coloured by band and findings: 且末县 工伤保险 (202.5%) red, 且末县 企业职工 (in band, stated rate wrong) red, 轮台县 城乡居民 (92.4%) amber, 若羌县 green, 和硕县 unreadable, 博湖县 失业保险 missing", async () => {
    const bg = (county, fund) => page.locator(`tr[data-county="${county}"] td[data-fund="${fund}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert((await bg("且末县", "工伤保险")) === "rgb(249, 208, 211)", `且末县 工伤: ${await bg("且末县", "工伤保险")}`);
    assert((await bg("且末县", "企业职工基本养老保险")) === "rgb(249, 208, 211)", "且末县 企业职工 (an error behind a rate in band) is not red");
    assert((await bg("轮台县", "城乡居民基本养老保险")) === "rgb(255, 241, 194)", "轮台县 城乡居民 is not amber");
    assert((await bg("若羌县", "工伤保险")) === "rgb(223, 243, 228)", "若羌县 工伤 is not green");
    const unreadable = page.locator('tr[data-county="和硕县"] td.unreadable');
    assert((await unreadable.count()) === 5, "和硕县 should show five unreadable cells");
    assert((await unreadable.first().evaluate((el) => getComputedStyle(el).backgroundColor)) === "rgb(90, 90, 90)", "unreadable cells are not dark");
    assert((await page.locator('tr[data-county="博湖县"] td.absent').innerText()) === "缺少", "博湖县 失业保险 is not shown as missing");
  });

  await test("a cell's link leads to its findings: 且末县 工伤保险 → the stated 131%", async () => {
    await page.locator('tr[data-county="且末县"] td[data-fund="工伤保险"] a').click();
    const hash = await page.evaluate(() => location.hash);
    assert(hash === "#cell-0-3", `hash ${hash}`);
    const list = await page.locator("#cell-0-3 + ul").innerText();
    assert(/填报的完成率为131%/.test(list) && /支出情况!D7/.test(list), `findings read: ${list}`);
    const box = await page.locator("#cell-0-3").boundingBox();
    assert(box && box.y > -box.height && box.y < 760, `the findings are not scrolled into view (${JSON.stringify(box)})`);
  });

  await test("the cross-file mismatch names both places", async () => {
    const text = await page.locator("#consistency + ul").innerText();
    assert(/支出汇总!I6 若羌县 工伤保险 执行数 806；若羌县\.xlsx 支出情况!C7 为 608/.test(text), `reads: ${text}`);
  });

  await test("names are escaped: the markup file name is text, no element made of it, nothing ran", async () => {
    assert((await page.locator("img").count()) === 0, "an <img> was made from a file name");
    assert((await page.title()) !== "pwned", "the file name's script ran");
    const row = page.locator("tbody tr").filter({ hasText: "<img src=x" });
    assert((await row.count()) === 1, "the county named by markup is not shown as text");
  });

  await test("no script error and no request left the page", async () => {
    assert(problems.length === 0, problems.join("; "));
    assert(requests.length === 0, `requests: ${requests.join(", ")}`);
    assert((await page.locator("script").count()) === 0, "the page has a script");
  });


  await test("at phone width (375 px) the page does not overflow: the table scrolls inside its box, the county column stays", async () => {
    await page.setViewportSize({ width: 375, height: 700 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const box = await page.locator(".scroll").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert(box.scroll > box.client, "the matrix does not scroll in its box");
    await page.locator(".scroll").evaluate((el) => (el.scrollLeft = 400));
    const first = await page.locator('tr[data-county="且末县"] th').boundingBox();
    assert(first && first.x < 20, `the county column moved away (x = ${first && first.x})`);
  });

  await test("screenshot of the set without the markup-named file", async () => {
    const shot = await context.newPage();
    await shot.setViewportSize({ width: 1100, height: 800 });
    await shot.goto("file://" + clean);
    fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
    const height = await shot.locator("#consistency + ul").evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom + 12));
    await shot.screenshot({ path: screenshotPath, clip: { x: 0, y: 0, width: 1100, height: Math.min(height, 800) } });
  });

  await test("the standalone page: several files chosen at once give the matrix; a cell shows its findings and sheet", async () => {
    const dist = path.join(root, "dist");
    if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
      const built = run(process.execPath, [path.join(root, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"]);
      if (built.status !== 0) throw new Error(`webpack: ${built.stderr}`);
    }
    const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
    const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".css": "text/css", ".png": "image/png", ".xlsx": "application/octet-stream", ".xml": "application/xml" };
    const server = http.createServer((req, res) => {
      const file = path.join(dist, decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname));
      if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    const origin = `http://127.0.0.1:${server.address().port}`;
    const pageContext = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await pageContext.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + "/")) return route.continue();
      const office = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/.exec(url.split(/[?#]/)[0]);
      if (office) {
        const file = path.join(officeDist, office[1]);
        if (file.startsWith(officeDist + path.sep) && fs.existsSync(file)) return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
      }
      return route.abort();
    });
    const p = await pageContext.newPage();
    const errors = [];
    p.on("pageerror", (e) => errors.push(e.message));
    try {
      await p.addInitScript(() => {
        try {
          localStorage.setItem("fund-check.lang", "zh");
        } catch {}
      });
      await p.goto(`${origin}/taskpane.html`);
      await p.locator('input[type="file"][multiple]').setInputFiles(files);
      const matrix = p.locator('[data-testid="matrix"]');
      await matrix.waitFor({ timeout: 30000 });
      const work = matrix.locator('tr[data-county="且末县"] td[data-fund="工伤保险"]');
      assert((await work.getAttribute("data-status")) === "error", "且末县 工伤 is not an error");
      assert((await matrix.locator('tr[data-county="和硕县"]').innerText()).includes("无法读取"), "和硕县 is not unreadable");
      assert((await p.locator('[data-testid="consistency"]').innerText()).includes("若羌县.xlsx 支出情况!C7 为 608"), "the mismatch is not shown");
      await work.locator("button").click();
      const detail = p.locator('[data-testid="matrix-detail"]');
      await detail.waitFor();
      assert((await detail.innerText()).includes("填报的完成率为131%"), "the cell's findings are not shown");
      assert((await detail.locator('td[aria-selected="true"]').getAttribute("data-cell")) === "C7", "the cell is not marked in the sheet");
      assert(errors.length === 0, errors.join("; "));
    } finally {
      await pageContext.close();
      server.close();
    }
  });

  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
  finish();
}

main().catch((error) => finish(error));
