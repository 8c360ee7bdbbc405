/**
 * The wording of drafted paragraphs: one catalogue per language (templates/zh.json, templates/en.json), data a
 * user may edit without touching the logic. A template is text with {placeholders}; `checkCatalogue` says which
 * template lacks a placeholder it needs or uses one it cannot have, so an edited catalogue fails loudly, not
 * with a paragraph missing its figure.
 */
import zh from "./templates/zh.json";
import en from "./templates/en.json";

export type DraftLang = "zh" | "en";

export const EXPLANATIONS = [
  "overBudget",
  "underBudget",
  "unbudgeted",
  "growthHigh",
  "growthLow",
  "componentsShort",
  "componentsOver",
  "totalMismatch",
  "deficit",
  "monthsLow",
  "monthsHigh",
] as const;
export type Explanation = (typeof EXPLANATIONS)[number];

/** How an amount in the table's unit is written (English: 4398 万元 → 43.98 million yuan). */
export interface UnitWording {
  /** Places the decimal point moves left (万元 → million: 2). */
  shift: number;
  name: string;
}

export interface Catalogue {
  clauseJoin: string;
  sentenceEnd: string;
  sentenceJoin: string;
  amount: string;
  rate: string;
  totalName: string;
  fundLead: string;
  income: string;
  budget: string;
  actual: string;
  actualWithoutBudget: string;
  completion: string;
  changeUp: string;
  changeDown: string;
  changeNone: string;
  growthUp: string;
  growthDown: string;
  componentsLead: string;
  component: string;
  currentSurplus: string;
  currentDeficit: string;
  currentBalanced: string;
  balance: string;
  payableMonths: string;
  explain: Record<Explanation, string>;
  sectionTitle: string;
  sectionTitleOf: string;
  fundHeading: string;
  notesTitle: string;
  unitMissingNote: string;
  /** By the table's unit (万元 …); a unit not listed is written as the table writes it, unshifted. */
  units: Record<string, UnitWording>;
  /** Fund names in this language, by canonical Chinese name; a name not listed is kept as written. */
  funds: Record<string, string>;
}

/** Placeholders each template must have (all of them) and may have (no others). */
const PLACEHOLDERS: Partial<Record<keyof Catalogue, readonly string[]>> = {
  amount: ["value", "unit"],
  rate: ["value"],
  fundLead: ["fund"],
  income: ["amount"],
  budget: ["amount"],
  actual: ["amount"],
  actualWithoutBudget: ["amount"],
  completion: ["rate"],
  changeUp: ["amount"],
  changeDown: ["amount"],
  changeNone: [],
  growthUp: ["rate"],
  growthDown: ["rate"],
  componentsLead: [],
  component: ["name", "amount"],
  currentSurplus: ["amount"],
  currentDeficit: ["amount"],
  currentBalanced: [],
  balance: ["amount"],
  payableMonths: ["months"],
  sectionTitle: [],
  sectionTitleOf: ["name"],
  fundHeading: ["n", "fund"],
};

const TEXT_KEYS: (keyof Catalogue)[] = ["clauseJoin", "sentenceEnd", "sentenceJoin", "totalName", "notesTitle", "unitMissingNote"];

export const CATALOGUES: Record<DraftLang, Catalogue> = { zh: zh as unknown as Catalogue, en: en as unknown as Catalogue };

/** A catalogue override: any template, any explanation; units and funds are merged by key. */
export type CatalogueOverride = Partial<Omit<Catalogue, "explain" | "units" | "funds">> & {
  explain?: Partial<Record<Explanation, string>>;
  units?: Record<string, UnitWording>;
  funds?: Record<string, string>;
};

/** The language's catalogue with a user's changes; throws when a changed template cannot be used (checkCatalogue). */
export function catalogueFor(lang: DraftLang, override?: CatalogueOverride): Catalogue {
  const base = CATALOGUES[lang];
  if (!override) return base;
  const merged: Catalogue = {
    ...base,
    ...override,
    explain: { ...base.explain, ...override.explain },
    units: { ...base.units, ...override.units },
    funds: { ...base.funds, ...override.funds },
  } as Catalogue;
  const problems = checkCatalogue(merged);
  if (problems.length) throw new Error(`draft templates: ${problems.join("; ")}`);
  return merged;
}

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The placeholders a template uses, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Problems of a catalogue, one sentence each (empty: usable). */
export function checkCatalogue(c: Catalogue): string[] {
  const problems: string[] = [];
  const check = (key: string, template: unknown, allowed: readonly string[]) => {
    if (typeof template !== "string") return problems.push(`${key} is not text`);
    const used = placeholdersOf(template);
    for (const p of used) if (!allowed.includes(p)) problems.push(`${key} has {${p}}, which it cannot have (it may have ${allowed.map((a) => `{${a}}`).join(" ") || "no placeholder"})`);
    for (const p of allowed) if (!used.includes(p)) problems.push(`${key} lacks {${p}}`);
    return 0;
  };
  for (const [key, allowed] of Object.entries(PLACEHOLDERS)) check(key, c[key as keyof Catalogue], allowed!);
  for (const key of TEXT_KEYS) if (typeof c[key] !== "string") problems.push(`${key} is not text`);
  for (const key of EXPLANATIONS) check(`explain.${key}`, c.explain?.[key], []);
  for (const [unit, w] of Object.entries(c.units ?? {})) {
    if (!w || typeof w.name !== "string" || !Number.isInteger(w.shift) || w.shift < 0 || w.shift > 8) problems.push(`units.${unit} needs a name and a shift from 0 to 8`);
  }
  for (const [fund, name] of Object.entries(c.funds ?? {})) if (typeof name !== "string") problems.push(`funds.${fund} is not text`);
  return problems;
}

/** A template's parts: literal text and placeholder names, in order ("预算支出{amount}" → ["预算支出", {p: "amount"}]). */
export function templateParts(template: string): (string | { p: string })[] {
  const out: (string | { p: string })[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index! > at) out.push(template.slice(at, m.index));
    out.push({ p: m[1] });
    at = m.index! + m[0].length;
  }
  if (at < template.length) out.push(template.slice(at));
  return out;
}

/** Fills a template's placeholders with text. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (all, name: string) => values[name] ?? all);
}
