/** One list of money units, read by detection, the report reader and indicator targets alike. */
import { isMoneyUnit, MONEY_UNIT_NAMES, MONEY_UNIT_PATTERN, MONEY_UNITS } from "../../src/core/units";
import { readUnitLine } from "../../src/core/detect/labels";
import { checkReportText } from "../../src/core/reportText";
import { judge, readTarget } from "../../src/core/indicators/targetValue";
import { readNumberText } from "../../src/core/numbers";

test("smallest first; the pattern tries 万元 before 元", () => {
  expect(MONEY_UNIT_NAMES).toEqual(["元", "千元", "万元", "亿元"]);
  expect(MONEY_UNIT_PATTERN).toBe("亿元|万元|千元|元");
  expect(isMoneyUnit("万元")).toBe(true);
  expect(isMoneyUnit("toString")).toBe(false);
  expect(isMoneyUnit("万人")).toBe(false);
});

test("every money unit is read the same way by a sheet's unit line, report text and an indicator target", () => {
  for (const unit of MONEY_UNIT_NAMES) {
    expect(readUnitLine(`单位：${unit}`)).toBe(unit);
    expect(checkReportText(`工伤保险基金预算支出398${unit}，实际支出806${unit}。`).unit).toBe(unit);
    // 1 万元 against a target of ≥ 10000 元 converts through the same sizes.
    const target = readTarget(`≥${MONEY_UNITS[unit]}元`);
    const actual = readNumberText(`1${unit}`);
    expect(target.kind).not.toBe("unreadable");
    expect(actual.kind).toBe("number");
    if (target.kind === "unreadable" || actual.kind !== "number") throw new Error("unreachable: asserted above");
    expect(judge(actual, target)).toMatchObject({ kind: "met" });
  }
});
