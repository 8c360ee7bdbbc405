/**
 * Building the corpus into a folder, running the product on each case and on the prefecture batch, and printing
 * the result as a table. Shared by the runner (run.ts) and the jest test (corpus.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { CASES } from "./cases";
import { PREFECTURE } from "./cases/p15-prefecture";
import { CaseResult, compareCase, compareMatrix, Counts, describe, MatrixResult } from "./compare";
import { Engine, runCli } from "./engine";
import { KNOWN_GAPS } from "./known-gaps";
import { Case } from "./model";

/** The prefecture batch, reported as one more row of the table. */
export const MATRIX_ID = "p15-prefecture/matrix";

export async function buildCase(c: Case, dir: string): Promise<string> {
  const file = path.join(dir, c.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await c.build());
  return file;
}

export async function buildAll(dir: string, cases: Case[] = CASES): Promise<string[]> {
  const files: string[] = [];
  for (const c of cases) files.push(await buildCase(c, dir));
  return files;
}

export async function runCase(c: Case, dir: string, engine: Engine): Promise<CaseResult> {
  const file = path.join(dir, c.file);
  return compareCase(c, await runCli(["--format", "json", file], engine));
}

/** Issue 15: every file of the prefecture set in one `--matrix` run, in the given order. */
export async function runMatrix(dir: string, engine: Engine, reverse = false): Promise<MatrixResult> {
  const files = PREFECTURE.files.map((c) => path.join(dir, c.file));
  if (reverse) files.reverse();
  return compareMatrix(PREFECTURE.matrix, await runCli(["--matrix", "--format", "json", ...files], engine));
}

const gapIds = new Set(KNOWN_GAPS.map((g) => g.id));

function counts(c: Counts | "unreadable" | "crash"): string {
  return typeof c === "string" ? c : `E${c.error} W${c.warning} I${c.info}`;
}

export type Status = "pass" | "gap" | "FAIL" | "FIXED";

/** pass; gap (fails, listed in KNOWN_GAPS); FAIL (fails, not listed: a regression); FIXED (listed, now passes). */
export function statusOf(id: string, pass: boolean): Status {
  if (gapIds.has(id)) return pass ? "FIXED" : "gap";
  return pass ? "pass" : "FAIL";
}

function pad(s: string, n: number): string {
  // Count CJK as two columns so the table lines up in a terminal.
  const width = [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return s + " ".repeat(Math.max(1, n - width));
}

export function formatReport(results: CaseResult[], matrix?: MatrixResult): string {
  const lines: string[] = [];
  const header = `${pad("case", 56)}${pad("class", 7)}${pad("answer", 13)}${pad("product", 13)}${pad("status", 7)}missed/false/wrong/other`;
  lines.push(header, "-".repeat(header.length + 4));
  for (const r of results) {
    const tally = r.pass ? "" : `${r.missed.length}/${r.falseFindings.length}/${r.wrong.length}/${r.other.length}`;
    lines.push(`${pad(r.id, 56)}${pad(r.cls, 7)}${pad(counts(r.want), 13)}${pad(counts(r.got), 13)}${pad(statusOf(r.id, r.pass), 7)}${tally}`);
  }
  if (matrix) lines.push(`${pad(MATRIX_ID, 56)}${pad("15", 7)}${pad("matrix", 13)}${pad(matrix.pass ? "matrix" : "—", 13)}${pad(statusOf(MATRIX_ID, matrix.pass), 7)}${matrix.problems.length || ""}`);
  const all = [...results.map((r) => ({ id: r.id, pass: r.pass })), ...(matrix ? [{ id: MATRIX_ID, pass: matrix.pass }] : [])];
  const tally = (s: Status) => all.filter((r) => statusOf(r.id, r.pass) === s).length;
  lines.push("", `${all.length} cases: ${tally("pass")} pass, ${tally("gap")} known gaps, ${tally("FAIL")} regressions, ${tally("FIXED")} fixed (remove from KNOWN_GAPS)`);

  // Per class: how many cases, how many pass today.
  const classes = [...new Set(results.map((r) => r.cls))];
  lines.push("", "by class: " + classes.map((cls) => {
    const of = results.filter((r) => r.cls === cls);
    return `${cls} ${of.filter((r) => r.pass).length}/${of.length}`;
  }).join(", ") + (matrix ? `, matrix ${matrix.pass ? 1 : 0}/1` : ""));

  const details: string[] = [];
  for (const r of results) {
    if (r.pass) continue;
    details.push("", `${r.id} [${statusOf(r.id, r.pass)}]`);
    const gap = KNOWN_GAPS.find((g) => g.id === r.id);
    if (gap) details.push(`  known gap: ${gap.reason}`);
    for (const m of r.missed) details.push(`  missed: ${describe(m)}`);
    for (const f of r.falseFindings) details.push(`  false:  ${describe(f)}`);
    for (const w of r.wrong) details.push(`  wrong:  ${w}`);
    for (const o of r.other) details.push(`  other:  ${o}`);
  }
  if (matrix && !matrix.pass) {
    details.push("", `${MATRIX_ID} [${statusOf(MATRIX_ID, matrix.pass)}]`);
    for (const p of matrix.problems) details.push(`  ${p}`);
  }
  return [...lines, ...details].join("\n") + "\n";
}
