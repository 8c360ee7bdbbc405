/** Literal county workbooks and a consolidation for the matrix tests (万元 unless said). */
import { checkWorkbook } from "../../../src/core/check";
import type { CellValue, GridSheet } from "../../../src/core/grid";
import { FileSummary, summarizeWorkbook } from "../../../src/core/matrix";
import type { Targets } from "../../../src/core/targets";

export function sheet(name: string, rows: CellValue[][], merges: GridSheet["merges"] = []): GridSheet {
  return { name, cells: rows.map((r) => r.map((value) => (value === undefined ? undefined : { value }))), merges };
}

export function summarize(file: string, sheets: GridSheet[], targets?: Targets): FileSummary {
  const result = checkWorkbook({ name: file, sheets }, { targets });
  return summarizeWorkbook(file, sheets, result);
}

type Row = [string, number | null, number | null];

/** A county's 支出情况 sheet: 基金名称 | 预算数 | 执行数 (rows 3…), a title naming the county, a 合计. */
export function county(name: string, rows: Row[], unit = "万元"): GridSheet {
  const total: Row = ["合计", rows.reduce((s, r) => s + (r[1] ?? 0), 0), rows.reduce((s, r) => s + (r[2] ?? 0), 0)];
  return sheet("支出情况", [[`${name}2019年社会保险基金支出情况表`], [null, null, `单位：${unit}`], ["基金名称", "预算数", "执行数"], ...rows, total]);
}

/** A consolidation: counties as rows, funds as merged column groups 预算数 | 执行数, a 合计 row. */
export function consolidation(funds: string[], counties: [string, (number | null)[]][], totals?: (number | null)[]): GridSheet {
  const header1: CellValue[] = ["县市"];
  const header2: CellValue[] = [null];
  const merges: GridSheet["merges"] = [{ top: 2, left: 0, bottom: 3, right: 0 }];
  funds.forEach((f, i) => {
    header1.push(f, null);
    header2.push("预算数", "执行数");
    merges.push({ top: 2, left: 1 + 2 * i, bottom: 2, right: 2 + 2 * i });
  });
  const sum = totals ?? funds.flatMap((_, i) => [0, 1].map((k) => counties.reduce((s, [, v]) => s + (v[2 * i + k] ?? 0), 0)));
  return sheet("支出汇总", [["某州2019年社会保险基金支出汇总表"], [null, null, "单位：万元"], header1, header2, ...counties.map(([n, v]) => [n, ...v]), ["合计", ...sum]], merges);
}
