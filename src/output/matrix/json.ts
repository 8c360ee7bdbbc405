/**
 * The matrix as JSON (docs/reference.md, "The matrix"): `{ measure, funds, counties, fundSummary, consolidations,
 * consistency, notes, summary }`. Rates are fractions (0.981 = 98.1%), as in every JSON of fund-check; the
 * consistency findings are written as every finding is (findingJson), with the consolidation's `file` and the
 * county workbook's place (`county`).
 */
import { findingJson } from "../../core/findings";
import type { Matrix } from "../../core/matrix";
import { countyStatus } from "../../core/matrix";
import type { MatrixTotals } from "./totals";

export function matrixJson(m: Matrix, totals: MatrixTotals) {
  return {
    measure: m.measure,
    funds: m.funds,
    counties: m.counties.map((c) => ({ ...c, status: countyStatus(c) })),
    fundSummary: m.fundSummary,
    consolidations: m.consolidations,
    consistency: m.consistency.map(findingJson),
    notes: m.notes,
    summary: totals,
  };
}

export function formatMatrixJson(m: Matrix, totals: MatrixTotals): string {
  return JSON.stringify(matrixJson(m, totals), null, 2) + "\n";
}
