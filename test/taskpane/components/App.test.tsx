/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import type { WorkbookHost } from "../../../src/taskpane/host";
import type { GridSheet } from "../../../src/core/grid";

// jsdom has no layout: Fluent's MessageBar observes its size; a browser has ResizeObserver, jsdom does not.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

const seed: GridSheet = {
  name: "2019",
  merges: [],
  cells: [
    [{ value: "单位：万元" }],
    [{ value: "基金名称" }, { value: "预算数" }, { value: "执行数" }, { value: "完成率" }],
    [{ value: "工伤保险" }, { value: 398 }, { value: 806 }, { value: "131%" }],
  ],
};

function fakeHost(over: Partial<WorkbookHost> = {}): WorkbookHost & { selectCell: jest.Mock; saveSettings: jest.Mock } {
  return {
    name: "Book1",
    listSheets: async () => ({ names: ["2019"], active: "2019" }),
    readSheet: async () => seed,
    loadSettings: async () => ({ problems: [] }),
    saveSettings: jest.fn(async () => undefined),
    selectCell: jest.fn(async () => undefined),
    ...over,
  } as WorkbookHost & { selectCell: jest.Mock; saveSettings: jest.Mock };
}

test("the language switch changes every label and the findings' messages", async () => {
  render(<App host={fakeHost()} standalone={false} initialLang="en" />);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await screen.findByText(/stated completion rate is 131%/);
  expect(screen.getByRole("tab", { name: "Targets" })).toBeTruthy();
  expect(screen.getByText("2 errors, 0 warnings, 0 info")).toBeTruthy();

  fireEvent.click(screen.getByTestId("language"));
  expect(screen.getByRole("tab", { name: "目标值" })).toBeTruthy();
  expect(screen.getByText("错误 2 项，警告 0 项，提示 0 项")).toBeTruthy();
  expect(screen.getByText(/填报的完成率为131%/)).toBeTruthy();
  expect(screen.queryByText(/stated completion rate is 131%/)).toBeNull();
  expect(screen.getByRole("button", { name: "开始校验" })).toBeTruthy();

  fireEvent.click(screen.getByTestId("language"));
  expect(screen.getByRole("tab", { name: "Targets" })).toBeTruthy();
});

test("clicking a finding selects its cell in Excel", async () => {
  const host = fakeHost();
  render(<App host={host} standalone={false} initialLang="zh" />);
  fireEvent.click(screen.getByRole("button", { name: "开始校验" }));
  fireEvent.click(await screen.findByText(/填报的完成率为131%/));
  await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("2019", "D3"));
});

test("a long pass shows progress and can be cancelled", async () => {
  let release: () => void = () => undefined;
  const host = fakeHost({
    listSheets: async () => ({ names: ["A", "B", "C"], active: "A" }),
    readSheet: (name) =>
      name === "A" ? Promise.resolve({ ...seed, name }) : new Promise<GridSheet>((resolve) => (release = () => resolve({ ...seed, name }))),
  });
  render(<App host={host} standalone={false} initialLang="en" />);
  fireEvent.click(screen.getByRole("radio", { name: "All sheets" }));
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await screen.findByText("Checking sheet 2 of 3: B");
  fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
  await act(async () => release());
  await screen.findByText("Check cancelled.");
  expect(screen.queryByText(/errors,/)).toBeNull();
});

test("a mapping override is saved with the workbook and the pass runs again with it", async () => {
  const host = fakeHost();
  render(<App host={host} standalone={false} initialLang="en" />);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await screen.findByText(/stated completion rate is 131%/);
  fireEvent.click(screen.getByRole("tab", { name: "Mapping" }));
  fireEvent.change(screen.getByLabelText("2019 Column D"), { target: { value: "ignore" } });
  await waitFor(() => expect(host.saveSettings).toHaveBeenCalledWith({ targets: undefined, mapping: { "2019": { D: "ignore" } } }));
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  await waitFor(() => expect(screen.queryByText(/stated completion rate is 131%/)).toBeNull());
  expect(screen.getByText(/completion rate 202.5%/)).toBeTruthy();
});

test("targets edited in the pane are validated, saved, and change the checks", async () => {
  const host = fakeHost();
  render(<App host={host} standalone={false} initialLang="en" />);
  fireEvent.click(screen.getByRole("tab", { name: "Targets" }));
  const okHigh = screen.getByLabelText("Completion ok up to (%)");
  fireEvent.change(okHigh, { target: { value: "abc" } });
  fireEvent.click(screen.getByRole("button", { name: "Save targets" }));
  expect(await screen.findByText(/These targets cannot be used/)).toBeTruthy();
  expect(host.saveSettings).not.toHaveBeenCalled();

  fireEvent.change(okHigh, { target: { value: "250" } });
  fireEvent.change(screen.getByLabelText("Warning above ok up to (%), error over"), { target: { value: "300" } });
  fireEvent.click(screen.getByRole("button", { name: "Save targets" }));
  await waitFor(() =>
    expect(host.saveSettings).toHaveBeenCalledWith({ targets: { completionBand: { okHigh: 2.5, warningHigh: 3 } }, mapping: {} })
  );
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await screen.findByText(/stated completion rate is 131%/);
  expect(screen.queryByText(/completion rate 202.5%/)).toBeNull(); // 202.5% is inside the new band
});

test("a rule switched off in the Targets tab is saved and no longer reported; another's severity changes", async () => {
  const host = fakeHost();
  render(<App host={host} standalone={false} initialLang="en" />);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await screen.findByText(/stated completion rate is 131%/);
  expect(screen.getByText(/completion rate 202.5%/)).toBeTruthy();

  fireEvent.click(screen.getByRole("tab", { name: "Targets" }));
  const completionBand = screen.getByLabelText(/\(completion-band\)$/) as HTMLSelectElement;
  expect(completionBand.value).toBe(""); // the default, shown with the rule's own severity
  expect(screen.getAllByRole("option", { name: "Default (Error)" }).length).toBeGreaterThan(0);
  fireEvent.change(completionBand, { target: { value: "off" } });
  fireEvent.change(screen.getByLabelText(/\(stated-rate-mismatch\)$/), { target: { value: "warning" } });
  fireEvent.change(screen.getByLabelText("Indicator scoring rule"), { target: { value: "all-or-nothing" } });
  fireEvent.click(screen.getByRole("button", { name: "Save targets" }));
  await waitFor(() =>
    expect(host.saveSettings).toHaveBeenCalledWith({
      targets: { severity: { "completion-band": "off", "stated-rate-mismatch": "warning" }, indicators: { scoring: "all-or-nothing" } },
      mapping: {},
    })
  );

  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await waitFor(() => expect(screen.queryByText(/completion rate 202.5%/)).toBeNull());
  expect(screen.getByText(/stated completion rate is 131%/)).toBeTruthy();
});

test("saving targets keeps what the pane does not show: a fund's own rule severities", async () => {
  const stored = { completionBand: { okHigh: 1.08 }, funds: { 工伤保险: { growthBand: { high: 0.5 }, severity: { "yoy-growth-band": "off" as const } } } };
  const host = fakeHost({ loadSettings: async () => ({ targets: stored, problems: [] }) });
  render(<App host={host} standalone={false} initialLang="en" />);
  fireEvent.click(screen.getByRole("tab", { name: "Targets" }));
  await waitFor(() => expect((document.getElementById("wb-completionBand_okHigh") as HTMLInputElement).value).toBe("108"));
  fireEvent.click(screen.getByRole("button", { name: "Save targets" }));
  await waitFor(() => expect(host.saveSettings).toHaveBeenCalledWith({ targets: stored, mapping: {} }));
});

test("targets stored in the workbook are used from the first pass", async () => {
  const host = fakeHost({ loadSettings: async () => ({ targets: { completionBand: { okHigh: 2.5, warningHigh: 3 } }, problems: [] }) });
  render(<App host={host} standalone={false} initialLang="en" />);
  await act(async () => undefined);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await screen.findByText(/stated completion rate is 131%/);
  expect(screen.queryByText(/completion rate 202.5%/)).toBeNull();
});

test("stored settings that loosen the checks are named above the findings, so 'no problem' never hides them", async () => {
  const host = fakeHost({ loadSettings: async () => ({ targets: { severity: { "completion-band": "off", "stated-rate-mismatch": "off" } }, problems: [] }) });
  render(<App host={host} standalone={false} initialLang="en" />);
  await act(async () => undefined);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await screen.findByText("0 errors, 0 warnings, 0 info");
  expect(screen.getByText("Settings stored in this workbook change the checks: rule completion-band off; rule stated-rate-mismatch off")).toBeTruthy();
});

test("a stored mapping is validated as the CLI validates it: an unknown role is reported and not used", async () => {
  const host = fakeHost({ loadSettings: async () => ({ mapping: { "2019": { D: "nonsense" } }, problems: [] }) });
  render(<App host={host} standalone={false} initialLang="en" />);
  await screen.findByText(/Stored settings could not be read: 2019\.D: expected one of/);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  await screen.findByText(/stated completion rate is 131%/); // column D still read as the stated rate
});

test("a notice belongs to its action: shown on its own tab only, reworded on a change of language, gone once the action succeeds", async () => {
  let release: () => void = () => undefined;
  let slow = true;
  const host = fakeHost({
    readSheet: () => (slow ? new Promise<GridSheet>((resolve) => (release = () => resolve(seed))) : Promise.resolve(seed)),
  });
  render(<App host={host} standalone={false} initialLang="en" />);
  fireEvent.click(screen.getByRole("button", { name: "Run check" }));
  fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
  await act(async () => release());
  await screen.findByText("Check cancelled.");

  fireEvent.click(screen.getByRole("tab", { name: "Targets" }));
  expect(screen.queryByText("Check cancelled.")).toBeNull();
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  expect(screen.getByText("Check cancelled.")).toBeTruthy();

  fireEvent.click(screen.getByTestId("language"));
  expect(screen.getByText("已取消校验。")).toBeTruthy();
  expect(screen.queryByText("Check cancelled.")).toBeNull();

  slow = false;
  fireEvent.click(screen.getByRole("button", { name: "开始校验" }));
  await screen.findByText(/填报的完成率为131%/);
  expect(screen.queryByText("已取消校验。")).toBeNull();
});

test("the standalone page before a file is open says what to do, and names no file", () => {
  render(<App standalone initialLang="en" />);
  expect(screen.getByText(/Open an \.xlsx file above, drop one on the box, or try the example/)).toBeTruthy();
  expect(screen.getByTestId("file-name").textContent).toBe("No file open");
  expect(screen.getByRole("button", { name: "Open .xlsx…" })).toBeTruthy();
});
