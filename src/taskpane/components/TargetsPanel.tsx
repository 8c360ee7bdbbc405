/**
 * Edits the thresholds of SPEC §4.2 for the whole workbook and per fund, each rule's severity (or "off") and the
 * indicator scoring rule. Rates are shown as percentages and stored as fractions (95 → 0.95). What is saved is a
 * targets file (TargetsInput): only what the user set, validated by the core's parseTargets before it is used
 * or stored. Per-fund severities, which the pane does not show, are kept as they were.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles } from "@fluentui/react-components";
import type { RuleId } from "../../core/findings";
import { SCORING_RULE_LABELS } from "../../core/indicators/format";
import { RULE_CATALOGUE } from "../../core/ruleCatalogue";
import { DEFAULT_TARGETS, IndicatorScoring, parseTargets, SeverityOverride, Targets, TargetsInput } from "../../core/targets";
import { MessageKey, useI18n } from "../i18n";

type Kind = "percent" | "plain";
const FIELDS: { path: [string, string?]; kind: Kind }[] = [
  { path: ["completionBand", "okLow"], kind: "percent" },
  { path: ["completionBand", "okHigh"], kind: "percent" },
  { path: ["completionBand", "warningLow"], kind: "percent" },
  { path: ["completionBand", "warningHigh"], kind: "percent" },
  { path: ["growthBand", "low"], kind: "percent" },
  { path: ["growthBand", "high"], kind: "percent" },
  { path: ["payableMonths", "warningBelow"], kind: "plain" },
  { path: ["payableMonths", "infoAbove"], kind: "plain" },
  { path: ["componentsCoverage"], kind: "percent" },
];
const fieldId = (path: [string, string?]) => path.filter(Boolean).join("_");

type Values = Record<string, string>;
type SeverityMap = Partial<Record<RuleId, SeverityOverride>>;
export interface TargetsDraft {
  workbook: Values;
  /** Rule severities for the whole workbook: only those the user changed. */
  severity: SeverityMap;
  /** "" for the default (proportional). */
  scoring: IndicatorScoring | "";
  /** `severity`: the fund's own rule severities, kept unchanged (the pane does not edit them). */
  funds: { name: string; values: Values; severity?: SeverityMap }[];
}

const SEVERITY_OPTIONS: SeverityOverride[] = ["error", "warning", "info", "off"];
const SCORING_OPTIONS = Object.keys(SCORING_RULE_LABELS) as IndicatorScoring[];

function show(value: number | undefined, kind: Kind): string {
  if (value === undefined) return "";
  return String(Number((kind === "percent" ? value * 100 : value).toPrecision(12)));
}

function pick(source: unknown, path: [string, string?]): number | undefined {
  const a = (source as Record<string, unknown> | undefined)?.[path[0]];
  const v = path[1] ? (a as Record<string, unknown> | undefined)?.[path[1]] : a;
  return typeof v === "number" ? v : undefined;
}

export function draftFrom(input: TargetsInput | undefined): TargetsDraft {
  const values = (source: unknown): Values => Object.fromEntries(FIELDS.map((f) => [fieldId(f.path), show(pick(source, f.path), f.kind)]));
  return {
    workbook: values(input),
    severity: { ...(input?.severity ?? {}) } as SeverityMap,
    scoring: input?.indicators?.scoring ?? "",
    funds: Object.entries(input?.funds ?? {}).map(([name, over]) => {
      const fund: TargetsDraft["funds"][number] = { name, values: values(over) };
      if (over.severity && Object.keys(over.severity).length) fund.severity = { ...over.severity } as SeverityMap;
      return fund;
    }),
  };
}

/** The draft as a targets file; blank fields are left out (inherit). Unreadable numbers are reported by field. */
export function inputFrom(draft: TargetsDraft, label: (key: MessageKey) => string): { input: TargetsInput; errors: string[] } {
  const errors: string[] = [];
  const build = (values: Values): Record<string, unknown> => {
    const out: Record<string, Record<string, number> | number> = {};
    for (const f of FIELDS) {
      const text = (values[fieldId(f.path)] ?? "").trim().replace(/[%％]$/, "");
      if (text === "") continue;
      const n = Number(text.replace(/,/g, ""));
      if (!Number.isFinite(n)) {
        errors.push(`${label(`tgt_${fieldId(f.path)}` as MessageKey)}: “${values[fieldId(f.path)]}”`);
        continue;
      }
      const value = f.kind === "percent" ? Number((n / 100).toPrecision(12)) : n;
      if (f.path[1]) out[f.path[0]] = { ...((out[f.path[0]] as Record<string, number>) || {}), [f.path[1]]: value };
      else out[f.path[0]] = value;
    }
    return out;
  };
  const input = build(draft.workbook) as TargetsInput;
  if (Object.keys(draft.severity).length) input.severity = { ...draft.severity };
  if (draft.scoring) input.indicators = { scoring: draft.scoring };
  const funds: Record<string, unknown> = {};
  for (const fund of draft.funds) {
    if (!fund.name.trim()) continue;
    const over = build(fund.values);
    if (fund.severity && Object.keys(fund.severity).length) over.severity = { ...fund.severity };
    funds[fund.name.trim()] = over;
  }
  if (Object.keys(funds).length) input.funds = funds as TargetsInput["funds"];
  return { input, errors };
}

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "1fr", gap: "6px", marginBottom: "12px" },
  fund: { borderTop: "1px solid #ddd", paddingTop: "8px", marginTop: "8px" },
  actions: { display: "flex", gap: "8px", marginTop: "12px" },
});

export interface TargetsPanelProps {
  input: TargetsInput | undefined;
  canSave: boolean;
  onSave: (input: TargetsInput, targets: Targets) => void;
}

export function TargetsPanel({ input, canSave, onSave }: TargetsPanelProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [draft, setDraft] = React.useState<TargetsDraft>(() => draftFrom(input));
  const [errors, setErrors] = React.useState<string[]>([]);
  React.useEffect(() => setDraft(draftFrom(input)), [input]);

  const fields = (values: Values, placeholders: unknown, onChange: (id: string, v: string) => void, prefix: string) => (
    <div className={styles.grid}>
      {FIELDS.map((f) => {
        const id = fieldId(f.path);
        return (
          <Field key={id} label={t(`tgt_${id}` as MessageKey)} size="small">
            <Input
              id={`${prefix}-${id}`}
              size="small"
              value={values[id] ?? ""}
              placeholder={show(pick(placeholders, f.path), f.kind)}
              onChange={(_, data) => onChange(id, data.value)}
            />
          </Field>
        );
      })}
    </div>
  );

  const save = () => {
    const { input: next, errors: numberErrors } = inputFrom(draft, (key) => t(key));
    if (numberErrors.length) return setErrors(numberErrors);
    const parsed = parseTargets(next);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors([]);
    onSave(next, parsed.targets);
  };

  return (
    <div>
      <p>{t("targetsIntro")}</p>
      {!canSave && <p>{t("targetsStandaloneNote")}</p>}
      <h3>{t("targetsWorkbook")}</h3>
      {fields(draft.workbook, DEFAULT_TARGETS, (id, v) => setDraft({ ...draft, workbook: { ...draft.workbook, [id]: v } }), "wb")}
      <h3>{t("targetsRules")}</h3>
      <p>{t("targetsRulesIntro")}</p>
      <div className={styles.grid}>
        {RULE_CATALOGUE.map((rule) => (
          <Field key={rule.id} label={`${rule.describe[lang]} (${rule.id})`} size="small">
            <Select
              size="small"
              value={draft.severity[rule.id] ?? ""}
              onChange={(_, data) => {
                const severity = { ...draft.severity };
                if (data.value) severity[rule.id] = data.value as SeverityOverride;
                else delete severity[rule.id];
                setDraft({ ...draft, severity });
              }}
            >
              <option value="">{t("ruleDefault", { value: t(`opt_${rule.severity}` as MessageKey) })}</option>
              {SEVERITY_OPTIONS.map((s) => (
                <option key={s} value={s}>
                  {t(`opt_${s}` as MessageKey)}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        <Field label={t("targetsScoring")} size="small">
          <Select size="small" value={draft.scoring} onChange={(_, data) => setDraft({ ...draft, scoring: data.value as IndicatorScoring | "" })}>
            <option value="">{t("ruleDefault", { value: SCORING_RULE_LABELS.proportional[lang] })}</option>
            {SCORING_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {SCORING_RULE_LABELS[s][lang]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <h3>{t("targetsFunds")}</h3>
      {draft.funds.map((fund, i) => {
        const update = (next: Partial<{ name: string; values: Values }>) =>
          setDraft({ ...draft, funds: draft.funds.map((f, j) => (j === i ? { ...f, ...next } : f)) });
        return (
          <div key={i} className={styles.fund}>
            <Field label={t("fundName")} size="small">
              <Input size="small" value={fund.name} onChange={(_, data) => update({ name: data.value })} />
            </Field>
            {fields(fund.values, {}, (id, v) => update({ values: { ...fund.values, [id]: v } }), `fund${i}`)}
            <Button size="small" onClick={() => setDraft({ ...draft, funds: draft.funds.filter((_, j) => j !== i) })}>
              {t("removeFund")}
            </Button>
          </div>
        );
      })}
      <Button size="small" onClick={() => setDraft({ ...draft, funds: [...draft.funds, { name: "", values: {} }] })}>
        {t("addFund")}
      </Button>
      {errors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{t("targetsInvalid", { message: errors.join("; ") })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={save}>
          {t("targetsSave")}
        </Button>
        <Button onClick={() => setDraft(draftFrom(undefined))}>{t("targetsReset")}</Button>
      </div>
    </div>
  );
}
