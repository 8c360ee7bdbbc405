/**
 * The detected tables and column roles per sheet; every role can be changed from a dropdown. Each column shows its
 * letter and the header words the check read there, so "C" is recognisable as 执行数.
 */
import * as React from "react";
import { Button, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { ColumnMapping, SheetReport } from "../../core/api";
import { FUND_ROLES, INDICATOR_ROLES, Role } from "../../core/model";
import { columnIndex } from "../../core/grid";
import { roleLabel, useI18n } from "../i18n";
import { textLang } from "../textLang";

const useStyles = makeStyles({
  sheet: { marginBottom: "16px" },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "left", verticalAlign: "middle" },
  letter: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  header: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  /** A dropdown as wide as its longest role, within the pane's width. */
  select: { minWidth: "150px", maxWidth: "100%" },
  changed: { color: tokens.colorBrandForeground1, fontSize: tokens.fontSizeBase200, marginLeft: "4px" },
});

export interface MappingPanelProps {
  sheets: readonly SheetReport[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  /** The choices are stored in the workbook (Excel); in the page they last for the session. */
  canSave: boolean;
  /** Each checked sheet's first rows as text (runCheck's sheetHead): where the header words are read. */
  heads?: Record<string, string[][]>;
}

/** The header words above a column: its cells in the table's header rows, joined. */
export function headerWords(head: string[][] | undefined, headerRows: readonly number[], column: string): string {
  const col = columnIndex(column);
  if (!head || col === undefined) return "";
  const words = headerRows.map((row) => head[row - 1]?.[col] ?? "").filter(Boolean);
  return [...new Set(words)].join(" / ");
}

export function MappingPanel({ sheets, mapping, onChange, canSave, heads = {} }: MappingPanelProps) {
  const { lang, t } = useI18n();
  const styles = useStyles();
  if (!sheets.length) return <p>{t("mappingEmpty")}</p>;

  const setRole = (sheet: string, column: string, role: Role | "ignore" | "") => {
    const next: ColumnMapping = { ...mapping, [sheet]: { ...(mapping[sheet] || {}) } };
    if (role === "") delete next[sheet][column];
    else next[sheet][column] = role;
    if (!Object.keys(next[sheet]).length) delete next[sheet];
    onChange(next);
  };
  const resetSheet = (sheet: string) => {
    const next = { ...mapping };
    delete next[sheet];
    onChange(next);
  };

  return (
    <div>
      <p>{canSave ? t("mappingIntro") : t("mappingIntroStandalone")}</p>
      {sheets.map((sheet) => (
        <section key={sheet.name} className={styles.sheet} aria-label={sheet.name}>
          <h3>
            {sheet.name}
            {mapping[sheet.name] && (
              <Button size="small" appearance="subtle" onClick={() => resetSheet(sheet.name)}>
                {t("resetMapping")}
              </Button>
            )}
          </h3>
          {!sheet.tables.length && <p>{t("noTable")}</p>}
          {sheet.tables.map((table) => {
            const roles: readonly Role[] = table.kind === "indicator" ? INDICATOR_ROLES : FUND_ROLES;
            const columns = Array.from(new Set([...Object.keys(table.columns), ...Object.keys(mapping[sheet.name] || {})])).sort(
              (a, b) => a.length - b.length || a.localeCompare(b)
            );
            return (
              <div key={`${table.headerRow}-${table.firstRow}`}>
                <p>{t("table", { first: table.firstRow, last: table.lastRow, header: table.headerRow })}</p>
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th className={styles.cell}>{t("column")}</th>
                      <th className={styles.cell}>{t("headerText")}</th>
                      <th className={styles.cell}>{t("role")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {columns.map((column) => {
                      const override = mapping[sheet.name]?.[column];
                      const value = override ?? table.columns[column];
                      const words = headerWords(heads[sheet.name], table.headerRows ?? [table.headerRow], column);
                      return (
                        <tr key={column}>
                          <td className={styles.cell + " " + styles.letter}>{column}</td>
                          <td className={styles.cell + " " + styles.header} lang={textLang(words)} data-header={column}>
                            {words}
                          </td>
                          <td className={styles.cell}>
                            <Select
                              className={styles.select}
                              size="small"
                              aria-label={`${sheet.name} ${t("column")} ${column}`}
                              value={value}
                              onChange={(_, data) => setRole(sheet.name, column, data.value as Role | "ignore")}
                            >
                              {roles.map((role) => (
                                <option key={role} value={role}>
                                  {roleLabel(lang, role)}
                                </option>
                              ))}
                              <option value="ignore">{t("roleIgnore")}</option>
                            </Select>
                            {override && <span className={styles.changed}>{t("overridden")}</span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
