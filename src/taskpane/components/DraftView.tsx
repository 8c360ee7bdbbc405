/**
 * "Draft report text": the figure paragraphs of 各项基金预算完成及运行情况 drafted from the workbook's checked fund
 * tables (docs/draft.md), previewed per fund in Chinese or English. Copy all puts the plain text on the
 * clipboard; the standalone page downloads a .docx; in Excel, Insert as sheet adds a new sheet whose paragraph
 * cells are live formulas over the user's own cells. The drafter is loaded on first use (../draft).
 */
import * as React from "react";
import { Button, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { ColumnMapping } from "../../core/api";
import type { GridWorkbook } from "../../core/grid";
import type { Targets } from "../../core/targets";
import type { Lang } from "../../core/words";
import type { WorkbookHost } from "../host";
import { Notify, useI18n } from "../i18n";

type DraftModule = typeof import("../draft");
type Section = import("../draft").DraftSection;

const loadDraftModule = (): Promise<DraftModule> => import(/* webpackChunkName: "draft" */ "../draft");

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", margin: "8px 0" },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "16px 0 4px" },
  heading: { fontWeight: tokens.fontWeightSemibold, margin: "10px 0 2px" },
  paragraph: { margin: "0 0 6px", textIndent: "2em", lineHeight: 1.7, maxWidth: "48em" },
  notes: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: "4px 0 8px", paddingLeft: "18px" },
});

export interface DraftViewProps {
  /** The workbook: Excel's, or the file opened in the page. */
  host?: WorkbookHost;
  /** The opened file's sheets (the page has them already; in Excel they are read through the host). */
  grid?: GridWorkbook;
  targets?: Targets;
  mapping?: ColumnMapping;
  notify: Notify;
  download: (data: string | Uint8Array, name: string, type: string) => void;
}

export function DraftView({ host, grid, targets, mapping, notify, download }: DraftViewProps) {
  const { lang, t } = useI18n();
  const styles = useStyles();
  const [draftLang, setDraftLang] = React.useState<Lang>(lang);
  const [sections, setSections] = React.useState<Section[]>();
  const [busy, setBusy] = React.useState(false);
  const moduleRef = React.useRef<DraftModule>(undefined);
  const load = async () => (moduleRef.current ??= await loadDraftModule());

  // A draft belongs to the workbook, settings and language it was made from: a new one of any is drafted anew.
  React.useEffect(() => setSections(undefined), [host, grid, targets, mapping]);

  const draft = async (language = draftLang) => {
    if (!host) return;
    setBusy(true);
    try {
      const mod = await load();
      const workbook = grid ?? (await mod.readWorkbook(host));
      setSections(mod.draftSections(workbook, language, { targets, mapping }));
      notify();
    } catch (error) {
      notify("error", (t) => t("error", { message: (error as Error)?.message ?? String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const copyAll = async () => {
    if (!sections || !moduleRef.current) return;
    try {
      await navigator.clipboard.writeText(moduleRef.current.renderText(sections));
      notify("success", (t) => t("draftCopied"));
    } catch {
      notify("warning", (t) => t("draftCopyBlocked"));
    }
  };

  const downloadDocx = async () => {
    if (!sections || !moduleRef.current || !host) return;
    try {
      const bytes = await moduleRef.current.draftDocument(sections);
      download(bytes, `${host.name.replace(/\.xlsx$/i, "")}-${t("draftFileSuffix")}.docx`, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    } catch (error) {
      notify("error", (t) => t("error", { message: (error as Error)?.message ?? String(error) }));
    }
  };

  const insert = async () => {
    if (!sections || !moduleRef.current || !host?.insertSheet) return;
    try {
      const { rows, formats } = moduleRef.current.draftSheet(sections, draftLang);
      const { sheet, grouped } = await host.insertSheet(t("draftSheetName"), rows, formats, { columnWidths: moduleRef.current.DRAFT_SHEET_WIDTHS });
      notify(grouped ? "success" : "warning", (t) => t("draftInserted", { sheet }) + (grouped ? "" : " " + t("undoNote")));
    } catch (error) {
      notify("error", (t) => t("error", { message: (error as Error)?.message ?? String(error) }));
    }
  };

  if (!host) return <p>{t("draftNeedsWorkbook")}</p>;
  const mod = moduleRef.current;
  const paragraphLang = draftLang === "zh" ? "zh-CN" : "en";

  return (
    <div data-testid="draft-view">
      <p>{host.insertSheet ? t("draftIntroExcel") : t("draftIntro")}</p>
      <RadioGroup
        layout="horizontal"
        value={draftLang}
        aria-label={t("draftLanguage")}
        onChange={(_, data) => {
          const next = data.value as Lang;
          setDraftLang(next);
          if (sections) draft(next);
        }}
      >
        <Radio value="zh" label="中文" />
        <Radio value="en" label="English" />
      </RadioGroup>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => draft()}>
          {t("draftRun")}
        </Button>
        {sections && sections.length > 0 && (
          <>
            <Button disabled={busy} onClick={copyAll}>
              {t("draftCopy")}
            </Button>
            {host.insertSheet ? (
              <Button disabled={busy} onClick={insert}>
                {t("draftInsert")}
              </Button>
            ) : (
              <Button disabled={busy} onClick={downloadDocx}>
                {t("draftDocx")}
              </Button>
            )}
          </>
        )}
      </div>
      {sections && !sections.length && <p role="status">{t("draftNothing")}</p>}
      {sections && mod && (
        <div data-testid="draft-preview" lang={paragraphLang}>
          {sections.map((section, s) => {
            const notes = mod.noteLines(section);
            return (
              <section key={`${section.sheet}:${s}`}>
                <h3 className={styles.title}>{section.title}</h3>
                {section.paragraphs.map((p, k) => (
                  <React.Fragment key={`${p.cell}:${k}`}>
                    <h4 className={styles.heading}>{mod.fundHeading(section, k, p.name)}</h4>
                    <p className={styles.paragraph} data-paragraph={p.cell}>
                      {p.text}
                    </p>
                  </React.Fragment>
                ))}
                {notes.length > 0 && (
                  <>
                    <p className={styles.heading}>{section.wording.notesTitle}</p>
                    <ul className={styles.notes}>
                      {notes.map((line, k) => (
                        <li key={k}>{line}</li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
