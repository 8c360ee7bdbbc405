/**
 * Where a finding points: a cell of a sheet, or a line of report text (with the sentence quoted). Every surface
 * reads this type; the flat `sheet` / `cell` / `line` / `quote` fields of the JSON output (docs/reference.md) are
 * written from it, by `locationFields`, and nothing reads them back.
 */
import { fromA1 } from "./grid";

export interface CellLocation {
  kind: "cell";
  sheet: string;
  /** A1 address as Excel shows it ("C5"); for a merge, its top-left cell. */
  address: string;
}

export interface LineLocation {
  kind: "line";
  /** The text's name: its file name, or "report" for pasted text. */
  source: string;
  /** 1-based line. */
  line: number;
  /** The sentence the figure stands in, when the reader found it. */
  quote?: string;
}

export type Location = CellLocation | LineLocation;

export function cellAt(sheet: string, address: string): CellLocation {
  return { kind: "cell", sheet, address };
}

export function lineAt(source: string, line: number, quote?: string): LineLocation {
  return quote === undefined ? { kind: "line", source, line } : { kind: "line", source, line, quote };
}

/** How a line is written where a cell address would stand (the JSON `cell`, `related`): "L12". */
export function lineRef(line: number): string {
  return `L${line}`;
}

/** The sheet's or the text's name. */
export function placeOf(at: Location): string {
  return at.kind === "cell" ? at.sheet : at.source;
}

/** The cell's address, or "L12" for a line: what the JSON `cell` field and the report sheet show. */
export function addressOf(at: Location): string {
  return at.kind === "cell" ? at.address : lineRef(at.line);
}

/** The documented flat fields: `sheet`, `cell` (`L<line>` for a line), and for a line `line` and `quote`. */
export function locationFields(at: Location): { sheet: string; cell: string; line?: number; quote?: string } {
  if (at.kind === "cell") return { sheet: at.sheet, cell: at.address };
  const out: { sheet: string; cell: string; line?: number; quote?: string } = { sheet: at.source, cell: lineRef(at.line), line: at.line };
  if (at.quote !== undefined) out.quote = at.quote;
  return out;
}

/**
 * Position within its sheet or text, for ordering: [row, column] of a cell (0-based), [line, 0] of a line. A cell
 * address that is not A1 sorts last.
 */
export function positionOf(at: Location): [number, number] {
  if (at.kind === "line") return [at.line, 0];
  const a = fromA1(at.address);
  return a ? [a.row, a.col] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
}

/** The line of a finding in report text; undefined for a cell. */
export function lineOf(at: Location): number | undefined {
  return at.kind === "line" ? at.line : undefined;
}

/** The sentence a finding in report text quotes; undefined for a cell. */
export function quoteOf(at: Location): string | undefined {
  return at.kind === "line" ? at.quote : undefined;
}
