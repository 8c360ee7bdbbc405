/**
 * 年均增长 in report text: "2021—2023年支出分别为1096、1180和1295万元，年均增长8.7%" states a compound average
 * growth (CAGR) over the range, (last ÷ first)^(1 ÷ years between) − 1 — not a year-on-year rate. It is checked
 * against the expenditure the text states for the range's first and last year, at the stated precision, as every
 * stated rate is (rule stated-rate-mismatch). `observed` is what the sentence holds, `expected` what it should hold.
 */
import Decimal from "decimal.js";
import { Finding } from "../findings";
import { lineAt, lineRef } from "../location";
import { cagr, isValue } from "../fundMath";
import { exact, NumberRead, statedMatches } from "../numbers";
import { Targets, targetsFor } from "../targets";
import { FundFigures } from "./funds";

/** A rate as a person writes it, one place beyond the stated one ("8.70%" against a stated "8.7%"). */
function percentText(value: Decimal, stated: NumberRead): string {
  const places = (stated.percent ? stated.decimals : 0) + 1;
  return `${value.times(100).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places)}%`;
}

export function averageGrowthFindings(funds: readonly FundFigures[], targets: Targets, sheet: string): Finding[] {
  const byYear = new Map<string, FundFigures>();
  for (const f of funds) if (f.period !== undefined) byYear.set(`${f.fund}\u0000${f.period}`, f);
  const out: Finding[] = [];
  for (const fund of funds) {
    for (const average of fund.averages) {
      const [from, to] = average.years;
      const first = byYear.get(`${fund.fund}\u0000${from}`)?.reads.actual;
      const last = byYear.get(`${fund.fund}\u0000${to}`)?.reads.actual;
      if (!first || !last) continue; // the text does not give both ends: nothing to check it against
      const computed = cagr(exact(last.read), exact(first.read), new Decimal(to - from));
      if (!isValue(computed) || statedMatches(average.read, computed)) continue;
      const subject = fund.fund;
      const setting = targetsFor(targets, subject).severity["stated-rate-mismatch"];
      if (setting === "off") continue;
      const said = average.text;
      const should = percentText(computed, average.read);
      const formula = `(${last.read.digits} ÷ ${first.read.digits})^(1/${to - from}) − 1`;
      out.push({
        rule: "stated-rate-mismatch",
        severity: setting ?? "error",
        at: lineAt(sheet, average.line, average.quote),
        related: [lineRef(first.line), lineRef(last.line)],
        subject,
        observed: said,
        expected: should,
        message: {
          zh: `${subject}（${from}—${to}年）：填报的年均增长为${said}，但按${from}年至${to}年支出计算（${formula}）应为${should}`,
          en: `${subject} (${from}–${to}): the stated average annual growth is ${said}, but ${from}–${to} expenditure gives ${formula} = ${should}`,
        },
        period: to,
      });
    }
  }
  return out;
}
