import { formatCsv, neutralise } from "../../src/output/csv";
import { CHART_LIMIT } from "../../src/core/chart";
import { trimCharts } from "../../src/output/charts";
import { escapeHtml, formatHtml } from "../../src/output/html";
import { formatJson } from "../../src/output/json";
import { formatText } from "../../src/output/text";
import { finding, report } from "../cli/sample";
import { parseCsv } from "../csv";

const zh = { lang: "zh" as const, batch: false };
const en = { lang: "en" as const, batch: false };


describe("json", () => {
  it("gives one object for one file and an array for a batch, with the keys of docs/reference.md", () => {
    const one = JSON.parse(formatJson([report([finding()])], zh));
    expect(Object.keys(one)).toEqual(["file", "sheets", "summary", "findings"]);
    expect(one.sheets).toEqual([
      { name: "基金支出", kind: "fund", headerRow: 3, columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" }, tables: [expect.objectContaining({ kind: "fund", headerRow: 3, columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" } })] },
    ]);
    expect(one.sheets[0].tables[0]).not.toHaveProperty("funds"); // the chart's amounts stay out of the JSON
    expect(one.summary).toEqual({ error: 1, warning: 0, info: 0 });
    expect(one.findings[0]).toMatchObject({ rule: "stated-rate-mismatch", cell: "D5", related: ["B5", "C5"], message: { zh: expect.any(String), en: expect.any(String) } });
    const batch = JSON.parse(formatJson([report([]), report([finding()], "b.xlsx")], { lang: "zh", batch: true }));
    expect(Array.isArray(batch)).toBe(true);
    expect(batch.map((b: { file: string }) => b.file)).toEqual(["qiemo.xlsx", "b.xlsx"]);
  });

  it("is still an array in a batch where only one file could be read", () => {
    expect(JSON.parse(formatJson([report([])], { lang: "en", batch: true }))).toHaveLength(1);
  });
});

describe("text", () => {
  const findings = [
    finding({ severity: "warning", rule: "yoy-growth-band", cell: "F6", subject: "城乡居民基本养老保险", observed: "35.5%", expected: "−30%–30%", message: { zh: "增幅超出范围", en: "growth out of band" } }),
    finding(),
    finding({ severity: "info", rule: "payable-months-band", cell: "G6", observed: "42.7", expected: "≤ 24", message: { zh: "可支付月数偏高", en: "many payable months" } }),
  ];

  it("groups by sheet and severity, errors first, with cell, subject, figures and a summary (zh)", () => {
    const out = formatText([report(findings)], zh);
    expect(out).toContain("工作表「基金支出」（基金表，表头第 3 行）");
    const errorAt = out.indexOf("错误 (1)");
    const warningAt = out.indexOf("警告 (1)");
    const infoAt = out.indexOf("提示 (1)");
    expect(errorAt).toBeGreaterThan(0);
    expect(warningAt).toBeGreaterThan(errorAt);
    expect(infoAt).toBeGreaterThan(warningAt);
    expect(out).toContain("D5  工伤保险  所述完成率 131% 与计算值 202.5% 不符（实际 202.5%；应为 131%）  [stated-rate-mismatch]");
    expect(out.trim().split("\n").pop()).toBe("汇总：错误 1，警告 1，提示 1");
  });

  it("speaks English with --lang en", () => {
    const out = formatText([report(findings)], en);
    expect(out).toContain('Sheet "基金支出" (fund table, header row 3)');
    expect(out).toContain("Errors (1)");
    expect(out).toContain("D5  工伤保险  stated completion 131% differs from computed 202.5% (observed 202.5%; expected 131%)");
    expect(out.trim().split("\n").pop()).toBe("Summary: 1 error, 1 warning, 1 info");
    expect(out).not.toMatch(/[错误警告汇总]/);
  });

  it("says so when a sheet is clean, and totals a batch", () => {
    const out = formatText([report([]), report([finding()], "b.xlsx")], { lang: "en", batch: true });
    expect(out).toContain("no findings");
    expect(out.trim().split("\n").pop()).toBe("2 files: 1 error, 0 warnings, 0 info");
  });
});

describe("html", () => {
  const evil = '<script>alert(1)</script>';
  const html = formatHtml(
    [
      report(
        [finding({ sheet: evil, subject: `"><img src=x onerror=alert(2)>`, observed: "javascript:alert(3)", message: { zh: `a'b"c<d>&`, en: `a'b"c<d>&` } })],
        `<b>file</b>.xlsx`,
        evil
      ),
    ],
    zh
  );

  it("escapes every sheet name, file name and cell text", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>file");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("a&#39;b&#34;c&#60;d&#62;&#38;");
    // javascript: stays inert text: no attribute anywhere takes a value from the data
    expect(html).not.toMatch(/(href|src|action)\s*=\s*["']?javascript:/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i); // no tag carries an event handler
  });

  it("is self-contained: inline CSS, inline SVG, no external request, no script", () => {
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).toContain("<style>");
    expect(html).toContain("Content-Security-Policy");
  });

  it("draws budget and actual bars per fund, scaled to the largest amount", () => {
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg).toContain(">企业职工基本养老保险</text>");
    expect(svg).toContain(">4,568</text>");
    expect(svg).toContain(">806</text>");
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // 4398, 4568, 398, 806, 619 (失业 has no budget: no budget bar, not a zero-width one)
    expect(widths).toHaveLength(5);
    expect(Math.max(...widths)).toBe(420);
    expect(widths[2]).toBeCloseTo((398 / 4568) * 420, 0);
  });

  it("draws a table of income and expenditure as income against expenditure, not as budget", () => {
    const incomeTable = report([]);
    const table = incomeTable.result!.sheets[0].tables[0];
    table.columns = { A: "subject", B: "income", C: "actual" };
    table.funds = [{ subject: "各项基金合计", income: 25004, actual: 34928 }];
    const page = formatHtml([incomeTable], zh);
    expect(page).toContain("<h3>收入与支出（万元）</h3>");
    expect(page).toContain("</span>收入<span");
    expect(page).not.toContain("预算与支出");
    const svg = page.slice(page.indexOf("<svg"), page.indexOf("</svg>"));
    expect(svg).toContain(">25,004</text>");
    expect(svg).toContain(">34,928</text>");
    expect(formatHtml([incomeTable], en)).toContain("<h3>Income vs expenditure (万元)</h3>");
  });

  it("heads a chart without a unit by its title alone, and abbreviates a huge amount's label", () => {
    const odd = report([]);
    const table = odd.result!.sheets[0].tables[0];
    delete table.unit;
    table.funds = [{ subject: "工伤保险", budget: 1e300, actual: 5 }];
    const page = formatHtml([odd], zh);
    expect(page).toContain("<h3>预算与支出</h3>");
    expect(page).not.toContain("（—）");
    const svg = page.slice(page.indexOf("<svg"), page.indexOf("</svg>"));
    expect(svg).toContain(">1.0e+300</text>");
    expect(svg).not.toMatch(/\d{3},\d{3},\d{3},\d{3},\d{3}/);
  });

  it("writes control characters and bidi overrides as visible character references", () => {
    expect(escapeHtml("a\x1b[2Jb\u202Ec")).toBe("a&#27;[2Jb&#8238;c");
  });

  it("charts at most CHART_LIMIT funds of a long table, says so, and does not overflow the stack", () => {
    const long = report([finding()]);
    const table = long.result!.sheets[0].tables[0];
    table.funds = Array.from({ length: 150_000 }, (_, i) => ({ subject: `第${i}号统筹区`, budget: 1000 + i, actual: 990 + i }));
    const page = formatHtml([long], zh);
    const svg = page.slice(page.indexOf("<svg"), page.indexOf("</svg>"));
    expect([...svg.matchAll(/<rect /g)]).toHaveLength(CHART_LIMIT * 2);
    expect(svg).toContain(">第199号统筹区</text>");
    expect(svg).not.toContain(">第200号统筹区</text>");
    expect(page).toContain(`仅画出前${CHART_LIMIT}项，共150000项`);
    expect(formatHtml([long], en)).toContain(`the first ${CHART_LIMIT} of 150000 shown`);
    // A result cut to what is drawn (as a worker passes it on) draws the same page.
    const trimmed = trimCharts(long);
    expect(trimmed.result.sheets[0].tables[0].funds).toHaveLength(CHART_LIMIT);
    expect(formatHtml([trimmed], zh)).toBe(page);
  });

  it("escapes helper covers quotes and backticks", () => {
    expect(escapeHtml(`<>&"'\``)).toBe("&#60;&#62;&#38;&#34;&#39;&#96;");
  });
});

describe("csv", () => {
  it("writes a BOM, a header, one CRLF row per finding with RFC 4180 quoting", () => {
    const out = formatCsv([report([finding({ subject: '工伤,保险 "A"\n二行', message: { zh: "说明", en: "m" } })])], zh);
    expect(out.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(out.slice(1));
    // Headed in the run's language; the rule id stays as the machine column `rule`, its description last.
    expect(rows[0]).toEqual(["文件", "工作表", "单元格", "rule", "级别", "项目", "实际", "应为", "说明", "行", "原文", "规则说明"]);
    expect(rows[1]).toEqual(["qiemo.xlsx", "基金支出", "D5", "stated-rate-mismatch", "错误", '工伤,保险 "A"\n二行', "202.5%", "131%", "说明", "", "", expect.stringContaining("填报的完成率或增幅")]);
    const en = parseCsv(formatCsv([report([finding()])], { lang: "en", batch: false }).slice(1));
    expect(en[0]).toEqual(["File", "Sheet", "Cell", "rule", "Severity", "Subject", "Observed", "Expected", "Message", "Line", "Quoted sentence", "Rule"]);
    expect(en[1][3]).toBe("stated-rate-mismatch");
    expect(en[1][4]).toBe("error");
    expect(en[1][11]).toMatch(/^A stated completion or growth rate differs/);
    expect(rows).toHaveLength(2);
  });

  it.each(["=1+2", "=1", "+A1", "-2+3", "-1-1", "+cmd|' /C calc'!A0", "\u2212x", "@SUM(A1)", "\tx", "\rx", "-", "+"])("neutralises a cell Excel would run as a formula: %j", (s) => {
    expect(neutralise(s)).toBe("'" + s);
    const rows = parseCsv(formatCsv([report([finding({ subject: s })])], en).slice(1));
    expect(rows[1][5]).toBe("'" + s);
  });

  it("leaves ordinary text alone", () => {
    expect(neutralise("工伤保险")).toBe("工伤保险");
    expect(neutralise("97%")).toBe("97%");
  });

  it.each(["+35.5%", "-12", "+1", "-1", "-1,234.5", "-0.5%", "+1e3", "\u221212"])("leaves a signed figure Excel reads as a number as written: %j", (s) => {
    expect(neutralise(s)).toBe(s);
    const rows = parseCsv(formatCsv([report([finding({ subject: s })])], en).slice(1));
    expect(rows[1][5]).toBe(s);
  });
});

describe("words as observed or expected", () => {
  const blank = finding({
    rule: "missing-value", severity: "info", cell: "B12", subject: "失业保险",
    observed: "blank", observedText: { zh: "空白", en: "blank" }, expected: "budget", expectedText: { zh: "预算数", en: "budget" },
    message: { zh: "失业保险：预算数为空", en: "失业保险: the budget is blank" },
  });
  const reports = [report([blank])];

  it("are written in the output's language, in text, CSV and HTML alike", () => {
    expect(formatText(reports, zh)).toContain("空白");
    expect(formatText(reports, zh)).toContain("预算数");
    expect(formatText(reports, en)).not.toContain("空白");
    const zhRow = parseCsv(formatCsv(reports, zh))[1];
    const enRow = parseCsv(formatCsv(reports, en))[1];
    expect(zhRow).toEqual(expect.arrayContaining(["空白", "预算数"]));
    expect(enRow).toEqual(expect.arrayContaining(["blank", "budget"]));
    expect(enRow).not.toContain("空白");
    expect(formatHtml(reports, zh)).toMatch(/<td [^>]*>空白<\/td><td [^>]*>预算数<\/td>/);
    expect(formatHtml(reports, en)).toMatch(/<td [^>]*>blank<\/td><td [^>]*>budget<\/td>/);
  });

  it("stay in both languages in JSON, the English in observed and expected", () => {
    const [f] = JSON.parse(formatJson(reports, zh)).findings;
    expect(f).toMatchObject({ observed: "blank", expected: "budget", observedText: { zh: "空白", en: "blank" }, expectedText: { zh: "预算数", en: "budget" } });
  });
});

describe("the one order of findings", () => {
  // In the one order: C5 (warning) before D5 (error) before F6 (info); lists for reading put errors first.
  const ordered = [
    finding({ severity: "warning", rule: "components-sum", cell: "C5", message: { zh: "甲", en: "A" } }),
    finding({ cell: "D5", message: { zh: "乙", en: "B" } }),
    finding({ severity: "warning", rule: "yoy-growth-band", cell: "F5", message: { zh: "丙", en: "C" } }),
  ];

  it("json and csv keep it; text and html group by severity, each group in it", () => {
    expect(JSON.parse(formatJson([report(ordered)], en)).findings.map((f: { cell: string }) => f.cell)).toEqual(["C5", "D5", "F5"]);
    expect(parseCsv(formatCsv([report(ordered)], en).slice(1)).slice(1).map((row) => row[2])).toEqual(["C5", "D5", "F5"]);
    const text = formatText([report(ordered)], en);
    const at = (cell: string) => text.indexOf(`      ${cell}  `);
    expect(at("D5")).toBeGreaterThan(0);
    expect(at("D5")).toBeLessThan(at("C5")); // the error first
    expect(at("C5")).toBeLessThan(at("F5")); // then the warnings, in the one order
    const html = formatHtml([report(ordered)], en);
    const cells = [...html.matchAll(/<tr class="\w+"><td[^>]*>基金支出<\/td><td[^>]*>(\w+)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual(["D5", "C5", "F5"]);
    // one table per severity, headed as the text output heads its groups
    expect([...html.matchAll(/<h4 class="(\w+)">([^<]+)<\/h4>/g)].map((m) => m[2])).toEqual(["Errors (1)", "Warnings (2)"]);
  });
});
