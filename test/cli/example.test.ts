/** Every format on examples/qiemo-2019.xlsx (the seed report's tables): the SPEC §9 findings, as each format shows them. */
import * as path from "path";
import { main } from "../../src/cli/main";

const example = path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx");

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} });
  return { code, stdout, stderr };
}

describe("examples/qiemo-2019.xlsx", () => {
  it("json: sheets, summary and the SPEC §9 findings, exit 2", async () => {
    const r = await run(["--format", "json", example]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout);
    expect(json.file).toBe(example);
    expect(json.sheets).toEqual([
      expect.objectContaining({ name: "支出情况", kind: "fund", headerRow: 3, columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion", E: "statedChange", F: "statedGrowth" } }),
      expect.objectContaining({ name: "绩效指标", kind: "indicator", headerRow: 2 }),
      { name: "说明", kind: "notes", headerRow: null, columns: {}, tables: [] },
    ]);
    // What detection understood, table by table: the two-row header, its year, unit and each column's role.
    expect(json.sheets[0].tables).toEqual([
      { kind: "fund", headerRow: 3, firstRow: 5, lastRow: 14, unit: "万元", orientation: "rows", headerRows: [3, 4], years: [2019], columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion", E: "statedChange", F: "statedGrowth" } },
      expect.objectContaining({ kind: "fund", orientation: "rows", unit: "万元", columns: { A: "subject", B: "income", C: "actual", D: "balance" } }),
    ]);
    expect(json.summary).toEqual({ error: 4, warning: 3, info: 2 });
    const brief = json.findings.map((f: Record<string, string>) => [f.rule, f.severity, f.cell, f.subject, f.observed, f.expected].join(" | "));
    expect(brief).toEqual([
      "stated-rate-mismatch | error | D5 | 企业职工基本养老保险 | 97% | 103.9%",
      "stated-rate-mismatch | error | D10 | 城乡居民基本养老保险 | 98% | 99.6%",
      "yoy-growth-band | warning | F10 | 城乡居民基本养老保险 | 36% | ±30%",
      "completion-band | error | C11 | 工伤保险 | 202.5% | 95%–105%",
      "stated-rate-mismatch | error | D11 | 工伤保险 | 131% | 202.5%",
      "yoy-growth-band | warning | F11 | 工伤保险 | 62% | ±30%",
      "missing-value | info | B12 | 失业保险 | — | budget",
      "budget-balance | warning | C18 | 各项基金合计 | 34928 | ≤ 25004",
      "payable-months-band | info | D19 | 城乡居民基本养老保险 | 42.7 | 6–24",
    ]);
    // Observed is what the cell holds (B12 holds "—", a placeholder, not a blank); words come in both languages.
    const missing = json.findings.find((f: Record<string, unknown>) => f.rule === "missing-value");
    expect(missing.observedText).toBeUndefined();
    expect(missing.expectedText).toEqual({ zh: "预算数", en: "budget" });
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(["rule", "severity", "sheet", "cell", "related", "subject", "observed", "expected", "message"]));
      expect(f.sheet).toBe("支出情况");
      expect(f.message.zh).not.toBe("");
      expect(f.message.en).not.toBe("");
    }
    // 机关事业单位 passes every rule
    expect(brief.join("\n")).not.toContain("机关事业单位");
  });

  it("text in zh and in en", async () => {
    const zh = (await run([example])).stdout;
    expect(zh).toContain("工作表「支出情况」（基金表，表头第 3 行）");
    expect(zh).toMatch(/ {6}C11 {2}工伤保险 {2}.*202\.5%.*（实际 202\.5%；应为 95%–105%） {2}\[completion-band\]/);
    expect(zh.trim().split("\n").pop()).toBe("汇总：错误 4，警告 3，提示 2");
    const en = (await run(["--lang", "en", example])).stdout;
    expect(en).toContain('Sheet "支出情况" (fund table, header row 3)');
    expect(en).toMatch(/C11 {2}工伤保险 {2}.*\(observed 202\.5%; expected 95%–105%\) {2}\[completion-band\]/);
    expect(en.trim().split("\n").pop()).toBe("Summary: 4 errors, 3 warnings, 2 info");
  });

  it("html: one page with the budget-vs-actual chart of the funds and the nine findings", async () => {
    const html = (await run(["--format", "html", example])).stdout;
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    for (const label of [">工伤保险</text>", ">398</text>", ">806</text>", ">4,398</text>", ">4,568</text>", ">12,738</text>"]) expect(svg).toContain(label);
    expect(html.match(/<tr class="(error|warning|info)">/g)).toHaveLength(9);
  });

  it("csv: one row per finding", async () => {
    const csv = (await run(["--format", "csv", example])).stdout;
    expect(csv.startsWith("\uFEFF文件,工作表,单元格,rule,级别,项目,实际,应为,说明,行,原文,规则说明\r\n")).toBe(true);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(10);
    expect(lines.find((l) => l.includes(",F10,"))).toContain(",36%,±30%,");
  });
});
