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
import { averageGrowthFindings } from "./averages";
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
  const read = readReportTextDetail(text, name, targets);

  // Sentences by line, with the fund they speak of, to quote the sentence a finding's cell stands in.
  // (By subject, first sentence kept: a line may hold a whole report's funds, so no list scans.)
  const sentencesByLine = new Map<number, Map<string, string>>();
  const note = (line: number, subject: string, quote: string) => {
    let bySubject = sentencesByLine.get(line);
    if (!bySubject) sentencesByLine.set(line, (bySubject = new Map()));
    if (!bySubject.has(subject)) bySubject.set(subject, quote);
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
        const candidates = sentencesByLine.get(line) ?? new Map<string, string>();
        let own = candidates.get(finding.subject);
        if (own === undefined && candidates.size <= 64) for (const [subject, quote] of candidates) if (own === undefined && finding.subject.startsWith(subject)) own = quote;
        if (own === undefined && candidates.size === 1) own = candidates.values().next().value;
        finding.line = line;
        if (own !== undefined) finding.quote = own;
      }
      findings.push(finding);
    }
  }
  for (const f of averageGrowthFindings(read.funds, targets, name)) findings.push(f);
  for (const f of read.pasted.findings) findings.push(f);
  findings.sort(bySeverity);

  // (A loop, not Math.min(...lines): a text of 200,000 funds would overflow the stack.)
  let firstLine = Infinity;
  let lastLine = -Infinity;
  const prose = read.funds.map((f) => f.figure);
  for (const f of prose) {
    for (const line of [f.line, ...Object.values(f.sources).map((s) => s!.line)]) {
      if (line < firstLine) firstLine = line;
      if (line > lastLine) lastLine = line;
    }
  }
  const funds: FundAmounts[] = prose.map((f) => {
    const amounts: FundAmounts = { subject: f.subject };
    if (f.budget !== undefined) amounts.budget = f.budget;
    if (f.actual !== undefined) amounts.actual = f.actual;
    return amounts;
  });
  const sheet: SheetReport = {
    name,
    kind: prose.length || read.pasted.tables.length ? "fund" : "notes",
    headerRow: null,
    columns: {},
    tables: prose.length
      ? [{ kind: "fund", headerRow: firstLine, firstRow: firstLine, lastRow: lastLine, columns: {}, funds, ...(read.unit ? { unit: read.unit } : {}) }]
      : [],
  };
  for (const t of read.pasted.tables) sheet.tables.push(t);
  const result: ReportCheckResult = { sheets: [sheet], summary: summarize(findings), findings, figures: read.figures };
  if (read.unit) result.unit = read.unit;
  return result;
}
