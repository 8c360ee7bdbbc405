/**
 * @jest-environment jsdom
 *
 * The standalone page with many files opened at once: the prefecture matrix (the same as `fund-check --matrix`),
 * unreadable and missing cells shown as such, the cross-file mismatch, and a click on a cell showing that county's
 * findings for the fund and its sheet with the cell marked.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import { PREFECTURE } from "../../corpus/cases/p15-prefecture";

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;
// jsdom has no TextDecoder; every browser the page supports has.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= require("util").TextDecoder;

async function files(): Promise<File[]> {
  const out: File[] = [];
  for (const c of PREFECTURE.files) {
    const bytes = await c.build();
    const file = new File([new Uint8Array(bytes)], c.file.split("/").pop()!);
    // jsdom's File may lack arrayBuffer(): give it the bytes as a browser would.
    if (typeof file.arrayBuffer !== "function") Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    out.push(file);
  }
  return out;
}

test("several files opened at once show the matrix; a cell shows its county's findings and sheet", async () => {
  render(<App standalone={true} initialLang="zh" />);
  const input = screen.getByLabelText("打开 .xlsx 文件…") as HTMLInputElement;
  expect(input.multiple).toBe(true);
  fireEvent.change(input, { target: { files: await files() } });
  const matrix = await screen.findByTestId("matrix", {}, { timeout: 20000 });
  const row = (county: string) => matrix.querySelector(`tr[data-county="${county}"]`) as HTMLElement;
  expect(within(row("和硕县")).getAllByText("无法读取")).toHaveLength(5);
  expect(within(row("博湖县")).getByText("缺少")).toBeTruthy();
  const work = row("且末县").querySelector('td[data-fund="工伤保险"]') as HTMLElement;
  expect(work.getAttribute("data-status")).toBe("error");
  expect(work.textContent).toBe("202.5%E2 W1");
  expect(row("若羌县").querySelector('td[data-fund="工伤保险"]')!.getAttribute("data-status")).toBe("ok");
  expect(screen.getByTestId("consistency").textContent).toContain("汇总表 巴州汇总.xlsx 支出汇总!I6 若羌县 工伤保险 执行数 806；若羌县.xlsx 支出情况!C7 为 608");

  fireEvent.click(within(work).getByRole("button"));
  const detail = await screen.findByTestId("matrix-detail");
  expect(detail.textContent).toContain("填报的完成率为131%");
  // The county's sheet, the cell the matrix reads (工伤保险 执行数, C7) marked; a finding clicked marks its own cell.
  expect(detail.querySelector("table")!.textContent).toContain("且末县2019年社会保险基金支出情况表");
  expect(detail.querySelector('td[aria-selected="true"]')!.getAttribute("data-cell")).toBe("C7");
  fireEvent.click(within(detail).getByText(/填报的完成率为131%/).closest("button")!);
  await waitFor(() => expect(detail.querySelector('td[aria-selected="true"]')!.getAttribute("data-cell")).toBe("D7"));
}, 60_000);
