/**
 * The pane's orchestration, apart from React: the workbook in hand (Excel's, or a file opened in the page), the
 * settings adopted from it, the check passes with their progress and cancel, the finding selected, the add-in's
 * writes, and the notice each action leaves. App.tsx renders a session's state (useSyncExternalStore) and calls
 * its actions; test/taskpane/session.test.ts drives one without rendering anything.
 */
import type { CheckResult, ColumnMapping } from "../core/api";
import { CancelledError } from "../core/check";
import type { Finding } from "../core/findings";
import type { GridWorkbook } from "../core/grid";
import type { SettingsOrigin } from "../core/settingsEffects";
import type { Targets, TargetsInput } from "../core/targets";
import type { Lang } from "../core/words";
import { adoptSettings as adopt } from "../settings/adopt";
import { SETTINGS_SHEET_NAME } from "../settings/workbookSettings";
import { DEFAULT_LIMITS } from "../xlsx/limits";
import type { OpenedWorkbook } from "./standalone";
import type { ReportSheetLabels, WorkbookHost } from "./host";
import type { I18n, MessageKey } from "./i18n";
import { PassProgress, runPass, Scope, sheetHead } from "./runCheck";

export type Tab = "check" | "report" | "draft" | "mapping" | "targets";
export type Intent = "success" | "warning" | "error" | "info";
/**
 * A notice belongs to the action that made it: it is shown on that action's tab only ("file": the file area,
 * above every tab), worded when shown (so a change of language rewords it), and replaced or cleared by that
 * action's next outcome.
 */
export interface Notice {
  intent: Intent;
  scope: Tab | "file";
  message: (t: I18n["t"], lang: Lang) => string;
}

export interface SessionState {
  host?: WorkbookHost;
  /** The opened file's sheets shown beside the findings (the page), the add-in's own left out. */
  grid?: GridWorkbook;
  /** The opened file is the bundled example (the file control says so). */
  isExample: boolean;
  /** The file being read (the page): its progress. */
  reading?: { name: string; done: number; total: number };
  scope: Scope;
  running: boolean;
  progress?: PassProgress;
  result?: CheckResult;
  selected?: Finding;
  /** Counts clicks on findings: each brings its cell into view, the same finding clicked again included. */
  focusCount: number;
  /** The text of each checked sheet's first rows: the header words the Mapping tab shows beside a letter. */
  heads: Record<string, string[][]>;
  targetsInput?: TargetsInput;
  targets?: Targets;
  mapping: ColumnMapping;
  /** Where the targets and the mapping in effect came from: the workbook's settings sheet, or this session. */
  origin: { targets: SettingsOrigin; mapping: SettingsOrigin };
  notice?: Notice;
}

/** How the page opens a file's bytes (workerHost / standalone, loaded on demand); tests pass their own. */
export type OpenBytes = (data: ArrayBuffer, name: string, options: { lang: Lang; signal: AbortSignal; onProgress: (done: number, total: number) => void }) => Promise<OpenedWorkbook>;

/** Files the page cannot read but Excel (or WPS) can open and save as .xlsx. */
const SAVE_AS_XLSX = /\.(csv|xls|xlsb|ods|et|numbers|txt)$/i;

export function messageOf(error: unknown, lang: Lang): string {
  const text = (error as { text?: Record<Lang, string> } | null)?.text;
  return text?.[lang] ?? (error as Error)?.message ?? String(error);
}

/** The page's way of opening bytes: in a Web Worker where one can start, else on the page (the same reader). */
export const openInPage: OpenBytes = async (data, name, options) => {
  const workerModule = await import(/* webpackChunkName: "worker-host" */ "./workerHost");
  if (workerModule.canUseWorker()) return workerModule.openInWorker(data, name, options);
  return (await import(/* webpackChunkName: "standalone" */ "./standalone")).openWorkbook(data, name, { lang: options.lang });
};

export class PaneSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private signal = { cancelled: false };
  private readAbort?: AbortController;

  constructor(
    host: WorkbookHost | undefined,
    private readonly options: { standalone: boolean; lang: () => Lang; open?: OpenBytes }
  ) {
    this.state = { host, isExample: false, scope: options.standalone ? "all" : "active", running: false, focusCount: 0, heads: {}, mapping: {}, origin: { targets: "workbook", mapping: "workbook" } };
  }

  // ---- store ----------------------------------------------------------------------------------------------
  getState = (): SessionState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private set(patch: Partial<SessionState> | ((s: SessionState) => Partial<SessionState>)): void {
    this.state = { ...this.state, ...(typeof patch === "function" ? patch(this.state) : patch) };
    for (const l of this.listeners) l();
  }

  // ---- notices ----------------------------------------------------------------------------------------------
  notify(notice: Notice): void {
    this.set({ notice });
  }
  say(scope: Notice["scope"], intent: Intent, key: MessageKey, values?: Record<string, string | number>): void {
    this.notify({ intent, scope, message: (t) => t(key, values) });
  }
  /** Clears the notice of an action that has now succeeded (and no other action's). */
  clearNotice(scope: Notice["scope"]): void {
    this.set((s) => (s.notice?.scope === scope ? { notice: undefined } : {}));
  }
  fail(scope: Notice["scope"], error: unknown): void {
    const sheet = (error as { sheet?: string } | null)?.sheet;
    if ((error as Error)?.name === "SheetNameTakenError" && sheet)
      this.notify({ intent: "error", scope, message: (t) => t("settingsSheetTaken", { sheet }) });
    else this.notify({ intent: "error", scope, message: (t, l) => t("error", { message: messageOf(error, l) }) });
  }

  // ---- settings ---------------------------------------------------------------------------------------------
  /** Settings stored in the workbook (the settings sheet), adopted as the CLI adopts them, before the first pass. */
  async adoptSettings(host: WorkbookHost): Promise<{ targets?: Targets; mapping: ColumnMapping }> {
    const adopted = adopt(await host.loadSettings());
    if (adopted.problems.length) {
      const problem = adopted.problems.map((p) => p.errors.join("; ")).join("; ");
      this.notify({ intent: "warning", scope: "file", message: (t) => t("settingsLoadProblem", { problem }) });
    }
    const mapping = adopted.mapping ?? {};
    this.set({ targetsInput: adopted.targetsInput, targets: adopted.targets, mapping, origin: { targets: "workbook", mapping: "workbook" } });
    return { targets: adopted.targets, mapping };
  }

  private async persist(scope: Tab, targets: TargetsInput | undefined, mapping: ColumnMapping): Promise<void> {
    const host = this.state.host;
    if (!host?.saveSettings) return;
    try {
      await host.saveSettings({ targets, mapping });
      this.say(scope, "success", "settingsSaved", { sheet: SETTINGS_SHEET_NAME });
    } catch (error) {
      this.fail(scope, error);
    }
  }

  /** A role chosen in the Mapping tab: stored with the workbook where it can be, and the checks run again. */
  async changeMapping(mapping: ColumnMapping): Promise<void> {
    const origin = { ...this.state.origin, mapping: this.state.host?.saveSettings ? ("workbook" as const) : ("given" as const) };
    this.set({ mapping, origin });
    await this.persist("mapping", this.state.targetsInput, mapping);
    if (this.state.result) await this.check();
  }

  /** Targets saved in the Targets tab: stored with the workbook where it can be, and the checks run again. */
  async changeTargets(input: TargetsInput | undefined, effective: Targets | undefined): Promise<void> {
    const origin = { ...this.state.origin, targets: this.state.host?.saveSettings ? ("workbook" as const) : ("given" as const) };
    this.set({ targetsInput: input, targets: effective, origin });
    await this.persist("targets", input, this.state.mapping);
    if (this.state.result) await this.check();
  }

  setScope(scope: Scope): void {
    this.set({ scope });
  }

  // ---- checking ---------------------------------------------------------------------------------------------
  async check(host = this.state.host): Promise<void> {
    if (!host) return;
    const signal = (this.signal = { cancelled: false });
    this.set((s) => ({ running: true, selected: undefined, notice: s.notice?.scope === "check" ? undefined : s.notice }));
    const heads: Record<string, string[][]> = {};
    const { scope, targets, mapping, origin } = this.state;
    try {
      const result = await runPass(host, {
        scope,
        targets,
        mapping,
        origin,
        signal,
        onProgress: (progress) => this.set({ progress }),
        onSheetRead: (sheet) => (heads[sheet.name] = sheetHead(sheet)),
      });
      if (this.state.host === host) this.set({ result, heads });
    } catch (error) {
      if (error instanceof CancelledError) this.say("check", "info", "cancelled");
      else this.fail("check", error);
    } finally {
      this.set({ running: false, progress: undefined });
    }
  }

  /** Stops a check pass (between sheets, or at once in the page's worker) or the reading of a file. */
  cancel(): void {
    this.signal.cancelled = true;
    this.readAbort?.abort();
  }

  async select(finding: Finding): Promise<void> {
    this.set((s) => ({ selected: finding, focusCount: s.focusCount + 1 }));
    const at = finding.at;
    const host = this.state.host;
    if (at.kind === "cell" && host?.selectCell) await host.selectCell(at.sheet, at.address).catch((e) => this.fail("check", e));
  }

  // ---- the page's files -------------------------------------------------------------------------------------
  /** What was open goes as soon as another file is chosen: a file that cannot be read leaves nothing of the last. */
  private forgetWorkbook(): void {
    this.set({ host: undefined, grid: undefined, result: undefined, selected: undefined, heads: {}, isExample: false });
  }

  private refuseFile(name: string, error: unknown): void {
    this.forgetWorkbook();
    const hint = SAVE_AS_XLSX.test(name) || (error as { problem?: string } | null)?.problem === "legacyXls";
    this.notify({ intent: "error", scope: "file", message: (t, l) => t("fileError", { name, message: messageOf(error, l) }) + (hint ? " " + t("fileSaveAsXlsx") : "") });
  }

  async openFile(data: ArrayBuffer, name: string, example = false): Promise<void> {
    this.readAbort?.abort();
    this.forgetWorkbook();
    this.clearNotice("file");
    const abort = (this.readAbort = new AbortController());
    this.set({ reading: { name, done: 0, total: 0 } });
    try {
      const open = this.options.open ?? openInPage;
      const opened = await open(data, name, { lang: this.options.lang(), signal: abort.signal, onProgress: (done, total) => this.set({ reading: { name, done, total } }) });
      if (abort.signal.aborted) throw new CancelledError();
      this.set({ reading: undefined, host: opened.host, grid: opened.grid, isExample: example, scope: "all" });
      await this.adoptSettings(opened.host);
      await this.check(opened.host);
    } catch (error) {
      if (error instanceof CancelledError) {
        this.forgetWorkbook();
        this.say("file", "info", "readCancelled", { name });
      } else this.refuseFile(name, error);
    } finally {
      if (this.readAbort === abort) {
        this.readAbort = undefined;
        this.set({ reading: undefined });
      }
    }
  }

  /** A file the user chose or dropped; one past the CLI's size limit is refused before a byte of it is read. */
  async openPicked(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> } | undefined): Promise<void> {
    if (!file) return;
    if (file.size > DEFAULT_LIMITS.total) {
      const mib = (n: number) => Math.round(n / 1024 / 1024);
      const [size, limit] = [mib(file.size), mib(DEFAULT_LIMITS.total)];
      this.refuseFile(file.name, { text: { en: `the file is ${size} MiB, more than the ${limit} MiB limit, refused`, zh: `文件大小 ${size} MiB，超过上限 ${limit} MiB，不予处理` } });
      return;
    }
    await this.openFile(await file.arrayBuffer(), file.name);
  }

  async openExample(url: string): Promise<void> {
    const name = url.split("/").pop() || url;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      await this.openFile(await response.arrayBuffer(), name, true);
    } catch (error) {
      this.refuseFile(name, error);
    }
  }

  // ---- the add-in's writes (Excel) --------------------------------------------------------------------------
  async write(action: "highlight" | "clear" | "report", labels?: () => ReportSheetLabels): Promise<void> {
    const { host, result } = this.state;
    if (!host) return;
    const done = (grouped: boolean, message: (t: I18n["t"]) => string) =>
      this.notify({ intent: grouped ? "success" : "warning", scope: "check", message: (t) => message(t) + (grouped ? "" : " " + t("undoNote")) });
    try {
      if (action === "highlight" && host.highlight && result) {
        const { cells, grouped } = await host.highlight(result.findings);
        done(grouped, (t) => t("highlighted", { count: cells }));
      } else if (action === "clear" && host.clear) {
        const { grouped } = await host.clear();
        done(grouped, (t) => t("cleared"));
      } else if (action === "report" && host.writeReport && result && labels) {
        const { sheet, grouped } = await host.writeReport(result, labels());
        done(grouped, (t) => t("reportSheetWritten", { sheet }));
      }
    } catch (error) {
      this.fail("check", error);
    }
  }
}
