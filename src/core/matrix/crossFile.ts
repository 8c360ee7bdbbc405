/**
 * Cross-file consistency (rule cross-file-mismatch): a consolidation's row for a county against the same figure
 * in that county's own workbook — same fund, same measure (预算数, 执行数), same year, the county's amount brought
 * to the consolidation's unit — and the consolidation's 合计 against the sum of the county workbooks. Figures are
 * compared at the coarser of the two precisions written (a 元 figure 29412600 agrees with 2941 万元). Where a
 * comparison cannot be made (the county's workbook unreadable or absent, a unit stated on one side only, another
 * year) nothing is reported as a mismatch and a note says why: a false alarm across files costs more than a
 * missed one.
 */
import Decimal from "decimal.js";
import type { Finding, Message } from "../findings";
import { roundHalfUp } from "../numbers";
import { crossFileFinding, crossFileMismatch } from "../rules/crossFileMismatch";
import { Targets, targetsFor } from "../targets";
import { MONEY_UNITS } from "../units";
import { baseName, isCountyName, matrixFundKey } from "./names";
import { BatchFile, FileSummary, SummaryFigure, SummaryRow, SummaryTable, isConsolidation, isUnreadable } from "./summary";

type FundRows = Map<string, { row: SummaryRow; table: SummaryTable; name: string }>;

const ROLES = [
  ["budget", { zh: "预算数", en: "budget" }],
  ["actual", { zh: "执行数", en: "actual" }],
] as const;

function latest(years: number[] | undefined): number | undefined {
  return years?.length ? Math.max(...years) : undefined;
}

/** An amount in another unit, exactly, with the decimals it is then shown to. undefined: the units cannot be related. */
function converted(f: SummaryFigure, from: string | undefined, to: string | undefined): { value: Decimal; decimals: number } | undefined {
  if (from === to) return { value: new Decimal(f.digits), decimals: f.decimals };
  if (!from || !to || !(from in MONEY_UNITS) || !(to in MONEY_UNITS)) return undefined;
  const shift = Math.round(Math.log10(MONEY_UNITS[from] / MONEY_UNITS[to]));
  return { value: new Decimal(f.digits).times(new Decimal(10).pow(shift)), decimals: Math.max(0, f.decimals - shift) };
}

function shown(value: Decimal, decimals: number): string {
  return roundHalfUp(value, decimals).toFixed(decimals);
}

interface CountySide {
  file: string;
  table: SummaryTable;
  row: SummaryRow;
}

export function crossFileCheck(cons: FileSummary, byCounty: ReadonlyMap<string, readonly BatchFile[]>, rowsByFile: ReadonlyMap<string, FundRows>, targets: Targets): { findings: Finding[]; notes: Message[] } {
  const findings: Finding[] = [];
  const notes: Message[] = [];
  const noted = new Set<string>();
  const note = (key: string, m: Message) => {
    if (!noted.has(key)) {
      noted.add(key);
      notes.push(m);
    }
  };
  const consName = baseName(cons.file);

  /** The county workbook's row for a fund, or undefined (with a note saying why). */
  function countySide(county: string, fund: string): CountySide | undefined {
    const files = byCounty.get(county);
    if (!files || files.length === 0) {
      note(`absent ${county}`, { zh: `${consName}：${county} 的报表不在本批文件中，未核对其数字`, en: `${consName}: no workbook of ${county} in the batch; its figures were not compared` });
      return undefined;
    }
    const key = matrixFundKey(fund);
    for (const f of files) {
      if (isUnreadable(f)) continue;
      const hit = rowsByFile.get(f.file)?.get(key);
      if (hit) return { file: f.file, table: hit.table, row: hit.row };
    }
    if (files.some(isUnreadable)) note(`unreadable ${county}`, { zh: `${consName}：${county} 的报表无法读取，未核对其数字`, en: `${consName}: ${county}'s workbook could not be read; its figures were not compared` });
    else note(`nofund ${county} ${key}`, { zh: `${consName}：${county} 的报表没有 ${fund} 一行，未核对`, en: `${consName}: ${county}'s workbook has no ${fund} row; not compared` });
    return undefined;
  }

  for (const table of cons.tables.filter(isConsolidation)) {
    const consYear = latest(table.years);
    const mismatched = new Set<string>();
    /** County → the 合计 cells not compared because its figure could not be had. */
    const skippedTotals = new Map<string, string[]>();
    /** The county's figure in the consolidation's unit, or undefined with a note. */
    const countyFigure = (county: string, fund: string, role: "budget" | "actual"): { side: CountySide; f: SummaryFigure; value: Decimal; decimals: number } | undefined => {
      const side = countySide(county, fund);
      if (!side) return undefined;
      const f = side.row.figures[role];
      if (!f) return undefined;
      const year = side.row.period ?? latest(side.table.years);
      if (consYear !== undefined && year !== undefined && year !== consYear) {
        note(`year ${county}`, { zh: `${consName}：${county} 的报表是 ${year} 年的，汇总表是 ${consYear} 年的，未核对`, en: `${consName}: ${county}'s workbook is of ${year}, the consolidation of ${consYear}; not compared` });
        return undefined;
      }
      const c = converted(f, side.table.unit, table.unit);
      if (!c) {
        note(`unit ${county}`, { zh: `${consName}：${county} 的报表与汇总表的金额单位无法对应（${side.table.unit ?? "未注明"} / ${table.unit ?? "未注明"}），未核对`, en: `${consName}: the units of ${county}'s workbook and the consolidation cannot be related (${side.table.unit ?? "not stated"} / ${table.unit ?? "not stated"}); not compared` });
        return undefined;
      }
      return { side, f, ...c };
    };

    for (const row of table.rows) {
      if (row.kind !== "item" || !row.group || !isCountyName(row.subject)) continue;
      const severity = targetsFor(targets, row.group).severity?.[crossFileMismatch.id] ?? targets.severity?.[crossFileMismatch.id];
      if (severity === "off") continue;
      for (const [role, word] of ROLES) {
        const mine = row.figures[role];
        if (!mine) continue;
        const theirs = countyFigure(row.subject, row.group, role);
        if (!theirs) continue;
        const places = Math.min(mine.decimals, theirs.decimals);
        if (roundHalfUp(new Decimal(mine.digits), places).eq(roundHalfUp(theirs.value, places))) continue;
        mismatched.add(`${row.group}|${role}`);
        const unitChanged = theirs.side.table.unit !== table.unit;
        findings.push(
          crossFileFinding({
            file: cons.file,
            sheet: table.sheet,
            cell: mine.ref,
            subject: `${row.subject} ${row.group} ${word.zh}`,
            observed: shown(new Decimal(mine.digits), mine.decimals),
            expected: shown(theirs.value, mine.decimals),
            countyWritten: theirs.f.written ?? (unitChanged ? `${shown(new Decimal(theirs.f.digits), theirs.f.decimals)}${theirs.side.table.unit}` : undefined),
            county: { file: theirs.side.file, sheet: theirs.side.table.sheet, cell: theirs.f.ref },
            ...(severity ? { severity } : {}),
          })
        );
      }
    }

    // 合计 rows against the sum of the county workbooks: only when every county of the table can be compared.
    for (const total of table.rows) {
      if (total.kind !== "total" || !total.group) continue;
      const severity = targetsFor(targets, total.group).severity?.[crossFileMismatch.id] ?? targets.severity?.[crossFileMismatch.id];
      if (severity === "off") continue;
      const countyRows = table.rows.filter((r) => r.kind === "item" && r.group === total.group && isCountyName(r.subject));
      for (const [role, word] of ROLES) {
        const mine = total.figures[role];
        if (!mine || countyRows.length === 0) continue;
        if (mismatched.has(`${total.group}|${role}`)) continue; // the difference is a county's mismatch, already reported
        let sum = new Decimal(0);
        let decimals = mine.decimals;
        const missing: string[] = [];
        const summed: string[] = [];
        for (const r of countyRows) {
          if (!r.figures[role]) continue; // the consolidation has no figure for it either
          const theirs = countyFigure(r.subject, total.group, role);
          if (!theirs) {
            missing.push(r.subject);
            continue;
          }
          sum = sum.plus(theirs.value);
          decimals = Math.min(decimals, theirs.decimals);
          summed.push(r.subject);
        }
        if (missing.length) {
          for (const c of missing) skippedTotals.set(c, [...(skippedTotals.get(c) ?? []), mine.ref]);
          continue;
        }
        if (roundHalfUp(new Decimal(mine.digits), decimals).eq(roundHalfUp(sum, decimals))) continue;
        findings.push(
          crossFileFinding({
            file: cons.file,
            sheet: table.sheet,
            cell: mine.ref,
            subject: `${total.subject} ${total.group} ${word.zh}`,
            observed: shown(new Decimal(mine.digits), mine.decimals),
            expected: shown(sum, mine.decimals),
            summed,
            ...(severity ? { severity } : {}),
          })
        );
      }
    }
    if (skippedTotals.size) {
      const cells = [...new Set([...skippedTotals.values()].flat())];
      const who = [...skippedTotals.keys()];
      notes.push({
        zh: `${consName} ${table.sheet}：合计（${cells.join("、")}）未与各县报表之和核对，因为 ${who.join("、")} 的数字无法取得`,
        en: `${consName} ${table.sheet}: the 合计 (${cells.join(", ")}) was not compared with the county workbooks' sum: no figure from ${who.join(", ")}`,
      });
    }
  }
  return { findings, notes };
}
