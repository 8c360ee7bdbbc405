/** stated-change-mismatch: a stated 增减额 against actual − prior, beyond half a unit of its last digit. */
import { only, row, run } from "./helpers";

const change = (actual: string, prior: string, statedChange: string) => only(run([row("企业职工", { actual, prior, statedChange })]), "stated-change-mismatch");

describe("stated-change-mismatch", () => {
  test("456 stated for 4568 − 4111 = 457: observed the stated 456, expected 457", () => {
    expect(change("4568", "4112", "456")).toEqual([]);
    const [f] = change("4568", "4111", "456");
    expect(f).toMatchObject({ severity: "error", observed: "456", expected: "457" });
    expect(f.message.zh).toBe("企业职工：填报的比上年增减额为456，但本年4568−上年4111=457");
    expect(f.message.en).toBe("企业职工: the stated change is 456, but actual 4568 − prior 4111 = 457");
  });

  test("a change stated to one decimal tolerates 0.05", () => {
    expect(change("100.04", "90", "10.0")).toEqual([]);
    expect(change("100.06", "90", "10.0")[0]).toMatchObject({ observed: "10.0", expected: "10.06" });
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
