/**
 * Transposed tables: funds as columns, items (预算数, 执行数, 完成率, 上年执行数, 比上年增减, 增幅) as rows. The sheet's
 * rows r0…r1 are seen through a view that swaps rows and columns, so the same detection and the same rules read
 * them: the view's row i is the sheet's column i, the view's column j the sheet's row r0 + j. Findings point at the
 * sheet's own cells (`a1`).
 */
import { CellRange, CellValue, GridCell, SheetCells, columnLetters } from "../grid";

export class TransposedCells implements SheetCells {
  readonly merges: CellRange[];
  readonly rowCount: number;
  private readonly height: number;

  constructor(
    readonly source: SheetCells,
    /** The sheet's first and last row (0-based) the view covers. */
    readonly fromRow: number,
    readonly toRow: number
  ) {
    this.height = toRow - fromRow + 1;
    let width = 0;
    for (let r = fromRow; r <= toRow; r++) width = Math.max(width, source.rowLength(r));
    this.rowCount = width;
    this.merges = source.merges
      .filter((m) => m.top >= fromRow && m.bottom <= toRow)
      .map((m) => ({ top: m.left, bottom: m.right, left: m.top - fromRow, right: m.bottom - fromRow }));
  }

  get name(): string {
    return this.source.name;
  }

  rowLength(row: number): number {
    return row < this.rowCount ? this.height : 0;
  }

  value(row: number, col: number): CellValue {
    return col < this.height ? this.source.value(this.fromRow + col, row) : undefined;
  }

  numFmt(row: number, col: number): string | undefined {
    return col < this.height ? this.source.numFmt(this.fromRow + col, row) : undefined;
  }

  indent(): number | undefined {
    return undefined; // an indent shifts a row's label, not a column's
  }

  cell(row: number, col: number): GridCell | undefined {
    return col < this.height ? this.source.cell(this.fromRow + col, row) : undefined;
  }

  /** The sheet's A1 address of the view's (row, col). */
  a1(row: number, col: number): string {
    return columnLetters(row) + String(this.fromRow + col + 1);
  }
}
