/**
 * The extracted figures as a worksheet: the stated figures typed as values, and live FUND. formulas beside them
 * that recompute what the text only asserts, so a reviewer sees both in Excel (README, “Report text”). Pure data: the task
 * pane writes it with Office.js (values and formulas in one 2-D array, plus number formats of the same shape).
 */
import { readNumberText } from "../numbers";
import { FIGURE_WORDS, Lang } from "../words";
import { FigureField, ReportFigure, figureLabel } from "./funds";

export type SheetCell = string | number | null;

/** Columns, in order (the stated figures named as everywhere, FIGURE_WORDS). A formula column names the columns it reads. */
const COLUMNS = [
  { key: "subject", ...FIGURE_WORDS.subject },
  { key: "budget", ...FIGURE_WORDS.budget },
  { key: "actual", ...FIGURE_WORDS.actual },
  { key: "statedCompletion", ...FIGURE_WORDS.statedCompletion },
  { key: "completion", zh: "计算完成率", en: "Computed completion" },
  { key: "completionMatches", zh: "完成率相符", en: "Completion matches" },
  { key: "change", ...FIGURE_WORDS.change },
  { key: "statedGrowth", ...FIGURE_WORDS.statedGrowth },
  { key: "prior", zh: "上年支出（推算）", en: "Prior year (implied)" },
  { key: "growth", zh: "计算增幅", en: "Computed growth" },
  { key: "growthMatches", zh: "增幅相符", en: "Growth matches" },
  { key: "income", ...FIGURE_WORDS.income },
  { key: "currentBalance", zh: "当年结余（计算）", en: "Current balance (computed)" },
  { key: "balance", ...FIGURE_WORDS.balance },
  { key: "payableMonths", zh: "可支付月数", en: "Payable months" },
  { key: "componentsSum", zh: "其中合计", en: "Components sum" },
  { key: "componentsMatch", zh: "其中相符", en: "Components match" },
  { key: "line", ...FIGURE_WORDS.line },
] as const;

type ColumnKey = (typeof COLUMNS)[number]["key"];
const col = (key: ColumnKey): string => String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key));

/** Percent places as stated ("98.67%" → 2), for RATE_MATCHES and the number format. */
function statedPlaces(figure: ReportFigure, field: FigureField): number {
  const text = figure.sources[field]?.text;
  const read = text === undefined ? undefined : readNumberText(text);
  return read && read.kind === "number" ? read.decimals : 0;
}

const has = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * Header row + one row per fund. Formulas appear only where their inputs are stated (a blank input would only
 * give #N/A). `componentsCoverage` is the share a 其中 list must cover to be checked as a full breakdown.
 */
export function figuresToSheetRows(figures: readonly ReportFigure[], lang: Lang = "zh", componentsCoverage = 1): SheetCell[][] {
  const rows: SheetCell[][] = [COLUMNS.map((c) => c[lang])];
  figures.forEach((f, i) => {
    const r = i + 2;
    const at = (key: ColumnKey) => `${col(key)}${r}`;
    const cells: Record<ColumnKey, SheetCell> = {
      subject: figureLabel(f),
      budget: f.budget ?? null,
      actual: f.actual ?? null,
      statedCompletion: f.statedCompletion ?? null,
      completion: null,
      completionMatches: null,
      change: f.change ?? null,
      statedGrowth: f.statedGrowth ?? null,
      prior: f.prior ?? null,
      growth: null,
      growthMatches: null,
      income: f.income ?? null,
      currentBalance: null,
      balance: f.balance ?? null,
      payableMonths: null,
      componentsSum: null,
      componentsMatch: null,
      line: f.line,
    };
    if (has(f.actual) && has(f.budget)) {
      cells.completion = `=FUND.COMPLETION_RATE(${at("actual")},${at("budget")})`;
      if (has(f.statedCompletion)) {
        const places = statedPlaces(f, "statedCompletion");
        cells.completionMatches = `=FUND.RATE_MATCHES(${at("statedCompletion")},${at("completion")}${places ? `,${places}` : ""})`;
      }
    }
    if (!has(f.prior) && has(f.actual) && has(f.change)) cells.prior = `=${at("actual")}-${at("change")}`;
    if (has(f.actual) && (has(f.prior) || has(f.change))) {
      cells.growth = `=FUND.YOY_GROWTH(${at("actual")},${at("prior")})`;
      if (has(f.statedGrowth)) {
        const places = statedPlaces(f, "statedGrowth");
        cells.growthMatches = `=FUND.RATE_MATCHES(${at("statedGrowth")},${at("growth")}${places ? `,${places}` : ""})`;
      }
    }
    if (has(f.income) && has(f.actual)) cells.currentBalance = `=FUND.BALANCE(${at("income")},${at("actual")})`;
    if (has(f.balance) && has(f.actual)) cells.payableMonths = `=FUND.PAYABLE_MONTHS(${at("balance")},${at("actual")})`;
    if (f.components?.length) {
      cells.componentsSum = "=" + f.components.map((c) => (c.amount < 0 ? `(${c.amount})` : String(c.amount))).join("+");
      const total = f.componentsOf === "income" ? "income" : "actual";
      if (has(f[total]) && (f.componentsCoverage ?? 0) >= componentsCoverage) {
        cells.componentsMatch = `=FUND.SUM_MATCHES(${at(total)},${at("componentsSum")})`;
      } else {
        cells.componentsMatch = lang === "zh" ? "部分列举" : "partial list";
      }
    }
    rows.push(COLUMNS.map((c) => cells[c.key]));
  });
  return rows;
}

/** Number formats of the same shape as `figuresToSheetRows` (rates as percentages at their stated places). */
export function figuresSheetFormats(figures: readonly ReportFigure[]): string[][] {
  const percent = (places: number) => (places > 0 ? `0.${"0".repeat(places)}%` : "0%");
  const rows: string[][] = [COLUMNS.map(() => "General")];
  for (const f of figures) {
    const formats: Record<ColumnKey, string> = {
      subject: "@",
      budget: "General",
      actual: "General",
      statedCompletion: percent(statedPlaces(f, "statedCompletion")),
      completion: "0.0%",
      completionMatches: "General",
      change: "General",
      statedGrowth: percent(statedPlaces(f, "statedGrowth")),
      prior: "General",
      growth: "0.0%",
      growthMatches: "General",
      income: "General",
      currentBalance: "General",
      balance: "General",
      payableMonths: "0.0",
      componentsSum: "General",
      componentsMatch: "General",
      line: "0",
    };
    rows.push(COLUMNS.map((c) => formats[c.key]));
  }
  return rows;
}
