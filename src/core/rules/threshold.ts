/**
 * A rule's threshold declared as data: its key in a targets file, its fields (kind, bounds, default, label in
 * both languages) and the order its edges must keep. The targets schema, the defaults and the pane's Targets tab
 * are all made from these declarations (../targets.ts, TargetsPanel), so a rule's threshold lives in its own file.
 */
import Decimal from "decimal.js";
import { z } from "zod";
import type { Message } from "../findings";

/**
 * A number field. `percent`: stored as a fraction (0.95), entered and shown as a percentage (95); `months`
 * and `number`: as they are.
 */
export interface NumberField {
  kind: "percent" | "months" | "number";
  label: Message;
  min: number;
  max: number;
  default: number;
  /**
   * The side of the default on which the rule checks less ("lower": a value below the default lets more through),
   * so that settings which loosen a check can be named (docs/reference.md, "Settings that change the checks").
   */
  looser: "lower" | "higher";
}

/** One of a few named choices (the indicator scoring rule). */
export interface ChoiceField<O extends string = string> {
  kind: "choice";
  label: Message;
  options: readonly O[];
  /** Each option as the pane names it. */
  optionLabels: { readonly [K in O]: Message };
  default: O;
  /**
   * Options that check less than others, so that choosing one instead of the default is named as loosening;
   * absent: options differ without one being looser, and any change is named as a change.
   */
  looser?: readonly O[];
}

export type Field = NumberField | ChoiceField;

/**
 * An edge that must not pass another: `[lower, upper]`. The message names `lower` ("okLow: must not be above
 * okHigh"), or `upper` when the third element says so ("warningHigh: must not be below okHigh").
 */
export type OrderedPair = readonly [lower: string, upper: string, named?: "lower" | "upper"];

interface ThresholdBase<K extends string> {
  /** The key in a targets file ("completionBand"). */
  key: K;
  /** Whether a fund may override it under `funds.<name>` (false: the whole workbook only). */
  perFund: boolean;
}

/** One value under its key: `"componentsCoverage": 0.9`. */
export interface SingleThreshold<K extends string = string, F extends Field = Field> extends ThresholdBase<K> {
  field: F;
}

/** Named values under their key: `"completionBand": { "okLow": 0.95, … }`; a file may give only some. */
export interface GroupThreshold<K extends string = string, G extends Record<string, Field> = Record<string, Field>> extends ThresholdBase<K> {
  fields: G;
  ordered?: readonly OrderedPair[];
}

export type Threshold = SingleThreshold | GroupThreshold;

type FieldValue<F> = F extends ChoiceField<infer O> ? O : number;

/** The value a rule reads for its threshold: a number or a choice, or an object of them. */
export type ThresholdValue<T> = T extends { field: infer F }
  ? FieldValue<F>
  : T extends { fields: infer G }
    ? { -readonly [N in keyof G]: FieldValue<G[N]> }
    : undefined;

/** One field as the Targets tab lists it: where it sits in a targets file and how it is entered. */
export interface FieldEntry {
  /** ["completionBand", "okLow"], or ["componentsCoverage"]. */
  path: readonly [string] | readonly [string, string];
  field: Field;
  perFund: boolean;
}

export function fieldsOf(t: Threshold): FieldEntry[] {
  if ("field" in t) return [{ path: [t.key], field: t.field, perFund: t.perFund }];
  return Object.entries(t.fields).map(([name, field]) => ({ path: [t.key, name] as const, field, perFund: t.perFund }));
}

export function defaultOf(t: Threshold): unknown {
  if ("field" in t) return t.field.default;
  return Object.fromEntries(Object.entries(t.fields).map(([name, field]) => [name, field.default]));
}

function quoted(options: readonly string[]): string {
  const q = options.map((o) => `"${o}"`);
  return q.length > 1 ? `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}` : q.join("");
}

function fieldSchema(f: Field): z.ZodType {
  if (f.kind === "choice") return z.enum(f.options as [string, ...string[]], { error: `expected ${quoted(f.options)}` });
  const plain = `expected a number between ${f.min} and ${f.max}`;
  // A percentage written as one (95 for 95%) where a fraction is expected: say how to write it.
  const error =
    f.kind === "percent"
      ? (issue: { input?: unknown }) => {
          const v = issue.input;
          return typeof v === "number" && v > f.max && v / 100 >= f.min && v / 100 <= f.max ? `${plain} (a fraction: use ${new Decimal(v).div(100).toString()} for ${v}%)` : plain;
        }
      : plain;
  return z.number({ error }).min(f.min, { error }).max(f.max, { error });
}

/** The threshold's part of the targets schema: a group takes any of its fields and refuses unknown ones. */
export function thresholdSchema(t: Threshold): z.ZodType {
  if ("field" in t) return fieldSchema(t.field);
  return z.strictObject(Object.fromEntries(Object.entries(t.fields).map(([name, f]) => [name, fieldSchema(f)]))).partial();
}

/** Messages for the edges of a group that pass each other (on the effective values). */
export function orderErrors(t: Threshold, value: unknown, prefix: string): string[] {
  if (!("fields" in t) || !t.ordered) return [];
  const v = value as Record<string, number>;
  const errors: string[] = [];
  for (const [lower, upper, named] of t.ordered) {
    if (v[lower] <= v[upper]) continue;
    errors.push(
      named === "upper"
        ? `${prefix}${t.key}.${upper}: must not be below ${lower} (${v[upper]} < ${v[lower]})`
        : `${prefix}${t.key}.${lower}: must not be above ${upper} (${v[lower]} > ${v[upper]})`
    );
  }
  return errors;
}
