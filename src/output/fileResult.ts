/** What the CLI knows about one input after checking it (its result); every output format is a function of a list of these. */
import type { CheckResult } from "../core/api";
import type { ReportFigure } from "../core/reportText";
import type { Lang } from "../core/words";

export type { Lang };

export interface FileResult {
  /** The path as the user gave it. */
  file: string;
  result: CheckResult;
  /** Report text (.txt/.docx; docs/cli.md) only: the figures read from it and the unit of their amounts. */
  reportText?: { unit?: string; figures: ReportFigure[] };
  /** A fund table's number of charted funds when its chart amounts were cut to what is drawn (src/output/charts.ts). */
  chartTotals?: Record<string, number>;
  /** Things the user should know that are not findings (stored settings that could not be used), for stderr. */
  notes?: string[];
}

export interface FormatOptions {
  lang: Lang;
  /** true when the user named several files: JSON is then an array even if only one could be read. */
  batch: boolean;
}
