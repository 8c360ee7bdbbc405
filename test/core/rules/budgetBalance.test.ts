/** budget-balance: expenditure above income (以收定支，收支平衡，略有结余), computed or stated. */
import { FundRow } from "../../../src/core/model";
import { readNumberText } from "../../../src/core/numbers";
import { only, row, run } from "./helpers";
import { findingJson } from "../../../src/core/findings";

describe("budget-balance", () => {
  test("34928 spent against 25004 income: observed the expenditure, expected at most the income, the gap in the message", () => {
    const r = row("各项基金合计", { income: "25004", actual: "34928" }, "total");
    const [f] = only(run([r]), "budget-balance");
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: r.subjectRef, related: [r.subjectRef], observed: "34928", expected: "≤ 25004" });
    expect(f.message.zh).toBe("各项基金合计：支出34928大于收入25004，当期缺口9924，未达到“以收定支，收支平衡，略有结余”的目标");
    expect(f.message.en).toBe("各项基金合计: expenditure 34928 exceeds income 25004 by 9924 (target: spend within income, with a small surplus)");
  });

  test("equal income and expenditure, and a surplus, are silent; exact at the edge", () => {
    expect(only(run([row("A", { income: "100", actual: "100" })]), "budget-balance")).toEqual([]);
    expect(only(run([row("A", { income: "100.01", actual: "100" })]), "budget-balance")).toEqual([]);
    expect(only(run([row("A", { income: "100", actual: "100.01" })]), "budget-balance")).toHaveLength(1);
  });

  test("a deficit stated in words (当年收不抵支35万元), with no income and expenditure given: the stated balance is what the sentence holds", () => {
    const r: FundRow = row("生育保险", {});
    const read = readNumberText("-35");
    r.statedCurrentBalance = { ref: "L2", read };
    const [f] = only(run([r]), "budget-balance");
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: "L2", related: [], observed: "-35", expected: "≥ 0" });
    expect(f.message.zh).toBe("生育保险：当年收不抵支，当期缺口35，未达到“以收定支，收支平衡，略有结余”的目标");
  });

  test("a stated surplus is silent; income and expenditure, when both are given, decide over a stated balance", () => {
    const surplus = row("A", {});
    surplus.statedCurrentBalance = { ref: "L1", read: readNumberText("35") };
    expect(run([surplus])).toEqual([]);
    const both = row("B", { income: "100", actual: "90" });
    both.statedCurrentBalance = { ref: "L1", read: readNumberText("-5") };
    expect(only(run([both]), "budget-balance")).toEqual([]);
  });

  test("a negative income or expenditure is negative-figure's, not a deficit", () => {
    expect(only(run([row("A", { income: "-100", actual: "90" })]), "budget-balance")).toEqual([]);
  });
});
