/**
 * What an output charts of a fund table: budget vs actual, or income vs expenditure where the table states no budget
 * (chartBasis), the funds that have something to draw, the first CHART_LIMIT of them drawn. `trimCharts` keeps only
 * those and their count in a FileResult, so that a result passed between threads (src/cli/isolation.ts) does not
 * carry 200,000 rows of chart amounts nobody draws.
 */
import type { FundAmounts } from "../core/api";
import { CHART_LIMIT, chartBasis, chartData, TableChart } from "../core/chart";
import type { FileResult } from "./fileResult";

/** The funds a table's chart draws from (all of them; the chart shows the first CHART_LIMIT). */
export function chartedFunds(table: TableChart): FundAmounts[] {
  return chartBasis(table) === "income"
    ? table.funds.filter((f) => f.income !== undefined || f.actual !== undefined)
    : table.funds.filter((f) => f.budget !== undefined || f.actual !== undefined);
}

const key = (sheet: string, table: number) => `${table}\u0000${sheet}`;

/** How many funds a table's chart has in all, when the result was trimmed; else what it holds. */
export function chartedTotal(report: FileResult, table: TableChart, charted: readonly FundAmounts[]): number {
  return report.chartTotals?.[key(table.sheet, table.table)] ?? charted.length;
}

/** The report with each fund table's chart amounts cut (in place) to what a chart draws, their count kept. */
export function trimCharts(report: FileResult): FileResult {
  const totals: Record<string, number> = { ...report.chartTotals };
  for (const chart of chartData(report.result)) {
    const charted = chartedFunds(chart);
    if (charted.length <= CHART_LIMIT) continue;
    const table = report.result.sheets.find((s) => s.name === chart.sheet)?.tables[chart.table];
    if (!table) continue;
    totals[key(chart.sheet, chart.table)] = charted.length;
    table.funds = charted.slice(0, CHART_LIMIT);
  }
  return Object.keys(totals).length ? { ...report, chartTotals: totals } : report;
}
