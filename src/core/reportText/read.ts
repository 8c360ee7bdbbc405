/** readReportText: report prose → per-fund figures (README, “Report text”) and the FundTable the rules check. */
import { FundTable } from "../model";
import { extractStatements } from "./extract";
import { DEFAULT_TARGETS, Targets } from "../targets";
import { FundFigures, mergeFigures, ReportFigure, textUnit, toFundTable } from "./funds";
import { splitLines } from "./normalize";
import { checkPastedTables, PastedTables } from "./pastedTables";

export interface ReportRead {
  /** The unit the amounts are given in (万元, 亿元, 元); undefined when the text states no amount. */
  unit?: string;
  figures: ReportFigure[];
  /** One table: a row per fund, each followed by its 其中 components. Figure refs are "L<line>". */
  tables: FundTable[];
}

/** Internal: the read plus the merged reads, for the checks. */
export interface ReportReadDetail extends ReportRead {
  funds: FundFigures[];
  /** Tables pasted into the text (tab- or space-separated lines), checked as sheets. */
  pasted: PastedTables;
}

export function readReportTextDetail(text: string, name = "report", targets: Targets = DEFAULT_TARGETS): ReportReadDetail {
  const lines = splitLines(typeof text === "string" ? text : "");
  const pasted = checkPastedTables(lines, targets, name);
  const statements = extractStatements(lines, pasted.lines);
  const unit = textUnit(statements);
  const funds = mergeFigures(statements, unit);
  const tables = funds.length ? [toFundTable(funds, name, unit)] : [];
  // The prose's figures and the pasted tables' rows, in the order of their lines.
  const figures = [...funds.map((f) => f.figure), ...pasted.figures].sort((a, b) => a.line - b.line);
  const read: ReportReadDetail = { figures, tables, funds, pasted };
  if (unit) read.unit = unit;
  return read;
}

/** Reads a performance report's prose into per-fund figures, each with its line and sentence. */
export function readReportText(text: string, name?: string): ReportRead {
  const { unit, figures, tables } = readReportTextDetail(text, name);
  return unit ? { unit, figures, tables } : { figures, tables };
}
