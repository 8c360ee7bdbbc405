/**
 * The prefecture matrix: counties × funds, each cell one measure of the fund in that county's own workbook
 * (completion rate by default; growth or payable months), its band against the targets, and the findings behind
 * it. A workbook that could not be read shows its county as unreadable, a fund the county's workbook lacks as
 * missing — never as a pass. A consolidation (a table whose rows are counties) is not a county: its figures are
 * checked against the counties' own workbooks (./crossFile.ts). The result does not depend on the order of the
 * files: files are taken in path order, counties in the consolidation's row order, then by name.
 */
import type { Finding, Message, Severity } from "../findings";
import { severityRank } from "../findings";
import { DEFAULT_TARGETS, Targets, targetsFor } from "../targets";
import { crossFileCheck } from "./crossFile";
import { CountyFrom, countyOf, fundOrder, isCountyName, looksLikeFund, matrixFundKey } from "./names";
import { BatchFile, FileSummary, SummaryRow, SummaryTable, isConsolidation, isUnreadable } from "./summary";

export const MEASURES = ["completion", "growth", "payable-months"] as const;
export type Measure = (typeof MEASURES)[number];

/** A cell's band against the targets: ok, or how far out; none when there is no figure to judge. */
export type Band = "ok" | "info" | "warning" | "error" | "none";

/** Where one finding behind a cell is: its file and its place, for links. */
export interface FindingLink {
  file: string;
  sheet: string;
  cell: string;
  rule: string;
  severity: Severity;
  subject: string;
  message: Message;
}

export interface MatrixCell {
  /** actual ÷ budget (a fraction), null when the row has no budget or no actual to divide. */
  completion: number | null;
  /** The chosen measure's value (equal to completion for the default measure); null when it cannot be computed. */
  value: number | null;
  band: Band;
  /**
   * What the cell is coloured by: its band, made worse by the findings behind it (an error behind a rate in band is
   * still an error: a cell is never shown as a pass while something in it is wrong).
   */
  status: Band;
  /** The row's budget and actual as written, in `unit` (the table's; absent when it states none). */
  budget: number | null;
  actual: number | null;
  unit?: string;
  errors: number;
  warnings: number;
  info: number;
  /** The file and the cell of the row the figures are from. */
  file: string;
  sheet: string;
  cell: string;
  findings: FindingLink[];
}

export interface MatrixCounty {
  name: string;
  /** Its workbooks, in path order. */
  files: string[];
  /** Why one of its workbooks could not be read (the county is then never shown as clean). */
  unreadable?: string;
  /** Named in a consolidation, but no workbook of it is in the batch. */
  noWorkbook?: boolean;
  funds: Record<string, MatrixCell>;
  /** Funds of the matrix its workbooks have no row for. */
  missing: string[];
  /** Findings of its workbooks tied to no fund of the matrix (totals, indicator sheets, unreadable tables). */
  other: { errors: number; warnings: number; info: number; findings: FindingLink[] };
  /** Its worst fund: the worst band, then the most errors and warnings. */
  worst?: string;
}

export interface FundSummary {
  fund: string;
  /** The county where the fund is worst. */
  worst?: string;
  errors: number;
  warnings: number;
  info: number;
  /** Counties whose workbooks lack the fund, or could not be read. */
  missing: number;
}

export interface ConsolidationInfo {
  file: string;
  sheet: string;
  /** Its own findings (a plain run's), counted. */
  errors: number;
  warnings: number;
  info: number;
  findings: FindingLink[];
}

export interface Matrix {
  measure: Measure;
  funds: string[];
  counties: MatrixCounty[];
  /** Per fund across counties. */
  fundSummary: FundSummary[];
  consolidations: ConsolidationInfo[];
  /** cross-file-mismatch findings (./crossFile.ts). */
  consistency: Finding[];
  /** What could not be compared across files, and why (a county unreadable, a unit not stated …). */
  notes: Message[];
}

export interface MatrixOptions {
  measure?: Measure;
  countyFrom?: CountyFrom;
  /** File name → county (a mapping file). */
  countyNames?: Readonly<Record<string, string>>;
  targets?: Targets;
}

function byPath(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** The row a county workbook gives for a fund: its latest period, the first table that has both budget and actual. */
export function fundRows(s: FileSummary): Map<string, { row: SummaryRow; table: SummaryTable; name: string }> {
  const out = new Map<string, { row: SummaryRow; table: SummaryTable; name: string; score: number }>();
  for (const table of s.tables) {
    if (isConsolidation(table)) continue;
    const latest = table.years?.length ? Math.max(...table.years) : undefined;
    for (const row of table.rows) {
      if (row.kind !== "item" || row.group) continue;
      if (!looksLikeFund(row.subject)) continue;
      if (row.period !== undefined && latest !== undefined && row.period !== latest) continue;
      const key = matrixFundKey(row.subject);
      if (!key) continue;
      const score = (row.figures.budget ? 2 : 0) + (row.figures.actual ? 2 : 0) + (row.figures.prior ? 1 : 0);
      const known = out.get(key);
      if (!known || score > known.score) out.set(key, { row, table, name: row.subject, score });
    }
  }
  return out;
}

function measureOf(row: SummaryRow, measure: Measure): { completion: number | null; value: number | null } {
  const f = row.figures;
  const b = f.budget?.value;
  const a = f.actual?.value;
  const completion = b !== undefined && a !== undefined && b > 0 && a >= 0 ? a / b : null;
  if (measure === "completion") return { completion, value: completion };
  if (measure === "growth") {
    const p = f.prior?.value;
    if (a !== undefined && p !== undefined && p !== 0) return { completion, value: (a - p) / Math.abs(p) };
    return { completion, value: f.statedGrowth ? f.statedGrowth.value : null };
  }
  const bal = f.balance?.value;
  return { completion, value: bal !== undefined && a !== undefined && a > 0 ? bal / (a / 12) : null };
}

export function bandOf(value: number | null, measure: Measure, targets: Targets): Band {
  if (value === null || !Number.isFinite(value)) return "none";
  if (measure === "completion") {
    const t = targets.completionBand;
    if (value >= t.okLow && value <= t.okHigh) return "ok";
    return value >= t.warningLow && value <= t.warningHigh ? "warning" : "error";
  }
  if (measure === "growth") {
    const t = targets.growthBand;
    return value >= t.low && value <= t.high ? "ok" : "warning";
  }
  const t = targets.payableMonths;
  return value < t.warningBelow ? "warning" : value > t.infoAbove ? "info" : "ok";
}

const BAND_RANK: Record<Band, number> = { error: 0, warning: 1, info: 2, none: 3, ok: 4 };

function linkOf(file: string, f: Finding): FindingLink {
  const at = f.at;
  return { file, sheet: at.kind === "cell" ? at.sheet : at.source, cell: at.kind === "cell" ? at.address : `L${at.line}`, rule: f.rule, severity: f.severity, subject: f.subject, message: f.message };
}

function count(target: { errors: number; warnings: number; info: number }, s: Severity): void {
  if (s === "error") target.errors++;
  else if (s === "warning") target.warnings++;
  else target.info++;
}

/** Cells ranked worst first: status, band, then errors, then warnings. */
function worse(a: MatrixCell, b: MatrixCell): number {
  return BAND_RANK[a.status] - BAND_RANK[b.status] || BAND_RANK[a.band] - BAND_RANK[b.band] || b.errors - a.errors || b.warnings - a.warnings || b.info - a.info;
}

export function buildMatrix(input: readonly BatchFile[], options: MatrixOptions = {}): Matrix {
  const measure = options.measure ?? "completion";
  const targets = options.targets ?? DEFAULT_TARGETS;
  const files = [...input].sort(byPath);
  const notes: Message[] = [];

  // Consolidations are the readable files with a table of counties; every other file is a county's.
  const consolidations: FileSummary[] = [];
  const byCounty = new Map<string, BatchFile[]>();
  for (const f of files) {
    if (!isUnreadable(f) && f.tables.some(isConsolidation)) {
      consolidations.push(f);
      continue;
    }
    const name = isUnreadable(f) ? countyOf(f.file, [], [], options.countyFrom, options.countyNames) : countyOf(f.file, f.titles, f.sheets, options.countyFrom, options.countyNames);
    const list = byCounty.get(name) ?? [];
    list.push(f);
    byCounty.set(name, list);
  }

  // Funds: every fund row of every county workbook, named as most workbooks name it.
  const spellings = new Map<string, Map<string, number>>();
  const rowsByFile = new Map<string, ReturnType<typeof fundRows>>();
  for (const list of byCounty.values()) {
    for (const f of list) {
      if (isUnreadable(f)) continue;
      const rows = fundRows(f);
      rowsByFile.set(f.file, rows);
      for (const [key, { name }] of rows) {
        const m = spellings.get(key) ?? new Map<string, number>();
        m.set(name, (m.get(name) ?? 0) + 1);
        spellings.set(key, m);
      }
    }
  }
  const fundName = new Map<string, string>();
  for (const [key, m] of spellings) {
    // Ties: the name without a trailing 基金, then the longer (the fuller name: 基本养老保险), then by code point.
    const plain = (n: string) => (/基金$/.test(n) ? 1 : 0);
    const best = [...m.entries()].sort((a, b) => b[1] - a[1] || plain(a[0]) - plain(b[0]) || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
    fundName.set(key, best);
  }
  const funds = [...fundName.values()].sort(fundOrder);
  const keyOfFund = new Map(funds.map((f) => [matrixFundKey(f), f]));

  // County order: the consolidation's rows, then the others by name.
  const order: string[] = [];
  for (const c of consolidations) {
    for (const t of c.tables.filter(isConsolidation)) {
      for (const r of t.rows) if (r.kind === "item" && isCountyName(r.subject) && !order.includes(r.subject)) order.push(r.subject);
    }
  }
  const names = [...new Set([...order, ...[...byCounty.keys()].sort()])];

  const counties: MatrixCounty[] = [];
  for (const name of names) {
    const list = byCounty.get(name) ?? [];
    const county: MatrixCounty = { name, files: list.map((f) => f.file), funds: {}, missing: [], other: { errors: 0, warnings: 0, info: 0, findings: [] } };
    if (list.length === 0) county.noWorkbook = true;
    for (const f of list) {
      if (isUnreadable(f)) {
        county.unreadable ??= f.unreadable;
        continue;
      }
      const rows = rowsByFile.get(f.file)!;
      for (const [key, { row, table }] of rows) {
        const fund = keyOfFund.get(key)!;
        if (county.funds[fund]) continue; // a second workbook of the county: the first (in path order) gives the figures
        const fundTargets = targetsFor(targets, fund);
        const { completion, value } = measureOf(row, measure);
        const ref = row.figures.actual?.ref ?? row.figures.budget?.ref ?? "";
        const band = bandOf(value, measure, fundTargets);
        const cell: MatrixCell = { completion, value, band, status: band, budget: row.figures.budget?.value ?? null, actual: row.figures.actual?.value ?? null, errors: 0, warnings: 0, info: 0, file: f.file, sheet: table.sheet, cell: ref, findings: [] };
        if (table.unit) cell.unit = table.unit;
        county.funds[fund] = cell;
      }
    }
    // Findings: to the fund their subject names, else the county's other findings.
    for (const f of list) {
      if (isUnreadable(f)) continue;
      for (const finding of f.findings) {
        const fund = keyOfFund.get(matrixFundKey(finding.subject));
        const cell = fund ? county.funds[fund] : undefined;
        const target = cell ?? county.other;
        count(target, finding.severity);
        target.findings.push(linkOf(f.file, finding));
      }
    }
    for (const cell of Object.values(county.funds)) {
      const worst: Band = cell.errors ? "error" : cell.warnings ? "warning" : cell.info && cell.band === "ok" ? "info" : cell.band;
      if (BAND_RANK[worst] < BAND_RANK[cell.status]) cell.status = worst;
    }
    if (!county.unreadable && !county.noWorkbook) county.missing = funds.filter((fund) => !county.funds[fund]);
    const cells = Object.entries(county.funds).sort((a, b) => worse(a[1], b[1]));
    const top = cells[0];
    if (top && BAND_RANK[top[1].status] < BAND_RANK.info) county.worst = top[0];
    counties.push(county);
  }

  const fundSummary: FundSummary[] = funds.map((fund) => {
    const s: FundSummary = { fund, errors: 0, warnings: 0, info: 0, missing: 0 };
    let worst: { county: string; cell: MatrixCell } | undefined;
    for (const c of counties) {
      const cell = c.funds[fund];
      if (!cell) {
        if (!c.noWorkbook) s.missing++;
        continue;
      }
      s.errors += cell.errors;
      s.warnings += cell.warnings;
      s.info += cell.info;
      if (!worst || worse(cell, worst.cell) < 0) worst = { county: c.name, cell };
    }
    if (worst && BAND_RANK[worst.cell.status] < BAND_RANK.info) s.worst = worst.county;
    return s;
  });

  const consolidationInfo: ConsolidationInfo[] = consolidations.map((c) => {
    const info: ConsolidationInfo = { file: c.file, sheet: c.tables.find(isConsolidation)!.sheet, errors: 0, warnings: 0, info: 0, findings: [] };
    for (const f of c.findings) {
      count(info, f.severity);
      info.findings.push(linkOf(c.file, f));
    }
    return info;
  });

  const consistency: Finding[] = [];
  for (const c of consolidations) {
    const r = crossFileCheck(c, byCounty, rowsByFile, targets);
    consistency.push(...r.findings);
    notes.push(...r.notes);
  }

  return { measure, funds, counties, fundSummary, consolidations: consolidationInfo, consistency, notes };
}

/** The worst severity among a county's findings and its state: what a one-word status shows. */
export function countyStatus(c: MatrixCounty): "unreadable" | "no-workbook" | Severity | "missing" | "ok" {
  if (c.unreadable) return "unreadable";
  if (c.noWorkbook) return "no-workbook";
  let rank = 3;
  for (const cell of Object.values(c.funds)) {
    if (cell.errors) rank = Math.min(rank, severityRank("error"));
    else if (cell.warnings) rank = Math.min(rank, severityRank("warning"));
    else if (cell.info) rank = Math.min(rank, severityRank("info"));
  }
  if (c.other.errors) rank = Math.min(rank, 0);
  else if (c.other.warnings) rank = Math.min(rank, 1);
  if (rank <= 1) return rank === 0 ? "error" : "warning";
  if (c.missing.length) return "missing";
  return rank === 2 ? "info" : "ok";
}
