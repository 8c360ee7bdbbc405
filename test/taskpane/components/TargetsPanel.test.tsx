/** @jest-environment jsdom */
/** The Targets tab is made from the rules' own threshold declarations: every field appears, in both languages. */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { TargetsPanel } from "../../../src/taskpane/components/TargetsPanel";
import { I18nContext, Lang, makeI18n } from "../../../src/taskpane/i18n";
import { THRESHOLDS } from "../../../src/core/ruleCatalogue";
import { fieldsOf } from "../../../src/core/rules/threshold";

// jsdom has no layout: Fluent's MessageBar observes its size; a browser has ResizeObserver, jsdom does not.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

function renderPanel(lang: Lang, onSave = jest.fn()) {
  render(
    <I18nContext.Provider value={makeI18n(lang)}>
      <TargetsPanel input={undefined} canSave={true} onSave={onSave} />
    </I18nContext.Provider>
  );
  return onSave;
}

test.each(["en", "zh"] as const)("every threshold field a rule declares is on the tab, labelled in %s, with its default as the placeholder", (lang) => {
  renderPanel(lang);
  for (const f of THRESHOLDS.flatMap(fieldsOf)) {
    const control = screen.getByLabelText(f.field.label[lang]) as HTMLInputElement | HTMLSelectElement;
    if (f.field.kind === "percent") expect(control.getAttribute("placeholder")).toBe(String(Number((f.field.default * 100).toPrecision(12))));
  }
});

test("a percentage typed as 108 is saved as 1.08; a choice (negative figures on refund rows) is saved by name", () => {
  const onSave = renderPanel("en");
  fireEvent.change(screen.getByLabelText("Completion ok up to (%)"), { target: { value: "108" } });
  fireEvent.change(screen.getByLabelText("Negative figures on a refund row (收回/退回/冲减)"), { target: { value: "flagged" } });
  fireEvent.click(screen.getByRole("button", { name: "Save targets" }));
  expect(onSave).toHaveBeenCalledTimes(1);
  expect(onSave.mock.calls[0][0]).toEqual({ completionBand: { okHigh: 1.08 }, negativeFigures: { refundRows: "flagged" } });
  expect(onSave.mock.calls[0][1]).toMatchObject({ completionBand: { okHigh: 1.08, okLow: 0.95 }, negativeFigures: { refundRows: "flagged" } });
});

test("a value out of its declared range is refused with the key named, nothing saved", () => {
  const onSave = renderPanel("en");
  fireEvent.change(screen.getByLabelText("其中 list is a full breakdown from (% of its total)"), { target: { value: "150" } });
  fireEvent.click(screen.getByRole("button", { name: "Save targets" }));
  expect(onSave).not.toHaveBeenCalled();
  expect(screen.getByText(/componentsCoverage: expected a number between 0 and 1/)).toBeTruthy();
});
