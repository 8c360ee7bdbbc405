/** Hand-built results for the formatter tests (the core's output shape, not its logic). */
import type { CheckResult } from "../../src/core/api";
import type { Finding } from "../../src/core/findings";
import { summarize } from "../../src/core/findings";
import type { FileResult } from "../../src/output/fileResult";
import { cellAt } from "../../src/core/location";

/** A finding at D5 of 基金支出 unless told otherwise (`sheet` and `cell` make its cell location). */
export function finding(over: Partial<Finding> & { sheet?: string; cell?: string } = {}): Finding {
  const { sheet = "基金支出", cell = "D5", ...rest } = over;
  return {
    rule: "stated-rate-mismatch",
    severity: "error",
    at: cellAt(sheet, cell),
    related: ["B5", "C5"],
    subject: "工伤保险",
    observed: "202.5%",
    expected: "131%",
    message: { zh: "所述完成率 131% 与计算值 202.5% 不符", en: "stated completion 131% differs from computed 202.5%" },
    ...rest,
  };
}

export function result(findings: Finding[], sheetName = "基金支出"): CheckResult {
  return {
    sheets: [
      {
        name: sheetName,
        kind: "fund",
        headerRow: 3,
        columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" },
        tables: [
          {
            kind: "fund",
            headerRow: 3,
            firstRow: 4,
            lastRow: 8,
            unit: "万元",
            columns: { A: "subject", B: "budget", C: "actual", D: "statedCompletion" },
            funds: [
              { subject: "企业职工基本养老保险", budget: 4398, actual: 4568 },
              { subject: "工伤保险", budget: 398, actual: 806 },
              { subject: "失业保险", actual: 619 },
            ],
          },
        ],
      },
    ],
    summary: summarize(findings),
    findings,
  };
}

export function report(findings: Finding[], file = "qiemo.xlsx", sheetName?: string): FileResult {
  return { file, result: result(findings, sheetName) };
}
