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

const heads = { "2019": [["单位：万元"], [], ["险种", "预算数", "执行数", "完成率"]] };

function Harness({ initial, onChange, canSave = true }: { initial: ColumnMapping; onChange: (m: ColumnMapping) => void; canSave?: boolean }) {
  const [mapping, setMapping] = React.useState(initial);
  return (
    <I18nContext.Provider value={makeI18n("en")}>
      <MappingPanel
        sheets={sheets}
        mapping={mapping}
        canSave={canSave}
        heads={heads}
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

test("each column shows the header words read above it, marked as Chinese text", () => {
  render(<Harness initial={{}} onChange={jest.fn()} />);
  const header = document.querySelector('[data-header="C"]')!;
  expect(header.textContent).toBe("执行数");
  expect(header.getAttribute("lang")).toBe("zh-CN");
  expect(document.querySelector('[data-header="A"]')!.textContent).toBe("险种");
});

test("says where the choices are kept: with the workbook in Excel, for this session in the page", () => {
  const { unmount } = render(<Harness initial={{}} onChange={jest.fn()} />);
  expect(screen.getByText(/the choice is saved with the workbook/)).toBeTruthy();
  unmount();
  render(<Harness initial={{}} onChange={jest.fn()} canSave={false} />);
  expect(screen.queryByText(/saved with the workbook/)).toBeNull();
  expect(screen.getByText(/applies to this session only and the file is not changed/)).toBeTruthy();
});
