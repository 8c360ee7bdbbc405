/**
 * The matrix as an .xlsx workbook, written with ExcelJS (loaded only for --format xlsx):
 * - 矩阵 / Matrix: counties × funds, each cell the measure as a number (0.0% or 0.0 months) coloured by band with
 *   conditional formatting (the targets' bands, so a reviewer who edits a figure sees the colour follow), the
 *   findings behind it in the cell's note, unreadable and missing cells in words; a last row with each fund's
 *   worst county; the county's name links to its first finding.
 * - 全部问题 / Findings: every finding of every file (consolidation and cross-file ones included) with file,
 *   sheet and cell, filterable.
 * - 预算与执行 / Budget vs actual: each fund's budget and actual summed over the counties (万元), drawn as a bar
 *   chart made of conditional-format data bars on one common scale. ExcelJS cannot write charts, and a chart part
 *   written by hand is DrawingML that Excel refuses silently when one attribute is off; data bars are native
 *   Excel, print and survive every round trip (LibreOffice, WPS, Excel on the web).
 */
import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import type { Lang } from "../../core/words";
import { severityLabel } from "../../core/words";
import type { FindingLink, Matrix } from "../../core/matrix";
import { locationFields } from "../../core/location";
import { DEFAULT_TARGETS, Targets } from "../../core/targets";
import { MONEY_UNITS } from "../../core/units";
import type { MatrixTotals } from "./totals";
import { BAND_WORDS, MEASURE_WORDS, absentText, countsText, w } from "./words";

const FILL = { ok: "FFDFF3E4", warning: "FFFFF1C2", error: "FFF9D0D3", info: "FFDBE9F9", none: "FFEEEEEE", absent: "FFE4E4E4", unreadable: "FF5A5A5A" };

const SHEETS = {
  matrix: { zh: "矩阵", en: "Matrix" },
  findings: { zh: "全部问题", en: "Findings" },
  chart: { zh: "预算与执行", en: "Budget vs actual" },
} as const;

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

/** A number in 万元, from an amount in a money unit; undefined when the unit is not one. */
function inWan(v: number | null, unit: string | undefined): number | undefined {
  if (v === null) return undefined;
  const u = unit ?? "万元";
  if (!(u in MONEY_UNITS)) return undefined;
  return new Decimal(v).times(MONEY_UNITS[u]).div(MONEY_UNITS["万元"]).toNumber();
}

export async function matrixXlsx(m: Matrix, totals: MatrixTotals, lang: Lang, targets: Targets = DEFAULT_TARGETS): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "fund-check";

  // Every finding, in the order of the findings sheet (its row = index + 2), so the matrix can link to them.
  const list: { key: string; l: FindingLink }[] = [];
  const firstRowOf = new Map<string, number>();
  const add = (key: string, l: FindingLink) => {
    if (!firstRowOf.has(key)) firstRowOf.set(key, list.length + 2);
    list.push({ key, l });
  };
  for (const f of m.consistency) {
    const { sheet, cell } = locationFields(f.at);
    add("consistency", { file: (f as { file?: string }).file ?? "", sheet, cell, rule: f.rule, severity: f.severity, subject: f.subject, message: f.message });
  }
  for (const c of m.consolidations) for (const l of c.findings) add(`cons:${c.file}`, l);
  for (const c of m.counties) {
    if (c.unreadable) add(`county:${c.name}`, { file: c.files.join("; "), sheet: "", cell: "", rule: "unreadable", severity: "error", subject: c.name, message: { zh: `${w("unreadable", "zh")}：${c.unreadable}`, en: `${w("unreadable", "en")}: ${c.unreadable}` } });
    for (const fund of m.funds) for (const l of c.funds[fund]?.findings ?? []) add(`county:${c.name}`, l);
    for (const l of c.other.findings) add(`county:${c.name}`, l);
  }

  // ---- the matrix ----
  const ms = wb.addWorksheet(SHEETS.matrix[lang], { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  const fs = wb.addWorksheet(SHEETS.findings[lang], { views: [{ state: "frozen", ySplit: 1 }] });
  const cs = wb.addWorksheet(SHEETS.chart[lang]);
  ms.getCell("A1").value = `${w("title", lang)}（${MEASURE_WORDS[m.measure][lang]}）— ${w("totals", lang, { ...totals })}`;
  ms.getCell("A1").font = { bold: true };
  const header = ms.getRow(2);
  header.values = [w("county", lang), ...m.funds, w("other", lang), w("worstFund", lang)];
  header.font = { bold: true };
  ms.getColumn(1).width = 14;
  m.funds.forEach((_, i) => (ms.getColumn(i + 2).width = 14));
  ms.getColumn(m.funds.length + 2).width = 12;
  ms.getColumn(m.funds.length + 3).width = 16;
  const numFmt = m.measure === "payable-months" ? "0.0" : "0.0%";
  m.counties.forEach((c, ci) => {
    const row = ms.getRow(3 + ci);
    const link = firstRowOf.get(`county:${c.name}`);
    row.getCell(1).value = link ? { text: c.name, hyperlink: `#'${SHEETS.findings[lang]}'!A${link}` } : c.name;
    m.funds.forEach((fund, fi) => {
      const cell = row.getCell(2 + fi);
      const mc = c.funds[fund];
      if (!mc) {
        cell.value = absentText(m, c, lang);
        cell.fill = fill(c.unreadable ? FILL.unreadable : FILL.absent);
        if (c.unreadable) cell.font = { color: { argb: "FFFFFFFF" }, bold: true };
        return;
      }
      cell.value = mc.value ?? "—"; // no figure: a dash, never 0
      cell.numFmt = numFmt;
      const counts = countsText(mc);
      const lines = [`${BAND_WORDS[mc.band][lang]} · ${mc.file} ${mc.sheet}!${mc.cell}`, ...mc.findings.map((l) => `${l.sheet}!${l.cell} ${l.message[lang]}`)];
      if (counts || mc.band !== "ok") cell.note = lines.join("\n");
      if (mc.value === null) cell.fill = fill(FILL.none);
      // Findings behind a figure in band: the figure in red (errors) or amber (warnings), bold — never a plain pass.
      if (mc.errors) cell.font = { bold: true, color: { argb: "FFA4262C" } };
      else if (mc.warnings) cell.font = { bold: true, color: { argb: "FF8A5A00" } };
    });
    row.getCell(m.funds.length + 2).value = c.unreadable ? c.unreadable : countsText(c.other) || null;
    row.getCell(m.funds.length + 3).value = c.worst ?? null;
  });
  const summaryRow = ms.getRow(3 + m.counties.length);
  summaryRow.values = [w("worstCounty", lang), ...m.fundSummary.map((s) => s.worst ?? "—")];
  summaryRow.font = { italic: true };
  if (m.counties.length && m.funds.length) {
    const last = String.fromCharCode(65 + m.funds.length); // funds are few (≤ 25): B… one letter
    const ref = `B3:${last}${2 + m.counties.length}`;
    const t = targets;
    const rules: ExcelJS.ConditionalFormattingRule[] = [];
    const style = (argb: string) => ({ fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb } } });
    if (m.measure === "completion") {
      const b = t.completionBand;
      rules.push({ type: "cellIs", operator: "between", formulae: [String(b.okLow), String(b.okHigh)], style: style(FILL.ok), priority: 1 });
      rules.push({ type: "cellIs", operator: "between", formulae: [String(b.warningLow), String(b.warningHigh)], style: style(FILL.warning), priority: 2 });
      rules.push({ type: "expression", formulae: [`AND(ISNUMBER(B3),OR(B3<${b.warningLow},B3>${b.warningHigh}))`], style: style(FILL.error), priority: 3 });
    } else if (m.measure === "growth") {
      const b = t.growthBand;
      rules.push({ type: "cellIs", operator: "between", formulae: [String(b.low), String(b.high)], style: style(FILL.ok), priority: 1 });
      rules.push({ type: "expression", formulae: [`AND(ISNUMBER(B3),OR(B3<${b.low},B3>${b.high}))`], style: style(FILL.warning), priority: 2 });
    } else {
      const b = t.payableMonths;
      rules.push({ type: "cellIs", operator: "between", formulae: [String(b.warningBelow), String(b.infoAbove)], style: style(FILL.ok), priority: 1 });
      rules.push({ type: "cellIs", operator: "lessThan", formulae: [String(b.warningBelow)], style: style(FILL.warning), priority: 2 });
      rules.push({ type: "cellIs", operator: "greaterThan", formulae: [String(b.infoAbove)], style: style(FILL.info), priority: 3 });
    }
    ms.addConditionalFormatting({ ref, rules });
  }

  // ---- all findings ----
  fs.columns = [
    { header: w("file", lang), width: 28 },
    { header: w("sheet", lang), width: 14 },
    { header: w("cell", lang), width: 8 },
    { header: w("severity", lang), width: 8 },
    { header: w("rule", lang), width: 22 },
    { header: w("subject", lang), width: 26 },
    { header: w("message", lang), width: 90 },
  ];
  fs.getRow(1).font = { bold: true };
  for (const { l } of list) {
    const row = fs.addRow([l.file, l.sheet, l.cell, severityLabel(l.severity, lang), l.rule, l.subject, l.message[lang]]);
    row.getCell(4).fill = fill(l.severity === "error" ? FILL.error : l.severity === "warning" ? FILL.warning : FILL.info);
  }
  fs.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, fs.rowCount), column: 7 } };

  // ---- budget vs actual, as data bars on one scale ----
  cs.getCell("A1").value = w("chart", lang);
  cs.getCell("A1").font = { bold: true };
  cs.getRow(2).values = [w("fund", lang), w("budget", lang), "", w("actual", lang), ""];
  cs.getRow(2).font = { bold: true };
  cs.columns = [{ width: 26 }, { width: 12 }, { width: 40 }, { width: 12 }, { width: 40 }];
  let max = 0;
  m.funds.forEach((fund, i) => {
    let budget = 0;
    let actual = 0;
    for (const c of m.counties) {
      const mc = c.funds[fund];
      budget += inWan(mc?.budget ?? null, mc?.unit) ?? 0;
      actual += inWan(mc?.actual ?? null, mc?.unit) ?? 0;
    }
    budget = Math.round(budget * 100) / 100;
    actual = Math.round(actual * 100) / 100;
    max = Math.max(max, budget, actual);
    // The bar columns hold the same amount as the figure beside them (a formula), shown as a bar only.
    cs.getRow(3 + i).values = [fund, budget, { formula: `B${3 + i}`, result: budget }, actual, { formula: `D${3 + i}`, result: actual }];
    for (const k of [2, 3, 4, 5]) cs.getRow(3 + i).getCell(k).numFmt = k === 3 || k === 5 ? ";;;" : "#,##0.00";
  });
  if (m.funds.length) {
    const last = 2 + m.funds.length;
    const bar = (col: string, argb: string): ExcelJS.ConditionalFormattingRule =>
      ({ type: "dataBar", priority: 1, minLength: 0, maxLength: 100, gradient: false, border: false, cfvo: [{ type: "num", value: 0 }, { type: "num", value: max || 1 }], color: { argb } }) as unknown as ExcelJS.ConditionalFormattingRule;
    cs.addConditionalFormatting({ ref: `C3:C${last}`, rules: [bar("C", "FF8FAADC")] });
    cs.addConditionalFormatting({ ref: `E3:E${last}`, rules: [bar("E", "FFF4B183")] });
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
