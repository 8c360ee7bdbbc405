/** components-sum: a 合计 against its rows, a 其中 list against its total. */
import { only, row, run, targets } from "./helpers";
import { addressOf } from "../../../src/core/location";
import { findingJson } from "../../../src/core/findings";

describe("components-sum", () => {
  test("a 其中 list that falls short is no finding by default (published lists are partial); with a coverage target set, a list covering at least that much is a warning", () => {
    const rows = [row("企业职工基本养老保险", { actual: "4568" }), row("养老金支出", { actual: "4277" }, "component", 0), row("转移支出", { actual: "74" }, "component", 0), row("丧葬费支出", { actual: "200" }, "component", 0)];
    expect(only(run(rows), "components-sum")).toEqual([]);
    const [f] = only(run(rows, targets({ componentsCoverage: 0.9 })), "components-sum");
    expect(findingJson(f)).toMatchObject({ severity: "warning", observed: "4568", expected: "4551", subject: "企业职工基本养老保险", cell: rows[0].subjectRef });
    expect(f.related).toEqual([rows[1].subjectRef, rows[2].subjectRef, rows[3].subjectRef]);
    expect(f.message.zh).toBe("企业职工基本养老保险：支出数4568，但其中各项相加为4551，比支出数少17（如有未列明的项目请补充）");
    expect(f.message.en).toBe("企业职工基本养老保险: actual spending is 4568, but its components add up to 4551 (17 short); list any missing item");
  });

  test("4277 + 74 + 215 = 4566 against 4568 is within the rounding of four whole figures (4 × 0.5): no finding even as a full list", () => {
    const rows = [row("企业职工基本养老保险", { actual: "4568" }), row("养老金支出", { actual: "4277" }, "component", 0), row("转移支出", { actual: "74" }, "component", 0), row("丧葬费支出", { actual: "215" }, "component", 0)];
    expect(only(run(rows, targets({ componentsCoverage: 0.9 })), "components-sum")).toEqual([]);
  });

  test("parts that exceed their total: error", () => {
    const rows = [row("A", { actual: "100" }), row("x", { actual: "60" }, "component", 0), row("y", { actual: "45" }, "component", 0)];
    const [f] = only(run(rows), "components-sum");
    expect(f).toMatchObject({ severity: "error", observed: "100", expected: "105" });
    expect(f.message.zh).toBe("A：支出数100，但其中各项相加为105，比支出数多5");
  });

  test("a partial 其中 list (失业 25 + 9 of 619) is not checked", () => {
    const rows = [row("失业保险", { actual: "619" }), row("失业支出", { actual: "25" }, "component", 0), row("医疗支出", { actual: "9" }, "component", 0)];
    expect(only(run(rows), "components-sum")).toEqual([]);
  });

  test("coverage edge: with a target of 90%, 90% is a full list, 89.9% partial; 100% (the default) never", () => {
    const list = (part: string) => [row("A", { actual: "1000" }), row("x", { actual: part }, "component", 0)];
    expect(only(run(list("900"), targets({ componentsCoverage: 0.9 })), "components-sum")).toHaveLength(1);
    expect(only(run(list("899"), targets({ componentsCoverage: 0.9 })), "components-sum")).toHaveLength(0);
    expect(only(run(list("899"), targets({ componentsCoverage: 0.5 })), "components-sum")).toHaveLength(1);
    expect(only(run(list("998")), "components-sum")).toHaveLength(0);
  });

  test("7.87 亿元 against four parts adding to 7.85 is rounding (up to 5 × 0.005); 8.03 against 7.73 is an error", () => {
    const rows = (total: string) => [row("a", { actual: "2.58" }), row("b", { actual: "3.09" }), row("c", { actual: "1.20" }), row("d", { actual: "0.86" }), row("合计", { actual: total }, "total")];
    expect(only(run(rows("7.75")), "components-sum")).toEqual([]);
    expect(only(run(rows("8.03")), "components-sum")[0]).toMatchObject({ observed: "8.03", expected: "7.73" });
  });

  test("a 合计 row is the sum of the rows above it: error either way, beyond the rounding of its figures (half a unit of each one's last digit)", () => {
    const rows = (total: string) => [row("A", { budget: "10", actual: "1.25" }), row("B", { budget: "20", actual: "2.5" }), row("合计", { budget: "30", actual: total }, "total")];
    expect(only(run(rows("3.75")), "components-sum")).toEqual([]);
    expect(only(run(rows("3.8")), "components-sum")).toEqual([]);
    expect(only(run(rows("3.7")), "components-sum")).toEqual([]);
    const [f] = only(run(rows("3.6")), "components-sum");
    expect(f).toMatchObject({ severity: "error", observed: "3.6", expected: "3.75" });
    expect(f.message.zh).toBe("合计：支出数3.6，但各项相加为3.75，比支出数多0.15");
    expect(only(run(rows("3.69")), "components-sum")).toEqual([]); // 0.06 = 0.005 + 0.005 + 0.05
    expect(only(run(rows("3.68")), "components-sum")[0]).toMatchObject({ observed: "3.68", expected: "3.75" });
    expect(only(run(rows("4")), "components-sum")).toEqual([]); // a whole-number total: 3.75 shows as 4
    expect(only(run(rows("5")), "components-sum")[0]).toMatchObject({ observed: "5", expected: "3.75" });
  });

  test("小计 rows sum back to the previous 小计; the 合计 sums the items, not the 小计s twice", () => {
    const rows = [
      row("A", { actual: "1" }),
      row("B", { actual: "2" }),
      row("小计", { actual: "3" }, "subtotal"),
      row("C", { actual: "4" }),
      row("小计", { actual: "6" }, "subtotal"),
      row("合计", { actual: "7" }, "total"),
    ];
    expect(only(run(rows), "components-sum").map((x) => [addressOf(x.at), x.observed, x.expected])).toEqual([[rows[4].subjectRef, "6", "4"]]);
  });

  test("a 合计 on top adds up the rows below it", () => {
    const rows = [row("合计", { actual: "12" }, "total"), row("A", { actual: "4" }), row("B", { actual: "5" })];
    expect(only(run(rows), "components-sum")[0]).toMatchObject({ observed: "12", expected: "9" });
  });

  test("a blank in a row a total adds up is missing-value, never 0", () => {
    const rows = [row("A", { budget: "5", actual: "4" }), row("B", { budget: "5", actual: "" }), row("合计", { budget: "10", actual: "4" }, "total")];
    const findings = run(rows);
    expect(only(findings, "components-sum")).toEqual([]);
    expect(only(findings, "missing-value").map((f) => addressOf(f.at))).toEqual([rows[1].subjectRef]);
  });

  test("a refund row's negative figure counts in its total as the negative it is", () => {
    const rows = [row("A", { actual: "90" }), row("支出", { actual: "100" }, "component", 0), row("收回以前年度支出", { actual: "-10" }, "component", 0)];
    expect(run(rows)).toEqual([]);
  });
});
