/**
 * The round trip is the proof: a drafted text, read back by the report-text reader, gives the table's figures
 * (as the table shows them) and no stated-* finding — its rates and changes agree with its own amounts. Over
 * random valid tables: several funds, budgets, spending, prior years or stated changes, 其中 items, income and
 * balances, blanks, 万元 and 亿元, rates at 0–2 places.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { draftTable, renderText } from "../../../src/core/draft";
import { checkReportText, readReportText } from "../../../src/core/reportText";
import { findSubjects } from "../../../src/core/reportText/subjects";
import { roundHalfUp } from "../../../src/core/numbers";
import { SpecValue, TableSpec, findingsOf, tableOf, tableSpecArb } from "./helpers";

const num = (v: SpecValue | undefined): Decimal | undefined => (v && "n" in v ? new Decimal(String(v.n)) : undefined);

/** What the drafted text must say of a fund, from the spec's own figures. */
function expected(spec: TableSpec, row: number, rateDecimals: number) {
  const r = spec.rows[row];
  const has = (role: keyof typeof r.values) => spec.columns.includes(role as TableSpec["columns"][number]);
  const A = has("actual") ? num(r.values.actual) : undefined;
  const B = has("budget") ? num(r.values.budget) : undefined;
  const P = has("prior") ? num(r.values.prior) : undefined;
  const C = has("statedChange") ? num(r.values.statedChange) : undefined;
  const I = has("income") ? num(r.values.income) : undefined;
  const out: Record<string, number | undefined> = { budget: B?.toNumber(), actual: A?.toNumber(), income: I?.toNumber() };
  out.balance = has("balance") ? num(r.values.balance)?.toNumber() : undefined;
  if (A && B && B.gt(0)) out.statedCompletion = roundHalfUp(A.div(B).times(100), rateDecimals).div(100).toNumber();
  const change = has("prior") ? (A && P ? A.minus(P) : undefined) : C;
  if (change && !change.isZero()) out.change = change.toNumber();
  const prior = has("prior") ? P : A && C ? A.minus(C) : undefined;
  // (+ 0: a decrease that rounds to 0.0% is 下降0.0%, read back as 0, not −0.)
  if (A && prior && change && !change.isZero() && prior.gt(0)) out.statedGrowth = roundHalfUp(change.div(prior).times(100), rateDecimals).div(100).toNumber() + 0;
  if (I && A && !I.minus(A).isZero()) out.currentBalance = I.minus(A).toNumber();
  return out;
}

test("drafted text reads back to the table's figures, with no stated-* finding", () => {
  fc.assert(
    fc.property(tableSpecArb(), fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), (spec, rateDecimals) => {
      const table = tableOf(spec);
      const section = draftTable(table, findingsOf(table), { lang: "zh", rateDecimals });
      const text = renderText([section]);
      const read = readReportText(text);
      const checked = checkReportText(text);
      expect(checked.findings.filter((f) => f.rule.startsWith("stated-"))).toEqual([]);
      const decimals = rateDecimals ?? Math.max(1, spec.columns.includes("statedCompletion") ? spec.rateDecimals ?? 0 : 1);
      const funds = spec.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.kind !== "component");
      for (const { r, i } of funds) {
        const want = expected(spec, i, decimals);
        const drafted = Object.values(want).some((v) => v !== undefined);
        const canonical = findSubjects(r.subject)[0].subject;
        const got = read.figures.find((f) => f.subject === canonical);
        if (!drafted) continue;
        expect(got).toBeDefined();
        for (const [field, value] of Object.entries(want)) expect([field, (got as unknown as Record<string, number | undefined>)[field]]).toEqual([field, value]);
        // The 其中 items beside their total, by name and amount, in order.
        const items = spec.rows.filter((c) => c.kind === "component" && c.parent === i && c.values.actual);
        if (want.actual !== undefined && items.length) {
          expect(got!.components?.map((c) => [c.name, c.amount])).toEqual(items.map((c) => [c.subject, num(c.values.actual)!.toNumber()]));
        } else expect(got!.components).toBeUndefined();
      }
      expect(read.unit).toBe(spec.unit);
    }),
    { numRuns: 300 }
  );
});
