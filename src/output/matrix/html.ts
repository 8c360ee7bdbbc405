/**
 * The matrix as one self-contained HTML page: no script, no external resource (a CSP of default-src 'none'
 * allows it), every name from a workbook or a file escaped. Cells are coloured by band and link to the findings
 * behind them; the first column stays in view when the table scrolls sideways on a phone.
 */
import type { Lang } from "../../core/words";
import { severityLabel } from "../../core/words";
import type { FindingLink, Matrix } from "../../core/matrix";
import { countyStatus } from "../../core/matrix";
import { locationFields } from "../../core/location";
import type { MatrixTotals } from "./totals";
import { BAND_WORDS, MEASURE_WORDS, absentText, countsText, valueText, w } from "./words";

export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const CSS = `
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.5rem}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:center;white-space:nowrap}
th:first-child,td:first-child{position:sticky;left:0;background:#fff;text-align:left;z-index:1}
thead th{background:#f3f3f3;white-space:normal;min-width:5.5em;max-width:8em}
td a{color:inherit;text-decoration:none;display:block}
td a:hover,td a:focus{text-decoration:underline}
.band-ok{background:#dff3e4}.band-warning{background:#fff1c2}.band-error{background:#f9d0d3}.band-info{background:#dbe9f9}.band-none{background:#eee}
.absent{background:repeating-linear-gradient(45deg,#e4e4e4,#e4e4e4 6px,#f4f4f4 6px,#f4f4f4 12px);color:#444;font-style:italic}
.unreadable{background:#5a5a5a;color:#fff;font-weight:600}
.counts{display:block;font-size:.75rem;color:#333}
.error{color:#a4262c}.warning{color:#8a5a00}.info{color:#005a9e}
ul.findings{padding-left:1.2rem}ul.findings li{margin:.2rem 0}
.legend span{display:inline-block;padding:.1rem .4rem;margin-right:.3rem;border:1px solid #c8c8c8}
.place{font-family:ui-monospace,monospace;font-size:.85rem}
@media (max-width:600px){body{margin:.5rem}th,td{padding:.25rem .3rem;font-size:.8rem}}
`;

function findingItem(l: FindingLink, lang: Lang): string {
  return `<li class="${l.severity}"><span class="place">${escapeHtml(`${l.file} ${l.sheet}!${l.cell}`)}</span> ${escapeHtml(severityLabel(l.severity, lang))}: ${escapeHtml(l.message[lang])} <small>[${escapeHtml(l.rule)}]</small></li>`;
}

export function formatMatrixHtml(m: Matrix, totals: MatrixTotals, lang: Lang): string {
  const out: string[] = [];
  const title = `${w("title", lang)}（${MEASURE_WORDS[m.measure][lang]}）`;
  out.push(`<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8">`);
  out.push(`<meta name="viewport" content="width=device-width,initial-scale=1">`);
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  out.push(`<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>`);
  out.push(`<h1>${escapeHtml(title)}</h1>`);
  out.push(`<p id="totals">${escapeHtml(w("totals", lang, { ...totals }))}</p>`);
  out.push(`<p class="legend">${(["ok", "warning", "error", "none"] as const).map((b) => `<span class="band-${b}">${escapeHtml(BAND_WORDS[b][lang])}</span>`).join("")}<span class="absent">${escapeHtml(w("missing", lang))}</span><span class="unreadable">${escapeHtml(w("unreadable", lang))}</span></p>`);

  // The matrix.
  out.push(`<div class="scroll"><table id="matrix"><thead><tr><th>${escapeHtml(w("county", lang))}</th>`);
  for (const f of m.funds) out.push(`<th scope="col">${escapeHtml(f)}</th>`);
  out.push(`<th scope="col">${escapeHtml(w("other", lang))}</th><th scope="col">${escapeHtml(w("worstFund", lang))}</th></tr></thead><tbody>`);
  m.counties.forEach((c, ci) => {
    out.push(`<tr data-county="${escapeHtml(c.name)}" data-status="${countyStatus(c)}"><th scope="row"><a href="#county-${ci}">${escapeHtml(c.name)}</a></th>`);
    m.funds.forEach((fund, fi) => {
      const cell = c.funds[fund];
      if (!cell) {
        const cls = c.unreadable ? "unreadable" : "absent";
        out.push(`<td class="${cls}" title="${escapeHtml(c.unreadable ?? "")}">${escapeHtml(absentText(m, c, lang))}</td>`);
        return;
      }
      const counts = countsText(cell);
      const label = `${c.name} ${fund} ${valueText(cell.value, m.measure)} ${BAND_WORDS[cell.band][lang]} ${countsText(cell)}`.trim();
      out.push(
        `<td class="band-${cell.status}" data-band="${cell.band}" data-fund="${escapeHtml(fund)}"><a href="#cell-${ci}-${fi}" aria-label="${escapeHtml(label)}">${escapeHtml(valueText(cell.value, m.measure))}` +
          (counts ? `<span class="counts">${escapeHtml(counts)}</span>` : "") +
          `</a></td>`
      );
    });
    const other = countsText(c.other);
    out.push(`<td>${c.unreadable ? escapeHtml(c.unreadable) : other ? `<a href="#county-${ci}">${escapeHtml(other)}</a>` : ""}</td><td>${escapeHtml(c.worst ?? "")}</td></tr>`);
  });
  out.push(`</tbody><tfoot><tr><th scope="row">${escapeHtml(w("worstCounty", lang))}</th>`);
  for (const s of m.fundSummary) out.push(`<td>${escapeHtml(s.worst ?? "—")}${countsText(s) ? `<span class="counts">${escapeHtml(countsText(s))}</span>` : ""}</td>`);
  out.push(`<td></td><td></td></tr></tfoot></table></div>`);

  // Across files.
  out.push(`<h2 id="consistency">${escapeHtml(w("consistency", lang))}</h2>`);
  if (m.consolidations.length === 0) out.push(`<p>${escapeHtml(w("noConsolidation", lang))}</p>`);
  else if (m.consistency.length === 0) out.push(`<p>${escapeHtml(w("noMismatch", lang))}</p>`);
  else {
    out.push(`<ul class="findings">`);
    for (const f of m.consistency) {
      // The message names both places (the consolidation's cell and the county workbook's).
      out.push(`<li class="${f.severity}" data-cell="${escapeHtml(locationFields(f.at).cell)}">${escapeHtml(f.message[lang])} <small>[${escapeHtml(f.rule)}]</small></li>`);
    }
    out.push(`</ul>`);
  }
  if (m.notes.length) {
    out.push(`<h2>${escapeHtml(w("notes", lang))}</h2><ul>`);
    for (const n of m.notes) out.push(`<li>${escapeHtml(n[lang])}</li>`);
    out.push(`</ul>`);
  }
  for (const c of m.consolidations) {
    out.push(`<h2>${escapeHtml(w("consolidation", lang))}: ${escapeHtml(c.file)}</h2><ul class="findings">`);
    for (const l of c.findings) out.push(findingItem(l, lang));
    out.push(`</ul>`);
  }

  // Each county's findings, cell by cell.
  m.counties.forEach((c, ci) => {
    out.push(`<h2 id="county-${ci}">${escapeHtml(c.name)} <small>${escapeHtml(c.files.join(", "))}</small></h2>`);
    if (c.unreadable) out.push(`<p class="unreadable">${escapeHtml(w("unreadable", lang))}: ${escapeHtml(c.unreadable)}</p>`);
    if (c.missing.length) out.push(`<p>${escapeHtml(w("missing", lang))}: ${escapeHtml(c.missing.join("、"))}</p>`);
    m.funds.forEach((fund, fi) => {
      const cell = c.funds[fund];
      if (!cell) return;
      out.push(`<h3 id="cell-${ci}-${fi}">${escapeHtml(fund)} — ${escapeHtml(valueText(cell.value, m.measure))} <small class="place">${escapeHtml(`${cell.file} ${cell.sheet}!${cell.cell}`)}</small></h3>`);
      if (cell.findings.length) out.push(`<ul class="findings">${cell.findings.map((l) => findingItem(l, lang)).join("")}</ul>`);
    });
    if (c.other.findings.length) out.push(`<h3>${escapeHtml(w("other", lang))}</h3><ul class="findings">${c.other.findings.map((l) => findingItem(l, lang)).join("")}</ul>`);
  });
  out.push(`</body></html>\n`);
  return out.join("\n");
}
