/** stated-change-mismatch: a stated 增减额 against actual − prior, beyond the rounding of the three figures. */
import { only, row, run } from "./helpers";

const change = (actual: string, prior: string, statedChange: string) => only(run([row("企业职工", { actual, prior, statedChange })]), "stated-change-mismatch");

describe("stated-change-mismatch", () => {
  test("454 stated for 4568 − 4111 = 457: observed the stated 454, expected 457", () => {
    expect(change("4568", "4112", "456")).toEqual([]);
    const [f] = change("4568", "4111", "454");
    expect(f).toMatchObject({ severity: "error", observed: "454", expected: "457" });
    expect(f.message.zh).toBe("企业职工：填报的比上年增减额为454，但本年4568−上年4111=457");
    expect(f.message.en).toBe("企业职工: the stated change is 454, but actual 4568 − prior 4111 = 457");
  });

  test("published figures rounded from unrounded data: 2432 for 13458 − 11027 = 2431 is consistent (3 × 0.5), 2434 is not", () => {
    expect(change("13458", "11027", "2432")).toEqual([]);
    expect(change("13458", "11027", "2430")).toEqual([]);
    expect(change("13458", "11027", "2434")[0]).toMatchObject({ observed: "2434", expected: "2431" });
  });

  test("a change stated to one decimal tolerates the rounding of its figures (0.05 + 0.005 + 0.005)", () => {
    expect(change("100.04", "90.00", "10.0")).toEqual([]);
    expect(change("100.07", "90.00", "10.0")[0]).toMatchObject({ observed: "10.0", expected: "10.07" });
  });

  test("a decrease is a negative change", () => {
    expect(change("90", "100", "-10")).toEqual([]);
    expect(change("90", "100", "10")[0]).toMatchObject({ observed: "10", expected: "-10" });
  });

  test("without a prior figure the change only implies the prior year: nothing to compare", () => {
    expect(only(run([row("企业职工", { actual: "4568", statedChange: "456" })]), "stated-change-mismatch")).toEqual([]);
  });

  test("a percentage in a change column is a growth rate, not a change", () => {
    expect(change("110", "100", "9%")).toEqual([]);
  });
});
