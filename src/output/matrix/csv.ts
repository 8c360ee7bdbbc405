/**
 * The matrix as CSV, one row per county × fund (a tidy table a spreadsheet pivots back into the matrix), then one
 * row per cross-file mismatch. Columns: county, fund, status, measure, value, band, errors, warnings, info, file,
 * sheet, cell, message. Values are fractions as in JSON (0.981); UTF-8 with a BOM so Excel reads the Chinese.
 */
import type { Lang } from "../../core/words";
import type { Matrix } from "../../core/matrix";
import { locationFields } from "../../core/location";

const HEADER = ["county", "fund", "status", "measure", "value", "band", "errors", "warnings", "info", "file", "sheet", "cell", "message"];

function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  // Quote what CSV needs quoted; a leading = + - @ is kept from spreadsheet formula injection.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatMatrixCsv(m: Matrix, lang: Lang): string {
  const rows: (string | number | null | undefined)[][] = [HEADER];
  for (const c of m.counties) {
    for (const fund of m.funds) {
      const cell = c.funds[fund];
      if (!cell) {
        const status = c.unreadable ? "unreadable" : c.noWorkbook ? "no-workbook" : "missing";
        rows.push([c.name, fund, status, m.measure, null, null, null, null, null, c.files.join("; "), null, null, c.unreadable ?? null]);
        continue;
      }
      const status = cell.errors ? "error" : cell.warnings ? "warning" : cell.info ? "info" : cell.band === "none" ? "no-figure" : "ok";
      rows.push([c.name, fund, status, m.measure, cell.value, cell.band, cell.errors, cell.warnings, cell.info, cell.file, cell.sheet, cell.cell, null]);
    }
  }
  for (const f of m.consistency) {
    const { sheet, cell } = locationFields(f.at);
    const file = (f as { file?: string }).file;
    rows.push([f.subject.split(" ")[0], null, f.rule, null, null, null, f.severity === "error" ? 1 : 0, f.severity === "warning" ? 1 : 0, f.severity === "info" ? 1 : 0, file, sheet, cell, f.message[lang]]);
  }
  return "\uFEFF" + rows.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
