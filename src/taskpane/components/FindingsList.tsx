/**
 * Findings grouped by severity with counts, each group in the one order of findings; each is a button that takes
 * the user to its cell, or, for a finding in report text, shows its line and quotes its sentence. A group shows its first PAGE findings and more
 * on request: a large workbook can give tens of thousands, and rendering them all at once freezes the pane.
 */
import * as React from "react";
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/findings";
import { bySeverity, expectedIn, observedIn, SEVERITIES } from "../../core/findings";
import { addressOf, placeOf } from "../../core/location";
import { FINDING_WORDS, severityHeading } from "../../core/words";
import { useI18n } from "../i18n";
import { textLang } from "../textLang";
/** Findings shown per group at first, and added by each "show more". */
export const PAGE = 200;
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

const useStyles = makeStyles({
  group: { marginBottom: "12px" },
  heading: { display: "flex", alignItems: "center", gap: "8px", fontWeight: tokens.fontWeightSemibold, margin: "8px 0 4px" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    padding: "6px 8px",
    marginBottom: "4px",
    cursor: "pointer",
    font: "inherit",
    color: "inherit",
    ":hover": { background: tokens.colorNeutralBackground1Hover },
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  subject: { fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginLeft: "6px" },
  figures: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  quote: {
    display: "block",
    margin: "4px 0",
    paddingLeft: "8px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

export interface FindingsListProps {
  findings: readonly Finding[];
  selected?: Finding;
  onSelect: (finding: Finding) => void;
}

export function FindingsList({ findings, selected, onSelect }: FindingsListProps) {
  const { lang, t } = useI18n();
  const styles = useStyles();
  const [shown, setShown] = React.useState<Record<Severity, number>>({ error: PAGE, warning: PAGE, info: PAGE });
  React.useEffect(() => setShown({ error: PAGE, warning: PAGE, info: PAGE }), [findings]);
  const groups = React.useMemo(() => bySeverity(findings), [findings]);
  if (!findings.length) return <p role="status">{t("noFindings")}</p>;
  return (
    <div aria-label="findings">
      {SEVERITIES.map((severity) => {
        const group = groups[severity];
        if (!group.length) return null;
        const headingId = `findings-${severity}`;
        return (
          <section key={severity} className={styles.group} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.heading}>
              {severityHeading(severity, lang)}
              <Badge appearance="filled" color={BADGE[severity]} aria-label={`${group.length}`}>
                {group.length}
              </Badge>
            </h3>
            <ul className={styles.list}>
              {group.slice(0, shown[severity]).map((f, i) => {
                const at = f.at;
                const place = `${placeOf(at)}!${addressOf(at)}`;
                return (
                  <li key={`${place}:${f.rule}:${i}`}>
                    <button
                      type="button"
                      className={styles.item + (selected === f ? " " + styles.selected : "")}
                      data-finding={`${f.rule}@${place}`}
                      onClick={() => onSelect(f)}
                    >
                      <span className={styles.subject} lang={textLang(f.subject)}>
                        {f.subject || f.rule}
                      </span>
                      <span className={styles.where}>{at.kind === "line" ? t("lineLabel", { line: at.line }) : place}</span>
                      <div>{f.message[lang]}</div>
                      {at.kind === "line" && at.quote && (
                        <span className={styles.quote} title={t("quoteLabel")} data-quote lang={textLang(at.quote)}>
                          “{at.quote}”
                        </span>
                      )}
                      {(f.observed || f.expected) && (
                        <div className={styles.figures}>
                          {f.observed && `${FINDING_WORDS.observed[lang]}: ${observedIn(f, lang)}`}
                          {f.observed && f.expected && " · "}
                          {f.expected && `${FINDING_WORDS.expected[lang]}: ${expectedIn(f, lang)}`}
                        </div>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
            {group.length > shown[severity] && (
              <Button size="small" onClick={() => setShown({ ...shown, [severity]: shown[severity] + PAGE })}>
                {t("showMore", { n: Math.min(PAGE, group.length - shown[severity]), left: group.length - shown[severity] })}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
