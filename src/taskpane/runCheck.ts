/**
 * A validation pass, sheet by sheet through the core's checkSheet, so the pane can show progress and stop
 * between sheets (and, inside Excel, between blocks of a sheet).
 */
import { checkSheet } from "../core/check";
import type { CheckResult, ColumnMapping, SheetReport } from "../core/api";
import { bySeverity, Finding, summarize } from "../core/findings";
import type { Targets } from "../core/targets";
import { isAddinSheet } from "../settings/workbookSettings";
import { CancelledError, CancelSignal } from "./excel";
import type { WorkbookHost } from "./host";

export type Scope = "active" | "all";

export interface PassProgress {
  done: number;
  total: number;
  sheet: string;
}

export interface PassOptions {
  scope: Scope;
  targets?: Targets;
  mapping?: ColumnMapping;
  signal?: CancelSignal;
  onProgress?: (p: PassProgress) => void;
}

/** Lets React paint the progress between sheets. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runPass(host: WorkbookHost, options: PassOptions): Promise<CheckResult> {
  const list = await host.listSheets();
  const names = (options.scope === "active" ? [list.active] : list.names).filter((n) => !isAddinSheet(n));
  const sheets: SheetReport[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < names.length; i++) {
    if (options.signal?.cancelled) throw new CancelledError();
    options.onProgress?.({ done: i, total: names.length, sheet: names[i] });
    await breathe();
    const grid = await host.readSheet(names[i], { signal: options.signal });
    if (options.signal?.cancelled) throw new CancelledError();
    const { report, findings: found } = checkSheet(grid, { targets: options.targets, mapping: options.mapping });
    sheets.push(report);
    for (const f of found) findings.push(f); // no spread: a sheet can give more findings than a call takes arguments
  }
  options.onProgress?.({ done: names.length, total: names.length, sheet: "" });
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => bySeverity(a.f, b.f) || a.i - b.i).map((x) => x.f);
  return { sheets, summary: summarize(sorted), findings: sorted };
}
