/**
 * A validation pass in the pane: the core's one loop over sheets (checkSheets), reading each sheet through the
 * host when its turn comes, so the pane can show progress and stop between sheets (and, inside Excel, between
 * blocks of a sheet). The add-in's own sheets are recognised by their content there, not by name here.
 */
import { checkSheets, PassProgress } from "../core/check";
import type { CheckResult, ColumnMapping } from "../core/api";
import type { SettingsOrigin } from "../core/settingsEffects";
import type { Targets } from "../core/targets";
import type { CancelSignal } from "./excel";
import type { WorkbookHost } from "./host";

export type Scope = "active" | "all";
export type { PassProgress };

export interface PassOptions {
  scope: Scope;
  targets?: Targets;
  mapping?: ColumnMapping;
  /** Where targets and mapping came from (the result says when stored settings changed the checks). */
  origin?: { targets?: SettingsOrigin; mapping?: SettingsOrigin };
  signal?: CancelSignal;
  onProgress?: (p: PassProgress) => void;
}

/** Lets React paint the progress between sheets. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runPass(host: WorkbookHost, options: PassOptions): Promise<CheckResult> {
  const list = await host.listSheets();
  const names = options.scope === "active" ? [list.active] : list.names;
  return checkSheets(
    { names, read: (name) => host.readSheet(name, { signal: options.signal }) },
    { targets: options.targets, mapping: options.mapping, origin: options.origin, signal: options.signal, onProgress: options.onProgress, pause: breathe }
  );
}
