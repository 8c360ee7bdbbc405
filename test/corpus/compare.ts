/**
 * Compares what the CLI reported on a case with the answer worked out by hand.
 * A finding matches an expected one on rule, sheet, cell (when given) and severity; then its year (when the
 * answer names one) and its observed/expected values (when given) must agree, at the coarser of the two
 * precisions ("103.9%" matches "103.86%" and "104%"). Findings of the answer that do not appear are missed;
 * findings the product reports that the answer does not list are false.
 */
import * as path from "path";
import { CliRun } from "./engine";
import { Case, ExpectedFinding, ExpectedMatrix, ExpectedTextFigure, Severity } from "./model";

export interface ActualFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  related?: string[];
  subject?: string;
  observed?: string;
  expected?: string;
  message?: { zh?: string; en?: string };
  year?: number | string;
  period?: number | string;
  file?: string;
}

/** A table as the JSON `sheets[].tables[]` describes it (docs/reference.md, "JSON output"). */
export interface TableJson {
  kind: string;
  orientation?: string;
  headerRows?: number[];
  unit?: string;
  years?: number[];
  columns?: Record<string, string>;
  items?: Record<string, string>;
  groups?: { label: string; year?: number; fund?: string; columns: Record<string, string> }[];
}

interface FileJson {
  file: string;
  sheets?: { name: string; kind: string; tables?: TableJson[] }[];
  summary?: { error: number; warning: number; info: number };
  findings?: ActualFinding[];
  figures?: Record<string, unknown>[];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface CaseResult {
  id: string;
  cls: string;
  pass: boolean;
  /** Required findings of the answer, by severity. */
  want: Counts | "unreadable";
  /** What the product reported: counts, "unreadable" (exit 3) or "crash". */
  got: Counts | "unreadable" | "crash";
  missed: ExpectedFinding[];
  falseFindings: ActualFinding[];
  /** Matched findings whose severity, year or values differ, in words. */
  wrong: string[];
  /** Sheet kinds, text figures, exit codes, refusals, in words. */
  other: string[];
}

export function countOf(findings: { severity: Severity; optional?: boolean }[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.optional) c[f.severity]++;
  return c;
}

export function describe(f: ExpectedFinding | ActualFinding): string {
  const where = `${f.sheet}!${f.cell ?? "*"}`;
  const values = f.observed !== undefined || f.expected !== undefined ? ` observed ${f.observed ?? "?"}, expected ${f.expected ?? "?"}` : "";
  const year = "year" in f && f.year !== undefined ? ` [${f.year}]` : "";
  return `${f.rule} ${f.severity} ${where} ${f.subject ?? ""}${year}${values}`.replace(/\s+/g, " ").trim();
}

/** A figure as written: "+35.5%", "4,568", "−2", "42.7个月" → value, percent flag, decimals. */
interface ParsedValue {
  value: number;
  percent: boolean;
  decimals: number;
}

function parseValue(text: string): ParsedValue | undefined {
  const t = text
    .normalize("NFKC")
    .replace(/[−–—]/g, "-")
    .replace(/(?<=\d),(?=\d{3})/g, "")
    .replace(/\s+/g, "")
    .replace(/(万元|亿元|千元|元|个月|月|人)$/, "");
  const m = /^([+-]?)(\d+(?:\.(\d+))?)(%?)$/.exec(t);
  if (!m) return undefined;
  return { value: Number(m[1] + m[2]), percent: m[4] === "%", decimals: m[3]?.length ?? 0 };
}

function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(/[−–—~～]/g, "-").replace(/\s+/g, "");
}

/** Whether a reported value agrees with the answer's, at the coarser precision of the two. */
export function sameValue(want: string, got: string | undefined): boolean {
  if (got === undefined) return false;
  const w = parseValue(want);
  const g = parseValue(got);
  if (!w || !g) return normalizeText(want) === normalizeText(got);
  let gv = g.value;
  if (w.percent !== g.percent) gv = w.percent ? g.value * 100 : g.value / 100; // 0.97 written for 97%
  const half = 0.5 * Math.pow(10, -Math.min(w.decimals, g.percent === w.percent ? g.decimals : w.decimals));
  return Math.abs(w.value - gv) <= half + 1e-9;
}

function namesYear(f: ActualFinding, year: number): boolean {
  if (f.year !== undefined && String(f.year).includes(String(year))) return true;
  if (f.period !== undefined && String(f.period).includes(String(year))) return true;
  return (f.message?.zh ?? "").includes(`${year}年`) || (f.message?.en ?? "").includes(String(year));
}

function sameSheet(want: string, got: string): boolean {
  return want === got || path.basename(got) === want;
}

function valueProblems(e: ExpectedFinding, a: ActualFinding): string[] {
  const problems: string[] = [];
  if (e.year !== undefined && !namesYear(a, e.year)) problems.push(`does not name the year ${e.year}`);
  const obsOk = e.observed === undefined || sameValue(e.observed, a.observed);
  const expOk = e.expected === undefined || sameValue(e.expected, a.expected);
  if (!obsOk || !expOk) {
    const swapped = e.observed !== undefined && e.expected !== undefined && sameValue(e.observed, a.expected) && sameValue(e.expected, a.observed);
    problems.push(
      swapped
        ? `observed/expected swapped (gives observed ${a.observed}, expected ${a.expected})`
        : `values: gives observed ${a.observed}, expected ${a.expected}; answer observed ${e.observed ?? "—"}, expected ${e.expected ?? "—"}`
    );
  }
  return problems;
}

/** Matches reported findings against the answer: missed, false, and matched-but-wrong. */
export function matchFindings(expected: ExpectedFinding[], actual: ActualFinding[]) {
  const used = new Set<number>();
  const wrong: string[] = [];
  const unmatched: ExpectedFinding[] = [];
  const order = [...expected.filter((e) => !e.optional), ...expected.filter((e) => e.optional)];
  const find = (e: ExpectedFinding, sameSeverity: boolean) =>
    actual.findIndex(
      (a, i) => !used.has(i) && a.rule === e.rule && sameSheet(e.sheet, a.sheet) && (e.cell === undefined || e.cell === a.cell) && (!sameSeverity || a.severity === e.severity)
    );
  for (const e of order) {
    const i = find(e, true);
    if (i < 0) {
      unmatched.push(e);
      continue;
    }
    used.add(i);
    for (const p of valueProblems(e, actual[i])) wrong.push(`${describe(e)}: ${p}`);
  }
  const missed: ExpectedFinding[] = [];
  for (const e of unmatched) {
    const i = find(e, false);
    if (i >= 0) {
      used.add(i);
      wrong.push(`${describe(e)}: reported as ${actual[i].severity}`);
    } else if (!e.optional) missed.push(e);
  }
  const falseFindings = actual.filter((_, i) => !used.has(i));
  return { missed, falseFindings, wrong };
}

function parseJson(stdout: string): FileJson | undefined {
  try {
    const v = JSON.parse(stdout);
    return Array.isArray(v) ? v[0] : v;
  } catch {
    return undefined;
  }
}

function figureProblems(c: Case, json: FileJson): string[] {
  const problems: string[] = [];
  const figures = json.figures ?? [];
  const matches = (want: ExpectedTextFigure, f: Record<string, unknown>, withYear: boolean) => {
    if (typeof f.subject !== "string" || !f.subject.includes(want.subject)) return false;
    if (withYear && want.year !== undefined && !String(f.year ?? f.period ?? "").includes(String(want.year))) return false;
    for (const key of ["budget", "actual", "statedCompletion"] as const) {
      const v = want[key];
      if (v !== undefined && !(typeof f[key] === "number" && Math.abs((f[key] as number) - v) <= 1e-9 * Math.max(1, Math.abs(v)))) return false;
    }
    return true;
  };
  for (const want of c.figures ?? []) {
    if (figures.some((f) => matches(want, f, true))) continue;
    const values = (["budget", "actual", "statedCompletion"] as const).filter((k) => want[k] !== undefined).map((k) => `${k} ${want[k]}`);
    const label = `${want.subject}${want.year ? ` ${want.year}` : ""} ${values.join(", ")}`;
    problems.push(figures.some((f) => matches(want, f, false)) ? `text figure read without its year: ${label}` : `text figure not read: ${label}`);
  }
  return problems;
}

/**
 * The product's roles an answer's words for a column (or row) accept: "2021 budget" → budget, "prior year (2011
 * 决算)" → prior, "income actual (执行数 under 一、基金收入)" → income or actual, "funds: B…F" → subject.
 */
export function rolesOf(words: string): string[] {
  let w = words.toLowerCase().trim();
  w = w.replace(/^\d{4}\s+/, ""); // "2021 budget"
  const paren = /^\(([^)]*)\)/.exec(w); // "2016 (prior year)"
  if (paren) w = paren[1];
  const has = (re: RegExp) => re.test(w);
  if (has(/^(fund|funds|item|region|county)\b/)) return ["subject"];
  if (has(/^stated completion/)) return ["statedCompletion"];
  if (has(/^stated index/)) return ["statedIndex"];
  if (has(/^stated growth/)) return ["statedGrowth"];
  if (has(/^stated change/)) return ["statedChange"];
  if (has(/^current-year surplus/)) return ["surplus"];
  if (has(/^accumulated balance/)) return ["balance"];
  if (has(/^balance at the start/)) return ["openingBalance"];
  if (has(/^prior year/)) return ["prior"];
  if (has(/^income actual/)) return ["income", "actual"];
  if (has(/^income budget/)) return ["budget"];
  if (has(/^income\b/)) return ["income"];
  if (has(/^budget/)) return ["budget"];
  if (has(/^(actual|expenditure)/)) return ["actual"];
  return [];
}

const TABLE_KINDS: Record<string, string> = { fund: "fund", balance: "fund", income: "fund", consolidation: "fund", indicator: "indicator" };

/** The answer's table descriptions against the JSON `sheets[].tables[]`: kind, orientation, header rows, unit, years, roles. */
export function tableProblems(c: Case, json: FileJson): string[] {
  const problems: string[] = [];
  const used = new Map<string, Set<number>>();
  for (const want of c.tables ?? []) {
    const sheet = json.sheets?.find((x) => x.name === want.sheet);
    const tables = sheet?.tables;
    if (!sheet || !tables) {
      problems.push(`table on ${want.sheet}: the JSON has no tables[] for the sheet`);
      continue;
    }
    if (want.kind === "unreadable") {
      if (tables.length) problems.push(`table on ${want.sheet}: should be unreadable (${want.notes ?? ""}), is read as ${tables.map((t) => t.kind).join(", ")}`);
      continue;
    }
    const taken = used.get(want.sheet) ?? used.set(want.sheet, new Set()).get(want.sheet)!;
    const k = tables.findIndex((t, i) => !taken.has(i) && JSON.stringify(t.headerRows) === JSON.stringify(want.headerRows));
    const label = `table on ${want.sheet} (header ${want.headerRows.join(",")})`;
    if (k < 0) {
      problems.push(`${label}: not found (tables' header rows: ${tables.map((t) => `[${t.headerRows ?? ""}]`).join(" ")})`);
      continue;
    }
    taken.add(k);
    const t = tables[k];
    if (t.kind !== TABLE_KINDS[want.kind]) problems.push(`${label}: kind ${t.kind}, should be ${TABLE_KINDS[want.kind]} (${want.kind})`);
    if ((t.orientation ?? "rows") !== want.orientation) problems.push(`${label}: orientation ${t.orientation}, should be ${want.orientation}`);
    if (want.unit !== undefined && t.unit !== want.unit) problems.push(`${label}: unit ${t.unit}, should be ${want.unit}`);
    if (want.years?.length) {
      // The table's own year (the latest) must agree; a multi-year header must give each year.
      const latest = Math.max(...want.years);
      const got = t.years ?? [];
      if (!got.length || Math.max(...got) !== latest) problems.push(`${label}: years ${JSON.stringify(got)}, should end with ${latest}`);
      if (t.groups?.some((g) => g.year !== undefined) && JSON.stringify(t.groups.map((g) => g.year)) !== JSON.stringify(want.years)) {
        problems.push(`${label}: year groups ${JSON.stringify(t.groups.map((g) => g.year))}, should be ${JSON.stringify(want.years)}`);
      }
    }
    const roles = want.orientation === "columns" ? t.items ?? {} : t.columns ?? {};
    for (const [keys, words] of Object.entries(want.roles ?? {})) {
      const list = keys.split(",");
      // "B,C": "企业职工 budget, actual" — one fund group's columns, one role each.
      const parts = list.length > 1 ? words.replace(/^\S+\s+/, "").split(/,\s*/) : [words];
      list.forEach((key, i) => {
        const accepted = rolesOf(parts[i] ?? "");
        if (!accepted.length) return; // words the comparator cannot map: recorded, not compared
        const got = roles[key];
        if (!got || !accepted.includes(got)) problems.push(`${label}: ${key} read as ${got ?? "nothing"}, should be ${accepted.join(" or ")} (${parts[i]})`);
      });
    }
  }
  return problems;
}

/** Compares one case's CLI run (`--format json <file>`) with its answer. */
export function compareCase(c: Case, run: CliRun): CaseResult {
  const base = { id: c.id, cls: c.cls, missed: [] as ExpectedFinding[], falseFindings: [] as ActualFinding[], wrong: [] as string[], other: [] as string[] };
  if (c.unreadable) {
    const refused = run.code === 3 && run.stderr.includes(c.file);
    const other = refused ? [] : [`should be refused (${c.unreadable}) with exit 3 and a stderr line naming it; got exit ${run.code}`];
    return { ...base, pass: refused, want: "unreadable", got: run.code === 3 ? "unreadable" : run.code === 70 ? "crash" : countOf((parseJson(run.stdout)?.findings ?? []) as ActualFinding[]), other };
  }
  const want = countOf(c.findings);
  const json = run.code !== null && run.code <= 2 ? parseJson(run.stdout) : undefined;
  if (!json) {
    const why = run.code === 3 ? "refused the file" : "crashed or gave no JSON";
    return { ...base, pass: false, want, got: run.code === 3 ? "unreadable" : "crash", missed: c.findings.filter((f) => !f.optional), other: [`${why} (exit ${run.code}): ${run.stderr.trim().split("\n")[0] ?? ""}`] };
  }
  const actual = json.findings ?? [];
  const { missed, falseFindings, wrong } = matchFindings(c.findings, actual);
  const other: string[] = [];
  for (const [name, kind] of Object.entries(c.sheets ?? {})) {
    const s = json.sheets?.find((x) => x.name === name);
    if (!s) other.push(`sheet ${name}: not in the output`);
    else if (s.kind !== kind) other.push(`sheet ${name}: read as ${s.kind}, should be ${kind}`);
  }
  other.push(...figureProblems(c, json));
  other.push(...tableProblems(c, json));
  const got = countOf(actual);
  const exitWanted = got.error ? 2 : got.warning ? 1 : 0;
  if (run.code !== exitWanted) other.push(`exit ${run.code}, but its findings call for ${exitWanted}`);
  const pass = missed.length === 0 && falseFindings.length === 0 && wrong.length === 0 && other.length === 0;
  return { ...base, pass, want, got, missed, falseFindings, wrong, other };
}

// ---------------------------------------------------------------------------------------------------------
// Issue 15: the matrix JSON (`fund-check --matrix --format json files…`)

interface MatrixJson {
  funds?: string[];
  counties?: { name: string; files?: string[]; unreadable?: string; funds?: Record<string, { completion?: number | string | null; errors?: number; warnings?: number; info?: number }> }[];
  consistency?: ActualFinding[];
}

export interface MatrixResult {
  pass: boolean;
  problems: string[];
}

function completionText(v: number | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return `${(v * 100).toFixed(1)}%`; // a fraction, as the JSON gives rates
  return v;
}

export function compareMatrix(want: ExpectedMatrix, run: CliRun): MatrixResult {
  const problems: string[] = [];
  let json: MatrixJson | undefined;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  if (!json || !Array.isArray(json.counties)) {
    return { pass: false, problems: [`no matrix JSON (exit ${run.code}): ${run.stderr.trim().split("\n")[0] ?? ""}`] };
  }
  const counties = json.counties;
  if (counties.some((c) => c.name.includes(path.basename(want.consolidation, ".xlsx")))) problems.push(`${want.consolidation} is shown as a county`);
  for (const wc of want.counties) {
    const c = counties.find((x) => x.name === wc.name || x.name.includes(wc.name));
    if (!c) {
      problems.push(`${wc.name}: not in the matrix`);
      continue;
    }
    if (wc.unreadable) {
      if (!c.unreadable) problems.push(`${wc.name}: should be unreadable (${wc.unreadable}), is shown with ${Object.keys(c.funds ?? {}).length} funds`);
      continue;
    }
    if (c.unreadable) problems.push(`${wc.name}: shown as unreadable (${c.unreadable})`);
    for (const [fund, cell] of Object.entries(wc.funds)) {
      const got = c.funds?.[fund];
      if (!got) {
        problems.push(`${wc.name} ${fund}: missing`);
        continue;
      }
      const completion = completionText(got.completion);
      if ((cell.completion === null) !== (completion === null) || (cell.completion !== null && !sameValue(cell.completion, completion ?? undefined))) {
        problems.push(`${wc.name} ${fund}: completion ${completion}, should be ${cell.completion}`);
      }
      for (const k of ["errors", "warnings", "info"] as const) {
        if ((got[k] ?? 0) !== cell[k]) problems.push(`${wc.name} ${fund}: ${k} ${got[k] ?? 0}, should be ${cell[k]}`);
      }
    }
    for (const fund of wc.missingFunds ?? []) {
      const got = c.funds?.[fund];
      if (got && got.completion !== null && got.completion !== undefined) problems.push(`${wc.name} ${fund}: the workbook has no such fund, but the matrix shows ${completionText(got.completion)}`);
    }
  }
  const crossFile = (json.consistency ?? []).filter((f) => f.rule === "cross-file-mismatch");
  const used = new Set<number>();
  for (const w of want.consistency) {
    const i = crossFile.findIndex((f, k) => !used.has(k) && f.cell === w.cell && sameSheet(w.sheet, f.sheet));
    if (i < 0) {
      if (!w.optional) problems.push(`cross-file mismatch missed: ${w.file} ${w.sheet}!${w.cell} ${w.subject} ${w.observed} vs ${w.expected}`);
      continue;
    }
    used.add(i);
    const f = crossFile[i];
    if (f.severity !== "error") problems.push(`cross-file mismatch ${w.cell}: severity ${f.severity}`);
    if (!sameValue(w.observed, f.observed) || !sameValue(w.expected, f.expected)) problems.push(`cross-file mismatch ${w.cell}: observed ${f.observed}, expected ${f.expected}; answer ${w.observed}, ${w.expected}`);
    if (w.county) {
      const places = [...(f.related ?? []), f.message?.zh ?? "", f.message?.en ?? ""].join(" ");
      if (!places.includes(w.county.cell) || !places.includes(path.basename(w.county.file, ".xlsx"))) problems.push(`cross-file mismatch ${w.cell}: does not name ${w.county.file} ${w.county.sheet}!${w.county.cell}`);
    }
  }
  crossFile.forEach((f, k) => {
    if (!used.has(k)) problems.push(`false cross-file mismatch: ${describe(f)}`);
  });
  return { pass: problems.length === 0, problems };
}
