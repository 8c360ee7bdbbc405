/**
 * The budget-vs-actual chart data of a result, made here once for every chart (the HTML report draws one per fund
 * table, the report sheet one of all funds). The check only records each fund table's amounts (`fundAmounts`);
 * what is charted, how it is labelled and where it is cut is decided here.
 */
import { CHART_LIMIT, CheckResult, FundAmounts } from "./api";
import { ACTUAL, BUDGET, INCOME, TableFigures } from "./figureStore";
import type { FundTable } from "./model";
import { ReportFigure, figureLabel } from "./reportText/funds";

export { CHART_LIMIT };

/** Each fund row's budget and actual (其中 rows left out), as numbers; a figure that is not a number is absent. */
export function fundAmounts(table: FundTable, figures: TableFigures = TableFigures.of(table.rows)): FundAmounts[] {
  const funds: FundAmounts[] = [];
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.kind === "component") continue;
    const b = figures.value(i, BUDGET); // NaN: not a number
    const a = figures.value(i, ACTUAL);
    // One literal per case, so each object is made at its size (no properties added after).
    const subject = row.subject;
    const n = figures.value(i, INCOME);
    let amounts: FundAmounts | undefined;
    if (b === b) amounts = a === a ? { subject, budget: b, actual: a } : { subject, budget: b };
    else if (a === a) amounts = { subject, actual: a };
    if (n === n) (amounts ??= { subject }).income = n;
    if (amounts) funds.push(amounts);
  }
  return funds;
}

/** The same for the funds read from report text (their amounts already in the text's one unit). */
export function figureAmounts(figures: readonly ReportFigure[]): FundAmounts[] {
  return figures.map((f) => {
    const amounts: FundAmounts = { subject: figureLabel(f) }; // a text of several years: 工伤保险（2024年）
    if (f.budget !== undefined) amounts.budget = f.budget;
    if (f.actual !== undefined) amounts.actual = f.actual;
    if (f.income !== undefined) amounts.income = f.income;
    return amounts;
  });
}

/** One fund table's chart: the funds with a budget or an actual, in table order. */
export interface TableChart {
  sheet: string;
  /** Index of the table in its sheet's `tables`. */
  table: number;
  unit?: string;
  funds: FundAmounts[];
}

function charted(f: FundAmounts): boolean {
  return Number.isFinite(f.budget ?? NaN) || Number.isFinite(f.actual ?? NaN) || Number.isFinite(f.income ?? NaN);
}

/**
 * What a table's chart sets against expenditure: the budget, or — for a table of income and expenditure that
 * states no budget — the income.
 */
export function chartBasis(chart: TableChart): "budget" | "income" {
  const has = (key: "budget" | "income") => chart.funds.some((f) => Number.isFinite(f[key] ?? NaN));
  return !has("budget") && has("income") ? "income" : "budget";
}

/** A chart per fund table that has something to draw, in sheet then table order. Draw at most CHART_LIMIT funds of each. */
export function chartData(result: Pick<CheckResult, "sheets">): TableChart[] {
  const out: TableChart[] = [];
  for (const sheet of result.sheets) {
    sheet.tables.forEach((t, k) => {
      if (t.kind !== "fund") return;
      const funds = t.funds.filter(charted);
      if (!funds.length) return;
      const chart: TableChart = { sheet: sheet.name, table: k, funds };
      if (t.unit) chart.unit = t.unit;
      out.push(chart);
    });
  }
  return out;
}

/**
 * Every charted fund of a result as one list (the report sheet's chart), named with its sheet when funds come from
 * several sheets ("收入 · 工伤保险"). Blank budget or actual as null.
 */
export function chartRows(result: Pick<CheckResult, "sheets">): { subject: string; budget: number | null; actual: number | null }[] {
  const charts = chartData(result);
  const several = new Set(charts.map((c) => c.sheet)).size > 1;
  return charts.flatMap((c) =>
    c.funds.filter((f) => f.budget !== undefined || f.actual !== undefined).map((f) => ({ subject: several ? `${c.sheet} · ${f.subject}` : f.subject, budget: f.budget ?? null, actual: f.actual ?? null }))
  );
}
