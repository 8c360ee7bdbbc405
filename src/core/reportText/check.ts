/**
 * checkReportText: the report-text cross-check (docs/cli.md, "Report text"). The text's figures go through the
 * same fund rules as a sheet (runFundRules over the FundTable whose refs are "L<line>"; a deficit stated only in
 * words is the row's stated current balance, which budget-balance reads); each finding then points at its line
 * and quotes the sentence the figure stands in (a fund's figures may come from several sentences and lines).
 */
import { CheckResult, SheetReport } from "../api";
import { figureAmounts } from "../chart";
import { Finding, summarize } from "../findings";
import { lineAt } from "../location";
import { inFindingOrder } from "../order";
import { runFundRules } from "../rules";
import { SettingsOrigin, settingsEffects } from "../settingsEffects";
import { DEFAULT_TARGETS, Targets } from "../targets";
import { averageGrowthFindings } from "./averages";
import { ReportFigure } from "./funds";
import { readReportTextDetail } from "./read";

export interface ReportCheckOptions {
  targets?: Targets;
  /** The text's name (file name) for findings' `sheet`; "report" by default. */
  name?: string;
  /** Where the targets came from (CheckResult.settings); default: given for this run. */
  origin?: SettingsOrigin;
}

/** A workbook-shaped result (one pseudo-sheet whose rows are lines) plus the figures read (CLI JSON "figures"). */
export interface ReportCheckResult extends CheckResult {
  unit?: string;
  figures: ReportFigure[];
}

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
      const at = finding.at;
      if (at.kind === "line") {
        // The sentence of this fund on the finding's line, rather than the row's first sentence.
        const candidates = sentencesByLine.get(at.line) ?? new Map<string, string>();
        let own = candidates.get(finding.subject);
        if (own === undefined && candidates.size <= 64) for (const [subject, quote] of candidates) if (own === undefined && finding.subject.startsWith(subject)) own = quote;
        if (own === undefined && candidates.size === 1) own = candidates.values().next().value;
        if (own !== undefined) finding.at = lineAt(at.source, at.line, own);
      }
      findings.push(finding);
    }
  }
  for (const f of averageGrowthFindings(read.funds, targets, name)) findings.push(f);
  for (const f of read.pasted.findings) findings.push(f);

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
  const funds = figureAmounts(read.figures);
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
  const ordered = inFindingOrder(findings);
  const result: ReportCheckResult = { sheets: [sheet], summary: summarize(ordered), findings: ordered, figures: read.figures };
  const effects = settingsEffects({ value: options.targets, origin: options.origin ?? "given" });
  if (effects.length) result.settings = effects;
  if (read.unit) result.unit = read.unit;
  return result;
}
