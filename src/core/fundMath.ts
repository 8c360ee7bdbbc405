/**
 * The domain's arithmetic, exact (decimal.js). Each returns a Decimal, or a reason it has no value,
 * so the custom functions turn the reason into an Excel error and the rules into a finding.
 */
import Decimal from "decimal.js";

export type MathResult = Decimal | "div0" | "num";

export function isValue(r: MathResult): r is Decimal {
  return r instanceof Decimal;
}

/** 预算完成率 = actual ÷ budget. */
export function completionRate(actual: Decimal, budget: Decimal): MathResult {
  return budget.isZero() ? "div0" : actual.div(budget);
}

/** 增幅 = (current − prior) ÷ |prior|. */
export function yoyGrowth(current: Decimal, prior: Decimal): MathResult {
  return prior.isZero() ? "div0" : current.minus(prior).div(prior.abs());
}

/** 增减额 = current − prior. */
export function yoyChange(current: Decimal, prior: Decimal): Decimal {
  return current.minus(prior);
}

/** actual − budget. */
export function budgetVariance(actual: Decimal, budget: Decimal): Decimal {
  return actual.minus(budget);
}

/** The prior year implied by a stated growth: current ÷ (1 + growth). */
export function priorFromGrowth(current: Decimal, growth: Decimal): MathResult {
  const base = growth.plus(1);
  return base.isZero() ? "div0" : current.div(base);
}

/** 年均增长 = (end ÷ start)^(1/years) − 1; defined for positive start, end and years only. */
export function cagr(end: Decimal, start: Decimal, years: Decimal): MathResult {
  if (start.lte(0) || end.lte(0) || years.lte(0)) return "num";
  return end.div(start).pow(new Decimal(1).div(years)).minus(1);
}

/** 占比 = part ÷ total. */
export function share(part: Decimal, total: Decimal): MathResult {
  return total.isZero() ? "div0" : part.div(total);
}

/** 累计结余可支付月数 = balance ÷ (annual expenditure ÷ 12). */
export function payableMonths(balance: Decimal, annualExpenditure: Decimal): MathResult {
  return annualExpenditure.isZero() ? "div0" : balance.times(12).div(annualExpenditure);
}

/** 人均 = amount × scale ÷ people (scale 10000 turns 万元 into 元). */
export function perCapita(amount: Decimal, people: Decimal, scale: Decimal = new Decimal(1)): MathResult {
  return people.isZero() ? "div0" : amount.times(scale).div(people);
}

/** 当期结余 = income − expenditure. */
export function balance(income: Decimal, expenditure: Decimal): Decimal {
  return income.minus(expenditure);
}

/** Exact sum. */
export function sum(values: readonly Decimal[]): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return total;
}

export type ExecutionStatus = "within" | "under" | "over";

/** Where a completion rate falls against a band [low, high] (defaults 95%–105%). */
export function executionStatus(rate: Decimal, low: Decimal = new Decimal("0.95"), high: Decimal = new Decimal("1.05")): ExecutionStatus {
  if (rate.lt(low)) return "under";
  if (rate.gt(high)) return "over";
  return "within";
}
