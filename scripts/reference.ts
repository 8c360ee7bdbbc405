/**
 * The generated parts of docs/reference.md — the rule table and the targets table — made from the rule catalogue
 * (src/core/ruleCatalogue.ts), so the reference cannot drift from the rules: test/core/reference.test.ts fails
 * when the file is stale. `npm run docs:reference` rewrites them in place; the prose around them is kept.
 */
import * as fs from "fs";
import * as path from "path";
import { RULE_CATALOGUE, THRESHOLDS } from "../src/core/ruleCatalogue";
import { Field, fieldsOf } from "../src/core/rules/threshold";

export const REFERENCE = path.join(__dirname, "..", "docs", "reference.md");

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function ruleTable(): string {
  const rows = RULE_CATALOGUE.map((r) => `| \`${r.id}\` | ${r.severity} | ${cell(r.describe.en)}<br>${cell(r.describe.zh)} | ${cell(r.shows.observed)} | ${cell(r.shows.expected)} |`);
  return ["| rule | default severity | what it checks | observed | expected |", "|---|---|---|---|---|", ...rows].join("\n");
}

function value(field: Field, v: unknown): string {
  if (field.kind === "percent") return `${v} (${Number(((v as number) * 100).toPrecision(12))}%)`;
  if (field.kind === "choice") return `"${v}"`;
  return String(v);
}

function allowed(field: Field): string {
  if (field.kind === "choice") return field.options.map((o) => `"${o}"`).join(", ");
  return `${field.min} to ${field.max}${field.kind === "percent" ? " (a fraction)" : field.kind === "months" ? " (months)" : ""}`;
}

function targetsTable(): string {
  const rows: string[] = [];
  for (const t of THRESHOLDS) {
    const rule = RULE_CATALOGUE.find((r) => r.threshold === t)!;
    for (const f of fieldsOf(t)) {
      rows.push(`| \`${f.path.join(".")}\` | \`${rule.id}\` | ${cell(f.field.label.en)}<br>${cell(f.field.label.zh)} | ${value(f.field, f.field.default)} | ${allowed(f.field)} | ${f.perFund ? "yes" : "no"} |`);
    }
    if ("ordered" in t && t.ordered) {
      const order = t.ordered.map(([lower, upper]) => `${lower} ≤ ${upper}`).join(", ");
      rows.push(`| | | (edges in order: ${order}) | | | |`);
    }
  }
  return ["| key | rule | what it sets | default | allowed | per fund |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

/** Each generated section by name, as it must stand between its markers. */
export function generatedSections(): Record<string, string> {
  return { rules: ruleTable(), targets: targetsTable() };
}

/** The document with every generated section replaced by what the catalogue gives now. */
export function render(doc: string): string {
  let out = doc;
  for (const [name, body] of Object.entries(generatedSections())) {
    const begin = `<!-- generated:${name} (npm run docs:reference) -->`;
    const end = `<!-- /generated:${name} -->`;
    const a = out.indexOf(begin);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/reference.md: markers for "${name}" are missing`);
    out = out.slice(0, a + begin.length) + "\n" + body + "\n" + out.slice(b);
  }
  return out;
}

if (require.main === module) {
  const doc = fs.readFileSync(REFERENCE, "utf8");
  const next = render(doc);
  if (next !== doc) fs.writeFileSync(REFERENCE, next);
  process.stdout.write(next === doc ? "docs/reference.md is up to date\n" : "docs/reference.md rewritten\n");
}
