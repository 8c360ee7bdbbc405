/**
 * cross-file-mismatch: a batch rule. It runs over a batch of workbooks (a prefecture's county workbooks and its
 * consolidation, src/core/matrix/crossFile.ts), not over one table, so it is not in the fund or indicator rule
 * lists: the catalogue lists it after them (like table-unreadable and internal-error) so that a targets file may
 * change its severity or turn it off (`severity: { "cross-file-mismatch": "off" }`), and the docs' rule table
 * names it. It has no threshold: figures agree at the precision written, or they do not.
 */
import type { Finding, Message, Severity } from "../findings";
import { cellAt } from "../location";
import type { RuleMeta } from "./rule";

export const crossFileMismatch = {
  id: "cross-file-mismatch",
  severity: "error",
  describe: {
    zh: "汇总表中某县的数字应与该县自己的报表一致（同一基金、同一口径、同一年度，换算单位后按填写精度比较）；汇总表合计应等于各县报表之和（批量核对多个文件时）",
    en: "A consolidation's figure for a county equals the same figure in that county's own workbook (same fund, measure and year, units converted, at the precision written); its 合计 equals the sum of the county workbooks (batches of files)",
  },
  shows: { observed: "the consolidation's figure as written", expected: "the county workbook's figure (or the sum of the county workbooks), at the consolidation's precision" },
} as const satisfies RuleMeta;

/** A place in another workbook, as Excel writes an external reference: `[若羌县.xlsx]支出情况!C7`. */
export function externalRef(file: string, sheet: string, cell: string): string {
  return `[${file}]${sheet}!${cell}`;
}

export interface CrossFileFinding extends Finding {
  /** The consolidation workbook (the file the finding's cell is in). */
  file: string;
  /** The county workbook's place the figure disagrees with; absent for a 合计 compared with the counties' sum. */
  county?: { file: string; sheet: string; cell: string };
}

export interface CrossFileFacts {
  /** The consolidation: file name as given, sheet, cell. */
  file: string;
  sheet: string;
  cell: string;
  /** "若羌县 工伤保险 执行数". */
  subject: string;
  /** The consolidation's figure as written, and the other side at the consolidation's precision. */
  observed: string;
  expected: string;
  /** The county workbook's figure as written there (with its unit when converted: 29412600元). */
  countyWritten?: string;
  county?: { file: string; sheet: string; cell: string };
  /** For a 合计: the counties summed. */
  summed?: string[];
  severity?: Severity;
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}

/** "若羌县.xlsx 支出情况!C7"; a sheet checked as a workbook of its own (the pane's sheet per county) is just "若羌县!C7". */
function placeText(file: string, sheet: string, cell: string): string {
  return baseName(file) === sheet ? `${sheet}!${cell}` : `${baseName(file)} ${sheet}!${cell}`;
}

export function crossFileFinding(f: CrossFileFacts): CrossFileFinding {
  const here = placeText(f.file, f.sheet, f.cell);
  let message: Message;
  if (f.county) {
    const there = placeText(f.county.file, f.county.sheet, f.county.cell);
    const as = f.countyWritten && f.countyWritten !== f.expected ? `${f.countyWritten}（${f.expected}）` : f.expected;
    const asEn = f.countyWritten && f.countyWritten !== f.expected ? `${f.countyWritten} (${f.expected})` : f.expected;
    message = {
      zh: `汇总表 ${here} ${f.subject} ${f.observed}；${there} 为 ${as}`,
      en: `consolidation ${here}: ${f.subject} ${f.observed}; ${there} says ${asEn}`,
    };
  } else {
    const n = f.summed?.length ?? 0;
    message = {
      zh: `汇总表 ${here} ${f.subject} ${f.observed}；${n} 个县报表之和为 ${f.expected}（${(f.summed ?? []).join("、")}）`,
      en: `consolidation ${here}: ${f.subject} ${f.observed}; the ${n} county workbooks add up to ${f.expected} (${(f.summed ?? []).join(", ")})`,
    };
  }
  const finding: CrossFileFinding = {
    rule: crossFileMismatch.id,
    severity: f.severity ?? crossFileMismatch.severity,
    at: cellAt(f.sheet, f.cell),
    related: f.county ? [baseName(f.county.file) === f.county.sheet ? `${f.county.sheet}!${f.county.cell}` : externalRef(baseName(f.county.file), f.county.sheet, f.county.cell)] : [],
    subject: f.subject,
    observed: f.observed,
    expected: f.expected,
    message,
    file: f.file,
  };
  if (f.county) finding.county = f.county;
  return finding;
}
