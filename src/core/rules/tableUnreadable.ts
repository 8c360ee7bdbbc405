/**
 * table-unreadable: a sheet holds figures but no table could be read — no header names what its columns hold
 * (figures with no header, a continuation page), or the header is ambiguous (金额 | 金额 | 比例). Nothing on it is
 * checked, and the finding says so and why: "no problems" would claim a check that never ran. Info: the figures
 * may be right; the reader could not know. A user can name the columns' roles (the Mapping tab, `--mapping`).
 */
import type { Finding, Message, Severity } from "../findings";
import type { RuleMeta } from "./rule";
import { cellAt } from "../location";

export const tableUnreadable = {
  id: "table-unreadable",
  severity: "info",
  describe: {
    zh: "工作表中有数字，但无法识别表格（没有表头或表头含义不明），未做任何核对",
    en: "The sheet holds figures but no table could be read (no header, or an ambiguous one): nothing on it was checked",
  },
  shows: { observed: "the cells that hold figures, or the header that could not be read", expected: "a header naming each column's role (预算数, 执行数, 完成率 …)" },
} as const satisfies RuleMeta;

const A_HEADER: Message = { zh: "表头说明各列含义（预算数、执行数、完成率等）", en: "a header naming each column (budget, actual, completion rate …)" };

export interface Unreadable {
  /** Where the figures (or the ambiguous header) start. */
  cell: string;
  /** The area of figures, as "B3:D7". */
  area: string;
  /** The header row's labels, when a row above the figures looks like an unreadable header. */
  header?: string[];
}

export function tableUnreadableFinding(sheet: string, u: Unreadable, severity: Severity = tableUnreadable.severity): Finding {
  const header = u.header?.join(" | ");
  const message: Message = header
    ? {
        zh: `无法识别此表：表头「${header}」没有说明各列是预算数、执行数还是比率，${u.area}中的数字未做核对（可在“列映射”中指定各列含义）`,
        en: `Could not read this table: its header "${header}" does not say which column is the budget, the actual or a rate; the figures in ${u.area} were not checked (name the columns' roles in the mapping)`,
      }
    : {
        zh: `无法识别此表：${u.area}中有数字，但没有表头说明各列含义，未做核对（可在“列映射”中指定各列含义）`,
        en: `Could not read this table: ${u.area} holds figures but no header says what each column holds; nothing was checked (name the columns' roles in the mapping)`,
      };
  return {
    rule: tableUnreadable.id,
    severity,
    at: cellAt(sheet, u.cell),
    related: [],
    subject: "",
    observed: header ?? u.area,
    expected: A_HEADER.en,
    expectedText: A_HEADER,
    message,
  };
}
