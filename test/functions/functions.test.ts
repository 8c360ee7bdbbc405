/** Every FUND function as Excel calls it (arguments as 2-D arrays), with its error cases and the seed figures of the 且末县 2019 report. */
import {
  balance,
  budgetVariance,
  cagr,
  completionRate,
  executionStatus,
  indicatorScore,
  payableMonths,
  perCapita,
  priorFromGrowth,
  rateMatches,
  share,
  sumMatches,
  targetMet,
  yoyChange,
  yoyGrowth,
} from "../../src/functions/functions";
import { setFunctionsLanguage } from "../../src/functions/language";

/** The single value of a 1×1 result. */
function one(result: unknown[][]): unknown {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}
const err = (code: string, message?: string) => (message === undefined ? { code } : { code, message });
const MISSING = err("#N/A", "missing value");
const DIV0 = err("#DIV/0!");
const NUM = err("#NUM!");

describe("seed figures (且末县 2019, 万元)", () => {
  test("COMPLETION_RATE", () => {
    expect(one(completionRate([[806]], [[398]]))).toBeCloseTo(2.0251256281407, 12);
    expect(one(completionRate([[4568]], [[4398]]))).toBeCloseTo(1.038653934, 9);
    expect(one(completionRate([["12,328"]], [["12738"]]))).toBeCloseTo(0.967812843, 9);
    // 失业保险 has no budget: missing, not a rate of 0 or ∞.
    expect(one(completionRate([[619]], [[""]]))).toMatchObject(MISSING);
  });
  test("RATE_MATCHES: stated 97% against the computed rates", () => {
    expect(one(rateMatches([["97%"]], [[4568 / 4398]]))).toBe(false);
    expect(one(rateMatches([[0.97]], [[12328 / 12738]]))).toBe(true);
    expect(one(rateMatches([["98%"]], [[1011 / 1015]]))).toBe(false); // 99.6%
    expect(one(rateMatches([["131%"]], [[806 / 398]]))).toBe(false); // 202.5%
    // growth 6.496% rounds to the stated 6%, 11.09% to 11%
    expect(one(rateMatches([["6%"]], [[752 / 11576]]))).toBe(true);
    expect(one(rateMatches([["11%"]], [[456 / 4112]]))).toBe(true);
  });
  test("the whole column at once spills one result per fund", () => {
    const budgets = [[4398], [12738], [1015], [398]];
    const actuals = [[4568], [12328], [1011], [806]];
    const stated = [["97%"], ["97%"], ["98%"], ["131%"]];
    expect(rateMatches(stated, completionRate(actuals, budgets))).toEqual([[false], [true], [false], [false]]);
    expect(executionStatus(actuals, budgets)).toEqual([["预算执行正常"], ["预算执行正常"], ["预算执行正常"], ["超预算"]]);
  });
  test("SUM_MATCHES: 企业职工 4277 + 74 + 215 = 4566 ≠ 4568", () => {
    expect(one(sumMatches([[4568]], [[4277], [74], [215]]))).toBe(false);
    expect(one(sumMatches([[4568]], [[4277], [74], [215]], [[2]]))).toBe(true);
    expect(one(sumMatches([[4566]], [[4277], [""], [74], [null], [215]]))).toBe(true);
  });
  test("growth, change, implied prior, balance, months", () => {
    expect(one(yoyChange([[4568]], [[4112]]))).toBe(456);
    expect(one(yoyGrowth([[806]], [[499]]))).toBeCloseTo(0.6152304609, 9);
    expect(one(priorFromGrowth([[4568]], [["11%"]]))).toBeCloseTo(4115.315315, 5);
    expect(one(balance([[25004]], [[34928]]))).toBe(-9924);
    expect(one(payableMonths([[3594]], [[1011]]))).toBeCloseTo(42.658753709, 8);
    expect(one(budgetVariance([[4568]], [[4398]]))).toBe(170);
  });
  test("indicators: 满意度 ≥95% and 上访率 ≤1% met", () => {
    expect(targetMet([["97%"], ["0.5%"]], [["≥95%"], ["≤1%"]])).toEqual([[true], [true]]);
    expect(indicatorScore([["97%"], ["0.5%"]], [["≥95%"], ["≤1%"]], [[10]])).toEqual([[10], [10]]);
  });
});

describe("each function, values and errors", () => {
  test("COMPLETION_RATE: budget 0 → #DIV/0!; text figures; exact decimals", () => {
    expect(one(completionRate([[5]], [[0]]))).toMatchObject(DIV0);
    expect(one(completionRate([["0.3"]], [["0.1"]]))).toBe(3);
    expect(one(completionRate([[0.3]], [[0.1]]))).toBe(3); // float division would give 2.9999999999999996
    expect(one(completionRate([["4568万元"]], [["4,398"]]))).toBeCloseTo(1.0386539, 7);
    expect(one(completionRate([["(1,234)"]], [["1,234"]]))).toBe(-1);
    expect(one(completionRate([["９７"]], [["１００"]]))).toBe(0.97);
  });
  test("non-numeric text is #VALUE! naming the argument", () => {
    expect(one(completionRate([[1]], [["abc"]]))).toEqual(err("#VALUE!", 'budget: not a number: "abc"'));
    expect(one(completionRate([["x1"]], [[1]]))).toEqual(err("#VALUE!", 'actual: not a number: "x1"'));
    expect(one(yoyGrowth([[1]], [[true]]))).toEqual(err("#VALUE!", "prior: not a number: TRUE"));
    expect(one(cagr([[1]], [[1]], [["two"]]))).toEqual(err("#VALUE!", 'years: not a number: "two"'));
  });
  test("blank is #N/A 'missing value', never 0", () => {
    for (const blank of ["", null, undefined, "  "]) {
      expect(one(completionRate([[blank]], [[1]]))).toMatchObject(MISSING);
      expect(one(yoyChange([[1]], [[blank]]))).toMatchObject(MISSING);
      expect(one(balance([[blank]], [[blank]]))).toMatchObject(MISSING);
    }
  });
  test("an Excel error passed in is passed on", () => {
    expect(one(share([[{ code: "#REF!" }]], [[1]]))).toEqual({ code: "#REF!" });
    expect(one(share([[{ error: "#DIV/0!" }]], [[1]]))).toMatchObject(DIV0);
  });
  test("YOY_GROWTH: prior 0 → #DIV/0!, negative prior uses |prior|", () => {
    expect(one(yoyGrowth([[5]], [[0]]))).toMatchObject(DIV0);
    expect(one(yoyGrowth([[-50]], [[-100]]))).toBe(0.5);
    expect(one(yoyGrowth([[110]], [[100]]))).toBe(0.1);
  });
  test("YOY_CHANGE, BUDGET_VARIANCE and BALANCE are exact", () => {
    expect(one(yoyChange([[0.3]], [[0.1]]))).toBe(0.2);
    expect(one(budgetVariance([["1,000.10"]], [["999.9"]]))).toBe(0.2);
    expect(one(balance([[0.1]], [[0.3]]))).toBe(-0.2);
  });
  test("PRIOR_FROM_GROWTH: −100% → #DIV/0!", () => {
    expect(one(priorFromGrowth([[100]], [["-100%"]]))).toMatchObject(DIV0);
    expect(one(priorFromGrowth([[100]], [[-1]]))).toMatchObject(DIV0);
    expect(one(priorFromGrowth([[110]], [["10%"]]))).toBe(100);
  });
  test("CAGR: non-positive figures → #NUM!", () => {
    expect(one(cagr([[121]], [[100]], [[2]]))).toBeCloseTo(0.1, 15);
    expect(one(cagr([[0]], [[100]], [[2]]))).toMatchObject(NUM);
    expect(one(cagr([[100]], [[-5]], [[2]]))).toMatchObject(NUM);
    expect(one(cagr([[100]], [[50]], [[0]]))).toMatchObject(NUM);
  });
  test("SHARE and PAYABLE_MONTHS: zero denominators → #DIV/0!", () => {
    expect(one(share([[215]], [[4568]]))).toBeCloseTo(0.0470665, 7);
    expect(one(share([[1]], [[0]]))).toMatchObject(DIV0);
    expect(one(payableMonths([[100]], [[1200]]))).toBe(1);
    expect(one(payableMonths([[100]], [[0]]))).toMatchObject(DIV0);
  });
  test("PER_CAPITA: optional scale (万元 → 元), people 0 → #DIV/0!", () => {
    expect(one(perCapita([[1011]], [[1618]]))).toBeCloseTo(0.624845, 6);
    expect(one(perCapita([[1011]], [[1618]], [[10000]]))).toBeCloseTo(6248.4549, 4);
    expect(one(perCapita([[1011]], [[1618]], [[""]]))).toBeCloseTo(0.624845, 6);
    expect(one(perCapita([[1]], [[0]], [[10000]]))).toMatchObject(DIV0);
    expect(one(perCapita([[1]], [[2]], [["ten"]]))).toEqual(err("#VALUE!", 'scale: not a number: "ten"'));
  });
  test("SUM_MATCHES: tolerance, blanks and dashes skipped, bad parts, all blank", () => {
    expect(one(sumMatches([[0.3]], [[0.1], [0.2]]))).toBe(true); // exact, not 0.30000000000000004
    expect(one(sumMatches([["4,568"]], [["4,277"], ["—"], ["74"], ["215"]], [["2"]]))).toBe(true);
    expect(one(sumMatches([[100]], [[50], ["n/a?"]]))).toEqual(err("#VALUE!", 'parts: not a number: "n/a?"'));
    expect(one(sumMatches([[100]], [[""], [null]]))).toMatchObject(MISSING);
    expect(one(sumMatches([[""]], [[1]]))).toMatchObject(MISSING);
    expect(one(sumMatches([[1]], [[1]], [[-1]]))).toEqual(err("#VALUE!", "tolerance: must not be negative"));
    // totals of several rows against one parts range
    expect(sumMatches([[4566], [4568]], [[4277, 74, 215]])).toEqual([[true], [false]]);
  });
  test("RATE_MATCHES: stated precision, explicit decimals, half-up", () => {
    expect(one(rateMatches([["98.67%"]], [[0.98666]]))).toBe(true);
    expect(one(rateMatches([[0.9867]], [[0.98666]]))).toBe(true);
    expect(one(rateMatches([["97%"]], [[0.965]]))).toBe(true); // 96.5% rounds half-up to 97%
    expect(one(rateMatches([["96%"]], [[0.965]]))).toBe(false);
    expect(one(rateMatches([["96.8%"]], [[12328 / 12738]], [[1]]))).toBe(true);
    expect(one(rateMatches([["97%"]], [[12328 / 12738]], [[1]]))).toBe(false); // 96.8% at one place
    expect(one(rateMatches([["97%"]], [[0.97]], [[-1]]))).toEqual(err("#VALUE!", "decimals: must be a whole number from 0 to 10"));
    expect(one(rateMatches([["97%"]], [[0.97]], [[1.5]]))).toMatchObject({ code: "#VALUE!" });
    expect(one(rateMatches([["high"]], [[0.97]]))).toEqual(err("#VALUE!", 'stated: not a number: "high"'));
    expect(one(rateMatches([[""]], [[0.97]]))).toMatchObject(MISSING);
  });
  test("TARGET_MET: forms, units, qualitative, errors", () => {
    expect(one(targetMet([["94%"]], [["≥95%"]]))).toBe(false);
    expect(one(targetMet([[1700]], [["≥1618人"]]))).toBe(true);
    expect(one(targetMet([["已完成"]], [["按时足额"]]))).toBe(true);
    expect(one(targetMet([["未完成"]], [["按时足额"]]))).toBe(false);
    expect(one(targetMet([["97%"]], [["2019年底前"]]))).toEqual(err("#VALUE!", 'target: cannot read "2019年底前"'));
    expect(one(targetMet([["97%"]], [[""]]))).toMatchObject(MISSING);
    expect(one(targetMet([[""]], [["≥95%"]]))).toMatchObject(MISSING);
    expect(one(targetMet([["abc"]], [["≥95%"]]))).toEqual(err("#VALUE!", 'actual: not a number: "abc"'));
    expect(one(targetMet([["1700元"]], [["≥1618人"]]))).toMatchObject({ code: "#VALUE!" });
  });
  test("INDICATOR_SCORE: proportional, clipped, errors", () => {
    expect(one(indicatorScore([["90%"]], [["≥95%"]], [[10]]))).toBe(9.47);
    expect(one(indicatorScore([["2%"]], [["≤1%"]], [[10]]))).toBe(5);
    expect(one(indicatorScore([["否"]], [["按时足额"]], [[5]]))).toBe(0);
    expect(one(indicatorScore([["90%"]], [["??"]], [[10]]))).toMatchObject({ code: "#VALUE!" });
    expect(one(indicatorScore([["90%"]], [["≥95%"]], [[""]]))).toMatchObject(MISSING);
    expect(one(indicatorScore([["90%"]], [["≥95%"]], [[-2]]))).toEqual(err("#VALUE!", "weight: must not be negative"));
  });
  test("EXECUTION_STATUS: bands, defaults, custom band, language", () => {
    setFunctionsLanguage("zh");
    expect(executionStatus([[90], [100], [106]], [[100]])).toEqual([["执行不足"], ["预算执行正常"], ["超预算"]]);
    expect(one(executionStatus([[95]], [[100]]))).toBe("预算执行正常");
    expect(one(executionStatus([[92]], [[100]], [["90%"]], [["110%"]]))).toBe("预算执行正常");
    expect(one(executionStatus([[1]], [[0]]))).toMatchObject(DIV0);
    expect(one(executionStatus([[1]], [[1]], [[1.1]], [[1]]))).toEqual(err("#VALUE!", "low: must not be above high"));
    setFunctionsLanguage("en");
    expect(executionStatus([[90], [100], [106]], [[100]])).toEqual([["under-executed"], ["within band"], ["over budget"]]);
    setFunctionsLanguage(undefined);
  });
});

describe("ranges: element by element, broadcasting, shapes", () => {
  test("equal shapes work element by element, 2-D included", () => {
    expect(completionRate([[1, 2], [3, 4]], [[2, 4], [6, 0]])).toEqual([[0.5, 0.5], [0.5, DIV0]]);
  });
  test("a single value is broadcast over a range, either side", () => {
    expect(perCapita([[10], [20]], [[5]], [[10000]])).toEqual([[20000], [40000]]);
    expect(completionRate([[100]], [[50, 200, ""]])).toEqual([[2, 0.5, MISSING]]);
  });
  test("mismatched shapes → #VALUE! naming both", () => {
    expect(completionRate([[1], [2], [3]], [[1], [2]])).toEqual([[err("#VALUE!", "shapes differ: actual is 3×1, budget is 2×1")]]);
    expect(completionRate([[1, 2]], [[1], [2]])).toEqual([[err("#VALUE!", "shapes differ: actual is 1×2, budget is 2×1")]]);
  });
  test("errors stay in their element's position", () => {
    expect(yoyGrowth([[1], ["x"], [""], [3]], [[1], [1], [1], [0]])).toEqual([
      [0],
      [err("#VALUE!", 'current: not a number: "x"')],
      [MISSING],
      [DIV0],
    ]);
  });
  test("plain scalars (not wrapped in arrays) are accepted too", () => {
    expect(completionRate(806 as never, 398 as never)[0][0]).toBeCloseTo(2.0251, 4);
  });
});
