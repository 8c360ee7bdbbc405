/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { MappingPanel } from "../../../src/taskpane/components/MappingPanel";
import { I18nContext, makeI18n } from "../../../src/taskpane/i18n";
import type { ColumnMapping, SheetReport } from "../../../src/core/api";

const sheets: SheetReport[] = [
  {
    name: "2019",
    kind: "fund",
    headerRow: 3,
    columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" },
    tables: [
      { kind: "fund", headerRow: 3, firstRow: 4, lastRow: 9, columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" }, funds: [] },
    ],
  },
  { name: "说明", kind: "notes", headerRow: null, columns: {}, tables: [] },
];

function Harness({ initial, onChange }: { initial: ColumnMapping; onChange: (m: ColumnMapping) => void }) {
  const [mapping, setMapping] = React.useState(initial);
  return (
    <I18nContext.Provider value={makeI18n("en")}>
      <MappingPanel
        sheets={sheets}
        mapping={mapping}
        onChange={(m) => {
          setMapping(m);
          onChange(m);
        }}
      />
    </I18nContext.Provider>
  );
}

test("shows each detected column's role and lets the user override it", () => {
  const onChange = jest.fn();
  render(<Harness initial={{}} onChange={onChange} />);
  const budget = screen.getByLabelText("2019 Column B") as HTMLSelectElement;
  expect(budget.value).toBe("budget");
  expect((screen.getByLabelText("2019 Column D") as HTMLSelectElement).value).toBe("statedCompletion");
  expect(screen.getByText("No table found on this sheet.")).toBeTruthy();

  fireEvent.change(budget, { target: { value: "prior" } });
  expect(onChange).toHaveBeenLastCalledWith({ "2019": { B: "prior" } });
  expect((screen.getByLabelText("2019 Column B") as HTMLSelectElement).value).toBe("prior");
  expect(screen.getByText("changed")).toBeTruthy();

  fireEvent.change(screen.getByLabelText("2019 Column D"), { target: { value: "ignore" } });
  expect(onChange).toHaveBeenLastCalledWith({ "2019": { B: "prior", D: "ignore" } });
});

test("a stored override is shown, and resetting the sheet drops it", () => {
  const onChange = jest.fn();
  render(<Harness initial={{ "2019": { C: "income" } }} onChange={onChange} />);
  expect((screen.getByLabelText("2019 Column C") as HTMLSelectElement).value).toBe("income");
  fireEvent.click(screen.getByText("Reset this sheet"));
  expect(onChange).toHaveBeenLastCalledWith({});
  expect((screen.getByLabelText("2019 Column C") as HTMLSelectElement).value).toBe("actual");
});
