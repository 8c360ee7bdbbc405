/** yoy-growth-band: year-on-year growth beyond the band (warning beyond ±30%). */
import { only, row, run, targets } from "./helpers";
import { findingJson } from "../../../src/core/findings";

const growth = (actual: string, prior: string) => only(run([row("城乡居民", { actual, prior })]), "yoy-growth-band");

describe("yoy-growth-band", () => {
  test("from the figures only: observed the computed growth at the expenditure, expected the band", () => {
    const r = row("城乡居民", { actual: "130.1", prior: "100" });
    const [f] = only(run([r]), "yoy-growth-band");
    expect(findingJson(f)).toMatchObject({ severity: "warning", cell: r.subjectRef, observed: "+30.1%", expected: "±30%" });
    expect(f.message.zh).toBe("城乡居民：比上年增长30.1%，超出±30%的正常波动范围，请说明原因");
    expect(f.message.en).toBe("城乡居民: up 30.1% on the prior year, beyond the ±30% band; explain the change");
  });

  test("+30% exactly and −30% exactly are silent; −30.1% is a fall beyond the band", () => {
    expect(growth("130", "100")).toEqual([]);
    expect(growth("70", "100")).toEqual([]);
    const [f] = growth("69.9", "100");
    expect(f).toMatchObject({ observed: "-30.1%" });
    expect(f.message.zh).toContain("下降30.1%");
  });

  test("a stated growth that agrees with the figures is what the flagged cell holds: 城乡居民 36% (265 on 1011 is +35.5%)", () => {
    const [f] = only(run([row("城乡居民基本养老保险", { actual: "1011", statedChange: "265", statedGrowth: "36%" })]), "yoy-growth-band");
    expect(f).toMatchObject({ observed: "36%", expected: "±30%", subject: "城乡居民基本养老保险" });
    expect(f.message.zh).toBe("城乡居民基本养老保险：比上年增长35.5%，超出±30%的正常波动范围，请说明原因");
  });

  test("a stated growth that disagrees (stated-rate-mismatch's) is not quoted as the growth: the finding is the computed one", () => {
    const [f] = only(run([row("A", { actual: "1355", prior: "1000", statedGrowth: "20%" })]), "yoy-growth-band");
    expect(f).toMatchObject({ observed: "+35.5%", expected: "±30%" });
  });

  test("from a stated change when there is no prior: 265 on 1011 is +35.5%", () => {
    const [f] = only(run([row("城乡居民基本养老保险", { actual: "1011", statedChange: "265" })]), "yoy-growth-band");
    expect(f).toMatchObject({ observed: "+35.5%" });
  });

  test("only a stated growth, stored as a fraction: judged on it, shown as a percentage, said so", () => {
    const [f] = only(run([row("工伤保险", { actual: "806", statedGrowth: 0.62 })]), "yoy-growth-band");
    expect(f).toMatchObject({ observed: "62%", expected: "±30%", related: [] });
    expect(f.message.zh).toBe("工伤保险：比上年增长62.0%（按填报增幅），超出±30%的正常波动范围，请说明原因");
  });

  test("a prior of 0, or a negative expenditure or prior, gives no growth at all (no ∞, no sign flip)", () => {
    expect(run([row("新险种", { actual: "100", prior: "0" })])).toEqual([]);
    expect(growth("-100", "100")).toEqual([]);
    expect(growth("100", "-40")).toEqual([]);
  });

  test("its threshold is the targets' growthBand, asymmetric too", () => {
    const t = targets({ growthBand: { low: -0.2, high: 0.5 } });
    expect(only(run([row("A", { actual: "140", prior: "100" })], t), "yoy-growth-band")).toEqual([]);
    expect(only(run([row("A", { actual: "79", prior: "100" })], t), "yoy-growth-band")[0]).toMatchObject({ observed: "-21.0%", expected: "-20%–+50%" });
  });
});

describe("yoy-growth-band on a stated ratio to the prior year (为上年的%)", () => {
  test("no prior figure: 140% of the prior year is +40%, a warning at the stated cell; 118% is inside ±30%", () => {
    const [f] = only(run([row("居民社会养老保险基金支出", { actual: "1431", statedIndex: "140%" })]), "yoy-growth-band");
    expect(f).toMatchObject({ observed: "140%", expected: "±30%" });
    expect(f.message.zh).toBe("居民社会养老保险基金支出：比上年增长40.0%（按填报增幅），超出±30%的正常波动范围，请说明原因");
    expect(only(run([row("居民社会养老保险基金支出", { actual: "1431", statedIndex: "118%" })]), "yoy-growth-band")).toEqual([]);
  });
});
