/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FindingsList, PAGE } from "../../../src/taskpane/components/FindingsList";
import { I18nContext, Lang, makeI18n } from "../../../src/taskpane/i18n";
import type { Finding } from "../../../src/core/findings";
import { cellAt } from "../../../src/core/location";

const findings: Finding[] = [
  {
    rule: "completion-band", severity: "error", at: cellAt("2019", "C7"), related: ["B7"], subject: "工伤保险",
    observed: "202.5%", expected: "95%–105%", message: { zh: "完成率 202.5% 超出 95%–105%", en: "Completion 202.5% outside 95%–105%" },
  },
  {
    rule: "stated-rate-mismatch", severity: "error", at: cellAt("2019", "D7"), related: ["B7", "C7"], subject: "工伤保险",
    observed: "131%", expected: "202.5%", message: { zh: "填报完成率 131% 与计算值 202.5% 不符", en: "Stated 131% but computed 202.5%" },
  },
  {
    rule: "yoy-growth-band", severity: "warning", at: cellAt("2019", "F6"), related: [], subject: "城乡居民基本养老保险",
    observed: "35.5%", expected: "-30%–30%", message: { zh: "增幅 35.5%", en: "Growth 35.5%" },
  },
  {
    rule: "<script>" as Finding["rule"], severity: "info", at: cellAt("2019", "B9"), related: [], subject: "<img src=x onerror=alert(1)>",
    observed: "", expected: "", message: { zh: "<b>x</b>", en: "<b>x</b>" },
  },
];

function show(lang: Lang, onSelect = jest.fn()) {
  render(
    <I18nContext.Provider value={makeI18n(lang)}>
      <FluentProvider theme={webLightTheme}>
        <FindingsList findings={findings} onSelect={onSelect} />
      </FluentProvider>
    </I18nContext.Provider>
  );
  return onSelect;
}

test("groups findings by severity with counts, showing subject, message, observed and expected", () => {
  show("en");
  const errors = screen.getByRole("region", { name: /Errors/ });
  expect(within(errors).getByRole("heading").textContent).toBe("Errors2");
  expect(within(errors).getAllByRole("button")).toHaveLength(2);
  expect(within(errors).getAllByRole("button")[1].textContent).toContain("Stated 131% but computed 202.5%");
  expect(within(errors).getAllByRole("button")[1].textContent).toContain("Observed: 131% · Expected: 202.5%");
  const warnings = screen.getByRole("region", { name: /Warnings/ });
  expect(within(warnings).getByRole("button").textContent).toContain("城乡居民基本养老保险");
  expect(screen.getByRole("region", { name: /Info/ })).toBeTruthy();
});

test("cell text is shown as text, never as markup", () => {
  show("en");
  const notes = screen.getByRole("region", { name: /Info/ });
  expect(notes.querySelector("img")).toBeNull();
  expect(notes.querySelector("b")).toBeNull();
  expect(within(notes).getByRole("button").textContent).toContain("<img src=x onerror=alert(1)>");
});

test("clicking a finding hands that finding to the caller (which selects its cell)", () => {
  const onSelect = show("zh");
  fireEvent.click(screen.getByText("填报完成率 131% 与计算值 202.5% 不符"));
  expect(onSelect).toHaveBeenCalledWith(findings[1]);
  expect(screen.getByRole("region", { name: /错误/ })).toBeTruthy();
});

test("an empty list says every rule passed", () => {
  render(
    <I18nContext.Provider value={makeI18n("zh")}>
      <FindingsList findings={[]} onSelect={() => undefined} />
    </I18nContext.Provider>
  );
  expect(screen.getByRole("status").textContent).toBe("未发现问题：全部规则通过。");
});

test("a long group shows its first findings and more on request, so a big workbook does not freeze the pane", () => {
  const many: Finding[] = Array.from({ length: PAGE * 2 + 50 }, (_, i) => ({
    rule: "missing-value", severity: "info", at: cellAt("2019", `C${i + 4}`), related: [], subject: `第${i}号统筹区`,
    observed: "", expected: "", message: { zh: `第${i}号：支出数为空`, en: `No. ${i}: actual is blank` },
  }));
  render(
    <I18nContext.Provider value={makeI18n("en")}>
      <FluentProvider theme={webLightTheme}>
        <FindingsList findings={many} onSelect={jest.fn()} />
      </FluentProvider>
    </I18nContext.Provider>
  );
  const notes = screen.getByRole("region", { name: /Info/ });
  expect(within(notes).getByRole("heading").textContent).toBe(`Info${PAGE * 2 + 50}`); // the count is of all
  const items = () => notes.querySelectorAll("button[data-finding]");
  expect(items()).toHaveLength(PAGE);
  fireEvent.click(within(notes).getByRole("button", { name: `Show ${PAGE} more (${PAGE + 50} not shown)` }));
  expect(items()).toHaveLength(PAGE * 2);
  fireEvent.click(within(notes).getByRole("button", { name: "Show 50 more (50 not shown)" }));
  expect(items()).toHaveLength(PAGE * 2 + 50);
  expect(within(notes).queryByRole("button", { name: /Show .* more/ })).toBeNull();
});

test("words observed and expected follow the pane's language", () => {
  const blank: Finding = {
    rule: "missing-value", severity: "info", at: cellAt("2019", "B12"), related: [], subject: "失业保险",
    observed: "blank", observedText: { zh: "空白", en: "blank" }, expected: "budget", expectedText: { zh: "预算数", en: "budget" },
    message: { zh: "失业保险：预算数为空", en: "失业保险: the budget is blank" },
  };
  for (const [lang, text] of [["zh", "空白"], ["en", "blank"]] as const) {
    const { unmount } = render(
      <I18nContext.Provider value={makeI18n(lang)}>
        <FluentProvider theme={webLightTheme}>
          <FindingsList findings={[blank]} onSelect={jest.fn()} />
        </FluentProvider>
      </I18nContext.Provider>
    );
    const shown = screen.getByRole("button").textContent!;
    expect(shown).toContain(text);
    expect(shown).toContain(lang === "zh" ? "预算数" : "budget");
    if (lang === "en") expect(shown).not.toContain("空白");
    unmount();
  }
});
