/**
 * Table detection (README, “Layouts it reads”): finds header rows by their labels, joins two- and three-row headers (merged
 * "2019年" over "预算数 | 执行数"), reads the unit line, and splits a sheet into tables at blank rows and at
 * new header rows. Knows nothing of the rules: it says where tables are and what each column holds.
 */
import { CellRange, CellValue, GridSheet, SheetCells, isCellError, sheetCells } from "../grid";
import { FundRole, IndicatorRole, Role, isFigureRole, isIndicatorRole } from "../model";
import { readNumber, readNumberText } from "../numbers";
import { foldLabel, readLabel, readUnitLine } from "./labels";
import { TransposedCells } from "./transposed";

export interface DetectedColumn {
  col: number;
  role: Role;
  /** The header text, rows joined with " / ". */
  label: string;
  /** A unit named in the header ("执行数（万元）"). */
  unit?: string;
  /** The header marks the column as percent ("完成率(%)"); its plain numbers are then percent points. */
  percentHeader: boolean;
}

/** A group of a table's columns checked as a table of its own: one year of a multi-year header, or one fund. */
export interface ColumnGroup {
  /** The group's label as the header writes it ("2022年", "工伤保险"). */
  label: string;
  /** A year group's year. */
  year?: number;
  /** A fund group's fund: joins each row's subject ("且末县 工伤保险"). */
  fund?: string;
  /** The subject column, the group's own columns and, for a year, the year before's actual as its prior. */
  columns: DetectedColumn[];
}

export interface DetectedTable {
  kind: "fund" | "indicator";
  /** Column groups (years or funds), each checked on its own; absent for a table of one group. */
  groups?: ColumnGroup[];
  /** "rows": one fund per row (roles in columns); "columns": funds across, items down (a transposed table). */
  orientation?: "rows" | "columns";
  /** Years the header names, else the year of the title above it ("若羌县2019年…"), ascending. */
  years?: number[];
  /** The view the table is read through when it is not the sheet itself (a transposed table). */
  cells?: SheetCells;
  /** 0-based header rows (top..bottom); for a table continued after a blank row, its original header. */
  headerTop: number;
  headerBottom: number;
  /** 0-based data rows, inclusive; firstRow > lastRow when the header has no data under it. */
  firstRow: number;
  lastRow: number;
  columns: DetectedColumn[];
  unit?: string;
  /** Where the unit was read (A1-free: 0-based row/col), for unit-mismatch findings. */
  unitAt?: { row: number; col: number };
}

export interface DetectedSheet {
  kind: "fund" | "indicator" | "notes" | "empty";
  tables: DetectedTable[];
  /** The sheet holds figures but no table could be read: where, and the header that could not be (table-unreadable). */
  unreadable?: { row: number; col: number; lastRow: number; lastCol: number; header?: string[]; cell: { row: number; col: number } };
}


/** Cell text as a label: strings as they are, integer years as text; other values are not labels. */
function labelText(value: CellValue): string | undefined {
  if (typeof value === "string") {
    const t = value.trim();
    return t === "" ? undefined : t;
  }
  if (typeof value === "number" && Number.isInteger(value) && value >= 1990 && value <= 2100) return String(value);
  return undefined;
}

function isBlankValue(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Sheet access with merges resolved for header reading. */
class SheetView {
  readonly rowCount: number;
  private mergesByRow = new Map<number, CellRange[]>();

  constructor(readonly cells: SheetCells) {
    this.rowCount = cells.rowCount;
    for (const m of cells.merges) {
      // Header merges are small; a huge merge is indexed only over its first rows (enough for labels).
      const bottom = Math.min(m.bottom, m.top + 50);
      for (let r = m.top; r <= bottom; r++) {
        let list = this.mergesByRow.get(r);
        if (!list) this.mergesByRow.set(r, (list = []));
        list.push(m);
      }
    }
  }

  /** No cell of row r lies at or after this column. */
  rowLength(r: number): number {
    return this.cells.rowLength(r);
  }

  value(r: number, c: number): CellValue {
    return this.cells.value(r, c);
  }

  mergeAt(r: number, c: number): CellRange | undefined {
    const list = this.mergesByRow.get(r);
    if (!list) return undefined;
    for (const m of list) if (c >= m.left && c <= m.right) return m;
    return undefined;
  }

  /** The label shown at (r, c): its own text, or the text of the merged area covering it. */
  labelAt(r: number, c: number): string | undefined {
    const own = labelText(this.value(r, c));
    if (own !== undefined) return own;
    const m = this.mergeAt(r, c);
    if (m && (m.top !== r || m.left !== c)) return labelText(this.value(m.top, m.left));
    return undefined;
  }

  isBlank(r: number): boolean {
    const cells = this.cells;
    const n = cells.rowLength(r);
    for (let c = 0; c < n; c++) if (!isBlankValue(cells.value(r, c))) return false;
    return true;
  }

  /** Right-most column with anything in it on row r (−1 when none). */
  lastCol(r: number): number {
    const cells = this.cells;
    for (let c = cells.rowLength(r) - 1; c >= 0; c--) if (!isBlankValue(cells.value(r, c))) return c;
    return -1;
  }

  width(r: number): number {
    let w = this.lastCol(r);
    const list = this.mergesByRow.get(r);
    if (list) for (const m of list) w = Math.max(w, m.right);
    return w;
  }
}

/** A number that is data rather than a label (years in header rows are labels). */
function isDataNumber(value: CellValue): boolean {
  return typeof value === "number" && !(Number.isInteger(value) && value >= 1990 && value <= 2100);
}

interface RowLabels {
  /** Columns whose label (merges resolved) names a role. */
  roleCount: number;
  figureRoles: number;
  indicatorRoles: number;
  hasYearOrPeriod: boolean;
  /** Labels that are a year and nothing else ("2016年", 2017): columns of figures by year. */
  yearLabels: number;
  ownCells: number;
  hasDataNumber: boolean;
  /** Label areas (a merged area counts once), those merged across four or more columns, and sentences (，。；). */
  areas: number;
  wideAreas: number;
  sentences: number;
}

/** `startingHere`: count only labels of this row's own cells and of merges that start on it. */
function scanRow(view: SheetView, r: number, startingHere = false): RowLabels {
  const out: RowLabels = { roleCount: 0, figureRoles: 0, indicatorRoles: 0, hasYearOrPeriod: false, yearLabels: 0, ownCells: 0, hasDataNumber: false, areas: 0, wideAreas: 0, sentences: 0 };
  const width = view.width(r);
  for (let c = 0; c <= width; c++) {
    const value = view.value(r, c);
    if (!isBlankValue(value)) {
      out.ownCells++;
      if (isDataNumber(value) || isCellError(value)) out.hasDataNumber = true;
    }
    // A merged area is one label, counted once (a title merged across the table is not six headers).
    const m = view.mergeAt(r, c);
    if (m && m.left !== c) continue;
    if (startingHere && m && m.top !== r) continue;
    const label = view.labelAt(r, c);
    if (label === undefined) continue;
    out.areas++;
    if (m && m.right - m.left >= 3) out.wideAreas++;
    if (/[，。；]/.test(label)) out.sentences++;
    // Header labels are short; a long line is a title or a note even when it names 支出 or 预算.
    if (label.length > 24) continue;
    const info = readLabel(label);
    if (info.year !== undefined || info.period) out.hasYearOrPeriod = true;
    if (info.year !== undefined && !info.role && (!m || m.right === m.left)) out.yearLabels++;
    if (info.role) {
      out.roleCount++;
      if (isFigureRole(info.role)) out.figureRoles++;
      if (isIndicatorRole(info.role)) out.indicatorRoles++;
    }
  }
  return out;
}

/** Fast pre-check: a row holding a figure typed as a number is data, never a header. */
function mayBeHeader(view: SheetView, r: number): boolean {
  const n = view.rowLength(r);
  let strings = 0;
  for (let c = 0; c < n; c++) {
    const value = view.value(r, c);
    if (isDataNumber(value)) return false;
    if (typeof value === "string") strings++;
  }
  return strings >= 1;
}

function isHeaderRow(view: SheetView, r: number): boolean {
  if (!mayBeHeader(view, r)) return false;
  // Labels merged down from rows above do not make a header (项目资金（万元） beside 上年结转资金 in the 执行率 block).
  const s = scanRow(view, r, true);
  if (s.hasDataNumber) return false;
  // A form field, "项目名称 | 城乡居民基本养老保险基金支出" merged across the form, is a label and its value.
  if (s.areas <= 2 && s.wideAreas >= 1) return false;
  if (s.roleCount >= 2 && (s.figureRoles >= 1 || s.indicatorRoles >= 2)) return true;
  // 项目 | 2016年 | 2017年: items as rows, one column of figures per year (the latest is this year's).
  return s.roleCount >= 1 && s.figureRoles === 0 && s.indicatorRoles === 0 && s.yearLabels >= 2;
}

/** A row of column-group labels above a header ("2019年" merged over two columns, "上年"). */
function isGroupRow(view: SheetView, r: number): boolean {
  if (r < 0 || view.isBlank(r)) return false;
  // A label merged down from above (项目资金（万元） beside the block's last row) does not make a row a group row.
  const s = scanRow(view, r, true);
  if (s.hasDataNumber || s.sentences > 0) return false; // a sentence is text under a header, not a group label
  const n = view.rowLength(r);
  for (let c = 0; c < n; c++) {
    const value = view.value(r, c);
    if (typeof value === "string" && readUnitLine(value)) return false;
  }
  // A title ("2019年社会保险基金支出绩效自评表") is one long label, often merged across the table: not a group.
  if (s.ownCells === 1) {
    let c = 0;
    while (c < n && isBlankValue(view.value(r, c))) c++;
    if (c === n) c = -1;
    const text = c >= 0 ? labelText(view.value(r, c)) ?? "" : "";
    const m = c >= 0 ? view.mergeAt(r, c) : undefined;
    if (text.length > 8 || (m && m.right - m.left + 1 >= 4)) return false;
  }
  if (s.hasYearOrPeriod) return true;
  if (s.ownCells >= 2 && s.roleCount >= 1) return true;
  // Short labels merged across two or more columns each, side by side, each over a role label in every column it
  // spans: funds over 预算数 | 执行数 (a consolidation).
  let spans = 0;
  for (let c = 0; c < n; c++) {
    const m = view.mergeAt(r, c);
    if (!m || m.left !== c || m.top !== r || m.bottom !== r || m.right === m.left) continue;
    const label = labelText(view.value(r, c));
    if (label === undefined || label.length > 24) continue;
    let under = 0;
    for (let k = m.left; k <= m.right; k++) {
      const below = labelText(view.value(r + 1, k));
      if (below !== undefined && readLabel(below).role) under++;
    }
    if (under === m.right - m.left + 1) spans++;
  }
  return spans >= 2;
}

/** A row under a header that continues it ("预算数 | 执行数" under a merged "2019年"). */
function isContinuationRow(view: SheetView, r: number, top: number): boolean {
  if (r >= view.rowCount || view.isBlank(r) || !mayBeHeader(view, r)) return false;
  const s = scanRow(view, r);
  if (s.hasDataNumber) return false;
  const n = view.rowLength(r);
  // At least one own label naming a role or a year, in a column whose header above has a merge or no role.
  for (let c = 0; c < n; c++) {
    const own = labelText(view.value(r, c));
    // Header labels are short words (as in scanRow): a sentence under a header is data even when it names 结余.
    if (own === undefined || own.length > 24 || /[，。；]/.test(own)) continue;
    const info = readLabel(own);
    if (!info.role && info.year === undefined && !info.period) continue;
    const above = view.labelAt(top, c);
    const m = view.mergeAt(top, c);
    if (above === undefined || (m && m.right > m.left) || !readLabel(above).role || readLabel(above).year !== undefined) return true;
  }
  return false;
}

interface HeaderBlock {
  top: number;
  bottom: number;
}

function headerBlock(view: SheetView, r: number, minTop: number): HeaderBlock {
  let top = r;
  let bottom = r;
  if (r - 1 >= minTop && isGroupRow(view, r - 1)) top = r - 1;
  while (bottom - top < 2 && isContinuationRow(view, bottom + 1, bottom)) bottom++;
  return { top, bottom };
}

function columnsOf(view: SheetView, block: HeaderBlock): { columns: DetectedColumn[]; groups?: ColumnGroup[]; years: number[] } {
  let width = -1;
  for (let r = block.top; r <= block.bottom; r++) width = Math.max(width, view.width(r));
  const raws: RawColumn[] = [];
  for (let c = 0; c <= width; c++) {
    const raw: RawColumn = { col: c, labels: [], percent: false };
    for (let r = block.top; r <= block.bottom; r++) {
      const label = view.labelAt(r, c);
      if (label === undefined || raw.labels[raw.labels.length - 1] === label) continue;
      raw.labels.push(label);
      const info = readLabel(label);
      if (info.role) raw.role = info.role; // the lowest label that names a role wins
      if (info.year !== undefined) raw.year = info.year;
      if (info.period) raw.period = info.period;
      if (info.unit) raw.unit = info.unit;
      if (info.percent) raw.percent = true;
    }
    if (raw.labels.length) raws.push(raw);
  }
  const groups = columnGroups(view, block, raws);
  // Year groups: the latest year is this year; an earlier year's actual is the prior year.
  const years = raws.map((r) => r.year).filter((y): y is number => y !== undefined);
  const current = years.length ? Math.max(...years) : undefined;
  const hasYears = new Set(years).size > 1;
  for (const raw of raws) {
    const older = raw.period === "prior" || (hasYears && raw.year !== undefined && current !== undefined && raw.year < current);
    if (older && raw.role && raw.role !== "prior") {
      // Last year's spending is the prior figure; last year's budget, rate etc. are not checked.
      raw.role = raw.role === "actual" ? "prior" : undefined;
    }
  }
  // A column labelled only by a year: the latest is the actual, an earlier one the prior year.
  if (hasYears) {
    const has = (role: Role) => raws.some((r) => r.role === role);
    for (const raw of raws) {
      if (raw.role || raw.year === undefined) continue;
      if (raw.year === current && !has("actual")) raw.role = "actual";
      else if (raw.year !== current && !has("prior")) raw.role = "prior";
    }
  }
  const seen = new Set<Role>();
  const out: DetectedColumn[] = [];
  for (const raw of raws) {
    if (!raw.role) continue;
    const label = raw.labels.join(" / ");
    if (seen.has(raw.role)) {
      // A role named twice: the left-most keeps it, unless the later label is the more specific one
      // (全年预算数 over 年初预算数; 三级指标 over a 绩效指标 section label).
      const k = out.findIndex((o) => o.role === raw.role);
      if (k < 0 || labelRank(raw.role, label) <= labelRank(raw.role, out[k].label)) continue;
      out.splice(k, 1);
    }
    seen.add(raw.role);
    out.push({ col: raw.col, role: raw.role, label, unit: raw.unit, percentHeader: raw.percent });
  }
  // No subject column named: the left-most unnamed column left of the figures holds the names.
  if (!seen.has("subject") && !seen.has("indicator")) {
    const firstFigure = Math.min(...out.map((c) => c.col));
    for (let c = 0; c < firstFigure; c++) {
      if (!out.some((o) => o.col === c)) {
        const raw = raws.find((r) => r.col === c);
        out.push({ col: c, role: "subject", label: raw ? raw.labels.join(" / ") : "", percentHeader: false });
        break;
      }
    }
  }
  out.sort((a, b) => a.col - b.col);
  if (groups) {
    // Every group reads the table's subject column (the rows are the same).
    const subject = out.find((c) => c.role === "subject");
    for (const g of groups) if (subject && !g.columns.some((c) => c.col === subject.col)) g.columns.unshift(subject);
  }
  const headerYears = [...new Set(raws.map((r) => r.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
  return { columns: out, groups, years: headerYears };
}

interface RawColumn {
  col: number;
  labels: string[];
  role?: Role;
  year?: number;
  period?: "current" | "prior";
  unit?: string;
  percent: boolean;
}

const asColumn = (raw: RawColumn, role: Role): DetectedColumn => ({ col: raw.col, role, label: raw.labels.join(" / "), unit: raw.unit, percentHeader: raw.percent });

/**
 * Column groups of a header: years (2021年 | 2022年 | 2023年 merged over 预算数 | 执行数 | 完成率) or funds (企业职工 |
 * 城乡居民 merged over 预算数 | 执行数, a consolidation). Each group is checked as a table of its own. Year groups:
 * at least two years, each naming two or more figure columns; a year's prior is the actual of the year before
 * when the table has that year; columns with no year join the latest year. Fund groups: labels merged across two
 * or more columns on the header's top row, naming no role and no year, over roles of their own.
 */
function columnGroups(view: SheetView, block: HeaderBlock, raws: RawColumn[]): ColumnGroup[] | undefined {
  const figureRaws = raws.filter((r) => r.role !== undefined && isFigureRole(r.role));
  const byYear = new Map<number, RawColumn[]>();
  for (const r of figureRaws) if (r.year !== undefined && r.period !== "prior") (byYear.get(r.year) ?? byYear.set(r.year, []).get(r.year)!).push(r);
  const fullYears = [...byYear.entries()].filter(([, cols]) => cols.length >= 2 && new Set(cols.map((c) => c.role)).size === cols.length);
  if (fullYears.length >= 2) {
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const latest = years[years.length - 1];
    const groups: ColumnGroup[] = [];
    for (const year of years) {
      const own = byYear.get(year)!;
      const columns = own.map((r) => asColumn(r, r.role!));
      if (year === latest) for (const r of figureRaws) if (r.year === undefined && !columns.some((c) => c.role === r.role)) columns.push(asColumn(r, r.role!));
      const before = byYear.get(year - 1)?.find((r) => r.role === "actual");
      if (before && !columns.some((c) => c.role === "prior")) columns.push(asColumn(before, "prior"));
      columns.sort((a, b) => a.col - b.col);
      groups.push({ label: `${year}年`, year, columns });
    }
    return groups;
  }
  if (block.bottom === block.top) return undefined;
  const groups: (ColumnGroup & { key: string })[] = [];
  const seen = new Set<string>();
  for (const raw of figureRaws) {
    const m = view.mergeAt(block.top, raw.col);
    if (!m || m.right === m.left || m.top !== block.top) continue;
    const label = labelText(view.value(m.top, m.left));
    if (label === undefined || label.length > 24) continue;
    const info = readLabel(label);
    if (info.role || info.year !== undefined || info.period || readUnitLine(label)) continue;
    const key = `${m.left}:${m.right}`;
    let group = groups.find((g) => g.key === key);
    if (!group) {
      if (seen.has(key)) continue;
      seen.add(key);
      groups.push((group = { key, label, columns: [] }));
    }
    if (!group.columns.some((c) => c.role === raw.role)) group.columns.push(asColumn(raw, raw.role!));
  }
  const real = groups.filter((g) => g.columns.length >= 2);
  if (real.length < 2) return undefined;
  return real.map((g) => ({ label: g.label, fund: g.label, columns: g.columns }));
}

/**
 * How specifically a label names its role, for a role two columns claim: the budget after adjustment
 * (全年预算数, 调整后预算) over the budget at the start of the year (年初预算数), as in the national 项目支出绩效自评表;
 * the indicator name column (三级指标, 指标名称) over a section label merged down the left edge (绩效指标).
 */
function labelRank(role: Role, label: string): number {
  const folded = foldLabel(label);
  if (role === "budget") return /调整后|全年|变动后/.test(folded) ? 2 : /年初|初始|原/.test(folded) ? 0 : 1;
  if (role === "indicator") return /三级指标|指标名称/.test(folded) ? 2 : /^绩效指标/.test(folded) ? 0 : 1;
  return 1;
}

function tableKind(columns: DetectedColumn[]): "fund" | "indicator" {
  let figures = 0;
  let indicators = 0;
  for (const c of columns) {
    if (c.role === "budget" || c.role === "actual" || c.role === "income" || c.role === "balance" || c.role === "prior" || c.role === "surplus" || c.role === "openingBalance") figures++;
    if (isIndicatorRole(c.role)) indicators++;
  }
  return indicators >= 2 && indicators >= figures ? "indicator" : "fund";
}

function unitOfRow(view: SheetView, r: number): { unit: string; col: number } | undefined {
  const n = view.rowLength(r);
  for (let c = 0; c < n; c++) {
    const v = view.value(r, c);
    if (typeof v === "string") {
      const unit = readUnitLine(v);
      if (unit) return { unit, col: c };
    }
  }
  return undefined;
}

/** Does row r hold a figure in one of the given figure columns (data for a table continued after a gap)? */
function looksLikeData(view: SheetView, r: number, columns: DetectedColumn[]): boolean {
  for (const c of columns) {
    if (!isFigureRole(c.role) && c.role !== "weight" && c.role !== "score") continue;
    const v = view.value(r, c.col);
    if (typeof v === "number") return true;
    if (typeof v === "string" && /^[\s(（+\-－]*[0-9０-９][0-9０-９,，.．\s]*[%％]?/.test(v)) return true;
  }
  return false;
}

/** The year a title above a header names ("若羌县2019年社会保险基金支出情况表"), as a list of one; or none. */
function titleYear(view: SheetView, from: number, to: number): number[] {
  for (let r = Math.max(from, to - 4); r < to; r++) {
    const n = view.rowLength(r);
    for (let c = 0; c < n; c++) {
      const v = view.value(r, c);
      if (typeof v !== "string" || v.length > 80) continue;
      const t = v.replace(/\s+/g, "");
      const m = /((?:19|20)\d{2})年(?![\d—\-~至到])/.exec(t);
      // One year only: a title over a range (2021—2023年) names no single year.
      if (m && !/(?:19|20)\d{2}年?[—\-~至到]/.test(t)) return [Number(m[1])];
    }
  }
  return [];
}

/** Column roles chosen by the user for this sheet (letter → role or "ignore"), applied over detection. */
export type SheetMapping = Record<string, Role | "ignore">;

export function applyMapping(columns: DetectedColumn[], mapping: Record<number, Role | "ignore"> | undefined): DetectedColumn[] {
  if (!mapping) return columns;
  const out = columns.filter((c) => !(c.col in mapping));
  for (const [colText, role] of Object.entries(mapping)) {
    if (role === "ignore") continue;
    const col = Number(colText);
    // A role given by the user moves off any other column that had it.
    const clash = out.findIndex((c) => c.role === role);
    if (clash >= 0) out.splice(clash, 1);
    const before = columns.find((c) => c.col === col);
    out.push({ col, role, label: before?.label ?? "", unit: before?.unit, percentHeader: before?.percentHeader ?? false });
  }
  out.sort((a, b) => a.col - b.col);
  return out;
}

/**
 * Finds the tables of a sheet. `mapping` (0-based column → role) overrides detected roles; with a mapping and
 * no header found, the first non-blank row is taken as the header so a user can rescue a sheet detection missed.
 */
export function detectTables(sheet: GridSheet | SheetCells, mapping?: Record<number, Role | "ignore">): DetectedSheet {
  const view = new SheetView(sheetCells(sheet));
  const tables: DetectedTable[] = [];
  let current: DetectedTable | undefined;
  let pendingUnit: { unit: string; row: number; col: number } | undefined;
  let sheetUnit: { unit: string; row: number; col: number } | undefined;
  let lastColumns: DetectedColumn[] | undefined;
  let lastHeader: HeaderBlock | undefined;
  let lastKind: "fund" | "indicator" = "fund";
  let lastGroups: ColumnGroup[] | undefined;
  let lastYears: number[] | undefined;
  let sheetYears: number[] | undefined;
  let anyContent = false;
  let floor = 0; // rows above this belong to an earlier table

  const close = () => {
    if (current) {
      tables.push(current);
      floor = current.lastRow + 1;
      current = undefined;
    }
  };
  const open = (block: HeaderBlock, columns: DetectedColumn[], kind: "fund" | "indicator", firstRow: number) => {
    // A unit line inside the header block counts too ("单位：万元" in the corner cell).
    for (let r = block.top; r <= block.bottom; r++) {
      const u = unitOfRow(view, r);
      if (u) pendingUnit = { unit: u.unit, row: r, col: u.col };
    }
    const unit = pendingUnit ?? sheetUnit;
    current = { kind, headerTop: block.top, headerBottom: block.bottom, firstRow, lastRow: firstRow - 1, columns };
    if (unit) {
      current.unit = unit.unit;
      current.unitAt = { row: unit.row, col: unit.col };
    }
    if (pendingUnit) sheetUnit = pendingUnit;
    pendingUnit = undefined;
    lastColumns = columns;
    lastHeader = block;
    lastKind = kind;
  };

  const rowCount = view.rowCount;
  for (let r = 0; r < rowCount; r++) {
    if (view.isBlank(r)) {
      close();
      continue;
    }
    anyContent = true;
    if (isHeaderRow(view, r)) {
      // A group row above may have been taken as the previous table's last (label-only) row.
      if (current && current.lastRow === r - 1 && isGroupRow(view, r - 1)) current.lastRow--;
      close();
      const block = headerBlock(view, r, floor);
      const read = columnsOf(view, block);
      const columns = applyMapping(read.columns, mapping);
      open(block, columns, tableKind(columns), block.bottom + 1);
      // A user's mapping replaces the detected roles: then the groups (made from them) no longer apply.
      // The header's years, else a title's above it, else the sheet's title's (stacked sections under one title).
      let years = read.years.length ? read.years : titleYear(view, floor, block.top);
      if (!read.years.length) {
        if (years.length) sheetYears ??= years;
        else if (sheetYears) years = sheetYears;
      }
      if (years.length) current!.years = years;
      lastYears = years.length ? years : undefined;
      lastGroups = read.groups && !mapping ? read.groups : undefined;
      if (lastGroups) current!.groups = lastGroups;
      r = block.bottom;
      continue;
    }
    if (current) {
      current.lastRow = r;
      continue;
    }
    const unit = unitOfRow(view, r);
    if (unit) {
      pendingUnit = { unit: unit.unit, row: r, col: unit.col };
      continue;
    }
    if (lastColumns && lastHeader && looksLikeData(view, r, lastColumns)) {
      // The same table continued after a blank row: a new table under the same header.
      open(lastHeader, lastColumns, lastKind, r);
      current!.lastRow = r;
      if (lastGroups) current!.groups = lastGroups;
      if (lastYears) current!.years = lastYears;
    }
  }
  close();

  if (tables.length === 0 && anyContent && mapping && Object.values(mapping).some((v) => v !== "ignore")) {
    let top = 0;
    while (top < rowCount && view.isBlank(top)) top++;
    const columns = applyMapping([], mapping);
    let last = top;
    for (let r = top + 1; r < rowCount && !view.isBlank(r); r++) last = r;
    tables.push({ kind: tableKind(columns), headerTop: top, headerBottom: top, firstRow: top + 1, lastRow: last, columns });
  }

  // No fund table read the usual way: funds may stand as columns, items as rows (a transposed table).
  // (Not inside a transposed view: transposed back, it is the sheet that was just read.)
  if (!mapping && anyContent && !tables.some((t) => t.kind === "fund") && !(view.cells instanceof TransposedCells)) {
    // (Rows another table already reads — an indicator table's — are not read again as a transposed one.)
    const claimed = tables.map((t) => [t.headerTop, t.lastRow] as const);
    for (const t of transposedTables(view, (r) => claimed.some(([top, bottom]) => r >= top && r <= bottom))) tables.push(t);
  }

  let kind: DetectedSheet["kind"];
  if (tables.some((t) => t.kind === "fund")) kind = "fund";
  else if (tables.length) kind = "indicator";
  else kind = anyContent ? "notes" : "empty";
  const out: DetectedSheet = { kind, tables };
  if (!tables.length && anyContent) {
    const unreadable = figuresArea(view);
    if (unreadable) out.unreadable = unreadable;
  }
  return out;
}

/** Sheets larger than this are not searched for transposed tables (such tables are a page, not a data dump). */
const TRANSPOSED_LIMIT = 200;

/**
 * Transposed tables: a run of rows whose first column names two or more figure roles (预算数, 执行数, 完成率 …), each
 * with figures to its right, under a row naming what each column is of (the funds). Read through a transposed
 * view, so that the same detection finds the header (the item labels) and the rows (one per fund).
 */
function transposedTables(view: SheetView, isClaimed: (row: number) => boolean): DetectedTable[] {
  const rows = view.rowCount;
  if (rows > TRANSPOSED_LIMIT) return [];
  const out: DetectedTable[] = [];
  let r = 0;
  while (r < rows) {
    if (view.isBlank(r)) {
      r++;
      continue;
    }
    let end = r;
    while (end + 1 < rows && !view.isBlank(end + 1)) end++;
    let free = true;
    for (let k = r; k <= end && free; k++) free = !isClaimed(k);
    if (!free) {
      r = end + 1;
      continue;
    }
    // The fund row: the last row of the run above its first item row.
    let items = 0;
    let first = -1;
    for (let k = r; k <= end; k++) {
      const label = labelText(view.value(k, 0));
      const hasFigure = rowHasFigure(view, k);
      const info = label !== undefined && label.length <= 24 ? readLabel(label) : undefined;
      if (info?.role && isFigureRole(info.role) && hasFigure) {
        if (first < 0) first = k;
        items++;
      }
    }
    if (items >= 2 && first > r) {
      const top = first - 1;
      const cells = new TransposedCells(view.cells, top, end);
      const inner = detectTables(cells);
      for (const t of inner.tables) {
        if (t.kind !== "fund") continue;
        t.orientation = "columns";
        t.cells = cells;
        let unit: { unit: string; row: number; col: number } | undefined;
        for (let k = Math.max(0, top - 4); k <= end && !unit; k++) {
          const u = unitOfRow(view, k);
          if (u) unit = { unit: u.unit, row: k, col: u.col };
        }
        if (unit) {
          t.unit = unit.unit;
          t.unitAt = { row: unit.row, col: unit.col };
        }
        const years = titleYear(view, Math.max(0, top - 4), top);
        if (years.length) t.years = years;
        out.push(t);
      }
    }
    r = end + 1;
  }
  return out;
}

/**
 * Where a sheet with no readable table holds figures: the area of its numbers (three or more, not years), and the
 * labels of the row above them when that row looks like a header nobody can read (金额 | 金额 | 比例).
 */
function figuresArea(view: SheetView): DetectedSheet["unreadable"] {
  let count = 0;
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  let firstCol = 0;
  const rows = Math.min(view.rowCount, 10_000);
  for (let r = 0; r < rows; r++) {
    const n = view.rowLength(r);
    for (let c = 0; c < n; c++) {
      if (!isDataNumber(view.value(r, c))) continue;
      count++;
      if (top < 0) {
        top = r;
        firstCol = c;
      }
      bottom = r;
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  if (count < 3) return undefined;
  const out: NonNullable<DetectedSheet["unreadable"]> = { row: top, col: left, lastRow: bottom, lastCol: right, cell: { row: top, col: firstCol } };
  const above = top - 1;
  if (above >= 0 && !view.isBlank(above)) {
    const labels: string[] = [];
    let labelCol = -1;
    for (let c = 0; c <= Math.max(right, view.lastCol(above)); c++) {
      const own = labelText(view.value(above, c));
      const label = view.labelAt(above, c);
      if (label === undefined || label.length > 24 || readUnitLine(label) || readNumber(label).kind !== "text") continue;
      labels.push(label);
      if (labelCol < 0 && own !== undefined) labelCol = c;
    }
    if (labels.length >= 2 && labelCol >= 0) {
      out.header = labels;
      out.cell = { row: above, col: labelCol };
    }
  }
  return out;
}

export type { FundRole, IndicatorRole };

/** A figure right of the first column (a number, or text that reads as one: "97%"). */
function rowHasFigure(view: SheetView, r: number): boolean {
  const n = view.rowLength(r);
  for (let c = 1; c < n; c++) {
    const v = view.value(r, c);
    if (isDataNumber(v) || (typeof v === "string" && v.length < 32 && readNumberText(v).kind === "number")) return true;
  }
  return false;
}
