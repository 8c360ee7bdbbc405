/**
 * yoy-growth-band: year-on-year growth beyond the band (warning beyond ±30%). Growth comes from the prior-year
 * figure or a stated change; a row with neither is judged on its stated growth.
 * The finding points at the stated growth when the row states one that agrees with the figures (observed: the
 * growth as stated), else at the expenditure (observed: the computed growth; a stated growth that disagrees is
 * stated-rate-mismatch's). Expected: the band.
 */
import Decimal from "decimal.js";
import { statedMatches } from "../numbers";
import { defineFundRule } from "./rule";
import { ACTUAL, NUMBER, PRIOR, STATED_CHANGE, STATED_GROWTH, STATED_INDEX, TableFigures, cmpEdge, computedGrowth, exactGrowth, exactOf, growthValue } from "./figures";
import { growthBandText, signedPct, statedRate } from "./figureText";

function exactStatedGrowth(f: TableFigures, i: number): Decimal {
  return exactOf(f, i, STATED_GROWTH);
}

/** A stated ratio to the prior year as a growth: 120% → +20%. */
function exactStatedIndexGrowth(f: TableFigures, i: number): Decimal {
  return exactOf(f, i, STATED_INDEX).minus(1);
}

/** (Not a closure in checkRow: one capturing `cell` would cost every row a context.) */
function without(refs: string[], cell: string): string[] {
  return refs.filter((r) => r !== cell);
}

export const yoyGrowthBand = defineFundRule({
  id: "yoy-growth-band",
  severity: "warning",
  describe: { zh: "比上年增幅超出正常波动范围（默认±30%）", en: "Year-on-year growth beyond the band (±30% by default)" },
  threshold: {
    key: "growthBand",
    perFund: true,
    fields: {
      low: { kind: "percent", looser: "lower", min: -10, max: 10, default: -0.3, label: { zh: "同比增幅下限（%）", en: "Year-on-year growth not below (%)" } },
      high: { kind: "percent", looser: "higher", min: -10, max: 10, default: 0.3, label: { zh: "同比增幅上限（%）", en: "Year-on-year growth not above (%)" } },
    },
    ordered: [["low", "high"]],
  },
  shows: { observed: "the growth as stated, when the row states one that agrees with its figures; else the growth computed", expected: "the band (±30%)" },
  checkRow(i, _row, ctx) {
    const f = ctx.figures;
    const band = ctx.threshold(i);
    let value = growthValue(f, i);
    let exactValue: (f: TableFigures, i: number) => Decimal = exactGrowth;
    let fromStated = false;
    let statedRole = STATED_GROWTH;
    if (value !== value) {
      // No growth from the figures (NaN): judged on a stated growth, only when the row has no way to compute
      // growth: no prior figure and no change.
      if (f.kind(i, PRIOR) === NUMBER || f.value(i, STATED_CHANGE) === f.value(i, STATED_CHANGE)) return;
      const sv = f.value(i, STATED_GROWTH);
      const iv = f.value(i, STATED_INDEX);
      if (sv === sv) {
        value = sv;
        exactValue = exactStatedGrowth;
      } else if (iv === iv) {
        value = iv - 1;
        exactValue = exactStatedIndexGrowth;
        statedRole = STATED_INDEX;
      } else return;
      fromStated = true;
    }
    const low = cmpEdge(value, band.low, f, i, exactValue) < 0;
    const high = !low && cmpEdge(value, band.high, f, i, exactValue) > 0;
    if (!low && !high) return;
    const subject = ctx.subjectOf(i);
    const exactGrowthValue = exactValue(f, i);
    const statedGrowth = f.num(i, STATED_GROWTH);
    let cell: string;
    let related: string[];
    let observed: string;
    if (fromStated) {
      cell = f.ref(i, statedRole)!;
      related = [];
      observed = statedRate(f.num(i, statedRole)!);
    } else {
      const g = computedGrowth(f, i)!;
      const atStated = statedGrowth !== undefined && statedMatches(statedGrowth, exactGrowthValue);
      cell = atStated ? f.ref(i, STATED_GROWTH)! : f.ref(i, ACTUAL)!;
      related = without(g.refs, cell);
      observed = atStated ? statedRate(statedGrowth!) : signedPct(exactGrowthValue, 1);
    }
    const expected = growthBandText(band.low, band.high);
    const basis = fromStated ? { zh: "（按填报增幅）", en: " (as stated)" } : { zh: "", en: "" };
    const size = signedPct(exactGrowthValue.abs(), 1).slice(1);
    ctx.report(i, {
      cell,
      related,
      observed,
      expected,
      message: {
        zh: `${subject}：比上年${low ? "下降" : "增长"}${size}${basis.zh}，超出${expected}的正常波动范围，请说明原因`,
        en: `${subject}: ${low ? "down" : "up"} ${size} on the prior year${basis.en}, beyond the ${expected} band; explain the change`,
      },
    });
  },
});
