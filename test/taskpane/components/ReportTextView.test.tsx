/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import { lineRange } from "../../../src/taskpane/components/ReportTextView";
import type { WorkbookHost } from "../../../src/taskpane/host";

// jsdom has no layout: Fluent's MessageBar observes its size; a browser has ResizeObserver, jsdom does not.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

const seedText = fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "qiemo-2019-report.txt"), "utf8");

/** Renders the pane and lets its start-up (stored settings) settle. */
async function renderPane(element: React.ReactElement) {
  render(element);
  await act(async () => undefined);
}

function excelHost(): WorkbookHost & { insertSheet: jest.Mock } {
  return {
    name: "Book1",
    listSheets: async () => ({ names: [], active: "" }),
    readSheet: async () => ({ name: "x", cells: [], merges: [] }),
    loadSettings: async () => ({ problems: [] }),
    insertSheet: jest.fn(async (name: string) => ({ sheet: `${name} (2)`, grouped: true })),
  };
}

async function pasteAndCheck(lang: "en" | "zh", text = seedText) {
  fireEvent.click(screen.getByRole("tab", { name: lang === "en" ? "Check report text" : "校验报告文本" }));
  fireEvent.change(screen.getByLabelText(lang === "en" ? "Report text" : "报告文本"), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: lang === "en" ? "Check text" : "校验文本" }));
  });
}

/** The stated-rate finding of 工伤保险: observed the stated 131%, expected the computed 202.5% (its sentence quotes 131% too). */
function workInjuryFinding(): HTMLElement {
  const items = screen
    .getAllByRole("button")
    .filter((b) => b.getAttribute("data-finding")?.startsWith("stated-rate-mismatch@") && /工伤保险/.test(b.textContent ?? "") && /(Observed|实际): 131% · (Expected|应为): 202\.5%/.test(b.textContent ?? ""));
  expect(items).toHaveLength(1);
  return items[0];
}

test("pasted seed text: the figures per fund and the 工伤保险 finding (202.5% against the stated 131%) at its line", async () => {
  await renderPane(<App host={excelHost()} standalone={false} initialLang="en" />);
  await pasteAndCheck("en");

  const table = await screen.findByTestId("report-figures");
  expect(screen.getByText("Figures read, per fund (amounts in 万元)")).toBeTruthy();
  const row = within(table).getByRole("rowheader", { name: "工伤保险" }).closest("tr")!;
  const cells = within(row).getAllByRole("cell").map((c) => c.textContent);
  // line, budget, actual, stated completion, change, stated growth, income, balance, components
  expect(cells).toEqual(["35", "398", "806", "131%", "307", "62%", "", "", ""]);
  const pension = within(table).getByRole("rowheader", { name: "企业职工基本养老保险" }).closest("tr")!;
  expect(within(pension).getAllByRole("cell").at(-1)!.textContent).toBe("养老金支出 4277; 转移支出 74; 丧葬费支出 215");

  const finding = workInjuryFinding();
  expect(finding.textContent).toMatch(/line 35/);
  expect(finding.querySelector("[data-quote]")!.textContent).toMatch(/工伤保险基金支出806万元/);
  expect(screen.getByText("4 errors, 3 warnings, 2 info")).toBeTruthy();
});

test("the language switch changes the view's labels, the table headers and the findings", async () => {
  await renderPane(<App host={excelHost()} standalone={false} initialLang="en" />);
  await pasteAndCheck("en");
  await screen.findByTestId("report-figures");
  expect(screen.getByRole("columnheader", { name: "Stated completion" })).toBeTruthy();

  fireEvent.click(screen.getByTestId("language"));
  expect(screen.getByRole("tab", { name: "校验报告文本" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "校验文本" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "插入为工作表" })).toBeTruthy();
  expect(screen.getByRole("columnheader", { name: "报告完成率" })).toBeTruthy();
  expect(screen.queryByRole("columnheader", { name: "Stated completion" })).toBeNull();
  expect(screen.getByText("读取的各险种数字（金额单位：万元）")).toBeTruthy();
  expect(workInjuryFinding().textContent).toMatch(/第 35 行/);
  expect(screen.getByText("错误 4 项，警告 3 项，提示 2 项")).toBeTruthy();
});

test("clicking a finding selects its line in the text", async () => {
  await renderPane(<App host={excelHost()} standalone={false} initialLang="en" />);
  await pasteAndCheck("en");
  await screen.findByTestId("report-figures");
  fireEvent.click(workInjuryFinding());
  const area = screen.getByLabelText("Report text") as HTMLTextAreaElement;
  expect(document.activeElement).toBe(area);
  const selected = area.value.slice(area.selectionStart, area.selectionEnd);
  expect(selected).toBe(seedText.split(/\r\n|\n|\r/)[34]);
  expect(selected).toMatch(/^2019年工伤保险预算基金支出398万元/);
});

test("Insert as sheet hands excel.ts the figures with FUND. formulas and the fund names as values", async () => {
  const host = excelHost();
  await renderPane(<App host={host} standalone={false} initialLang="zh" />);
  await pasteAndCheck("zh");
  await screen.findByTestId("report-figures");
  fireEvent.click(screen.getByRole("button", { name: "插入为工作表" }));
  await waitFor(() => expect(host.insertSheet).toHaveBeenCalledTimes(1));
  const [name, rows] = host.insertSheet.mock.calls[0];
  expect(name).toBe("报告数字");
  const injury = rows.findIndex((r: { value?: unknown }[]) => r[0]?.value === "工伤保险");
  expect(rows[injury][1]).toEqual({ value: 398 });
  expect(rows[injury][3]).toEqual({ value: 1.31 });
  expect(rows[injury][4]).toEqual({ formula: `=FUND.COMPLETION_RATE(C${injury + 1},B${injury + 1})` });
  expect(await screen.findByText(/已将数字插入新工作表“报告数字 \(2\)”/)).toBeTruthy();
});

test("the standalone page offers a CSV of the figures, not a sheet; empty or figureless text says so", async () => {
  await renderPane(<App standalone={true} initialLang="en" />);
  fireEvent.click(screen.getByRole("tab", { name: "Check report text" }));
  fireEvent.click(screen.getByRole("button", { name: "Check text" }));
  expect(await screen.findByText("Paste or open a report's text first.")).toBeTruthy();

  await pasteAndCheck("en", "本年度工作顺利完成。\n没有数字。");
  expect(await screen.findByText(/No fund figures were found/)).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Download figures (CSV)" })).toBeNull();

  await pasteAndCheck("en");
  await screen.findByTestId("report-figures");
  expect(screen.queryByRole("button", { name: "Insert as sheet" })).toBeNull();
  expect(screen.getByRole("button", { name: "Download figures (CSV)" })).toBeTruthy();
  expect(screen.getByLabelText("Open .txt…")).toBeTruthy();
});

test("lineRange follows the reader's line breaks (\\r\\n, \\n, \\r)", () => {
  const text = "one\r\ntwo\nthree\rfour";
  const pick = (n: number) => {
    const r = lineRange(text, n);
    return r && text.slice(r.start, r.end);
  };
  expect([1, 2, 3, 4].map(pick)).toEqual(["one", "two", "three", "four"]);
  expect(lineRange(text, 5)).toBeUndefined();
  expect(lineRange(text, 0)).toBeUndefined();
});

test("targets stored in the workbook that turn a rule off are named above the text's findings", async () => {
  const host = { ...excelHost(), loadSettings: async () => ({ targets: { severity: { "completion-band": "off" as const } }, problems: [] }) };
  await renderPane(<App host={host} standalone={false} initialLang="en" />);
  await pasteAndCheck("en");
  expect(await screen.findByText("Settings stored in this workbook change the checks: rule completion-band off")).toBeTruthy();
  expect(screen.getByText("3 errors, 3 warnings, 2 info")).toBeTruthy(); // the seed's completion-band error is gone
});
