/**
 * yoy-growth-band: year-on-year growth beyond the band (SPEC §4.2: warning beyond ±30%). Growth comes from the
 * prior-year figure or a stated change; a row with neither is judged on its stated growth.
 */
import Decimal from "decimal.js";
import { FundRule } from "./types";
import { ACTUAL, NUMBER, PRIOR, STATED_CHANGE, STATED_GROWTH, TableFigures, cmpEdge, computedGrowth, exactGrowth, exactOf, growthValue } from "./figures";
import { growthBandText, signedPct } from "./format";

function exactStatedGrowth(f: TableFigures, i: number): Decimal {
  return exactOf(f, i, STATED_GROWTH);
}

/** (Not a closure in checkRow: one capturing `cell` would cost every row a context.) */
function without(refs: string[], cell: string): string[] {
  return refs.filter((r) => r !== cell);
}

export const yoyGrowthBand: FundRule = {
  id: "yoy-growth-band",
  severity: "warning",
  describe: { zh: "比上年增幅超出正常波动范围（默认±30%）", en: "Year-on-year growth beyond the band (±30% by default)" },
  checkRow(i, _row, ctx) {
    const f = ctx.figures;
    const band = ctx.targetsOf(i).growthBand;
    let value = growthValue(f, i);
    let exactValue: (f: TableFigures, i: number) => Decimal = exactGrowth;
    let fromStated = false;
    if (value !== value) {
      // No growth from the figures (NaN): judged on a stated growth, only when the row has no way to compute
      // growth: no prior figure and no change.
      const sv = f.value(i, STATED_GROWTH);
      if (sv !== sv || f.kind(i, PRIOR) === NUMBER || f.value(i, STATED_CHANGE) === f.value(i, STATED_CHANGE)) return;
      value = sv;
      exactValue = exactStatedGrowth;
      fromStated = true;
    }
    const low = cmpEdge(value, band.low, f, i, exactValue) < 0;
    const high = !low && cmpEdge(value, band.high, f, i, exactValue) > 0;
    if (!low && !high) return;
    let cell: string;
    let related: string[];
    if (fromStated) {
      cell = f.ref(i, STATED_GROWTH)!;
      related = [];
    } else {
      const g = computedGrowth(f, i)!;
      cell = f.num(i, STATED_GROWTH) ? f.ref(i, STATED_GROWTH)! : f.ref(i, ACTUAL)!;
      related = without(g.refs, cell);
    }
    const subject = ctx.subjectOf(i);
    const exactGrowthValue = exactValue(f, i);
    const observed = signedPct(exactGrowthValue, 1);
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
};
