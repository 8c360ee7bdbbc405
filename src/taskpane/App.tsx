/**
 * The task pane, and the same pane as a standalone page: check, report text, mapping and targets tabs over one
 * WorkbookHost (Excel through Office.js, or an .xlsx opened in the page).
 */
import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  makeStyles,
  shorthands,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { CheckResult, ColumnMapping } from "../core/api";
import type { Finding } from "../core/findings";
import type { GridWorkbook } from "../core/grid";
import { columnIndex } from "../core/grid";
import type { SettingsOrigin } from "../core/settingsEffects";
import { scopeNotes } from "../core/settingsEffects";
import type { Targets, TargetsInput } from "../core/targets";
import { adoptSettings as adopt } from "../settings/adopt";
import { SETTINGS_SHEET_NAME } from "../settings/workbookSettings";
import { CancelledError, SheetNameTakenError } from "./excel";
import type { WorkbookHost } from "./host";
import { I18n, I18nContext, Lang, makeI18n, MessageKey, Notify } from "./i18n";
import { PassProgress, runPass, Scope, sheetHead } from "./runCheck";
import { DEFAULT_LIMITS } from "../xlsx/limits";
import { FindingsList } from "./components/FindingsList";
import { MappingPanel } from "./components/MappingPanel";
import { TargetsPanel } from "./components/TargetsPanel";
import { GridView } from "./components/GridView";
import { ReportTextView } from "./components/ReportTextView";
import { DraftView } from "./components/DraftView";
import { ScopeNotes } from "./components/ScopeNotes";
import { CHART_WORDS, FINDING_WORDS } from "../core/words";

const useStyles = makeStyles({
  root: { padding: "12px", fontFamily: tokens.fontFamilyBase, maxWidth: "1400px" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", margin: "8px 0" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "12px",
    margin: "8px 0",
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), background: tokens.colorBrandBackground2 },
  summary: { fontWeight: tokens.fontWeightSemibold },
  /** Standalone page on a wide screen: findings on the left, the sheet beside them. */
  split: { "@media (min-width: 900px)": { display: "grid", gridTemplateColumns: "minmax(320px, 1fr) minmax(0, 1.2fr)", gap: "16px", alignItems: "start" } },
  side: { "@media (min-width: 900px)": { position: "sticky", top: "8px" } },
  /** Five tabs do not fit a 320 px pane on one line: they wrap. */
  tabs: { flexWrap: "wrap", rowGap: "0" },
  /** The native file input, kept for keyboards and tests but drawn as the button beside it. */
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

type Tab = "check" | "report" | "draft" | "mapping" | "targets";
type Intent = "success" | "warning" | "error" | "info";
type Translate = I18n["t"];
/**
 * A notice belongs to the action that made it: it is shown on that action's tab only ("file": the file area,
 * above every tab), worded when shown (so a change of language rewords it), and replaced or cleared by that
 * action's next outcome.
 */
type Notice = { intent: Intent; scope: Tab | "file"; message: (t: Translate, lang: Lang) => string };

/** Files the page cannot read but Excel (or WPS) can open and save as .xlsx. */
const SAVE_AS_XLSX = /\.(csv|xls|xlsb|ods|et|numbers|txt)$/i;

const messageOf = (error: unknown, lang: Lang): string => {
  const text = (error as { text?: Record<Lang, string> } | null)?.text;
  return text?.[lang] ?? (error as Error)?.message ?? String(error);
};

export interface AppProps {
  /** The workbook in Excel; absent in the standalone page until a file is opened. */
  host?: WorkbookHost;
  standalone: boolean;
  initialLang: Lang;
  /** Where the bundled example workbook is served (standalone page). */
  exampleUrl?: string;
}

function download(data: string | Uint8Array, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function App({ host: initialHost, standalone, initialLang, exampleUrl }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const i18n = React.useMemo(() => makeI18n(lang), [lang]);
  const { t } = i18n;
  const [host, setHost] = React.useState<WorkbookHost | undefined>(initialHost);
  const [grid, setGrid] = React.useState<GridWorkbook>();
  const [tab, setTab] = React.useState<Tab>("check");
  const [scope, setScope] = React.useState<Scope>(standalone ? "all" : "active");
  const [progress, setProgress] = React.useState<PassProgress>();
  const [running, setRunning] = React.useState(false);
  const [result, setResult] = React.useState<CheckResult>();
  const [selected, setSelected] = React.useState<Finding>();
  const [notice, setNotice] = React.useState<Notice>();
  const [targetsInput, setTargetsInput] = React.useState<TargetsInput>();
  const [targets, setTargets] = React.useState<Targets>();
  const [mapping, setMapping] = React.useState<ColumnMapping>({});
  /** Where the targets and the mapping in effect came from: the workbook's settings sheet, or this session. */
  const [origin, setOrigin] = React.useState<{ targets: SettingsOrigin; mapping: SettingsOrigin }>({ targets: "workbook", mapping: "workbook" });
  const [dragging, setDragging] = React.useState(false);
  /** The text of each checked sheet's first rows: the header words the Mapping tab shows beside a letter. */
  const [heads, setHeads] = React.useState<Record<string, string[][]>>({});
  /** The opened file is the bundled example (the file control says so). */
  const [isExample, setIsExample] = React.useState(false);
  /** Counts clicks on findings: each brings its cell into view, the same finding clicked again included. */
  const [focusCount, setFocusCount] = React.useState(0);
  const signal = React.useRef({ cancelled: false });
  const fileInput = React.useRef<HTMLInputElement>(null);
  /** The file being read (standalone page): its progress, and how to stop it. */
  const [reading, setReading] = React.useState<{ name: string; done: number; total: number }>();
  const readAbort = React.useRef<AbortController>(undefined);

  const say = (scope: Notice["scope"], intent: Intent, key: MessageKey, values?: Record<string, string | number>) =>
    setNotice({ intent, scope, message: (tr) => tr(key, values) });
  const fail = (scope: Notice["scope"]) => (error: unknown) =>
    setNotice(
      error instanceof SheetNameTakenError
        ? { intent: "error", scope, message: (tr) => tr("settingsSheetTaken", { sheet: error.sheet }) }
        : { intent: "error", scope, message: (tr, l) => tr("error", { message: messageOf(error, l) }) }
    );
  const notifyFrom = (scope: Tab): Notify => (intent, message) =>
    intent && message ? setNotice({ intent, scope, message }) : setNotice((n) => (n?.scope === scope ? undefined : n));

  const switchLanguage = () => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setLang(next);
    try {
      localStorage.setItem("fund-check.lang", next);
    } catch {
      /* storage blocked: the choice lasts for this session */
    }
  };

  /** Settings stored in the workbook (the settings sheet), adopted as the CLI adopts them, before the first pass. */
  const adoptSettings = React.useCallback(async (h: WorkbookHost) => {
    const adopted = adopt(await h.loadSettings());
    if (adopted.problems.length) {
      const problem = adopted.problems.map((p) => p.errors.join("; ")).join("; ");
      setNotice({ intent: "warning", scope: "file", message: (tr) => tr("settingsLoadProblem", { problem }) });
    }
    setTargetsInput(adopted.targetsInput);
    setTargets(adopted.targets);
    setMapping(adopted.mapping ?? {});
    setOrigin({ targets: "workbook", mapping: "workbook" });
    return { targets: adopted.targets, mapping: adopted.mapping ?? {} };
  }, []);

  React.useEffect(() => {
    if (initialHost) adoptSettings(initialHost).catch(fail("file"));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialHost]);

  const check = async (options: { host?: WorkbookHost; targets?: Targets; mapping?: ColumnMapping; scope?: Scope; origin?: typeof origin } = {}) => {
    const h = options.host ?? host;
    if (!h) return;
    signal.current = { cancelled: false };
    setRunning(true);
    setNotice((n) => (n?.scope === "check" ? undefined : n));
    setSelected(undefined);
    const read: Record<string, string[][]> = {};
    try {
      const next = await runPass(h, {
        scope: options.scope ?? scope,
        targets: options.targets ?? targets,
        mapping: options.mapping ?? mapping,
        origin: options.origin ?? origin,
        signal: signal.current,
        onProgress: setProgress,
        onSheetRead: (sheet) => (read[sheet.name] = sheetHead(sheet)),
      });
      setResult(next);
      setHeads(read);
    } catch (error) {
      if (error instanceof CancelledError) say("check", "info", "cancelled");
      else fail("check")(error);
    } finally {
      setRunning(false);
      setProgress(undefined);
    }
  };

  const persist = async (scope: Tab, nextInput: TargetsInput | undefined, nextMapping: ColumnMapping) => {
    if (!host?.saveSettings) return;
    await host.saveSettings({ targets: nextInput, mapping: nextMapping });
    say(scope, "success", "settingsSaved", { sheet: SETTINGS_SHEET_NAME });
  };

  const select = async (finding: Finding) => {
    setSelected(finding);
    setFocusCount((n) => n + 1);
    const at = finding.at;
    if (at.kind === "cell" && host?.selectCell) await host.selectCell(at.sheet, at.address).catch(fail("check"));
  };

  /** What was open goes as soon as another file is chosen: a file that cannot be read leaves nothing of the last. */
  const forgetWorkbook = () => {
    setHost(undefined);
    setGrid(undefined);
    setResult(undefined);
    setSelected(undefined);
    setHeads({});
  };

  const refuseFile = (name: string, error: unknown) => {
    forgetWorkbook();
    const hint = SAVE_AS_XLSX.test(name) || (error as { problem?: string } | null)?.problem === "legacyXls";
    setNotice({ intent: "error", scope: "file", message: (tr, l) => tr("fileError", { name, message: messageOf(error, l) }) + (hint ? " " + tr("fileSaveAsXlsx") : "") });
  };

  const openFile = async (data: ArrayBuffer, name: string, example = false) => {
    forgetWorkbook();
    setNotice((n) => (n?.scope === "file" ? undefined : n));
    const abort = new AbortController();
    readAbort.current = abort;
    setReading({ name, done: 0, total: 0 });
    try {
      const workerModule = await import(/* webpackChunkName: "worker-host" */ "./workerHost");
      // Off the page's thread where a worker can start (every browser); on it otherwise (the same reader).
      const opened = workerModule.canUseWorker()
        ? await workerModule.openInWorker(data, name, { lang, signal: abort.signal, onProgress: (done, total) => setReading({ name, done, total }) })
        : await (await import(/* webpackChunkName: "standalone" */ "./standalone")).openWorkbook(data, name, { lang });
      setReading(undefined);
      setHost(opened.host);
      setGrid(opened.grid);
      setIsExample(example);
      const stored = await adoptSettings(opened.host);
      await check({ host: opened.host, targets: stored.targets, mapping: stored.mapping, scope: "all", origin: { targets: "workbook", mapping: "workbook" } });
    } catch (error) {
      if (error instanceof CancelledError) {
        forgetWorkbook();
        say("file", "info", "readCancelled", { name });
      } else refuseFile(name, error);
    } finally {
      setReading(undefined);
      if (readAbort.current === abort) readAbort.current = undefined;
    }
  };

  const openPicked = async (file: File | undefined) => {
    if (!file) return;
    // Refused before a byte is read, as the CLI refuses it: no entry of it could be within the limits.
    if (file.size > DEFAULT_LIMITS.total) {
      const mib = (n: number) => Math.round(n / 1024 / 1024);
      refuseFile(file.name, { message: `${mib(file.size)} MiB`, text: { en: `the file is ${mib(file.size)} MiB, more than the ${mib(DEFAULT_LIMITS.total)} MiB limit, refused`, zh: `文件大小 ${mib(file.size)} MiB，超过上限 ${mib(DEFAULT_LIMITS.total)} MiB，不予处理` } });
      return;
    }
    await openFile(await file.arrayBuffer(), file.name);
  };

  const openExample = async () => {
    const url = exampleUrl ?? "examples/qiemo-2019.xlsx";
    const name = url.split("/").pop() || url;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      await openFile(await response.arrayBuffer(), name, true);
    } catch (error) {
      refuseFile(name, error);
    }
  };

  const downloadReport = async (kind: "html" | "csv") => {
    if (!result || !host) return;
    const standaloneModule = await import(/* webpackChunkName: "standalone" */ "./standalone");
    const base = host.name.replace(/\.xlsx$/i, "");
    if (kind === "html") download(standaloneModule.reportHtml(result, host.name, lang), `${base}-report.html`, "text/html;charset=utf-8");
    else download(standaloneModule.reportCsv(result, host.name, lang), `${base}-report.csv`, "text/csv;charset=utf-8");
  };

  const write = async (action: "highlight" | "clear" | "report") => {
    if (!host) return;
    try {
      if (action === "highlight" && host.highlight && result) {
        const { cells, grouped } = await host.highlight(result.findings);
        setNotice({ intent: grouped ? "success" : "warning", scope: "check", message: (tr) => tr("highlighted", { count: cells }) + (grouped ? "" : " " + tr("undoNote")) });
      } else if (action === "clear" && host.clear) {
        const { grouped } = await host.clear();
        setNotice({ intent: grouped ? "success" : "warning", scope: "check", message: (tr) => tr("cleared") + (grouped ? "" : " " + tr("undoNote")) });
      } else if (action === "report" && host.writeReport && result) {
        const { sheet, grouped } = await host.writeReport(result, {
          sheetName: t("reportSheetName"),
          title: t("reportSheetTitle"),
          headers: (["severity", "rule", "sheet", "cell", "subject", "observed", "expected", "message"] as const).map((k) => FINDING_WORDS[k][lang]),
          fundHeaders: [CHART_WORDS.fund[lang], CHART_WORDS.budget[lang], CHART_WORDS.actual[lang]],
          chartTitle: t("chartTitle"),
          notes: scopeNotes(result, lang),
          lang,
        });
        setNotice({ intent: grouped ? "success" : "warning", scope: "check", message: (tr) => tr("reportSheetWritten", { sheet }) + (grouped ? "" : " " + tr("undoNote")) });
      }
    } catch (error) {
      fail("check")(error);
    }
  };

  const selectedCell = selected?.at.kind === "cell" ? selected.at : undefined;
  // Before a finding is chosen: the first sheet that holds a table (not a notes or cover sheet).
  const tableSheet = result?.sheets.find((s) => s.tables.length > 0)?.name;
  const selectedSheet =
    grid &&
    (selectedCell ? grid.sheets.find((s) => s.name === selectedCell.sheet) : grid.sheets.find((s) => s.name === tableSheet) ?? grid.sheets[0]);
  const subjectColumn = (sheetName: string): number | undefined => {
    const report = result?.sheets.find((s) => s.name === sheetName);
    const letter = Object.entries(report?.tables[0]?.columns ?? report?.columns ?? {}).find(([, role]) => role === "subject")?.[0];
    return letter ? columnIndex(letter) : undefined;
  };

  const checkTab = (
    <div>
      {!standalone && (
        <RadioGroup layout="horizontal" value={scope} onChange={(_, data) => setScope(data.value as Scope)} aria-label={t("tabCheck")}>
          <Radio value="active" label={t("scopeActive")} />
          <Radio value="all" label={t("scopeAll")} />
        </RadioGroup>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={running || !host} onClick={() => check()}>
          {t("runCheck")}
        </Button>
        {running && <Button onClick={() => (signal.current.cancelled = true)}>{t("cancel")}</Button>}
        {host?.highlight && (
          <>
            <Button disabled={running || !result} onClick={() => write("highlight")}>
              {t("highlight")}
            </Button>
            <Button disabled={running} onClick={() => write("clear")}>
              {t("clearHighlights")}
            </Button>
            <Button disabled={running || !result} onClick={() => write("report")}>
              {t("writeReport")}
            </Button>
          </>
        )}
        {standalone && host && result && (
          <>
            <Button onClick={() => downloadReport("html")}>{t("downloadHtml")}</Button>
            <Button onClick={() => downloadReport("csv")}>{t("downloadCsv")}</Button>
          </>
        )}
      </div>
      {running && progress && (
        <div role="status">
          <ProgressBar value={progress.total ? progress.done / progress.total : undefined} />
          {progress.sheet && t("progress", { done: progress.done + 1, total: progress.total, sheet: progress.sheet })}
        </div>
      )}
      <div className={selectedSheet ? styles.split : undefined}>
        <div>
          {result ? (
            <>
              <p className={styles.summary} role="status" data-summary>
                {t("findingsSummary", { error: result.summary.error, warning: result.summary.warning, info: result.summary.info })}
              </p>
              <ScopeNotes result={result} lang={lang} />
              <FindingsList findings={result.findings} selected={selected} onSelect={select} />
            </>
          ) : (
            !running && <p>{host ? t("notRunYet") : t("noFileYet")}</p>
          )}
        </div>
        {selectedSheet && (
          <div className={styles.side}>
            <GridView
              sheet={selectedSheet}
              cell={selectedCell && selectedCell.sheet === selectedSheet.name ? selectedCell.address : undefined}
              freezeColumn={subjectColumn(selectedSheet.name)}
              focus={focusCount}
            />
          </div>
        )}
      </div>
    </div>
  );

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
        <main className={styles.root}>
          <header className={styles.header}>
            <h1 className={styles.title}>{standalone ? t("standaloneTitle") : t("appTitle")}</h1>
            <Button size="small" appearance="subtle" aria-label={t("language")} onClick={switchLanguage} data-testid="language">
              {t("switchLanguage")}
            </Button>
          </header>
          {standalone && (
            <div
              className={styles.drop + (dragging ? " " + styles.dropActive : "")}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                openPicked(e.dataTransfer.files[0]);
              }}
              data-testid="dropzone"
            >
              <p>{t("standaloneIntro")}</p>
              <div className={styles.row}>
                <input
                  ref={fileInput}
                  className={styles.visuallyHidden}
                  type="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-label={t("openFile")}
                  tabIndex={-1}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = ""; // the same file chosen again is read again
                    openPicked(file);
                  }}
                />
                <Button onClick={() => fileInput.current?.click()}>{t("openFile")}</Button>
                <span data-testid="file-name" className={styles.summary}>
                  {host ? host.name + (isExample ? " " + t("exampleMark") : "") : t("noFileChosen")}
                </span>
              </div>
              {reading && (
                <div role="status" data-reading>
                  <ProgressBar value={reading.total ? reading.done / reading.total : undefined} />
                  <div className={styles.row}>
                    <span>{t("readingProgress", { name: reading.name, percent: reading.total ? Math.floor((100 * reading.done) / reading.total) : 0 })}</span>
                    <Button size="small" onClick={() => readAbort.current?.abort()}>
                      {t("cancel")}
                    </Button>
                  </div>
                </div>
              )}
              <div className={styles.row}>
                <span>{t("dropHere")}</span>
                <Button onClick={openExample}>{t("tryExample")}</Button>
              </div>
            </div>
          )}
          {notice?.scope === "file" && (
            <MessageBar intent={notice.intent} data-notice="file">
              <MessageBarBody>{notice.message(t, lang)}</MessageBarBody>
            </MessageBar>
          )}
          <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as Tab)}>
            <Tab value="check">{t("tabCheck")}</Tab>
            <Tab value="report">{t("tabReportText")}</Tab>
            <Tab value="draft">{t("tabDraft")}</Tab>
            <Tab value="mapping">{t("tabMapping")}</Tab>
            <Tab value="targets">{t("tabTargets")}</Tab>
          </TabList>
          {notice && notice.scope === tab && (
            <MessageBar intent={notice.intent} data-notice={notice.scope}>
              <MessageBarBody>{notice.message(t, lang)}</MessageBarBody>
            </MessageBar>
          )}
          {tab === "check" && checkTab}
          {/* Kept mounted while hidden, so the pasted text and its findings survive a change of tab. */}
          <div hidden={tab !== "report"}>
            <ReportTextView
              standalone={standalone}
              targets={targets}
              targetsOrigin={origin.targets}
              insertSheet={host?.insertSheet}
              notify={notifyFrom("report")}
              download={download}
            />
          </div>
          <div hidden={tab !== "draft"}>
            <DraftView host={host} grid={grid} targets={targets} mapping={mapping} notify={notifyFrom("draft")} download={download} />
          </div>
          {tab === "mapping" && (
            <MappingPanel
              sheets={result?.sheets ?? []}
              mapping={mapping}
              canSave={Boolean(host?.saveSettings)}
              heads={heads}
              onChange={(next) => {
                const nextOrigin = { ...origin, mapping: host?.saveSettings ? ("workbook" as const) : ("given" as const) };
                setMapping(next);
                setOrigin(nextOrigin);
                persist("mapping", targetsInput, next).catch(fail("mapping"));
                if (result) check({ mapping: next, origin: nextOrigin });
              }}
            />
          )}
          {tab === "targets" && (
            <TargetsPanel
              input={targetsInput}
              canSave={Boolean(host?.saveSettings)}
              onSave={(input, effective) => {
                const nextOrigin = { ...origin, targets: host?.saveSettings ? ("workbook" as const) : ("given" as const) };
                setTargetsInput(input);
                setTargets(effective);
                setOrigin(nextOrigin);
                persist("targets", input, mapping).catch(fail("targets"));
                if (result) check({ targets: effective, origin: nextOrigin });
              }}
            />
          )}
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
