/**
 * Task pane (Excel): a workbook with one sheet per county → the prefecture matrix as a new sheet
 * (../matrixSheet.ts: the matrix and the sheet's layout as pure data; the host's insertSheet writes it).
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { Targets } from "../../core/targets";
import type { Lang } from "../../core/words";
import { w } from "../../output/matrix/words";
import type { WorkbookHost } from "../host";

export function SheetMatrixButton({ host, lang, targets, disabled, notify }: { host: WorkbookHost; lang: Lang; targets?: Targets; disabled?: boolean; notify(intent: "success" | "warning" | "error", text: string): void }) {
  const [busy, setBusy] = React.useState(false);
  if (!host.insertSheet) return null;
  const run = async () => {
    setBusy(true);
    try {
      const { names } = await host.listSheets();
      const sheets = [];
      for (const name of names) sheets.push(await host.readSheet(name, {}));
      // The matrix code is loaded only when asked for (the pane's first load stays small).
      const { matrixSheetLayout, sheetsMatrix } = await import(/* webpackChunkName: "matrix" */ "../matrixSheet");
      const matrix = sheetsMatrix(sheets, targets);
      const { rows, formats } = matrixSheetLayout(matrix, lang);
      const { sheet, grouped } = await host.insertSheet!(w("sheetMatrixName", lang), rows, formats);
      notify(grouped ? "success" : "warning", w("sheetMatrixWritten", lang, { sheet, n: matrix.counties.length }));
    } catch (error) {
      notify("error", (error as Error)?.message ?? String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button disabled={disabled || busy} onClick={run} data-testid="sheet-matrix">
      {w("sheetMatrix", lang)}
    </Button>
  );
}
