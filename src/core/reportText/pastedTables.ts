/**
 * Tables pasted into report text. A Word table copied as plain text arrives as lines of cells separated by tabs (or
 * by runs of two or more spaces), a header line first. Such a block is read as a sheet with the same detection and
 * rules as a workbook (checkSheet on a grid built from the block), and its findings point at the text's lines
 * ("L12", quoting the line). Blocks where no fund table is detected stay prose.
 */
import { TableReport } from "../api";
import { checkSheet } from "../check";
import { Finding } from "../findings";
import { GridCell, GridSheet, fromA1 } from "../grid";
import { lineAt, lineRef } from "../location";
import { clipText } from "../numbers";
import { MONEY_UNIT_PATTERN } from "../units";
import { Targets } from "../targets";
import { normalizeLine } from "./normalize";
import { buildFundTable } from "../detect/fundTable";
import { detectTables } from "../detect/tables";
import { ACTUAL, BALANCE, BUDGET, INCOME, PRIOR, STATED_CHANGE, STATED_COMPLETION, STATED_GROWTH, TableFigures } from "../figureStore";
import { stated } from "../rules/figureText";
import type { ReportFigure } from "./funds";

/** A line of at least this many cells can be a table row. */
const MIN_CELLS = 3;
/** A quoted line is cut here (a pasted row can be a whole page of text). */
const QUOTE_LIMIT = 200;
const UNIT_LINE = new RegExp(`单位\\s*[:：]\\s*(?:${MONEY_UNIT_PATTERN})`);

export interface PastedTables {
  /** 1-based lines read as tables (the prose reader skips them). */
  lines: Set<number>;
  findings: Finding[];
  tables: TableReport[];
  /** The tables' rows as report figures (JSON `figures`), one per fund row, with the table's year. */
  figures: ReportFigure[];
}

/** The year a caption or heading above line `first` names ("表2  2023年各项社会保险基金支出情况"), nearest first. */
function yearAbove(lines: readonly string[], first: number): number | undefined {
  for (let i = first - 1; i >= 0 && i >= first - 40; i--) {
    const m = /((?:19|20)\d{2})\s*年/.exec(lines[i].length > 400 ? lines[i].slice(0, 400) : lines[i]);
    if (m) return Number(m[1]);
  }
  return undefined;
}

const PASTED_FIELDS = [
  ["budget", BUDGET],
  ["actual", ACTUAL],
  ["prior", PRIOR],
  ["statedCompletion", STATED_COMPLETION],
  ["change", STATED_CHANGE],
  ["statedGrowth", STATED_GROWTH],
  ["income", INCOME],
  ["balance", BALANCE],
] as const;

function cellsOf(line: string): string[] {
  const parts = line.includes("\t") ? line.split("\t") : line.trim().split(/ {2,}|\u3000+/);
  return parts.map((p) => p.trim());
}

const hasFigure = (cells: string[]) => cells.some((c) => /\d/.test(normalizeLine(c)));

/** Blocks of consecutive table-like lines: [first, last] 0-based line indexes, with at least a header and one row. */
function blocks(lines: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  const close = (end: number) => {
    if (start >= 0 && end - start >= 1) out.push([start, end]);
    start = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const separated = line.includes("\t") || line.includes("  ") || line.includes("\u3000");
    const tableLike = separated && line.length < 10_000 && cellsOf(line).filter((c) => c !== "").length >= MIN_CELLS;
    if (tableLike) {
      if (start < 0) start = i;
    } else close(i - 1);
  }
  close(lines.length - 1);
  return out;
}

/** Reads and checks every pasted table of a text. */
export function checkPastedTables(lines: readonly string[], targets: Targets, name: string): PastedTables {
  const result: PastedTables = { lines: new Set(), findings: [], tables: [], figures: [] };
  for (const [first, last] of blocks(lines)) {
    const rows: string[][] = [];
    for (let i = first; i <= last; i++) rows.push(cellsOf(lines[i]));
    if (!rows.slice(1).some(hasFigure)) continue;
    /** Grid row → 0-based text line. */
    const lineOf: number[] = [];
    const cells: (GridCell | undefined)[][] = [];
    // The unit line right above the table ("单位：万元") belongs to it.
    if (first > 0 && UNIT_LINE.test(lines[first - 1])) {
      cells.push([{ value: lines[first - 1].trim() }]);
      lineOf.push(first - 1);
    }
    rows.forEach((row, k) => {
      cells.push(row.map((value) => (value === "" ? undefined : { value })));
      lineOf.push(first + k);
    });
    const sheet: GridSheet = { name, cells, merges: [] };
    const checked = checkSheet(sheet, { targets });
    const fundTables = checked.report.tables.filter((t) => t.kind === "fund");
    if (!fundTables.length) continue;
    for (let i = first; i <= last; i++) result.lines.add(i + 1);
    const toLine = (row: number) => (lineOf[row] ?? first) + 1;
    const year = yearAbove(lines, first);
    const lineOfA1 = (a1: string) => {
      const at = fromA1(a1);
      return at ? lineRef(toLine(at.row)) : a1;
    };
    for (const f of checked.findings) {
      if (f.at.kind !== "cell") continue;
      const at = fromA1(f.at.address);
      if (!at) continue;
      const line = toLine(at.row);
      f.at = lineAt(name, line, clipText(lines[line - 1].trim(), QUOTE_LIMIT));
      f.related = f.related.map(lineOfA1);
      if (year !== undefined && f.period === undefined) f.period = year;
      result.findings.push(f);
    }
    // The rows as figures, as the prose's are: amounts in the table's unit, rates as fractions.
    for (const t of detectTables(sheet).tables) {
      if (t.kind !== "fund") continue;
      const built = buildFundTable(sheet, t);
      const figures = TableFigures.of(built.table.rows);
      built.table.rows.forEach((row, i) => {
        if (row.kind === "component") return;
        const line = toLine(built.rowNumbers[i]);
        const figure: ReportFigure = { subject: row.subject, line, sources: {} };
        if (year !== undefined) figure.year = year;
        for (const [field, role] of PASTED_FIELDS) {
          const read = figures.num(i, role);
          if (!read) continue;
          figure[field] = read.value;
          figure.sources[field] = { line, text: stated(read), quote: clipText(lines[line - 1].trim(), QUOTE_LIMIT) };
        }
        result.figures.push(figure);
      });
    }
    for (const t of fundTables) {
      result.tables.push({ ...t, headerRow: toLine(t.headerRow - 1), firstRow: toLine(t.firstRow - 1), lastRow: toLine(t.lastRow - 1) });
    }
  }
  return result;
}
