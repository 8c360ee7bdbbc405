/** The matrix as a plain-text table for a terminal (the default format of --matrix). */
import type { Lang } from "../../core/words";
import type { Matrix } from "../../core/matrix";
import { countyStatus } from "../../core/matrix";
import { locationFields } from "../../core/location";
import type { MatrixTotals } from "./totals";
import { MEASURE_WORDS, absentText, countsText, valueText, w } from "./words";

function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
}

function pad(s: string, n: number): string {
  return s + " ".repeat(Math.max(1, n - width(s)));
}

export function formatMatrixText(m: Matrix, totals: MatrixTotals, lang: Lang): string {
  const lines: string[] = [];
  lines.push(`${w("title", lang)}（${MEASURE_WORDS[m.measure][lang]}）`);
  const header = [w("county", lang), ...m.funds, w("other", lang)];
  const rows: string[][] = m.counties.map((c) => {
    const cells = m.funds.map((f) => {
      const cell = c.funds[f];
      if (!cell) return absentText(m, c, lang);
      const counts = countsText(cell);
      return counts ? `${valueText(cell.value, m.measure)} ${counts}` : valueText(cell.value, m.measure);
    });
    const status = countyStatus(c);
    const other = c.unreadable ? c.unreadable : countsText(c.other);
    return [status === "ok" ? c.name : `${c.name}`, ...cells, other];
  });
  const summary = [w("worstCounty", lang), ...m.fundSummary.map((s) => s.worst ?? "—"), ""];
  const all = [header, ...rows, summary];
  const widths = header.map((_, i) => Math.min(40, Math.max(...all.map((r) => width(r[i] ?? ""))) + 2));
  for (const r of all) lines.push(r.map((x, i) => pad(x, widths[i])).join("").trimEnd());
  lines.push("");
  lines.push(w("consistency", lang));
  if (m.consolidations.length === 0) lines.push(`  ${w("noConsolidation", lang)}`);
  else if (m.consistency.length === 0) lines.push(`  ${w("noMismatch", lang)}`);
  for (const f of m.consistency) {
    const { cell } = locationFields(f.at);
    lines.push(`  ${cell}  ${f.message[lang]}  [${f.rule}]`);
  }
  for (const c of m.consolidations) {
    lines.push("", `${w("consolidation", lang)} ${c.file}：${countsText(c) || "—"}`);
    for (const l of c.findings) lines.push(`  ${l.cell}  ${l.message[lang]}  [${l.rule}]`);
  }
  if (m.notes.length) {
    lines.push("", w("notes", lang));
    for (const n of m.notes) lines.push(`  ${n[lang]}`);
  }
  lines.push("", w("totals", lang, { ...totals }));
  return lines.join("\n") + "\n";
}
