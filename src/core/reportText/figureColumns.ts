/**
 * The one list of a report text's figure columns, in order: what every surface that shows the figures read from a
 * text lays out (the inserted sheet, the HTML report, the JSON `figures`, the page's CSV and the pane's table).
 * `kind` says how a surface writes the value: an amount in the text's unit, a rate as a fraction (0.97), the
 * fund's first line, the 其中 list. The headings are FIGURE_WORDS'.
 */
import { FIGURE_WORDS, Message } from "../words";

export type FigureColumnKind = "subject" | "line" | "amount" | "rate" | "components";

export interface FigureColumn {
  key: "subject" | "line" | "budget" | "actual" | "statedCompletion" | "change" | "statedGrowth" | "income" | "balance" | "components";
  kind: FigureColumnKind;
  label: Message;
}

const column = <K extends FigureColumn["key"]>(key: K, kind: FigureColumnKind) => ({ key, kind, label: FIGURE_WORDS[key] }) as const;

export const FIGURE_COLUMNS = [
  column("subject", "subject"),
  column("line", "line"),
  column("budget", "amount"),
  column("actual", "amount"),
  column("statedCompletion", "rate"),
  column("change", "amount"),
  column("statedGrowth", "rate"),
  column("income", "amount"),
  column("balance", "amount"),
  column("components", "components"),
] as const satisfies readonly FigureColumn[];

/** The columns that hold one stated figure (an amount or a rate), in the same order. */
export type StatedFigureKey = "budget" | "actual" | "statedCompletion" | "change" | "statedGrowth" | "income" | "balance";
export const STATED_FIGURE_KEYS: readonly StatedFigureKey[] = FIGURE_COLUMNS.filter((c) => c.kind === "amount" || c.kind === "rate").map(
  (c) => c.key as StatedFigureKey
);

/**
 * A figure's fund as a table of figures shows it, where one text holds several years of one fund: "工伤保险（2024年）".
 * A label for people only: the data keys it by `subject` and `period`.
 */
export function figureLabel(f: { subject: string; period?: string }): string {
  return f.period === undefined ? f.subject : `${f.subject}（${f.period.replace("-", "—")}年）`;
}
