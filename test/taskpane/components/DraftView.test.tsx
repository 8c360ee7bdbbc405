/** @jest-environment jsdom */
/** The "Draft report text" tab: preview per fund in either language, copy all, .docx in the page, a new sheet in Excel. */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DraftView } from "../../../src/taskpane/components/DraftView";
import { I18nContext, makeI18n, Notify } from "../../../src/taskpane/i18n";
import type { WorkbookHost } from "../../../src/taskpane/host";
import type { GridWorkbook } from "../../../src/core/grid";
import { readGrid, literalWorkbook } from "../../helpers/xlsx";

// jsdom lacks TextDecoder and TextEncoder, which the .xlsx reader and docx use (browsers and Node have them).
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= NodeTextEncoder;

let seed: GridWorkbook;
beforeAll(async () => {
  seed = literalWorkbook(await readGrid(fs.readFileSync(path.join(__dirname, "..", "..", "..", "examples", "qiemo-2019.xlsx")), "qiemo-2019.xlsx"));
});

/** The example as the page holds it once opened (jsdom has no TextDecoder for the page's own reader). */
async function openWorkbook(): Promise<{ host: WorkbookHost; grid: GridWorkbook }> {
  const host: WorkbookHost = {
    name: "qiemo-2019.xlsx",
    listSheets: async () => ({ names: seed.sheets.map((s) => s.name), active: seed.sheets[0].name }),
    readSheet: async (name) => seed.sheets.find((s) => s.name === name)!,
    loadSettings: async () => ({ problems: [] }),
  };
  return { host, grid: seed };
}

/** The drafter is loaded on first use (a dynamic import): slow on a busy machine. */
const SLOW = { timeout: 20000 };

/** A notify that keeps each notice as its page would word it, in `lang`. */
function notices(lang: "zh" | "en" = "en") {
  const said: string[] = [];
  const notify: Notify = (intent, message) => {
    if (intent && message) said.push(`${intent}: ${message(makeI18n(lang).t, lang)}`);
  };
  return { said, notify };
}

function inLanguage(lang: "zh" | "en", ui: React.ReactElement) {
  return <I18nContext.Provider value={makeI18n(lang)}>{ui}</I18nContext.Provider>;
}

test("the page: Draft previews each fund's paragraph; the language can be switched; .docx downloads a Word file", async () => {
  const opened = await openWorkbook();
  const download = jest.fn();
  const { said, notify } = notices("zh");
  render(inLanguage("zh", <DraftView host={opened.host} grid={opened.grid} notify={notify} download={download} />));
  expect(screen.queryByRole("button", { name: "插入为工作表" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "起草" }));
  const paragraph = await screen.findByText(/^工伤保险预算支出398万元，实际支出806万元，完成预算的202\.5%/, undefined, SLOW);
  expect(paragraph.closest("[lang]")?.getAttribute("lang")).toBe("zh-CN");
  expect(screen.getByText("（四）工伤保险")).toBeTruthy();
  expect(screen.getByText(/D11：工伤保险：填报的完成率为131%/)).toBeTruthy();

  fireEvent.click(screen.getByRole("radio", { name: "English" }));
  await screen.findByText(/^Work injury insurance: budgeted expenditure 3\.98 million yuan/, undefined, SLOW);
  expect(screen.queryByText(/^工伤保险预算支出398万元/)).toBeNull();

  fireEvent.click(screen.getByRole("button", { name: "下载（.docx）" }));
  await waitFor(() => expect(download).toHaveBeenCalled(), SLOW);
  const [data, name, type] = download.mock.calls[0];
  expect(name).toBe("qiemo-2019-草稿.docx");
  expect(type).toMatch(/wordprocessingml/);
  expect(Buffer.from(data as Uint8Array).subarray(0, 2).toString()).toBe("PK");
  expect(said).toEqual([]);
});

test("Copy all puts the whole draft, headings and notes, on the clipboard", async () => {
  const opened = await openWorkbook();
  const writeText = jest.fn(async () => undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  const { said, notify } = notices();
  render(inLanguage("en", <DraftView host={opened.host} grid={opened.grid} notify={notify} download={jest.fn()} />));
  fireEvent.click(screen.getByRole("radio", { name: "中文" }));
  fireEvent.click(screen.getByRole("button", { name: "Draft" }));
  await screen.findByText(/^工伤保险预算支出398万元/, undefined, SLOW);
  fireEvent.click(screen.getByRole("button", { name: "Copy all" }));
  await waitFor(() => expect(writeText).toHaveBeenCalled());
  const text = (writeText.mock.calls[0] as unknown as [string])[0];
  expect(text).toContain("（四）工伤保险\n工伤保险预算支出398万元");
  expect(text).toContain("起草说明（不属于报告正文）");
  expect(said).toEqual(["success: The drafted text is on the clipboard."]);
});

test("in Excel: the sheets are read through the host, and Insert as sheet adds a new sheet of formulas", async () => {
  const opened = await openWorkbook();
  const insertSheet = jest.fn(async (name: string) => ({ sheet: name + " (2)", grouped: true }));
  const readSheet = jest.fn(opened.host.readSheet);
  const host: WorkbookHost = { ...opened.host, name: "workbook", readSheet, insertSheet };
  const { said, notify } = notices();
  render(inLanguage("en", <DraftView host={host} notify={notify} download={jest.fn()} />));
  expect(screen.queryByRole("button", { name: "Download (.docx)" })).toBeNull();
  fireEvent.click(screen.getByRole("radio", { name: "中文" }));
  fireEvent.click(screen.getByRole("button", { name: "Draft" }));
  await screen.findByText(/^工伤保险预算支出398万元/, undefined, SLOW);
  expect(readSheet).toHaveBeenCalledTimes(seed.sheets.length);
  fireEvent.click(screen.getByRole("button", { name: "Insert as sheet" }));
  await waitFor(() => expect(insertSheet).toHaveBeenCalled());
  const [name, rows] = insertSheet.mock.calls[0] as unknown as [string, { formula?: string }[][]];
  expect(name).toBe("Report draft");
  expect(rows.flat().filter((c) => c && "formula" in c)).toHaveLength(7);
  await waitFor(() => expect(said).toEqual(["success: The draft was inserted as the new sheet “Report draft (2)”: its paragraphs are formulas over your cells."]));
});

test("before a workbook is open it says what to do", () => {
  render(inLanguage("en", <DraftView notify={jest.fn()} download={jest.fn()} />));
  expect(screen.getByText(/Open an \.xlsx file \(or try the example\)/)).toBeTruthy();
});
