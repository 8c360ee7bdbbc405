/**
 * The task pane, and the same pane as a standalone page: check, report text, draft, mapping and targets tabs over
 * one WorkbookHost (Excel through Office.js, or an .xlsx opened in the page). What happens is the session's
 * (./session.ts); this component shows it. Where it runs is the `standalone` prop alone.
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
import type { Finding } from "../core/findings";
import { columnIndex } from "../core/grid";
import { scopeNotes } from "../core/settingsEffects";
import type { ReportSheetLabels, WorkbookHost } from "./host";
import { I18nContext, Lang, findingsSummary, makeI18n, Notify } from "./i18n";
import type { Scope } from "./runCheck";
import { PaneSession, Tab as TabName } from "./session";
import { FindingsList } from "./components/FindingsList";
import { MappingPanel } from "./components/MappingPanel";
import { TargetsPanel } from "./components/TargetsPanel";
import { GridView } from "./components/GridView";
import { MatrixView } from "./components/MatrixView";
import { SheetMatrixButton } from "./components/SheetMatrixButton";
import type { PageMatrix } from "./matrixFiles";
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
  const langRef = React.useRef(lang);
  langRef.current = lang;
  // The orchestration lives in the session (./session.ts); the component keeps only what is about display.
  const [session] = React.useState(() => new PaneSession(initialHost, { standalone, lang: () => langRef.current }));
  const { host, grid, isExample, reading, scope, running, progress, result, selected, focusCount, heads, targetsInput, targets, mapping, origin, notice } =
    React.useSyncExternalStore(session.subscribe, session.getState);
  const [tab, setTab] = React.useState<TabName>("check");
  const [dragging, setDragging] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  /** Several files opened at once: the prefecture matrix instead of one workbook's findings. */
  const [matrixData, setMatrixData] = React.useState<PageMatrix>();

  const notifyFrom = (scope: TabName): Notify => (intent, message) => (intent && message ? session.notify({ intent, scope, message }) : session.clearNotice(scope));

  const switchLanguage = () => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setLang(next);
    try {
      localStorage.setItem("fund-check.lang", next);
    } catch {
      /* storage blocked: the choice lasts for this session */
    }
  };

  React.useEffect(() => {
    if (initialHost) session.adoptSettings(initialHost).catch((e) => session.fail("file", e));
  }, [initialHost, session]);

  const downloadReport = async (kind: "html" | "csv") => {
    if (!result || !host) return;
    const standaloneModule = await import(/* webpackChunkName: "standalone" */ "./standalone");
    const base = host.name.replace(/\.xlsx$/i, "");
    if (kind === "html") download(standaloneModule.reportHtml(result, host.name, lang), `${base}-report.html`, "text/html;charset=utf-8");
    else download(standaloneModule.reportCsv(result, host.name, lang), `${base}-report.csv`, "text/csv;charset=utf-8");
  };

  const reportLabels = (): ReportSheetLabels => ({
    sheetName: t("reportSheetName"),
    title: t("reportSheetTitle"),
    headers: (["severity", "rule", "sheet", "cell", "subject", "observed", "expected", "message"] as const).map((k) => FINDING_WORDS[k][lang]),
    fundHeaders: [CHART_WORDS.fund[lang], CHART_WORDS.budget[lang], CHART_WORDS.actual[lang]],
    chartTitle: t("chartTitle"),
    notes: result ? scopeNotes(result, lang) : [],
    lang,
  });
  const write = (action: "highlight" | "clear" | "report") => session.write(action, reportLabels);
  const check = () => session.check();
  const select = (finding: Finding) => session.select(finding);
  const openPicked = (file: File | undefined) => {
    setMatrixData(undefined);
    return session.openPicked(file);
  };
  const openExample = () => {
    setMatrixData(undefined);
    return session.openExample(exampleUrl ?? "examples/qiemo-2019.xlsx");
  };
  const openMany = async (files: File[]) => {
    const names = files.map((f) => f.name).join(", ");
    session.notify({ intent: "info", scope: "file", message: (tr) => tr("readingProgress", { name: names, percent: 0 }) });
    try {
      const matrixModule = await import(/* webpackChunkName: "standalone" */ "./matrixFiles");
      const data = await matrixModule.checkFiles(await Promise.all(files.map(async (f) => ({ name: f.name, data: await f.arrayBuffer() }))), { lang, targets });
      setMatrixData(data);
      session.clearNotice("file");
    } catch (error) {
      session.notify({ intent: "error", scope: "file", message: (tr) => tr("fileError", { name: names, message: (error as Error)?.message ?? String(error) }) });
    }
  };
  /** One file: its findings; several: the matrix of counties × funds. */
  const openList = (list: FileList | null | undefined) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 1) return openMany(files);
    return openPicked(files[0]);
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
        <RadioGroup layout="horizontal" value={scope} onChange={(_, data) => session.setScope(data.value as Scope)} aria-label={t("tabCheck")}>
          <Radio value="active" label={t("scopeActive")} />
          <Radio value="all" label={t("scopeAll")} />
        </RadioGroup>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={running || !host} onClick={() => check()}>
          {t("runCheck")}
        </Button>
        {running && <Button onClick={() => session.cancel()}>{t("cancel")}</Button>}
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
        {!standalone && host && <SheetMatrixButton host={host} lang={lang} targets={targets} disabled={running} notify={(intent, text) => session.notify({ intent, scope: "check", message: () => text })} />}
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
                {findingsSummary(lang, result.summary)}
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
                openList(e.dataTransfer.files);
              }}
              data-testid="dropzone"
            >
              <p>{t("standaloneIntro")}</p>
              <div className={styles.row}>
                <input
                  ref={fileInput}
                  className={styles.visuallyHidden}
                  type="file"
                  multiple
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-label={t("openFile")}
                  tabIndex={-1}
                  onChange={(e) => {
                    const files = e.target.files ? Array.from(e.target.files) : [];
                    e.target.value = ""; // the same file chosen again is read again
                    if (files.length > 1) openMany(files);
                    else openPicked(files[0]);
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
                    <Button size="small" onClick={() => session.cancel()}>
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
          <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)}>
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
          {tab === "check" && (matrixData ? <MatrixView data={matrixData} lang={lang} /> : checkTab)}
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
              onChange={(next) => session.changeMapping(next)}
            />
          )}
          {tab === "targets" && (
            <TargetsPanel
              input={targetsInput}
              canSave={Boolean(host?.saveSettings)}
              onSave={(input, effective) => session.changeTargets(input, effective)}
            />
          )}
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
