/**
 * score-mismatch: an indicator's score above its weight; scores or weights that do not add up to what the table
 * states (the 总分/合计 row, a first-level "产出指标(50分)" or a section row's figure); a 预算执行率 score other than
 * 分值 × 执行率 (capped at 分值, the national form's rule); and a score other than the chosen scoring rule gives
 * (a warning: localities score differently, so the finding names the rule and the rule is a target:
 * `indicators.scoring`). Observed: the score or total as stated; expected: what the figures give (or the limit).
 */
import Decimal from "decimal.js";
import { Figure } from "../../model";
import { SCORING_RULE_NAMES, ScoringRuleName, scoreIndicator } from "../targetValue";
import { NumberRead, exact, readNumberText, statedMatches } from "../../numbers";
import { pct, statedRate } from "../../rules/figureText";
import { ExecutionRow, IndicatorContext, IndicatorRow, defineIndicatorRule } from "../types";
import { SCORING_RULE_LABELS, points, scoringLabel, shown, shownActual } from "../figureText";

type Ctx = IndicatorContext<{ scoring: ScoringRuleName }>;

function num(f: Figure | undefined): NumberRead | undefined {
  return f?.read.kind === "number" ? f.read : undefined;
}

/** "(50分)" / "（50分）" / "50分" at the end of a level label → 50. */
function statedPoints(text: string | undefined): NumberRead | undefined {
  const m = text && /[（(]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分\s*[)）]|([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分$/u.exec(text);
  if (!m) return undefined;
  const read = readNumberText(m[1] ?? m[2]);
  return read.kind === "number" ? read : undefined;
}

function sum(reads: NumberRead[]): Decimal {
  return reads.reduce((acc, r) => acc.plus(exact(r)), new Decimal(0));
}

/** Every row's figure as a number, or undefined when one of them is not (a partial sum proves nothing). */
function allNumbers(rows: IndicatorRow[], role: "weight" | "score"): NumberRead[] | undefined {
  const out: NumberRead[] = [];
  for (const row of rows) {
    const n = num(row.figures[role]);
    if (!n) return undefined;
    out.push(n);
  }
  return out;
}

function aboveWeight(ctx: Ctx, i: number, subject: string, weight: Figure | undefined, score: Figure | undefined): boolean {
  const w = num(weight);
  const s = num(score);
  if (!w || !s || !exact(s).gt(exact(w))) return false;
  ctx.report(i, {
    subject,
    cell: score!.ref,
    related: [weight!.ref],
    observed: shown(score),
    expected: `≤ ${shown(weight)}`,
    message: {
      zh: `${subject}：得分${shown(score)}超过分值${shown(weight)}`,
      en: `${subject}: the score ${shown(score)} is above the weight ${shown(weight)}`,
    },
  });
  return true;
}

function checkRowScore(i: number, row: IndicatorRow, ctx: Ctx): void {
  if (row.kind === "total") return;
  if (aboveWeight(ctx, i, row.label, row.figures.weight, row.figures.score)) return;
  if (row.kind !== "indicator") return;
  const e = ctx.evaluate(i);
  if (!e.score || !e.weight || !e.target || (e.verdict?.kind !== "met" && e.verdict?.kind !== "missed")) return;
  const scoring = ctx.threshold().scoring;
  const result = scoreIndicator(e.actual, e.target, e.weight, scoring);
  if (result.kind !== "score") return;
  const computed = result.value;
  if (statedMatches(e.score, computed)) return;
  const rule = scoringLabel(scoring);
  const actual = shownActual(row.figures.indicatorActual, row.text.indicatorActual, e.target);
  const state = result.met ? { zh: "已完成", en: "met" } : { zh: "未完成", en: "missed" };
  ctx.report(i, {
    severity: "warning",
    cell: row.figures.score!.ref,
    related: [row.figures.indicatorActual!.ref, row.figures.target!.ref, row.figures.weight!.ref],
    observed: shown(row.figures.score),
    expected: `${points(computed)} (${rule.en})`,
    expectedText: { zh: `${points(computed)}（${rule.zh}）`, en: `${points(computed)} (${rule.en})` },
    message: {
      zh: `${row.label}：目标${e.target.text}${state.zh}（实际${actual}），按“${rule.zh}”规则分值${shown(row.figures.weight)}应得${points(computed)}分，填报得分为${shown(row.figures.score)}（计分规则可在目标设置 indicators.scoring 中更改）`,
      en: `${row.label}: the target ${e.target.text} is ${state.en} (actual ${actual}); under the ${rule.en} scoring rule a weight of ${shown(row.figures.weight)} earns ${points(computed)}, but the stated score is ${shown(row.figures.score)} (the rule is a target: indicators.scoring)`,
    },
  });
}

const LEVEL_NAMES = { level1: { zh: "一级指标", en: "first-level indicator" }, level2: { zh: "二级指标", en: "second-level indicator" } };

/** A 一级/二级指标's stated weight ("(50分)" or its section row) against its indicators' weights; its scores too. */
function checkLevels(ctx: Ctx, level: "level1" | "level2"): void {
  const rows = ctx.table.rows;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const ref = rows[i].levelRefs[level];
    if (!ref || rows[i].kind === "total") continue;
    // A second-level group's section row names only that level.
    if (level === "level1" && rows[i].kind === "section" && rows[i].figures.level2 && rows[i].figures.level2!.read.kind !== "missing") continue;
    let g = groups.get(ref);
    if (!g) groups.set(ref, (g = []));
    g.push(i);
  }
  for (const [ref, members] of groups) {
    const section = members.map((i) => rows[i]).find((r) => r.kind === "section");
    const items = members.map((i) => rows[i]).filter((r) => r.kind === "indicator");
    if (items.length === 0) continue;
    const text = items[0].text[level] ?? "";
    const name = text || ref;
    const sectionWeight = num(section?.figures.weight);
    const statedWeight = sectionWeight ?? statedPoints(text);
    const weightRef = sectionWeight ? section!.figures.weight!.ref : ref;
    const weights = allNumbers(items, "weight");
    const scores = allNumbers(items, "score");
    const first = members[0];
    const what = LEVEL_NAMES[level];
    if (statedWeight && weights) {
      const total = sum(weights);
      if (!statedMatches(statedWeight, total)) {
        const parts = weights.map((w) => points(exact(w))).join(" + ");
        ctx.report(first, {
          subject: name,
          cell: weightRef,
          related: items.map((r) => r.figures.weight!.ref),
          observed: points(exact(statedWeight)),
          expected: points(total),
          message: {
            zh: `${name}：${what.zh}标明${points(exact(statedWeight))}分，但其下各指标分值合计为${points(total)}（${parts}）`,
            en: `${name}: the ${what.en} states ${points(exact(statedWeight))} points, but its indicators' weights add up to ${points(total)} (${parts})`,
          },
        });
        continue;
      }
    }
    const sectionScore = num(section?.figures.score);
    if (sectionScore && scores && !statedMatches(sectionScore, sum(scores))) {
      ctx.report(first, {
        subject: name,
        cell: section!.figures.score!.ref,
        related: items.map((r) => r.figures.score!.ref),
        observed: shown(section!.figures.score),
        expected: points(sum(scores)),
        message: {
          zh: `${name}：${what.zh}得分填报为${shown(section!.figures.score)}，但其下各指标得分合计为${points(sum(scores))}`,
          en: `${name}: the ${what.en}'s score is stated as ${shown(section!.figures.score)}, but its indicators' scores add up to ${points(sum(scores))}`,
        },
      });
    } else if (statedWeight && scores && sum(scores).gt(exact(statedWeight)) && !items.some((r) => exact(num(r.figures.score)!).gt(exact(num(r.figures.weight) ?? num(r.figures.score)!)))) {
      // (A row already above its own weight has its finding; the group's sum would only repeat it.)
      ctx.report(first, {
        subject: name,
        cell: items[items.length - 1].figures.score!.ref,
        related: items.map((r) => r.figures.score!.ref),
        observed: points(sum(scores)),
        expected: `≤ ${points(exact(statedWeight))}`,
        message: {
          zh: `${name}：其下各指标得分合计${points(sum(scores))}，超过该${what.zh}的${points(exact(statedWeight))}分`,
          en: `${name}: its indicators' scores add up to ${points(sum(scores))}, above the ${points(exact(statedWeight))} points of the ${what.en}`,
        },
      });
    }
  }
}

/** The execution block's row that carries its points (年度资金总额: 分值 10). */
function executionPoints(rows: ExecutionRow[] | undefined): ExecutionRow | undefined {
  return rows?.find((r) => num(r.weight));
}

/** The 总分/合计 row against the indicators above it (and the 预算执行率 points when the total includes them). */
function checkTotals(ctx: Ctx): void {
  const rows = ctx.table.rows;
  let start = 0;
  for (let t = 0; t < rows.length; t++) {
    const total = rows[t];
    if (total.kind !== "total") continue;
    const items = rows.slice(start, t).filter((r) => r.kind === "indicator");
    start = t + 1;
    if (items.length === 0) continue;
    const exec = executionPoints(ctx.execution?.rows);
    const execWeight = num(exec?.weight);
    const execScore = num(exec?.score);
    const W = num(total.figures.weight);
    const S = num(total.figures.score);
    const weights = allNumbers(items, "weight");
    const scores = allNumbers(items, "score");
    const execText = { zh: "", en: "" };
    let includeExec: boolean | undefined;
    if (W && weights) {
      const parts = sum(weights);
      if (statedMatches(W, parts)) includeExec = false;
      else if (execWeight && statedMatches(W, parts.plus(exact(execWeight)))) includeExec = true;
      else {
        const expected = execWeight ? parts.plus(exact(execWeight)) : parts;
        const how = execWeight
          ? { zh: `各指标分值合计${points(parts)}加预算执行率分值${shown(exec!.weight)}为${points(expected)}`, en: `the indicators' weights (${points(parts)}) plus the budget execution weight (${shown(exec!.weight)}) add up to ${points(expected)}` }
          : { zh: `各指标分值合计为${points(parts)}`, en: `the indicators' weights add up to ${points(parts)}` };
        ctx.report(t, {
          cell: total.figures.weight!.ref,
          related: [...items.map((r) => r.figures.weight!.ref), ...(execWeight ? [exec!.weight!.ref] : [])],
          observed: shown(total.figures.weight),
          expected: points(expected),
          message: {
            zh: `${total.label}：填报的总分值为${shown(total.figures.weight)}，但${how.zh}`,
            en: `${total.label}: the stated total weight is ${shown(total.figures.weight)}, but ${how.en}`,
          },
        });
        includeExec = !!execWeight;
      }
    }
    if (!S || !scores) continue;
    const parts = sum(scores);
    const withExec = execScore ? parts.plus(exact(execScore)) : undefined;
    if (includeExec === undefined ? statedMatches(S, parts) || (withExec !== undefined && statedMatches(S, withExec)) : includeExec ? withExec === undefined || statedMatches(S, withExec) : statedMatches(S, parts)) continue;
    const expected = includeExec !== false && withExec !== undefined ? withExec : parts;
    if (expected === withExec) {
      execText.zh = `（含预算执行率得分${shown(exec!.score)}）`;
      execText.en = ` (with the budget execution score ${shown(exec!.score)})`;
    }
    ctx.report(t, {
      cell: total.figures.score!.ref,
      related: [...items.map((r) => r.figures.score!.ref), ...(expected === withExec ? [exec!.score!.ref] : [])],
      observed: shown(total.figures.score),
      expected: points(expected),
      message: {
        zh: `${total.label}：填报的总得分为${shown(total.figures.score)}，但各项得分合计为${points(expected)}${execText.zh}`,
        en: `${total.label}: the stated total score is ${shown(total.figures.score)}, but the scores add up to ${points(expected)}${execText.en}`,
      },
    });
  }
}

/** The 预算执行率 score: 分值 × 执行率, capped at 分值 (national form; the proportional rule with a 100% target). */
function checkExecution(ctx: Ctx): void {
  for (const row of ctx.table.execution?.rows ?? []) {
    if (aboveWeight(ctx, -1, row.label, row.weight, row.score)) continue;
    if (ctx.threshold().scoring !== "proportional") continue; // other rules do not say how the execution rate scores
    const w = num(row.weight);
    const s = num(row.score);
    if (!w || !s) continue;
    let rate: Decimal | undefined;
    let rateText = "";
    const stated = num(row.rate);
    if (stated) {
      rate = exact(stated);
      rateText = statedRate(stated);
    } else {
      const b = num(row.budget);
      const a = num(row.actual);
      if (!b || !a || exact(b).isZero()) continue;
      rate = exact(a).div(exact(b));
      rateText = pct(rate, 2);
    }
    let computed = exact(w).times(rate);
    if (computed.gt(exact(w))) computed = exact(w);
    if (computed.lt(0)) computed = new Decimal(0);
    computed = computed.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (statedMatches(s, computed)) continue;
    const rule = scoringLabel("proportional");
    ctx.report(-1, {
      subject: row.label,
      cell: row.score!.ref,
      related: [row.weight!.ref, ...(row.rate ? [row.rate.ref] : [row.actual!.ref, row.budget!.ref])],
      observed: shown(row.score),
      expected: `${points(computed)} (weight × execution rate ${shown(row.weight)} × ${rateText}; ${rule.en})`,
      expectedText: {
        zh: `${points(computed)}（分值×执行率 ${shown(row.weight)} × ${rateText}；${rule.zh}）`,
        en: `${points(computed)} (weight × execution rate ${shown(row.weight)} × ${rateText}; ${rule.en})`,
      },
      message: {
        zh: `${row.label}：预算执行率得分应为分值×执行率（上限为分值）= ${shown(row.weight)} × ${rateText} = ${points(computed)}，填报为${shown(row.score)}`,
        en: `${row.label}: the budget execution score should be weight × execution rate (capped at the weight) = ${shown(row.weight)} × ${rateText} = ${points(computed)}, but ${shown(row.score)} is stated`,
      },
    });
  }
}

export const scoreMismatch = defineIndicatorRule({
  id: "score-mismatch",
  severity: "error",
  describe: {
    zh: "得分超过分值，或得分、分值合计与总分行、一级指标标明的分值不符；预算执行率得分与分值×执行率不符；得分与所选计分规则不符（警告）",
    en: "A score above its weight, or scores or weights that do not add up to the stated totals; a budget execution score other than weight × rate; a score other than the chosen scoring rule gives (warning)",
  },
  shows: { observed: "the score, weight or total as stated", expected: "what the figures give (the sum, the scoring rule's score, 分值 × 执行率) or the limit (≤ weight)" },
  threshold: {
    key: "indicators",
    perFund: false,
    fields: {
      scoring: {
        kind: "choice",
        options: SCORING_RULE_NAMES,
        optionLabels: SCORING_RULE_LABELS,
        default: "proportional",
        label: { zh: "指标计分规则", en: "Indicator scoring rule" },
      },
    },
  },
  checkRow: checkRowScore,
  checkTable(ctx) {
    if (ctx.table.kind === "execution") {
      checkExecution(ctx);
      return;
    }
    checkLevels(ctx, "level1");
    checkLevels(ctx, "level2");
    checkTotals(ctx);
  },
});
