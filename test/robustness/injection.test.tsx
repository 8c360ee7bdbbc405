/**
 * @jest-environment jsdom
 *
 * Nothing injected: cell and sheet text reaches every output as text. The standalone page renders a workbook
 * whose sheet and cells are named like markup; the HTML downloads (the CLI's formatter) hold no element, event
 * handler or javascript: link made from cell text; CSV fields can never start a formula; the report sheet holds
 * no formula built from cell text (only the escaped HYPERLINK to the finding's own cell).
 */
import * as React from "react";
import fc from "fast-check";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import ExcelJS from "exceljs";
import { App } from "../../src/taskpane/App";
import { openWorkbook, reportCsv, reportHtml } from "../../src/taskpane/standalone";
import { runPass } from "../../src/taskpane/runCheck";
import { csvField } from "../../src/cli/format/csv";
import { internalLinkFormula, writeReportSheet } from "../../src/taskpane/excel";
import type { CheckResult } from "../../src/core/api";
import type { Finding } from "../../src/core/findings";
import { FakeExcel } from "../taskpane/fakeExcel";
import { parseCsv } from "../csv";
import { cellAt } from "../../src/core/location";

// jsdom lacks what every browser has and the page's zip guard uses: take Node's.
/* eslint-disable @typescript-eslint/no-require-imports */
Object.assign(globalThis, { TextDecoder: require("util").TextDecoder, DecompressionStream: require("stream/web").DecompressionStream });

const SHEET = "<img src=x onerror=alert(1)>";
const HOSTILE = ["<script>alert(1)</script>", "javascript:alert(1)", `"><svg onload=alert(1)>`, "' onmouseover='alert(1)", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "−1", "@SUM(1)", "\t=1", "\r=1", "&lt;b&gt;"];

async function hostileWorkbook(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(["单位：万元"]);
  ws.addRow(["基金名称", "预算数", "执行数", "完成率"]);
  ws.addRow(["工伤保险", 398, 806, "131%"]);
  for (const text of HOSTILE) ws.addRow([text, 100, text, text]); // subjects and figures that are markup
  const buffer = await wb.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

function expectInert(doc: Document) {
  expect(doc.querySelectorAll("script, img, svg[onload], iframe, object, embed").length).toBe(0);
  for (const el of Array.from(doc.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith("on")).toBe(false);
      expect(/^\s*javascript:/i.test(attr.value)).toBe(false);
    }
  }
}

test("the standalone page shows a sheet named like markup, and its cells, as text", async () => {
  const { host } = await openWorkbook(await hostileWorkbook(), "<b>county</b>.xlsx");
  render(<App host={host} standalone initialLang="en" />);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  fireEvent.click(await screen.findByText(/stated completion rate is 131%/));
  await waitFor(() => expect(document.body.textContent).toContain(SHEET));
  expect(document.body.textContent).toContain("<script>alert(1)</script>");
  // Fluent UI renders its own SVG icons: only elements made from cell text are looked for.
  expect(document.querySelectorAll("script, img, iframe").length).toBe(0);
  expect(document.querySelectorAll("[onerror], [onload], [onmouseover]").length).toBe(0);
  expect(Array.from(document.querySelectorAll("a[href]")).some((a) => /javascript:/i.test(a.getAttribute("href") ?? ""))).toBe(false);
});

test("the HTML and CSV downloads of that workbook are inert", async () => {
  const { host } = await openWorkbook(await hostileWorkbook(), `<img src=x onerror=alert(1)>".xlsx`);
  const result = await runPass(host, { scope: "all" });
  expect(result.findings.length).toBeGreaterThan(HOSTILE.length); // the hostile texts were reported (not-a-number)
  for (const lang of ["zh", "en"] as const) {
    const html = reportHtml(result, `<img src=x onerror=alert(1)>".xlsx`, lang);
    const doc = new DOMParser().parseFromString(html, "text/html");
    expectInert(doc);
    expect(doc.body.textContent).toContain(SHEET);
    expect(doc.body.textContent).toContain("javascript:alert(1)");
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toContain("default-src 'none'");
    const csv = reportCsv(result, "x.xlsx", lang);
    for (const field of parseCsv(csv.replace(/^\ufeff/, "")).flat()) expect(field).not.toMatch(/^[=+\-\u2212@\t\r]/);
  }
});


test("a CSV field never starts a formula, and reads back as the text with at most a leading '", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.string().map((s) => "=" + s)), (text) => {
      const [[field]] = parseCsv(csvField(text) + "\r\n");
      expect(field).not.toMatch(/^[=+\-\u2212@\t\r]/);
      expect(field === text || field === "'" + text).toBe(true);
    }),
    { numRuns: 500 }
  );
});

test("report sheet links: any sheet name and address give one HYPERLINK of two string literals, or nothing", () => {
  const literal = '"(?:[^"]|"")*"';
  const shape = new RegExp(`^=HYPERLINK\\((${literal}),(${literal})\\)$`);
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE, SHEET, `O'Brien's "data"`)), fc.oneof(fc.constantFrom("C5", "$D$7", "AA100"), fc.string()), (sheet, address) => {
      const formula = internalLinkFormula(sheet, address, `${sheet}!${address}`);
      if (formula === undefined) return;
      const m = shape.exec(formula);
      expect(m).not.toBeNull();
      const unquote = (s: string) => s.slice(1, -1).replace(/""/g, '"');
      expect(unquote(m![1])).toBe(`#'${sheet.replace(/'/g, "''")}'!${address.replace(/\$/g, "").toUpperCase()}`);
      expect(unquote(m![2])).toBe(`${sheet}!${address}`);
    }),
    { numRuns: 500 }
  );
});

test("the report sheet writes findings as values: the only formulas are the links in column D", async () => {
  const excel = new FakeExcel();
  excel.addSheet(SHEET).set("A1", { value: "x" });
  excel.install();
  const findings: Finding[] = HOSTILE.map((text, i) => ({
    rule: "not-a-number", severity: "warning", at: cellAt(SHEET, `C${i + 4}`), related: [], subject: text, observed: text, expected: text, message: { zh: text, en: text },
  }));
  const result: CheckResult = { sheets: [], findings, summary: { error: 0, warning: findings.length, info: 0 } } as unknown as CheckResult;
  await writeReportSheet(result, {
    sheetName: "Check report", title: "Check report", headers: ["=a", "+b", "-c", "@d", "Cell", "e", "f", "g"],
    notes: [], fundHeaders: ["F", "B", "A"], chartTitle: "c", lang: "en",
  });
  const report = excel.sheet("Check report")!;
  const formulas = [...report.cells.entries()].filter(([, c]) => c.formula !== undefined);
  expect(formulas.map(([k]) => k.split(",")[1])).toEqual(findings.map(() => "3")); // column D only
  for (const [, c] of formulas) expect(c.formula).toMatch(/^=HYPERLINK\("#'<img src=x onerror=alert\(1\)>'!C\d+","<img src=x onerror=alert\(1\)>!C\d+"\)$/);
  for (const text of HOSTILE) expect([...report.cells.values()].filter((c) => c.value === text).length).toBeGreaterThanOrEqual(4);
});
