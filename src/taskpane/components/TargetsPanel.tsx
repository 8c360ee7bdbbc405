/**
 * Edits the rules' thresholds for the whole workbook and per fund, and each rule's severity (or "off"). The
 * fields are not listed here: each rule declares its threshold (label, kind, bounds, default) in its own file,
 * and this tab renders them from the catalogue (core/ruleCatalogue.ts), so a new rule's threshold appears by
 * itself. Percentages are shown as percentages and stored as fractions (95 → 0.95). What is saved is a targets
 * file (TargetsInput): only what the user set, validated by the core's parseTargets before it is used or stored.
 * Per-fund severities, which the pane does not show, are kept as they were.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles } from "@fluentui/react-components";
import type { RuleId } from "../../core/findings";
import { RULE_CATALOGUE, THRESHOLDS } from "../../core/ruleCatalogue";
import { FieldEntry, NumberField, fieldsOf } from "../../core/rules/threshold";
import { DEFAULT_TARGETS, parseTargets, SeverityOverride, Targets, TargetsInput } from "../../core/targets";
import { Lang, MessageKey, useI18n } from "../i18n";

/** Every threshold field, in catalogue order. */
const FIELDS: readonly FieldEntry[] = THRESHOLDS.flatMap(fieldsOf);
const FUND_FIELDS = FIELDS.filter((f) => f.perFund);
const fieldId = (f: FieldEntry) => f.path.join("_");

type Values = Record<string, string>;
type SeverityMap = Partial<Record<RuleId, SeverityOverride>>;
export interface TargetsDraft {
  /** Field values as typed ("" = inherit the default), by field id ("completionBand_okLow"). */
  workbook: Values;
  /** Rule severities for the whole workbook: only those the user changed. */
  severity: SeverityMap;
  /** `severity`: the fund's own rule severities, kept unchanged (the pane does not edit them). */
  funds: { name: string; values: Values; severity?: SeverityMap }[];
}

const SEVERITY_OPTIONS: SeverityOverride[] = ["error", "warning", "info", "off"];

/** A stored value as the field shows it: a percentage ×100, a choice as its name. */
function show(value: unknown, field: FieldEntry["field"]): string {
  if (field.kind === "choice") return typeof value === "string" ? value : "";
  if (typeof value !== "number") return "";
  return String(Number((field.kind === "percent" ? value * 100 : value).toPrecision(12)));
}

function pick(source: unknown, path: FieldEntry["path"]): unknown {
  const a = (source as Record<string, unknown> | undefined)?.[path[0]];
  return path.length === 2 ? (a as Record<string, unknown> | undefined)?.[path[1]] : a;
}

export function draftFrom(input: TargetsInput | undefined): TargetsDraft {
  const values = (source: unknown, fields: readonly FieldEntry[]): Values => Object.fromEntries(fields.map((f) => [fieldId(f), show(pick(source, f.path), f.field)]));
  return {
    workbook: values(input, FIELDS),
    severity: { ...(input?.severity ?? {}) } as SeverityMap,
    funds: Object.entries(input?.funds ?? {}).map(([name, over]) => {
      const fund: TargetsDraft["funds"][number] = { name, values: values(over, FUND_FIELDS) };
      if (over.severity && Object.keys(over.severity).length) fund.severity = { ...over.severity } as SeverityMap;
      return fund;
    }),
  };
}

/** The draft as a targets file; blank fields are left out (inherit). Unreadable numbers are reported by field. */
export function inputFrom(draft: TargetsDraft, lang: Lang): { input: TargetsInput; errors: string[] } {
  const errors: string[] = [];
  const build = (values: Values, fields: readonly FieldEntry[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const typed = (values[fieldId(f)] ?? "").trim();
      if (typed === "") continue;
      let value: string | number = typed;
      if (f.field.kind !== "choice") {
        const n = Number(typed.replace(/[%％]$/, "").replace(/,/g, ""));
        if (!Number.isFinite(n)) {
          errors.push(`${f.field.label[lang]}: “${values[fieldId(f)]}”`);
          continue;
        }
        value = (f.field as NumberField).kind === "percent" ? Number((n / 100).toPrecision(12)) : n;
      }
      if (f.path.length === 2) out[f.path[0]] = { ...((out[f.path[0]] as Record<string, unknown>) || {}), [f.path[1]]: value };
      else out[f.path[0]] = value;
    }
    return out;
  };
  const input = build(draft.workbook, FIELDS) as TargetsInput;
  if (Object.keys(draft.severity).length) input.severity = { ...draft.severity };
  const funds: Record<string, unknown> = {};
  for (const fund of draft.funds) {
    if (!fund.name.trim()) continue;
    const over = build(fund.values, FUND_FIELDS);
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

  const fields = (list: readonly FieldEntry[], values: Values, placeholders: unknown, onChange: (id: string, v: string) => void, prefix: string) => (
    <div className={styles.grid}>
      {list.map((f) => {
        const id = fieldId(f);
        const field = f.field;
        const fallback = show(pick(placeholders, f.path), field);
        return (
          <Field key={id} label={field.label[lang]} size="small">
            {field.kind === "choice" ? (
              <Select id={`${prefix}-${id}`} size="small" value={values[id] ?? ""} onChange={(_, data) => onChange(id, data.value)}>
                <option value="">{fallback ? t("ruleDefault", { value: field.optionLabels[fallback]?.[lang] ?? fallback }) : ""}</option>
                {field.options.map((o) => (
                  <option key={o} value={o}>
                    {field.optionLabels[o][lang]}
                  </option>
                ))}
              </Select>
            ) : (
              <Input id={`${prefix}-${id}`} size="small" value={values[id] ?? ""} placeholder={fallback} onChange={(_, data) => onChange(id, data.value)} />
            )}
          </Field>
        );
      })}
    </div>
  );

  const save = () => {
    const { input: next, errors: numberErrors } = inputFrom(draft, lang);
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
      {fields(FIELDS, draft.workbook, DEFAULT_TARGETS, (id, v) => setDraft({ ...draft, workbook: { ...draft.workbook, [id]: v } }), "wb")}
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
            {fields(FUND_FIELDS, fund.values, {}, (id, v) => update({ values: { ...fund.values, [id]: v } }), `fund${i}`)}
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
