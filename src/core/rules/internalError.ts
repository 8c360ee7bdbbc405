/**
 * internal-error: a rule threw (a bug in fund-check, never the user's fault). The runners catch it, go on with
 * the other rules and rows, and report it under this id — never under another rule's — so a user sees "rule X
 * failed on this table" instead of silence. One finding per rule and table, at the first row it failed on.
 */
import type { Finding, Message, Severity } from "../findings";
import type { Location } from "../location";
import type { RuleMeta } from "./rule";

export const internalError = {
  id: "internal-error",
  severity: "warning",
  describe: {
    zh: "某条规则在此表运行出错（fund-check 的程序错误），相关行未按该规则检查；请连同文件报告",
    en: "A rule failed on this table (a bug in fund-check); the rows it failed on were not checked by it. Please report it with the file",
  },
  shows: { observed: "the error the rule threw", expected: "the rule runs" },
} as const satisfies RuleMeta;

const NO_ERROR: Message = { zh: "正常运行", en: "the rule runs" };

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 120 ? text.slice(0, 120) + "…" : text;
}

export interface Failure {
  /** The rule id, or the step that failed ("table structure"). */
  rule: string;
  error: unknown;
  /** How many rows it failed on (0: the table as a whole). */
  rows: number;
}

/** The finding for a rule that failed on a table; `severity` is the effective one (targets may change it). */
export function internalErrorFinding(failure: Failure, where: { at: Location; subject: string }, severity: Severity = internalError.severity): Finding {
  const rows = failure.rows > 1 ? { zh: `（${failure.rows} 行）`, en: ` (${failure.rows} rows)` } : { zh: "", en: "" };
  const what = errorText(failure.error);
  return {
    rule: internalError.id,
    severity,
    at: where.at,
    related: [],
    subject: where.subject,
    observed: what,
    expected: NO_ERROR.en,
    message: {
      zh: `规则 ${failure.rule} 在此表运行出错${rows.zh}，出错处未按该规则检查。这是 fund-check 的程序错误，请连同文件报告：${what}`,
      en: `The rule ${failure.rule} failed on this table${rows.en}; where it failed, nothing was checked by it. This is a bug in fund-check: please report it with the file: ${what}`,
    },
    expectedText: NO_ERROR,
  };
}
