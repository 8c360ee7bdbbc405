/**
 * checkReportText: the report-text cross-check (docs/cli.md, "Report text"). The text's figures go through the
 * same fund rules as a sheet (runFundRules over the FundTable whose refs are "L<line>"; a deficit stated only in
 * words is the row's stated current balance, which budget-balance reads); each finding then points at its line
 * and quotes the sentence the figure stands in (a fund's figures may come from several sentences and lines).
 */
import { CheckResult, FundAmounts, SheetReport } from "../api";
import { bySeverity, Finding, summarize } from "../findings";
import { runFundRules } from "../rules";
import { DEFAULT_TARGETS, Targets } from "../targets";
import { ReportFigure } from "./figures";
import { readReportTextDetail } from "./read";

export interface ReportCheckOptions {
  targets?: Targets;
  /** The text's name (file name) for findings' `sheet`; "report" by default. */
  name?: string;
}

/** A workbook-shaped result (one pseudo-sheet whose rows are lines) plus the figures read (CLI JSON "figures"). */
export interface ReportCheckResult extends CheckResult {
  unit?: string;
  figures: ReportFigure[];
}

const LINE_REF = /^L(\d+)$/;

export function checkReportText(text: string, options: ReportCheckOptions = {}): ReportCheckResult {
  const name = options.name ?? "report";
  const targets = options.targets ?? DEFAULT_TARGETS;
  const read = readReportTextDetail(text, name);

  // Sentences by line, with the fund they speak of, to quote the sentence a finding's cell stands in.
  const sentencesByLine = new Map<number, { subject: string; quote: string }[]>();
  const note = (line: number, subject: string, quote: string) => {
    const list = sentencesByLine.get(line) ?? [];
    if (!list.some((s) => s.subject === subject && s.quote === quote)) list.push({ subject, quote });
    sentencesByLine.set(line, list);
  };
  for (const fund of read.funds) {
    const subject = fund.figure.subject;
    for (const r of Object.values(fund.reads)) if (r) note(r.line, subject, r.quote);
    for (const c of fund.components) {
      note(c.line, subject, c.quote);
      note(c.line, `${subject} / ${c.name}`, c.quote);
    }
  }

  const findings: Finding[] = [];
  for (const table of read.tables) {
    for (const finding of runFundRules(table, targets)) {
      const m = LINE_REF.exec(finding.cell);
      if (m) {
        const line = Number(m[1]);
        const candidates = sentencesByLine.get(line) ?? [];
        const own =
          candidates.find((s) => s.subject === finding.subject) ??
          candidates.find((s) => finding.subject.startsWith(s.subject)) ??
          (candidates.length === 1 ? candidates[0] : undefined);
        finding.line = line;
        if (own) finding.quote = own.quote;
      }
      findings.push(finding);
    }
  }
  findings.sort(bySeverity);

  const lines = read.figures.flatMap((f) => [f.line, ...Object.values(f.sources).map((s) => s!.line)]);
  const funds: FundAmounts[] = read.figures.map((f) => {
    const amounts: FundAmounts = { subject: f.subject };
    if (f.budget !== undefined) amounts.budget = f.budget;
    if (f.actual !== undefined) amounts.actual = f.actual;
    return amounts;
  });
  const sheet: SheetReport = {
    name,
    kind: read.figures.length ? "fund" : "notes",
    headerRow: null,
    columns: {},
    tables: read.figures.length
      ? [{ kind: "fund", headerRow: Math.min(...lines), firstRow: Math.min(...lines), lastRow: Math.max(...lines), columns: {}, funds, ...(read.unit ? { unit: read.unit } : {}) }]
      : [],
  };
  const result: ReportCheckResult = { sheets: [sheet], summary: summarize(findings), findings, figures: read.figures };
  if (read.unit) result.unit = read.unit;
  return result;
}
