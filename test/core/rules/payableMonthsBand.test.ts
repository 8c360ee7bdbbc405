/** payable-months-band: months of spending the balance covers (warning below 6, info above 24). */
import { only, row, run, targets } from "./helpers";
import { findingJson } from "../../../src/core/findings";

const months = (balance: string, actual: string, t = targets({})) => only(run([row("城乡居民", { balance, actual })], t), "payable-months-band");

describe("payable-months-band", () => {
  test("城乡居民 3594 against 1011 spent: 42.7 months, info — observed the computed months at the balance, expected the band", () => {
    const r = row("城乡居民基本养老保险", { balance: "3594", actual: "1011" });
    const [f] = only(run([r]), "payable-months-band");
    expect(findingJson(f)).toMatchObject({ severity: "info", cell: r.subjectRef, observed: "42.7", expected: "6–24" });
    expect(f.message.zh).toBe("城乡居民基本养老保险：累计结余可支付42.7个月（累计结余3594 ÷ 月均支出84.25），超过24个月，结余偏多");
  });

  test("6 months exactly and 24 months exactly are silent", () => {
    expect(months("600", "1200")).toEqual([]);
    expect(months("2400", "1200")).toEqual([]);
  });

  test("5.9 months is a warning (payments at risk), 24.1 an info", () => {
    const [w] = months("590", "1200");
    expect(w).toMatchObject({ severity: "warning", observed: "5.9", expected: "6–24" });
    expect(w.message.en).toBe("城乡居民: the balance covers only 5.9 months of spending (balance 590 ÷ monthly spending 100.00), below 6; payments are at risk");
    expect(months("2410", "1200")[0]).toMatchObject({ severity: "info", observed: "24.1" });
  });

  test("a negative balance (a deficit carried) is a warning, not skipped", () => {
    expect(months("-300", "1200")[0]).toMatchObject({ severity: "warning", observed: "-3.0" });
  });

  test("no or negative spending: no months (no ∞)", () => {
    expect(months("3594", "0")).toEqual([]);
    expect(months("3594", "-10")).toEqual([]);
  });

  test("its threshold is the targets' payableMonths", () => {
    expect(months("3594", "1011", targets({ payableMonths: { infoAbove: 48 } }))).toEqual([]);
  });
});
