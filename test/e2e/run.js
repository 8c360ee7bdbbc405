#!/usr/bin/env node
/*
 * Browser end-to-end tests of the standalone page (the task pane opened outside Office), in Debian chromium
 * through playwright-core. Builds dist/ when it is missing (or with --build), serves it on 127.0.0.1, answers
 * office.js from node_modules/@microsoft/office-js/dist/, and fails on any other outbound request.
 * Also measures the task pane's initial JavaScript (gzipped) against the 300 KB bar. Then runs `npm start` itself
 * (test/e2e/devServer.js: the development build in chromium, and stopping it), unless --no-dev-server.
 * The screenshot goes to test-results/ (ignored); `npm run screenshot` passes --screenshot=docs/screenshot.png.
 * Prints "N passed, N failed" and exits non-zero on a failure.
 */
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..", "..");
const dist = path.join(root, "dist");
const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const { option, test, assert, finish } = require("./harness");
const screenshotPath = path.resolve(root, option("screenshot") || path.join("test-results", "screenshot.png"));
const INITIAL_JS_LIMIT = 300 * 1024;


/** A zip of text parts (deflated, CRC-32, central directory): enough for the page to read. */
function zipOf(parts) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text);
    const packed = zlib.deflateRawSync(data, { level: 1 });
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(zlib.crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(zlib.crc32(data), 16);
    record.writeUInt32LE(packed.length, 20);
    record.writeUInt32LE(data.length, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt32LE(offset, 42);
    local.push(header, nameBytes, packed);
    central.push(record, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

function build() {
  console.log("== building dist/ (npm run build)");
  const run = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) throw new Error("npm run build failed");
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json",
  ".txt": "text/plain",
};

function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The scripts taskpane.html loads at start (its own chunks, not office.js), gzipped. */
function initialJavaScript() {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  return sources.map((src) => {
    const bytes = fs.readFileSync(path.join(dist, src));
    return { src, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
}

async function main() {
  if (process.argv.includes("--build") || !fs.existsSync(path.join(dist, "taskpane.html"))) build();
  if (!fs.existsSync(chromiumPath)) {
    finish(`chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const { chromium } = require("playwright-core");
  const server = await serve(dist);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1100, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    // For docs/screenshot.png, fontconfig's language set to Chinese: the sheet's Chinese text then takes the
    // Simplified Chinese glyphs of Noto Sans CJK (the page is lang="en"; otherwise its Japanese face is used).
    ...(option("screenshot") ? { env: { ...process.env, FC_LANG: "zh-cn" } } : {}),
  });

  const outbound = [];
  const requested = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    requested.push(url);
    if (url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    const office = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/.exec(url.split(/[?#]/)[0]);
    if (office) {
      const file = path.join(officeDist, office[1]);
      if (file.startsWith(officeDist + path.sep) && fs.existsSync(file)) {
        return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] || "text/javascript", body: fs.readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: "" });
    }
    outbound.push(url);
    return route.abort();
  });

  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load (CSP) ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    try {
      localStorage.setItem("fund-check.lang", "en");
    } catch {}
  });

  const finding = (text) => page.locator("button[data-finding]").filter({ hasText: text });

  await test("the task pane's initial JavaScript is at most 300 KB gzipped (office.js excluded)", async () => {
    const scripts = initialJavaScript();
    const total = scripts.reduce((n, s) => n + s.gzip, 0);
    for (const s of scripts) console.log(`       ${s.src}: ${(s.raw / 1024).toFixed(1)} KB, ${(s.gzip / 1024).toFixed(1)} KB gzipped`);
    console.log(`       initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (limit 300 KB)`);
    assert(scripts.length > 0, "taskpane.html loads no script of its own");
    assert(total <= INITIAL_JS_LIMIT, `initial JavaScript is ${(total / 1024).toFixed(1)} KB gzipped`);
  });

  await test("outside Office the page opens as the standalone page, without loading the workbook reader", async () => {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("heading", { name: "Fund Check — standalone page" }).waitFor({ timeout: 20000 });
    const scripts = requested.filter((u) => u.startsWith(origin) && u.endsWith(".js")).map((u) => u.slice(origin.length + 1));
    assert(requested.some((u) => u.endsWith("/hosted/office.js")), "office.js was not requested");
    assert(scripts.length === 1 && scripts[0] === "taskpane.js", `scripts before opening a file: ${scripts.join(", ")}`);
  });

  await test("the bundled example shows the work-injury finding (the stated 131% where the figures give 202.5%)", async () => {
    await page.getByRole("button", { name: "Try the example (且末县 2019)" }).click();
    const item = finding("工伤").filter({ hasText: "131%" }).filter({ hasText: "202.5%" });
    await item.first().waitFor({ timeout: 30000 });
    const text = await item.first().innerText();
    assert(/Observed: 131%/.test(text) && /Expected: 202\.5%/.test(text), `finding reads: ${text}`);
    const summary = await page.locator("[data-summary]").innerText();
    assert(/^[1-9]\d* errors/.test(summary), `summary: ${summary}`);
    const loaded = requested.filter((u) => u.startsWith(origin) && u.endsWith(".js") && !u.endsWith("/taskpane.js"));
    const gzOf = (urls) => urls.map((u) => zlib.gzipSync(fs.readFileSync(path.join(dist, new URL(u).pathname))).length).reduce((a, b) => a + b, 0);
    // What opening a file loads on demand: the page's own code (no ExcelJS) and the Web Worker that reads and
    // checks the file off the page's thread (the .xlsx reader of src/xlsx/ and the checks, a copy of the core).
    const chunks = loaded.filter((u) => !u.endsWith("/workbookWorker.js"));
    const worker = loaded.filter((u) => u.endsWith("/workbookWorker.js"));
    assert(chunks.length >= 1, "the page's standalone chunk was never loaded");
    assert(worker.length === 1, "the file was not read in the Web Worker");
    const gz = gzOf(chunks);
    const workerGz = gzOf(worker);
    console.log(`       loaded on opening a file: ${chunks.map((u) => new URL(u).pathname.slice(1)).join(", ")}: ${(gz / 1024).toFixed(1)} KB gzipped; the worker ${(workerGz / 1024).toFixed(1)} KB gzipped`);
    assert(gz <= 100 * 1024, `opening a file loads ${(gz / 1024).toFixed(1)} KB gzipped in the page`);
    assert(workerGz <= 120 * 1024, `the worker is ${(workerGz / 1024).toFixed(1)} KB gzipped`);
  });

  await test("clicking a finding shows and marks its cell in the sheet view", async () => {
    const item = finding("工伤").filter({ hasText: "131%" }).filter({ hasText: "202.5%" }).first();
    const where = (await item.locator("span").nth(1).innerText()).trim(); // "Sheet!D8"
    const cell = where.slice(where.lastIndexOf("!") + 1);
    await item.click();
    const marked = page.locator('td[aria-selected="true"]');
    await marked.waitFor({ timeout: 10000 });
    assert((await marked.count()) === 1, "not exactly one marked cell");
    assert((await marked.getAttribute("data-cell")) === cell, `marked ${await marked.getAttribute("data-cell")}, finding points at ${cell}`);
    assert((await marked.innerText()).includes("131"), `marked cell shows "${await marked.innerText()}"`);
    assert(await marked.isVisible(), "marked cell is not scrolled into view");
    fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: false });
  });

  await test("at task-pane width (350 px) clicking a finding brings its cell into view, beside the frozen fund column", async () => {
    await page.setViewportSize({ width: 350, height: 700 });
    try {
      await page.evaluate(() => window.scrollTo(0, 0));
      const item = finding("工伤").filter({ hasText: "131%" }).filter({ hasText: "202.5%" }).first();
      await item.click();
      const marked = page.locator('td[aria-selected="true"]');
      await marked.waitFor({ timeout: 10000 });
      await page.waitForTimeout(300);
      const seen = await marked.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const x = Math.min(window.innerWidth - 1, Math.max(0, r.left + r.width / 2));
        const y = Math.min(window.innerHeight - 1, Math.max(0, r.top + r.height / 2));
        const hit = document.elementFromPoint(x, y);
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: window.innerWidth, h: window.innerHeight, hit: hit === el || el.contains(hit), on: hit && (hit.tagName + " " + (hit.textContent || "").slice(0, 20)), pageWidth: document.documentElement.scrollWidth };
      });
      assert(seen.top >= 0 && seen.bottom <= seen.h && seen.left >= 0 && seen.right <= seen.w && seen.hit, `marked cell is not in view: ${JSON.stringify(seen)}`);
      assert(seen.pageWidth <= 352, `the page is ${seen.pageWidth} px wide at 350 px`);
      const fund = await page.locator("[data-grid-scroll] td").filter({ hasText: "工伤保险" }).first().evaluate((el) => getComputedStyle(el).position);
      assert(fund === "sticky", `the fund column is not frozen (position ${fund})`);
      // Always among the test results (npm run screenshot points screenshotPath into docs/, which holds only the page's).
      fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
      await page.screenshot({ path: path.join(root, "test-results", "pane-350.png") });
    } finally {
      await page.setViewportSize({ width: 1100, height: 900 });
    }
  });

  await test("the language switch turns the page and the findings into Chinese and back", async () => {
    await page.getByTestId("language").click();
    await page.getByRole("tab", { name: "目标值" }).waitFor({ timeout: 5000 });
    await page.getByRole("heading", { name: "社保基金绩效校验 — 独立页面" }).waitFor();
    const summary = await page.locator("[data-summary]").innerText();
    assert(/^错误 \d+ 项/.test(summary), `summary: ${summary}`);
    assert((await finding("填报").count()) > 0, "no finding message in Chinese");
    await page.getByTestId("language").click();
    await page.getByRole("tab", { name: "Targets" }).waitFor({ timeout: 5000 });
  });

  await test("the CSV report downloads, with the finding and formula-like text neutralised", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (CSV)" }).click()]);
    const text = fs.readFileSync(await download.path(), "utf8");
    assert(text.charCodeAt(0) === 0xfeff, "no BOM");
    assert(text.includes("工伤保险") && text.includes("202.5%"), "the work-injury finding is missing from the CSV");
    assert(!/(^|,)[=+@]/m.test(text.replace(/^\uFEFF/, "")), "a field starts with a formula character");
  });

  await test("Draft report text: each fund's paragraph previewed in either language, and downloaded as .docx", async () => {
    await page.getByRole("tab", { name: "Draft report text" }).click();
    const view = page.getByTestId("draft-view");
    await view.getByRole("button", { name: "Draft", exact: true }).click();
    await view.getByText(/^Work injury insurance: budgeted expenditure 3\.98 million yuan, actual expenditure 8\.06 million yuan, 202\.5% of the budget/).waitFor({ timeout: 20000 });
    await view.getByRole("radio", { name: "中文" }).check();
    const zh = view.getByText(/^工伤保险预算支出398万元，实际支出806万元，完成预算的202\.5%/);
    await zh.waitFor({ timeout: 20000 });
    assert((await zh.evaluate((el) => el.closest("[lang]").getAttribute("lang"))) === "zh-CN", "the Chinese draft is not marked lang=zh-CN");
    const [download] = await Promise.all([page.waitForEvent("download"), view.getByRole("button", { name: "Download (.docx)" }).click()]);
    assert(download.suggestedFilename() === "qiemo-2019-draft.docx", `download named ${download.suggestedFilename()}`);
    const bytes = fs.readFileSync(await download.path());
    assert(bytes.subarray(0, 2).toString() === "PK" && bytes.length > 2000, `the .docx is ${bytes.length} bytes`);
    await page.getByRole("tab", { name: "Check", exact: true }).click();
  });

  await test("a file that cannot be read after a good one: its error, and nothing of the last workbook left on screen", async () => {
    assert((await page.locator("button[data-finding]").count()) > 0, "no findings of the example to begin with");
    await page.getByTestId("file-name").filter({ hasText: "qiemo-2019.xlsx (the example)" }).waitFor({ timeout: 5000 });
    const input = page.locator('input[type="file"][accept^=".xlsx"]');
    await input.setInputFiles({ name: "figures.csv", mimeType: "text/csv", buffer: Buffer.from("险种,预算,支出\n工伤保险,398,806\n") });
    await page.getByText(/figures\.csv could not be read: .*Save As › Excel Workbook \(\*\.xlsx\)/).waitFor({ timeout: 15000 });
    assert((await page.locator("button[data-finding]").count()) === 0, "the example's findings are still shown");
    assert((await page.locator("[data-summary]").count()) === 0, "the example's summary is still shown");
    assert((await page.locator("[data-grid]").count()) === 0, "the example's sheet is still shown");
    const name = await page.getByTestId("file-name").innerText();
    assert(name === "No file open", `the file control reads "${name}"`);
  });

  await test("a file chosen in the file picker, and a file dropped on the page, are checked", async () => {
    const example = path.join(dist, "examples", "qiemo-2019.xlsx");
    const copy = path.join(os.tmpdir(), "picked-qiemo.xlsx");
    fs.copyFileSync(example, copy);
    await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(copy);
    await page.getByTestId("file-name").filter({ hasText: "picked-qiemo.xlsx" }).waitFor({ timeout: 30000 });
    await finding("202.5%").first().waitFor({ timeout: 30000 });
    const bytes = [...fs.readFileSync(example)];
    await page.evaluate((data) => {
      const file = new File([new Uint8Array(data)], "dropped.xlsx");
      const transfer = new DataTransfer();
      transfer.items.add(file);
      document.querySelector('[data-testid="dropzone"]').dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await page.getByTestId("file-name").filter({ hasText: "dropped.xlsx" }).waitFor({ timeout: 30000 });
    await finding("202.5%").first().waitFor({ timeout: 30000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (HTML)" }).click()]);
    assert(download.suggestedFilename() === "dropped-report.html", `download named ${download.suggestedFilename()}`);
  });

  await test("a sheet of the user's named 校验报告 is checked, and stored settings that turn a rule off are named above the findings", async () => {
    const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const number = (ref, value) => `<c r="${ref}"><v>${value}</v></c>`;
    const sheet = (rows) => `<worksheet><sheetData>${rows.map((cells, i) => `<row r="${i + 1}">${cells.join("")}</row>`).join("")}</sheetData></worksheet>`;
    const bytes = zipOf({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml":
        '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        '<sheet name="校验报告" sheetId="1" r:id="r1"/><sheet name="fund-check设置" sheetId="2" state="veryHidden" r:id="r2"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": sheet([
        [inline("A1", "基金名称"), inline("B1", "预算数"), inline("C1", "执行数"), inline("D1", "完成率")],
        [inline("A2", "工伤保险"), number("B2", 398), number("C2", 806), inline("D2", "131%")],
      ]),
      "xl/worksheets/sheet2.xml": sheet([
        [inline("A1", "fund-check settings"), inline("B1", "1")],
        [inline("A2", "targets"), inline("B2", '{"severity":{"completion-band":"off"}}')],
      ]),
    });
    await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles({ name: "own-sheets.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await page.getByTestId("file-name").filter({ hasText: "own-sheets.xlsx" }).waitFor({ timeout: 30000 });
    await page.locator('[data-finding="stated-rate-mismatch@校验报告!D2"]').waitFor({ timeout: 30000 });
    assert((await page.locator('[data-finding^="completion-band@"]').count()) === 0, "completion-band was reported though the stored settings turn it off");
    await page.getByText("Settings stored in this workbook change the checks: rule completion-band off").waitFor({ timeout: 10000 });
    await page.getByText('Not checked, the add-in\'s own sheets: "fund-check设置" (settings)').waitFor({ timeout: 10000 });
  });

  await test("report text pasted into the report view: the 工伤 finding at its line, quoting its sentence; the figures table and CSV", async () => {
    const seed = fs.readFileSync(path.join(root, "test", "fixtures", "qiemo-2019-report.txt"), "utf8");
    await page.getByRole("tab", { name: "Check report text" }).click();
    const view = page.getByTestId("report-view");
    const area = view.getByLabel("Report text");
    await area.fill(seed);
    await view.getByRole("button", { name: "Check text" }).click();
    const item = view.locator('button[data-finding^="stated-rate-mismatch@"]').filter({ hasText: "工伤保险" }).filter({ hasText: "Expected: 202.5%" });
    await item.first().waitFor({ timeout: 20000 });
    const text = await item.first().innerText();
    assert(/line 35/.test(text) && /Observed: 131%/.test(text) && /工伤保险基金支出806万元/.test(text), `finding reads: ${text}`);
    const row = await view.getByTestId("report-figures").locator("tr").filter({ hasText: "工伤保险" }).first().innerText();
    assert(/398\s+806\s+131%\s+307\s+62%/.test(row), `figures row reads: ${row}`);
    assert(requested.some((u) => /\/report\.[0-9a-f]{8}\.js$/.test(u)), "the report reader chunk was not loaded on demand");
    await item.first().click();
    const selection = await area.evaluate((el) => ({ text: el.value.slice(el.selectionStart, el.selectionEnd), scrollTop: el.scrollTop, focused: document.activeElement === el }));
    assert(selection.focused && selection.text.startsWith("2019年工伤保险预算基金支出398万元"), `selected: ${JSON.stringify(selection)}`);
    assert(selection.scrollTop > 0, "the text was not scrolled to line 35");
    const [download] = await Promise.all([page.waitForEvent("download"), view.getByRole("button", { name: "Download figures (CSV)" }).click()]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    assert(csv.includes("工伤保险,35,398,806,131%,307,62%"), "the work-injury figures are missing from the CSV");
  });

  await test("a hostile file is refused in the page with a clear message, before anything is inflated", async () => {
    // The example with its sheet entries claiming 2 GiB each in the zip's central directory (a zip bomb).
    const bomb = Buffer.from(fs.readFileSync(path.join(root, "examples", "qiemo-2019.xlsx")));
    let eocd = bomb.length - 22;
    while (bomb.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    for (let i = 0, p = bomb.readUInt32LE(eocd + 16); i < bomb.readUInt16LE(eocd + 10); i++) {
      const nameLength = bomb.readUInt16LE(p + 28);
      if (/worksheets\/sheet\d+\.xml$/.test(bomb.toString("utf8", p + 46, p + 46 + nameLength))) bomb.writeUInt32LE(0x7fffffff, p + 24);
      p += 46 + nameLength + bomb.readUInt16LE(p + 30) + bomb.readUInt16LE(p + 32);
    }
    const input = page.locator('input[type="file"][accept*=".xlsx"]').first();
    await input.setInputFiles({ name: "bomb.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bomb });
    const message = page.getByText(/bomb\.xlsx could not be read: uncompressed size 2048 MiB .* exceeds the 768 MiB limit, refused \(zip bomb guard\)|无法读取 bomb\.xlsx：解压后大小 2048 MiB.*超过上限 768 MiB，不予处理/);
    await message.waitFor({ timeout: 15000 });
    await input.setInputFiles({ name: "notes.xlsx", mimeType: "text/plain", buffer: Buffer.from("not a workbook") });
    await page.getByText(/notes\.xlsx could not be read: not an \.xlsx workbook \(not a zip file\)|无法读取 notes\.xlsx：不是 \.xlsx 工作簿/).waitFor({ timeout: 15000 });
  });

  await test("the page applies the CLI's limits: a zip entry lying about its size and a sheet past 500,000 rows are refused", async () => {
    const input = page.locator('input[type="file"][accept*=".xlsx"]').first();
    // The example whose sheet entries claim 10 bytes (directory and local headers alike): only inflating tells.
    const liar = Buffer.from(fs.readFileSync(path.join(root, "examples", "qiemo-2019.xlsx")));
    let eocd = liar.length - 22;
    while (liar.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    for (let i = 0, p = liar.readUInt32LE(eocd + 16); i < liar.readUInt16LE(eocd + 10); i++) {
      const nameLength = liar.readUInt16LE(p + 28);
      if (/worksheets\/sheet1\.xml$/.test(liar.toString("utf8", p + 46, p + 46 + nameLength))) {
        liar.writeUInt32LE(10, p + 24);
        liar.writeUInt32LE(10, liar.readUInt32LE(p + 42) + 22);
      }
      p += 46 + nameLength + liar.readUInt16LE(p + 30) + liar.readUInt16LE(p + 32);
    }
    await input.setInputFiles({ name: "liar.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: liar });
    await page.getByText(/liar\.xlsx could not be read: zip entry xl\/worksheets\/sheet1\.xml inflates beyond its declared size/).waitFor({ timeout: 15000 });
    // 600,000 rows of one number each: refused at row 500,001, not read to the end.
    const rows = [];
    for (let r = 1; r <= 600000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const big = zipOf({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml": '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="big" sheetId="1" r:id="r1"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`,
    });
    await input.setInputFiles({ name: "big.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: big });
    await page.getByText(/big\.xlsx could not be read: sheet "big" has more than 500,000 rows of data, refused/).waitFor({ timeout: 60000 });
  });

  await test("a large file is read off the page's thread: progress is shown, the page stays responsive, Cancel stops it", async () => {
    // 450,000 rows × 4 cells: within the CLI's limits, large enough to take seconds to read.
    const rows = [];
    for (let r = 1; r <= 450000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>项目${r % 97}</t></is></c><c r="B${r}"><v>${r}</v></c><c r="C${r}"><v>${r * 2}</v></c><c r="D${r}"><v>0.${r % 10}</v></c></row>`);
    const big = zipOf({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml": '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="large" sheetId="1" r:id="r1"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`,
    });
    await page.getByRole("tab", { name: "Check", exact: true }).click();
    const input = page.locator('input[type="file"][accept^=".xlsx"]');
    const file = { name: "large.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: big };

    // Read to the end once: how long it takes, and how long the page's thread is ever blocked meanwhile.
    const started = Date.now();
    await input.setInputFiles(file);
    await page.locator("[data-reading]").waitFor({ timeout: 10000 });
    let worst = 0;
    while ((await page.locator("[data-summary], [data-notice=file]").count()) === 0 && Date.now() - started < 120000) {
      const t0 = Date.now();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
      worst = Math.max(worst, Date.now() - t0);
      await page.waitForTimeout(100);
    }
    const summary = await page.locator("[data-summary], [data-notice=file]").first().innerText();
    console.log(`       ${(big.length / 1024 / 1024).toFixed(1)} MB, 450,000 rows: read and checked in ${((Date.now() - started) / 1000).toFixed(1)} s; the page's longest frame meanwhile ${worst} ms`);
    assert(/^0 errors/.test(summary), `summary: ${summary}`);
    assert(worst < 1000, `the page was blocked for ${worst} ms while reading`);

    // Again, cancelled while it reads: the page says so and holds no workbook.
    await input.setInputFiles({ ...file, name: "large-again.xlsx" });
    const reading = page.locator("[data-reading]");
    await reading.waitFor({ timeout: 10000 });
    await page.waitForFunction(() => /Reading large-again\.xlsx: [1-9]\d*%/.test(document.querySelector("[data-reading]")?.textContent || ""), null, { timeout: 30000 });
    await reading.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Reading large-again.xlsx was cancelled; no file is open.").waitFor({ timeout: 5000 });
    assert((await reading.count()) === 0, "the progress is still shown after Cancel");
    assert((await page.locator("[data-summary]").count()) === 0, "a result is shown after Cancel");
    assert((await page.getByTestId("file-name").innerText()) === "No file open", "the file control still names a file");
  });

  await test("the custom functions' page loads under its CSP with nothing but office.js from outside", async () => {
    const before = requested.length;
    await page.goto(`${origin}/functions.html`);
    await page.waitForLoadState("load");
    await page.waitForTimeout(1000);
    const mine = requested.slice(before);
    assert(mine.some((u) => u.endsWith("/hosted/office.js")), "office.js was not requested by functions.html");
    assert(mine.some((u) => /\/functions\.js$/.test(u)), "functions.js was not requested");
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") || "");
    assert(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/.test(csp), `functions.html CSP: ${csp}`);
  });

  await test("the CLI's HTML report reads on a phone: at 420 px nothing overflows sideways, findings grouped by severity", async () => {
    const bin = path.join(root, "bin", "fund-check.js");
    const files = [path.join(root, "examples", "qiemo-2019.xlsx"), path.join(root, "test", "fixtures", "qiemo-2019-report.txt")];
    for (const lang of ["zh", "en"]) {
      const r = spawnSync(process.execPath, [bin, "--format", "html", "--lang", lang, ...files], { encoding: "utf8" });
      assert(r.status === 2 && r.stderr === "", `fund-check exited ${r.status}: ${r.stderr}`);
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 420, height: 800 });
      await phone.setContent(r.stdout);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 420, `${lang}: the page is ${width} px wide at 420 px`);
      const groups = await phone.evaluate(() => [...document.querySelectorAll("h4")].map((h) => h.textContent));
      assert(groups[0] === (lang === "zh" ? "错误 (4)" : "Errors (4)"), `${lang}: severity groups ${groups.join(", ")}`);
      // a severity word never wraps one character per line: each finding's cell is at least as wide as its text
      const narrow = await phone.evaluate(() => [...document.querySelectorAll("table.findings td")].filter((td) => td.getBoundingClientRect().width < 60 && td.textContent.length > 1).length);
      assert(narrow === 0, `${lang}: ${narrow} finding cells narrower than 60 px`);
      await phone.close();
    }
  });

  await test("no request left the machine and the Content-Security-Policy blocked nothing of ours", async () => {
    assert(outbound.length === 0, `outbound requests: ${outbound.join(", ")}`);
    // office.js, outside Office, tries to frame Microsoft's telemetry page; the CSP refuses it, as it should.
    const ours = problems.filter((p) => !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(p));
    assert(ours.length === 0, ours.join("\n"));
  });

  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });

  if (!process.argv.includes("--no-dev-server")) await require("./devServer").run({ test, assert });
  finish();
}

main().catch((error) => finish(error));
