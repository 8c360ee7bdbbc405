/**
 * The one order of findings, for every surface (docs/reference.md, "Order of findings"). Apart from findings.ts
 * because it reads the rule catalogue, which imports the rules, which import findings.ts.
 */
import type { Finding } from "./findings";
import { placeOf, positionOf } from "./location";
import { RULE_IDS } from "./ruleCatalogue";

let ruleRank: Map<string, number> | undefined;

/**
 * The one order of findings (docs/reference.md, "Order of findings"): by sheet (or text) in the order they first
 * appear — the checks run sheet by sheet in workbook order —, then by row and column (by line for report text),
 * then by rule in catalogue order, then in the order the rule gave them. Returns a new array.
 */
export function inFindingOrder(findings: readonly Finding[]): Finding[] {
  const ranks = (ruleRank ??= new Map<string, number>(RULE_IDS.map((id, i) => [id, i])));
  const places = new Map<string, number>();
  const keyed = findings.map((f, k) => {
    const place = placeOf(f.at);
    let p = places.get(place);
    if (p === undefined) places.set(place, (p = places.size));
    const [row, col] = positionOf(f.at);
    return { f, k, p, row, col, rule: ranks.get(f.rule) ?? ranks.size };
  });
  keyed.sort((x, y) => x.p - y.p || x.row - y.row || x.col - y.col || x.rule - y.rule || x.k - y.k);
  return keyed.map((x) => x.f);
}

