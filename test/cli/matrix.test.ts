/**
 * `fund-check --matrix` on the corpus's prefecture set (test/corpus/cases/p15-prefecture.ts), as users run it:
 * the compiled command (lib/), whose batches go through the worker pool. JSON, CSV, HTML and text; exit codes as
 * for a plain run; a plain batch through the pool keeps the input order.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { PREFECTURE } from "../corpus/cases/p15-prefecture";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "fund-check.js");
let dir: string;
let files: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-matrix-"));
  files = [];
  for (const c of PREFECTURE.files) {
    const file = path.join(dir, path.basename(c.file));
    fs.writeFileSync(file, await c.build());
    files.push(file);
  }
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fundCheck(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { PATH: process.env.PATH, LANG: "zh_CN.UTF-8" }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("JSON: the hand-computed matrix, the one cross-file mismatch, the unreadable county; exit 3 (an input could not be read)", () => {
  const r = fundCheck(["--matrix", "--format", "json", ...files]);
  expect(r.code).toBe(3);
  expect(r.stderr).toBe(`fund-check: ${path.join(dir, "和硕县.xlsx")}: 文件不完整（被截断或已损坏）\n`);
  const m = JSON.parse(r.stdout);
  expect(m.funds).toEqual(PREFECTURE.matrix.funds);
  expect(m.counties.map((c: { name: string }) => c.name)).toEqual(["且末县", "若羌县", "轮台县", "尉犁县", "和静县", "和硕县", "博湖县"]);
  const ruoqiang = m.counties[1];
  expect(ruoqiang.funds["工伤保险"]).toMatchObject({ completion: 608 / 620, band: "ok", errors: 0, sheet: "支出情况", cell: "C7" });
  expect(m.counties[5]).toMatchObject({ name: "和硕县", unreadable: "文件不完整（被截断或已损坏）", status: "unreadable", funds: {} });
  expect(m.counties[6]).toMatchObject({ name: "博湖县", missing: ["失业保险"], status: "missing" });
  expect(m.consistency).toHaveLength(1);
  expect(m.consistency[0]).toMatchObject({ rule: "cross-file-mismatch", severity: "error", sheet: "支出汇总", cell: "I6", observed: "806", expected: "608", related: ["[若羌县.xlsx]支出情况!C7"] });
  expect(m.consistency[0].message.zh).toBe("汇总表 巴州汇总.xlsx 支出汇总!I6 若羌县 工伤保险 执行数 806；若羌县.xlsx 支出情况!C7 为 608");
  expect(m.notes.map((n: { en: string }) => n.en).join("\n")).toContain("和硕县's workbook could not be read");
  // The same matrix whatever the order of the files.
  expect(JSON.parse(fundCheck(["--matrix", "--format", "json", ...[...files].reverse()]).stdout)).toEqual(m);
});

test("without the unreadable file the exit code is the findings' (2: errors), as a plain run", () => {
  const r = fundCheck(["--matrix", "--format", "json", ...files.filter((f) => !f.includes("和硕县"))]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("");
});

test("CSV: one row per county and fund, then the mismatch; text: the table and the mismatch", () => {
  const csv = fundCheck(["--matrix", "--format", "csv", ...files]).stdout;
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("county,fund,status,measure,value,band,errors,warnings,info,file,sheet,cell,message");
  expect(lines).toContain(`轮台县,城乡居民基本养老保险,warning,completion,${1146 / 1240},warning,0,1,0,${path.join(dir, "轮台县.xlsx")},支出情况,C6,`);
  expect(lines).toContain(`博湖县,失业保险,missing,completion,,,,,,${path.join(dir, "博湖县.xlsx")},,,`);
  expect(lines.filter((l) => l.includes("cross-file-mismatch"))).toHaveLength(1);
  const text = fundCheck(["--matrix", "--lang", "en", ...files]).stdout;
  expect(text).toMatch(/若羌县\s+98\.0%\s+97\.9%\s+98\.6%\s+98\.1%\s+97\.1%/);
  expect(text).toContain("和硕县        unreadable");
  expect(text).toContain("[cross-file-mismatch]");
});

test("HTML: self-contained (no script, no outside resource), cells coloured by band and linked to their findings, names escaped", () => {
  const hostile = path.join(dir, "<img src=x onerror=alert(1)>县.xlsx");
  fs.copyFileSync(files[5], hostile); // a truncated file: its county is its file name
  const out = path.join(dir, "matrix.html");
  const r = fundCheck(["--matrix", "--format", "html", "--out", out, ...files, hostile]);
  expect(r.code).toBe(3);
  const html = fs.readFileSync(out, "utf8");
  expect(html).not.toMatch(/<script|<img|src=["']?http/i);
  expect(html).toContain('<tr data-county="&lt;img src=x onerror=alert(1)&gt;县" data-status="unreadable">');
  expect(html).toMatch(/<td class="band-error" data-band="error" data-fund="工伤保险"><a href="#cell-0-3"[^>]*>202\.5%<span class="counts">E2 W1<\/span>/);
  expect(html).toContain('id="cell-0-3"');
  // 103.9% is in band, but its stated 97% is wrong: coloured as an error, never as a pass.
  expect(html).toMatch(/<td class="band-error" data-band="ok" data-fund="企业职工基本养老保险">/);
  expect(html).toMatch(/<td class="unreadable"[^>]*>无法读取<\/td>/);
  expect(html).toMatch(/<td class="absent"[^>]*>缺少<\/td>/);
});

test("xlsx: the matrix with conditional formatting by band, every finding with file/sheet/cell, budget vs actual as data bars (read back with ExcelJS)", async () => {
  const out = path.join(dir, "matrix.xlsx");
  expect(fundCheck(["--matrix", "--format", "xlsx", "--out", out, ...files]).code).toBe(3);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((s) => s.name)).toEqual(["矩阵", "全部问题", "预算与执行"]);
  const m = wb.getWorksheet("矩阵")!;
  expect(m.getRow(2).values).toEqual([undefined, "县（市、区）", ...PREFECTURE.matrix.funds, "其他问题", "最差基金"]);
  expect(m.getCell("A3").value).toMatchObject({ text: "且末县" });
  expect(m.getCell("E3").value).toBeCloseTo(806 / 398, 10);
  expect(m.getCell("E3").numFmt).toBe("0.0%");
  expect(String(m.getCell("E3").note)).toContain("支出情况!D7 工伤保险：填报的完成率为131%");
  expect(m.getCell("F3").value).toBe("—"); // 且末县 失业保险: no budget, never 0
  expect(m.getCell("B8").value).toBe("无法读取"); // 和硕县
  expect(m.getCell("F9").value).toBe("缺少"); // 博湖县 失业保险
  const cf = (m as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
  expect(cf[0].ref).toBe("B3:F9");
  expect(cf[0].rules.map((r) => r.formulae?.[0])).toEqual(["0.95", "0.9", "AND(ISNUMBER(B3),OR(B3<0.9,B3>1.1))"]);
  const findings = wb.getWorksheet("全部问题")!;
  const rows = findings.getSheetValues().slice(2) as unknown[][];
  expect(rows[0].slice(1, 6)).toEqual([path.join(dir, "巴州汇总.xlsx"), "支出汇总", "I6", "错误", "cross-file-mismatch"]);
  expect(rows.filter((r) => r[5] === "completion-band" && r[3] === "C7")).toHaveLength(1); // 且末县 工伤
  const chart = wb.getWorksheet("预算与执行")!;
  expect(chart.getCell("A7").value).toBe("失业保险");
  const bars = (chart as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
  expect(bars.map((b) => [b.ref, b.rules[0].type])).toEqual([["C3:C7", "dataBar"], ["E3:E7", "dataBar"]]);
});

test("a plain batch goes through the pool and keeps the input order", () => {
  const order = [files[3], files[0], files[6], files[1]];
  const r = fundCheck(["--format", "json", ...order]);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.stdout).map((j: { file: string }) => j.file)).toEqual(order);
});

test("--measure growth and payable months; --county-names names a county whose file name does not", () => {
  const growth = JSON.parse(fundCheck(["--matrix", "--measure", "growth", "--format", "json", ...files]).stdout);
  expect(growth.measure).toBe("growth");
  // 且末县 工伤保险: (806 − 499) ÷ 499 = +61.5%, beyond ±30%: a warning band; its completion stays in the cell.
  expect(growth.counties[0].funds["工伤保险"]).toMatchObject({ value: (806 - 499) / 499, band: "warning", completion: 806 / 398 });
  // 和静县 (another layout, in 元): its prior year is the 2018年决算数 column.
  expect(growth.counties[4].funds["工伤保险"].value).toBeCloseTo((4215600 - 3902100) / 3902100, 10);
  const months = JSON.parse(fundCheck(["--matrix", "--measure", "payable-months", "--format", "json", ...files]).stdout);
  expect(months.counties[0].funds["工伤保险"]).toMatchObject({ value: null, band: "none" }); // no balance column: never 0
  const renamed = path.join(dir, "county-07.xlsx");
  fs.copyFileSync(files[5], renamed); // truncated: no title to read a county from
  const names = path.join(dir, "names.json");
  fs.writeFileSync(names, JSON.stringify({ "county-07.xlsx": "和硕县" }));
  const m = JSON.parse(fundCheck(["--matrix", "--county-names", names, "--format", "json", ...files.filter((f) => !f.includes("和硕县")), renamed]).stdout);
  expect(m.counties.find((c: { name: string }) => c.name === "和硕县")).toMatchObject({ files: [renamed], status: "unreadable" });
  fs.writeFileSync(names, "[1]");
  expect(fundCheck(["--matrix", "--county-names", names, files[0]]).code).toBe(3);
});

test("usage errors exit 64", () => {
  expect(fundCheck(["--matrix", "--measure", "speed", files[0]]).code).toBe(64);
  expect(fundCheck(["--matrix", "--format", "pdf", files[0]]).code).toBe(64);
  expect(fundCheck(["--matrix"]).code).toBe(64);
});
