/**
 * yoy-growth-band: year-on-year growth beyond the band (SPEC §4.2: warning beyond ±30%). Growth comes from the
 * prior-year figure or a stated change; a row with neither is judged on its stated growth.
 */
import Decimal from "decimal.js";
import { exact } from "../numbers";
import { FundRule } from "./types";
import { NUMBER, PRIOR, STATED_CHANGE, STATED_GROWTH, cmpEdge, computedGrowth, growthValue, kindOf, num, valueOf } from "./figures";
import { growthBandText, signedPct } from "./format";

export const yoyGrowthBand: FundRule = {
  id: "yoy-growth-band",
  severity: "warning",
  describe: { zh: "比上年增幅超出正常波动范围（默认±30%）", en: "Year-on-year growth beyond the band (±30% by default)" },
  checkRow(i, row, ctx) {
    const band = ctx.targetsOf(i).growthBand;
    let value = growthValue(row);
    let exactValue: () => Decimal;
    let fromStated = false;
    if (value !== undefined) {
      exactValue = () => computedGrowth(row)!.exact();
    } else {
      const sv = valueOf(row, STATED_GROWTH);
      // Only when the row has no way to compute growth: no prior figure and no change. (NaN: not a number.)
      if (sv !== sv || kindOf(row, PRIOR) === NUMBER || !Number.isNaN(valueOf(row, STATED_CHANGE))) return;
      value = sv;
      exactValue = () => exact(num(row, "statedGrowth")!);
      fromStated = true;
    }
    const low = cmpEdge(value, band.low, exactValue) < 0;
    const high = !low && cmpEdge(value, band.high, exactValue) > 0;
    if (!low && !high) return;
    let cell: string;
    let related: string[];
    if (fromStated) {
      cell = row.figures.statedGrowth!.ref;
      related = [];
    } else {
      const g = computedGrowth(row)!;
      cell = num(row, "statedGrowth") ? row.figures.statedGrowth!.ref : row.figures.actual!.ref;
      related = g.refs.filter((r) => r !== cell);
    }
    const subject = ctx.subjectOf(i);
    const observed = signedPct(exactValue(), 1);
    const expected = growthBandText(band.low, band.high);
    const basis = fromStated ? { zh: "（按填报增幅）", en: " (as stated)" } : { zh: "", en: "" };
    const size = signedPct(exactValue().abs(), 1).slice(1);
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
