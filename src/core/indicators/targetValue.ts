/**
 * An indicator's target value (年度指标值, docs/indicators.md) — not the targets file of thresholds, ../targets.ts:
 * reads a target as written in a 绩效目标表 / 绩效自评表 ("≥95%", "1%以内",
 * "95%-105%", "按时足额" …), decides whether an actual value meets it, and scores an indicator.
 * Pure: no Office, no DOM. Used by the custom functions (TARGET_MET, INDICATOR_SCORE) and by the indicator rules.
 *
 * Decisions where the text is silent:
 * - A bare figure ("100%", "1618人") is read as "at least" (达到): the usual meaning of a 指标值 for rates and
 *   counts. Write "=100%" for an exact target. The read target says so with `implicit: true`.
 * - 以上/以下/以内 include the figure itself (as in Chinese legal and statistical usage).
 * - A plain actual number above 10 against a percent target is read as percent points (97 → 97%): no rate in
 *   these tables reaches 1000%, and people do type "97" under a "%" heading. 0.97 or "97%" is 97% as usual.
 * - Units convert within a family (万元 ↔ 元, 万人 ↔ 人); an actual in another unit than the target's cannot be
 *   compared ("unreadable"). A figure without a unit takes the target's unit.
 */
import Decimal from "decimal.js";
import { clipText, NumberRead, ReadResult, readNumber, readNumberText, toHalfWidth } from "../numbers";
import { MONEY_UNITS } from "../units";

export type BoundOp = ">=" | ">" | "<=" | "<" | "=";

export interface BoundTarget {
  kind: "bound";
  op: BoundOp;
  /** The bound as a value: "95%" → 0.95. */
  value: Decimal;
  percent: boolean;
  unit?: string;
  /** A bare figure read as "at least" (no operator was written). */
  implicit?: boolean;
  text: string;
}

export interface RangeTarget {
  kind: "range";
  low: Decimal;
  high: Decimal;
  lowInclusive: boolean;
  highInclusive: boolean;
  percent: boolean;
  unit?: string;
  text: string;
}

export interface QualitativeTarget {
  kind: "qualitative";
  text: string;
}

export interface UnreadableTarget {
  kind: "unreadable";
  text: string;
}

export type IndicatorTarget = BoundTarget | RangeTarget | QualitativeTarget | UnreadableTarget;

/** Operators written before the figure, longest first so "大于等于" wins over "大于". */
const PREFIX_OPS: [string, BoundOp][] = (
  [
    ["大于或等于", ">="],
    ["小于或等于", "<="],
    ["大于等于", ">="],
    ["小于等于", "<="],
    ["不低于", ">="],
    ["不少于", ">="],
    ["不小于", ">="],
    ["不高于", "<="],
    ["不超过", "<="],
    ["不大于", "<="],
    ["不多于", "<="],
    ["至少", ">="],
    ["最少", ">="],
    ["最低", ">="],
    ["达到", ">="],
    ["至多", "<="],
    ["最多", "<="],
    ["最高", "<="],
    ["大于", ">"],
    ["高于", ">"],
    ["超过", ">"],
    ["多于", ">"],
    ["小于", "<"],
    ["低于", "<"],
    ["少于", "<"],
    ["等于", "="],
    [">=", ">="],
    ["=>", ">="],
    ["<=", "<="],
    ["=<", "<="],
    ["≥", ">="],
    ["⩾", ">="],
    ["≤", "<="],
    ["⩽", "<="],
    [">", ">"],
    ["<", "<"],
    ["=", "="],
  ] as [string, BoundOp][]
).sort((a, b) => b[0].length - a[0].length);

const OPERATOR_CHARS = new Set(PREFIX_OPS.flatMap(([token]) => [...token]));

/** Words written before the figure that set no direction themselves ("控制在1%以内"). */
const NEUTRAL_PREFIXES = ["控制在", "保持在", "保持", "达"];

/** Operators written after the figure. */
const SUFFIX_OPS: [string, BoundOp][] = [
  ["及以上", ">="],
  ["或以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["或以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
];

/** Unit families: a unit → [base unit, how many base units it is]. */
const UNIT_SCALE: Record<string, [string, number]> = {
  ...Object.fromEntries(Object.entries(MONEY_UNITS).map(([unit, size]): [string, [string, number]] => [unit, ["元", size]])),
  // A target may be written in 百元, which no fund table or report states amounts in.
  百元: ["元", 100],
  人: ["人", 1],
  名: ["人", 1],
  万人: ["人", 10000],
  人次: ["人次", 1],
  万人次: ["人次", 10000],
  户: ["户", 1],
  万户: ["户", 10000],
  个月: ["月", 1],
  月: ["月", 1],
  month: ["月", 1],
  months: ["月", 1],
  次: ["次", 1],
};

/** Trailing full stops and semicolons, taken off one by one (a `[。.;；]+$` pattern rescans a long run from every start). */
function trimEndStops(text: string): string {
  let end = text.length;
  while (end > 0 && "。.;；".includes(text[end - 1])) end--;
  return text.slice(0, end);
}

function normalize(text: string): string {
  return trimEndStops(
    toHalfWidth(text)
      .replace(/\s+/g, "")
      .replace(/≧/g, "≥")
      .replace(/≦/g, "≤")
      .replace(/[（(]含[)）]?$/u, "")
  );
}

/** A label before a target's figure ("参保人员满意度", "上访率控制在") is at most this long. */
const MAX_TARGET_LABEL = 64;

function readFigure(text: string): NumberRead | undefined {
  const read = readNumberText(text);
  return read.kind === "number" ? read : undefined;
}

function stripPrefix(text: string): { op?: BoundOp; rest: string } {
  for (const [token, op] of PREFIX_OPS) if (text.startsWith(token)) return { op, rest: text.slice(token.length) };
  for (const word of NEUTRAL_PREFIXES) if (text.startsWith(word)) return { rest: text.slice(word.length) };
  return { rest: text };
}

function stripSuffix(text: string): { op?: BoundOp; rest: string } {
  for (const [token, op] of SUFFIX_OPS) if (text.endsWith(token)) return { op, rest: text.slice(0, -token.length) };
  return { rest: text };
}

function bound(op: BoundOp, figure: NumberRead, text: string, implicit: boolean): BoundTarget {
  const target: BoundTarget = { kind: "bound", op, value: new Decimal(figure.digits), percent: figure.percent, text };
  if (figure.unit) target.unit = figure.unit;
  if (implicit) target.implicit = true;
  return target;
}

const NUMBER_TOKEN = "[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:%|‰)?[^\\d,~\\-至到\\[\\]()]*?";

const DASH_RANGE = new RegExp(`^(${NUMBER_TOKEN})(?:-|~|至|到)(${NUMBER_TOKEN})$`, "u");
const BRACKET_RANGE = /^([[(])([^,]+),([^,]+)([\])])$/u;

function range(lowText: string, highText: string, lowInclusive: boolean, highInclusive: boolean, text: string): RangeTarget | undefined {
  // "95-105%": a mark or unit written once, after the high end, belongs to both ends.
  let low = readFigure(lowText);
  let high = readFigure(highText);
  if (!low || !high) return undefined;
  if (!low.percent && !low.unit && high.percent) low = readFigure(lowText + "%");
  if (!high.percent && !high.unit && low?.percent) high = readFigure(highText + "%");
  if (!low || !high) return undefined;
  if (low.percent !== high.percent) return undefined;
  const lowUnit = low.unit;
  const highUnit = high.unit;
  if (lowUnit && highUnit && lowUnit !== highUnit) return undefined;
  let a = new Decimal(low.digits);
  let b = new Decimal(high.digits);
  if (a.gt(b)) [a, b] = [b, a];
  const target: RangeTarget = { kind: "range", low: a, high: b, lowInclusive, highInclusive, percent: high.percent, text };
  const unit = highUnit ?? lowUnit;
  if (unit) target.unit = unit;
  return target;
}

function readBoundOrRange(t: string, original: string): BoundTarget | RangeTarget | undefined {
  const bracket = BRACKET_RANGE.exec(t);
  if (bracket) return range(bracket[2], bracket[3], bracket[1] === "[", bracket[4] === "]", original);
  const dash = DASH_RANGE.exec(t);
  if (dash) {
    const r = range(dash[1], dash[2], true, true, original);
    if (r) return r;
  }
  const pre = stripPrefix(t);
  const post = stripSuffix(pre.rest);
  if (pre.op && post.op && pre.op !== post.op && !(pre.op.startsWith(post.op[0]) && post.op.endsWith("="))) return undefined;
  const figure = readFigure(post.rest);
  if (!figure) return undefined;
  const op = pre.op ?? post.op;
  return bound(op ?? ">=", figure, original, op === undefined);
}

/**
 * Reads a target as written. Numbers read with the core number reader (full-width, thousands separators,
 * units). Text with no figure at all is a qualitative target. A figure in a cell (0.95 formatted "0%") is a bare
 * figure: at least that value.
 */
export function readTarget(input: unknown, numFmt?: string): IndicatorTarget {
  if (typeof input === "number") {
    const read = readNumber(input, numFmt);
    return read.kind === "number" ? bound(">=", read, String(input), true) : { kind: "unreadable", text: String(input) };
  }
  if (typeof input !== "string") return { kind: "unreadable", text: input === null || input === undefined ? "" : String(input) };
  const original = input.trim();
  const t = normalize(input);
  if (t === "") return { kind: "unreadable", text: original };
  const direct = readBoundOrRange(t, original);
  if (direct) return direct;
  if (!/\d/.test(t)) return { kind: "qualitative", text: original };
  // A label before the target ("满意度≥95%", "上访率控制在1%以内"): the shortest digit-free label after which
  // the rest reads as a target.
  const firstDigit = t.search(/\d/);
  // The label may not contain any character of an operator word: "≥95%以内" must not become "95%以内".
  // Each try reads the rest of the text, so the label is bounded: a longer one leaves the target unreadable.
  for (let k = 1; k <= Math.min(firstDigit, MAX_TARGET_LABEL); k++) {
    if (OPERATOR_CHARS.has(t[k - 1])) break;
    const r = readBoundOrRange(t.slice(k), original);
    if (r) return r;
  }
  return { kind: "unreadable", text: original };
}

/** How an actual value stands against a target. */
export type Verdict =
  | { kind: "met" }
  /** side: "low" = below a lower bound, "high" = above an upper bound. actual/bound in the target's unit. */
  | { kind: "missed"; side: "low" | "high"; actual: Decimal; bound: Decimal }
  | { kind: "missed"; side: "qualitative" }
  | { kind: "missing" }
  | { kind: "unreadable"; reason: string };

export type ActualInput = ReadResult | string | number | boolean | null | undefined;

function isReadResult(value: unknown): value is ReadResult {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}

/** Answers that say "no". 无/差 alone are negative; inside a phrase they are not ("无差错" is a good answer). */
const NEGATIVE = /未|没有|没|否|不|尚无|欠|部分|^无$|^差$|较差|\bno\b|\bnot\b|false|unmet|missed|×|✗/iu;
const POSITIVE = /达成|达到|达标|是|已完成|完成|按时|足额|明显|显著|良好|优秀|满意|符合|实现|有效|合格|已|好|\byes\b|\bmet\b|true|\bok\b|done|√|✓|✔/iu;

function judgeQualitative(actual: ActualInput, target: QualitativeTarget): Verdict {
  if (typeof actual === "boolean") return actual ? { kind: "met" } : { kind: "missed", side: "qualitative" };
  let text: string | undefined;
  if (typeof actual === "string") text = actual;
  else if (isReadResult(actual)) {
    if (actual.kind === "missing") return { kind: "missing" };
    if (actual.kind === "text") text = actual.text;
    else if (actual.kind === "error") return { kind: "unreadable", reason: "actual is an error: " + actual.error };
  }
  if (actual === null || actual === undefined) return { kind: "missing" };
  if (text === undefined) return { kind: "unreadable", reason: "a qualitative target needs a text answer (达成/是/已完成 or 未达成/否)" };
  const t = normalize(text);
  if (t === "") return { kind: "missing" };
  // The answer repeats the target ("按时足额"), or answers a "no …" target with "无": met.
  if (t === normalize(target.text)) return { kind: "met" };
  if (/^(无|没有|零|0)$/.test(t) && /^(无|零|没有|杜绝|不发生)/.test(normalize(target.text))) return { kind: "met" };
  if (NEGATIVE.test(t)) return { kind: "missed", side: "qualitative" };
  if (POSITIVE.test(t)) return { kind: "met" };
  return { kind: "unreadable", reason: `cannot tell whether "${clipText(text)}" meets "${clipText(target.text)}"` };
}

/** The actual value in the target's scale and unit, or why it has none. */
function actualValue(actual: ActualInput, target: BoundTarget | RangeTarget): Decimal | Verdict {
  let read: ReadResult;
  if (isReadResult(actual)) read = actual;
  else if (typeof actual === "boolean") return { kind: "unreadable", reason: "actual: not a number: " + (actual ? "TRUE" : "FALSE") };
  else read = readNumber(actual);
  if (read.kind === "missing") return { kind: "missing" };
  if (read.kind === "error") return { kind: "unreadable", reason: "actual is an error: " + read.error };
  if (read.kind === "text") return { kind: "unreadable", reason: `actual: not a number: "${clipText(read.text)}"` };
  let value = new Decimal(read.digits);
  if (target.unit && read.unit && target.unit !== read.unit) {
    const t = UNIT_SCALE[target.unit];
    const a = UNIT_SCALE[read.unit];
    if (!t || !a || t[0] !== a[0]) return { kind: "unreadable", reason: `actual is in ${read.unit}, the target in ${target.unit}` };
    value = value.times(a[1]).div(t[1]);
  }
  if (target.percent && !read.percent) {
    if (read.unit) return { kind: "unreadable", reason: `actual is in ${read.unit}, the target is a percentage` };
    if (value.abs().gt(10)) value = value.div(100);
  }
  if (!target.percent && read.percent && target.unit) {
    return { kind: "unreadable", reason: `actual is a percentage, the target is in ${target.unit}` };
  }
  return value;
}

function compare(value: Decimal, op: BoundOp, limit: Decimal): boolean {
  switch (op) {
    case ">=":
      return value.gte(limit);
    case ">":
      return value.gt(limit);
    case "<=":
      return value.lte(limit);
    case "<":
      return value.lt(limit);
    default:
      return value.eq(limit);
  }
}

/** Does the actual meet the target? The full verdict, with the side of a miss (for scoring). */
export function judge(actual: ActualInput, target: IndicatorTarget | string): Verdict {
  const t = typeof target === "string" ? readTarget(target) : target;
  if (t.kind === "unreadable") return { kind: "unreadable", reason: `target: cannot read "${clipText(t.text)}"` };
  if (t.kind === "qualitative") return judgeQualitative(actual, t);
  const value = actualValue(actual, t);
  if (!(value instanceof Decimal)) return value;
  if (t.kind === "bound") {
    if (compare(value, t.op, t.value)) return { kind: "met" };
    const side = t.op === ">=" || t.op === ">" ? "low" : t.op === "<=" || t.op === "<" ? "high" : value.lt(t.value) ? "low" : "high";
    return { kind: "missed", side, actual: value, bound: t.value };
  }
  const aboveLow = t.lowInclusive ? value.gte(t.low) : value.gt(t.low);
  const belowHigh = t.highInclusive ? value.lte(t.high) : value.lt(t.high);
  if (aboveLow && belowHigh) return { kind: "met" };
  return aboveLow ? { kind: "missed", side: "high", actual: value, bound: t.high } : { kind: "missed", side: "low", actual: value, bound: t.low };
}

/** true/false, or why there is no answer. */
export function targetMet(actual: ActualInput, target: IndicatorTarget | string): boolean | "unreadable" | "missing" {
  const v = judge(actual, target);
  if (v.kind === "met") return true;
  if (v.kind === "missed") return false;
  return v.kind;
}

/* ---------------------------------------------------------------- scoring */

export interface ScoringContext {
  verdict: Extract<Verdict, { kind: "met" } | { kind: "missed" }>;
  weight: Decimal;
}

/** A scoring rule turns a met/missed verdict into points out of `weight` (clipping and rounding are done after). */
export type ScoringRule = (context: ScoringContext) => Decimal;

const ZERO = new Decimal(0);

export const SCORING_RULES = {
  /** docs/indicators.md, scoring: met → full weight; a missed lower bound earns weight × actual ÷ target, an upper bound weight × target ÷ actual. */
  proportional: ({ verdict, weight }: ScoringContext): Decimal => {
    if (verdict.kind === "met") return weight;
    if (verdict.side === "qualitative") return ZERO;
    const { actual, bound } = verdict;
    if (verdict.side === "low") return bound.lte(0) ? ZERO : weight.times(actual).div(bound);
    return actual.lte(0) ? ZERO : weight.times(bound).div(actual);
  },
  /** Full marks only when met, 0 otherwise. */
  "all-or-nothing": ({ verdict, weight }: ScoringContext): Decimal => (verdict.kind === "met" ? weight : ZERO),
} satisfies Record<string, ScoringRule>;

export type ScoringRuleName = keyof typeof SCORING_RULES;

export const SCORING_RULE_NAMES = Object.keys(SCORING_RULES) as ScoringRuleName[];

export function isScoringRuleName(name: unknown): name is ScoringRuleName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(SCORING_RULES, name);
}

export type ScoreResult =
  | { kind: "score"; value: Decimal; met: boolean }
  | { kind: "missing"; reason: string }
  | { kind: "unreadable"; reason: string };

function readWeight(weight: Decimal | number | string | ReadResult | null | undefined): Decimal | ScoreResult {
  if (weight instanceof Decimal) return weight;
  const read = isReadResult(weight) ? weight : readNumber(weight);
  if (read.kind === "missing") return { kind: "missing", reason: "weight is blank" };
  if (read.kind !== "number") return { kind: "unreadable", reason: "weight: not a number" };
  return new Decimal(read.digits);
}

/** The score of one indicator with its reason when there is none: clipped to [0, weight], two decimals half-up. */
export function scoreIndicator(
  actual: ActualInput,
  target: IndicatorTarget | string,
  weight: Decimal | number | string | ReadResult | null | undefined,
  rule: ScoringRuleName = "proportional"
): ScoreResult {
  if (!isScoringRuleName(rule)) return { kind: "unreadable", reason: `unknown scoring rule "${String(rule)}"` };
  const w = readWeight(weight);
  if (!(w instanceof Decimal)) return w;
  if (w.isNegative()) return { kind: "unreadable", reason: "weight must not be negative" };
  const verdict = judge(actual, target);
  if (verdict.kind === "missing") return { kind: "missing", reason: "actual is blank" };
  if (verdict.kind === "unreadable") return verdict;
  let points = SCORING_RULES[rule]({ verdict, weight: w });
  if (points.lt(0)) points = ZERO;
  if (points.gt(w)) points = w;
  return { kind: "score", value: points.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), met: verdict.kind === "met" };
}

/** The score, or "missing" / "unreadable" (see scoreIndicator for the reason). */
export function score(
  actual: ActualInput,
  target: IndicatorTarget | string,
  weight: Decimal | number | string | ReadResult | null | undefined,
  rule: ScoringRuleName = "proportional"
): Decimal | "missing" | "unreadable" {
  const r = scoreIndicator(actual, target, weight, rule);
  return r.kind === "score" ? r.value : r.kind;
}
