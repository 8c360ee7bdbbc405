/** The counts every matrix output states, and the exit code they give (as a plain run: 3 unreadable, 2 errors, 1 warnings). */
import type { Matrix } from "../../core/matrix";

export interface MatrixTotals {
  files: number;
  error: number;
  warning: number;
  info: number;
  /** Files that could not be read. */
  unreadable: number;
}

export function matrixTotals(m: Matrix, files: number): MatrixTotals {
  const t: MatrixTotals = { files, error: 0, warning: 0, info: 0, unreadable: 0 };
  for (const c of m.counties) {
    for (const cell of Object.values(c.funds)) {
      t.error += cell.errors;
      t.warning += cell.warnings;
      t.info += cell.info;
    }
    t.error += c.other.errors;
    t.warning += c.other.warnings;
    t.info += c.other.info;
  }
  for (const c of m.consolidations) {
    t.error += c.errors;
    t.warning += c.warnings;
    t.info += c.info;
  }
  for (const f of m.consistency) t[f.severity]++;
  return t;
}
