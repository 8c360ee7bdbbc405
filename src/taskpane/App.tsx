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
import type { SettingsOrigin } from "../core/settingsEffects";
import { scopeNotes } from "../core/settingsEffects";
import type { Targets, TargetsInput } from "../core/targets";
import { adoptSettings as adopt } from "../settings/adopt";
import { SETTINGS_SHEET_NAME } from "../settings/workbookSettings";
import { CancelledError, SheetNameTakenError } from "./excel";
import type { WorkbookHost } from "./host";
import { I18nContext, Lang, makeI18n, MessageKey } from "./i18n";
import { PassProgress, runPass, Scope } from "./runCheck";
import { FindingsList } from "./components/FindingsList";
import { MappingPanel } from "./components/MappingPanel";
import { TargetsPanel } from "./components/TargetsPanel";
import { GridView } from "./components/GridView";
import { MatrixView } from "./components/MatrixView";
import { SheetMatrixButton } from "./components/SheetMatrixButton";
import type { PageMatrix } from "./matrixFiles";
import { ReportTextView } from "./components/ReportTextView";
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
});

type Notice = { intent: "success" | "warning" | "error" | "info"; text: string };

export interface AppProps {
  /** The workbook in Excel; absent in the standalone page until a file is opened. */
  host?: WorkbookHost;
  standalone: boolean;
  initialLang: Lang;
  /** Where the bundled example workbook is served (standalone page). */
  exampleUrl?: string;
}

function download(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
  const [tab, setTab] = React.useState<"check" | "report" | "mapping" | "targets">("check");
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
  /** Several files opened at once: the prefecture matrix instead of one workbook's findings. */
  const [matrixData, setMatrixData] = React.useState<PageMatrix>();
  const signal = React.useRef({ cancelled: false });

  const say = (intent: Notice["intent"], key: MessageKey, values?: Record<string, string | number>) => setNotice({ intent, text: t(key, values) });
  const fail = (error: unknown) =>
    setNotice(
      error instanceof SheetNameTakenError
        ? { intent: "error", text: t("settingsSheetTaken", { sheet: error.sheet }) }
        : { intent: "error", text: t("error", { message: (error as Error)?.message ?? String(error) }) }
    );

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
      setNotice({ intent: "warning", text: makeI18n(lang).t("settingsLoadProblem", { problem }) });
    }
    setTargetsInput(adopted.targetsInput);
    setTargets(adopted.targets);
    setMapping(adopted.mapping ?? {});
    setOrigin({ targets: "workbook", mapping: "workbook" });
    return { targets: adopted.targets, mapping: adopted.mapping ?? {} };
  }, [lang]);

  React.useEffect(() => {
    if (initialHost) adoptSettings(initialHost).catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialHost]);

  const check = async (options: { host?: WorkbookHost; targets?: Targets; mapping?: ColumnMapping; scope?: Scope; origin?: typeof origin } = {}) => {
    const h = options.host ?? host;
    if (!h) return;
    signal.current = { cancelled: false };
    setRunning(true);
    setNotice(undefined);
    setSelected(undefined);
    try {
      const next = await runPass(h, {
        scope: options.scope ?? scope,
        targets: options.targets ?? targets,
        mapping: options.mapping ?? mapping,
        origin: options.origin ?? origin,
        signal: signal.current,
        onProgress: setProgress,
      });
      setResult(next);
    } catch (error) {
      if (error instanceof CancelledError) say("info", "cancelled");
      else fail(error);
    } finally {
      setRunning(false);
      setProgress(undefined);
    }
  };

  const persist = async (nextInput: TargetsInput | undefined, nextMapping: ColumnMapping) => {
    if (!host?.saveSettings) return;
    await host.saveSettings({ targets: nextInput, mapping: nextMapping });
    say("success", "settingsSaved", { sheet: SETTINGS_SHEET_NAME });
  };

  const select = async (finding: Finding) => {
    setSelected(finding);
    const at = finding.at;
    if (at.kind === "cell" && host?.selectCell) await host.selectCell(at.sheet, at.address).catch(fail);
  };

  const openFile = async (data: ArrayBuffer, name: string) => {
    setMatrixData(undefined);
    say("info", "loadingFile", { name });
    try {
      const standaloneModule = await import(/* webpackChunkName: "standalone" */ "./standalone");
      const opened = await standaloneModule.openWorkbook(data, name, { lang });
      setHost(opened.host);
      setGrid(opened.grid);
      setResult(undefined);
      const stored = await adoptSettings(opened.host);
      setNotice(undefined);
      await check({ host: opened.host, targets: stored.targets, mapping: stored.mapping, scope: "all", origin: { targets: "workbook", mapping: "workbook" } });
    } catch (error) {
      setNotice({ intent: "error", text: t("fileError", { name, message: (error as Error)?.message ?? String(error) }) });
    }
  };

  const openPicked = async (file: File | undefined) => {
    if (file) await openFile(await file.arrayBuffer(), file.name);
  };

  const openMany = async (files: File[]) => {
    say("info", "loadingFile", { name: files.map((f) => f.name).join(", ") });
    try {
      const matrixModule = await import(/* webpackChunkName: "standalone" */ "./matrixFiles");
      const data = await matrixModule.checkFiles(await Promise.all(files.map(async (f) => ({ name: f.name, data: await f.arrayBuffer() }))), { lang, targets });
      setMatrixData(data);
      setNotice(undefined);
    } catch (error) {
      setNotice({ intent: "error", text: t("fileError", { name: files[0]?.name ?? "", message: (error as Error)?.message ?? String(error) }) });
    }
  };

  /** One file: its findings; several: the matrix of counties × funds. */
  const openList = (list: FileList | null | undefined) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 1) return openMany(files);
    return openPicked(files[0]);
  };

  const openExample = async () => {
    const url = exampleUrl ?? "examples/qiemo-2019.xlsx";
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      await openFile(await response.arrayBuffer(), url.split("/").pop() || url);
    } catch (error) {
      setNotice({ intent: "error", text: t("fileError", { name: url, message: (error as Error)?.message ?? String(error) }) });
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
        setNotice({ intent: grouped ? "success" : "warning", text: t("highlighted", { count: cells }) + (grouped ? "" : " " + t("undoNote")) });
      } else if (action === "clear" && host.clear) {
        const { grouped } = await host.clear();
        setNotice({ intent: grouped ? "success" : "warning", text: t("cleared") + (grouped ? "" : " " + t("undoNote")) });
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
        setNotice({ intent: grouped ? "success" : "warning", text: t("reportSheetWritten", { sheet }) + (grouped ? "" : " " + t("undoNote")) });
      }
    } catch (error) {
      fail(error);
    }
  };

  const selectedCell = selected?.at.kind === "cell" ? selected.at : undefined;
  const selectedSheet = grid && (selectedCell ? grid.sheets.find((s) => s.name === selectedCell.sheet) : grid.sheets[0]);

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
        {!standalone && host && <SheetMatrixButton host={host} lang={lang} targets={targets} disabled={running} notify={(intent, text) => setNotice({ intent, text })} />}
        {host?.kind === "browser" && result && (
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
            !running && host && <p>{t("notRunYet")}</p>
          )}
        </div>
        {selectedSheet && (
          <div className={styles.side}>
            <GridView sheet={selectedSheet} cell={selectedCell && selectedCell.sheet === selectedSheet.name ? selectedCell.address : undefined} />
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
                openList(e.dataTransfer.files);
              }}
              data-testid="dropzone"
            >
              <p>{t("standaloneIntro")}</p>
              {host && (
                <p data-testid="file-name">
                  <strong>{host.name}</strong>
                </p>
              )}
              <div className={styles.row}>
                <label>
                  <input
                    type="file"
                    multiple
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-label={t("openFile")}
                    onChange={(e) => openList(e.target.files)}
                  />
                </label>
                <span>{t("dropHere")}</span>
                <Button onClick={openExample}>{t("tryExample")}</Button>
              </div>
            </div>
          )}
          {notice && (
            <MessageBar intent={notice.intent}>
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as typeof tab)}>
            <Tab value="check">{t("tabCheck")}</Tab>
            <Tab value="report">{t("tabReportText")}</Tab>
            <Tab value="mapping">{t("tabMapping")}</Tab>
            <Tab value="targets">{t("tabTargets")}</Tab>
          </TabList>
          {tab === "check" && (matrixData ? <MatrixView data={matrixData} lang={lang} /> : checkTab)}
          {/* Kept mounted while hidden, so the pasted text and its findings survive a change of tab. */}
          <div hidden={tab !== "report"}>
            <ReportTextView
              standalone={standalone}
              targets={targets}
              targetsOrigin={origin.targets}
              insertSheet={host?.insertSheet}
              notify={(intent, text) => setNotice({ intent, text })}
              download={download}
            />
          </div>
          {tab === "mapping" && (
            <MappingPanel
              sheets={result?.sheets ?? []}
              mapping={mapping}
              onChange={(next) => {
                const nextOrigin = { ...origin, mapping: host?.saveSettings ? ("workbook" as const) : ("given" as const) };
                setMapping(next);
                setOrigin(nextOrigin);
                persist(targetsInput, next).catch(fail);
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
                persist(input, mapping).catch(fail);
                if (result) check({ targets: effective, origin: nextOrigin });
              }}
            />
          )}
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
