/**
 * A small in-memory Excel behind the Office.js surface that src/taskpane/excel.ts uses, built on
 * office-addin-mock: loadable objects are OfficeMockObjects, so a property read before load + sync gives the
 * mock's "not loaded"/"not synced" error instead of data. Writes are queued and applied at context.sync(), in
 * order, like Office.js. Each sync's response and request sizes are measured and refused above 5 MB, like Excel
 * on the web. A request counts the JSON of the grids written; a conditional format added or deleted counts
 * REQUEST_BYTES_PER_FORMAT (Office.js sends several object paths and actions for one: a kilobyte is a low guess).
 */
import { OfficeMockObject } from "office-addin-mock";
import { fromA1, toA1 } from "../../src/core/grid";

const FAKE_ADDRESS = Symbol("address");

/** Request bytes one conditional format added or deleted costs (see the top of the file). */
export const REQUEST_BYTES_PER_FORMAT = 1024;

export interface FakeCell {
  value?: string | number | boolean;
  /** A formula as written (then `value` is its result). */
  formula?: string;
  numFmt?: string;
  indent?: number;
  fill?: string;
}

export interface FakeConditionalFormat {
  id: string;
  address: string;
  type: "Custom" | "CellValue" | "ColorScale";
  formula?: string;
  fill?: string;
}

export interface FakeChart {
  type: string;
  source: string;
  title?: string;
}

interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export class FakeSheet {
  visibility = "Visible";
  cells = new Map<string, FakeCell>();
  merges: string[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: FakeChart[] = [];
  /** A big synthetic sheet: cells computed on demand instead of stored. */
  generated?: { rows: number; cols: number; cell: (row: number, col: number) => FakeCell | undefined };
  constructor(public name: string) {}

  set(address: string, cell: FakeCell): this {
    const a = fromA1(address)!;
    this.cells.set(`${a.row},${a.col}`, cell);
    return this;
  }
  get(address: string): FakeCell | undefined {
    const a = fromA1(address)!;
    return this.cell(a.row, a.col);
  }
  cell(row: number, col: number): FakeCell | undefined {
    if (this.generated) return row < this.generated.rows && col < this.generated.cols ? this.generated.cell(row, col) : undefined;
    return this.cells.get(`${row},${col}`);
  }
  ensure(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = {}));
    return cell;
  }
  usedRect(): Rect | undefined {
    if (this.generated) return { top: 0, left: 0, rows: this.generated.rows, cols: this.generated.cols };
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === undefined || cell.value === "") continue;
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    return bottom < 0 ? undefined : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

function parseRect(address: string): Rect {
  const [a, b] = address.replace(/^.*!/, "").split(":");
  const p = fromA1(a)!;
  if (!b) return { top: p.row, left: p.col, rows: 1, cols: 1 };
  if (/^[A-Z]+$/.test(b)) {
    // whole columns "A:H"
    const q = fromA1(b + "1")!;
    const first = fromA1(a + "1")!;
    return { top: 0, left: first.col, rows: 1048576, cols: q.col - first.col + 1 };
  }
  const q = fromA1(b)!;
  return { top: p.row, left: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

function rectAddress(r: Rect): string {
  return r.rows === 1 && r.cols === 1 ? toA1(r.top, r.left) : `${toA1(r.top, r.left)}:${toA1(r.top + r.rows - 1, r.left + r.cols - 1)}`;
}

type Op = () => void;

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = "";
  selection = "";
  syncs = 0;
  /** Largest response (bytes of loaded values and formats) of any sync. */
  largestResponse = 0;
  /** Syncs refused for a response above 5 MB. */
  refused = 0;
  /** Largest request (bytes of grids written, conditional formats added or deleted) of any sync. */
  largestRequest = 0;
  /** Syncs refused for a request above 5 MB. */
  refusedRequests = 0;
  runs: { mergeUndoGroup?: boolean }[] = [];
  /** ExcelApi versions this Excel supports, up to this minor version. */
  apiMinor = 20;
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.active) this.active = name;
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Installs globalThis.Excel and globalThis.Office for the module under test. */
  install(): void {
    const g = globalThis as Record<string, unknown>;
    g.Office = { context: { requirements: { isSetSupported: (_set: string, version: string) => Number(version.split(".")[1]) <= this.apiMinor } } };
    g.Excel = {
      run: async (a: unknown, b?: unknown) => {
        const options = (typeof a === "function" ? {} : a) as { mergeUndoGroup?: boolean };
        const batch = (typeof a === "function" ? a : b) as (context: unknown) => Promise<unknown>;
        this.runs.push(options);
        return batch(this.context());
      },
      ConditionalFormatType: { custom: "Custom" },
      ChartType: { columnClustered: "ColumnClustered" },
      ChartSeriesBy: { columns: "Columns" },
      ClearApplyTo: { contents: "Contents" },
      SheetVisibility: { veryHidden: "VeryHidden", hidden: "Hidden", visible: "Visible" },
    };
  }

  private context() {
    const ops: Op[] = [];
    const mocks: OfficeMockObject[] = [];
    const afterSync: (() => void | Promise<void>)[] = [];
    let responseBytes = 0;
    let requestBytes = 0;
    const excel = this;

    /** isNullObject is readable after any sync in Office.js, loaded or not: kept outside the mock's load rules. */
    const mock = (data: Record<string, unknown>) => {
      const { isNullObject, ...loadable } = data;
      const m = new OfficeMockObject(loadable, "excel" as never);
      (m as unknown as Record<string, unknown>).isNullObject = isNullObject ?? false;
      mocks.push(m);
      return m as unknown as Record<string, unknown> & { load: (p?: unknown) => unknown };
    };
    /** A write-only object: assignments are recorded and applied at sync. */
    const recorder = (onSet: (prop: string, value: unknown) => void, extra: Record<string, unknown> = {}) =>
      new Proxy({ ...extra } as Record<string, unknown>, {
        set(target, prop, value) {
          target[prop as string] = value;
          onSet(prop as string, value);
          return true;
        },
      });

    const rangeOf = (sheetName: string, rect: Rect) => {
      const sheet = () => excel.sheet(sheetName)!;
      const values: unknown[][] = [];
      const formats: unknown[][] = [];
      const s = excel.sheet(sheetName);
      const rows = Math.min(rect.rows, 200000);
      if (s && rect.rows <= 200000) {
        for (let r = 0; r < rows; r++) {
          const vr: unknown[] = [];
          const fr: unknown[] = [];
          for (let c = 0; c < rect.cols; c++) {
            const cell = s.cell(rect.top + r, rect.left + c);
            vr.push(cell?.value ?? "");
            fr.push(cell?.numFmt ?? "General");
          }
          values.push(vr);
          formats.push(fr);
        }
      }
      const m = mock({ values, numberFormat: formats, rowIndex: rect.top, columnIndex: rect.left, rowCount: rect.rows, columnCount: rect.cols, address: `${sheetName}!${rectAddress(rect)}`, isNullObject: false });
      const loadProps = new Set<string>();
      const load = m.load.bind(m);
      m.load = (p?: unknown) => {
        String(p).split(",").forEach((x) => loadProps.add(x.trim()));
        return load(p);
      };
      afterSync.push(() => {
        if (loadProps.has("values")) responseBytes += Buffer.byteLength(JSON.stringify(values));
        if (loadProps.has("numberFormat")) responseBytes += Buffer.byteLength(JSON.stringify(formats));
      });
      const writes = new Proxy(m, {
        get(target, prop) {
          const v = (target as Record<string | symbol, unknown>)[prop];
          return typeof v === "function" ? (v as (...args: unknown[]) => unknown).bind(target) : v;
        },
        set(target, prop, value) {
          (target as Record<string | symbol, unknown>)[prop] = value;
          const grid = value as unknown[][];
          if (prop === "values" || prop === "formulas" || prop === "numberFormat") {
            requestBytes += Buffer.byteLength(JSON.stringify(grid));
            ops.push(() => {
              for (let r = 0; r < grid.length; r++)
                for (let c = 0; c < grid[r].length; c++) {
                  const v = grid[r][c];
                  if (v === null) continue; // Office.js: null in a 2-D write leaves that cell as it is
                  const cell = sheet().ensure(rect.top + r, rect.left + c);
                  if (prop === "numberFormat") cell.numFmt = String(v);
                  else if (typeof v === "string" && v.startsWith("=") && cell.numFmt !== "@") {
                    cell.formula = v;
                    cell.value = "(formula)";
                  } else {
                    cell.formula = undefined;
                    cell.value = v as FakeCell["value"];
                  }
                }
            });
          }
          return true;
        },
      });
      Object.assign(m, {
        format: {
          fill: recorder((prop, value) => {
            if (prop === "color") ops.push(() => forEachCell(sheet(), rect, (cell) => (cell.fill = String(value))));
          }),
          font: recorder(() => undefined),
          autofitColumns: () => undefined,
        },
        select: () => ops.push(() => ((excel.active = sheetName), (excel.selection = `${sheetName}!${rectAddress(rect)}`))),
        clear: (applyTo: string) =>
          ops.push(() => {
            if (applyTo !== "Contents") throw new Error("fake: only Contents clearing is modelled");
            for (const [key, cell] of sheet().cells) {
              const [r, c] = key.split(",").map(Number);
              if (r >= rect.top && r < rect.top + rect.rows && c >= rect.left && c < rect.left + rect.cols) (cell.value = undefined), (cell.formula = undefined);
            }
          }),
        getCellProperties: (options: { format?: { indentLevel?: boolean } }) => {
          const result: { value?: unknown } = {};
          afterSync.push(() => {
            const out: unknown[][] = [];
            for (let r = 0; r < rect.rows; r++) {
              const row: unknown[] = [];
              for (let c = 0; c < rect.cols; c++) row.push({ format: options.format?.indentLevel ? { indentLevel: s?.cell(rect.top + r, rect.left + c)?.indent ?? 0 } : {} });
              out.push(row);
            }
            result.value = out;
            responseBytes += Buffer.byteLength(JSON.stringify(out));
          });
          return result;
        },
        getMergedAreasOrNullObject: () => {
          const list = sheet().merges;
          return mock({ isNullObject: list.length === 0, address: list.map((a) => `${sheetName}!${a}`).join(", ") });
        },
        conditionalFormats: conditionalFormatsOf(sheetName, rect),
        // Where the range is, for the fake itself (a chart's source): Office.js knows it without a load.
        [FAKE_ADDRESS]: `${sheetName}!${rectAddress(rect)}`,
      });
      return writes;
    };

    const forEachCell = (sheet: FakeSheet, rect: Rect, fn: (cell: FakeCell) => void) => {
      for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) fn(sheet.ensure(rect.top + r, rect.left + c));
    };

    const conditionalFormatsOf = (sheetName: string, rect: Rect) => {
      const collection = {
        items: undefined as unknown,
        load: () => {
          afterSync.push(() => {
            collection.items = excel.sheet(sheetName)!.conditionalFormats.map((cf) => {
              const rule = mock({ formula: cf.formula ?? "" });
              return {
                type: cf.type,
                custom: cf.type === "Custom" ? { rule } : undefined,
                delete: () => {
                  requestBytes += REQUEST_BYTES_PER_FORMAT;
                  ops.push(() => {
                    const list = excel.sheet(sheetName)!.conditionalFormats;
                    list.splice(list.findIndex((x) => x.id === cf.id), 1);
                  });
                },
              };
            });
          });
          return collection;
        },
        add: (type: string) => {
          const made: FakeConditionalFormat = { id: `cf${excel.nextId++}`, address: rectAddress(rect), type: type as "Custom" };
          const fill = recorder(() => undefined);
          const rule = recorder(() => undefined);
          requestBytes += REQUEST_BYTES_PER_FORMAT;
          ops.push(() => {
            made.formula = rule.formula as string;
            made.fill = fill.color as string;
            excel.sheet(sheetName)!.conditionalFormats.push(made);
          });
          return { custom: { rule, format: { fill } } };
        },
      };
      return collection;
    };

    const worksheetOf = (name: string, exists: () => boolean) => {
      const ws = mock({ name, isNullObject: !exists() });
      const wsWrites = new Proxy(ws, {
        get(target, prop) {
          const v = (target as Record<string | symbol, unknown>)[prop];
          return typeof v === "function" ? (v as (...args: unknown[]) => unknown).bind(target) : v;
        },
        set(target, prop, value) {
          (target as Record<string | symbol, unknown>)[prop] = value;
          if (prop === "visibility") ops.push(() => (excel.sheet(name)!.visibility = String(value)));
          return true;
        },
      });
      Object.assign(ws, {
        getUsedRangeOrNullObject: () => {
          const s = excel.sheet(name);
          const rect = s?.usedRect();
          if (!rect) return mock({ isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [], getMergedAreasOrNullObject: () => mock({ isNullObject: true, address: "" }) });
          const r = rangeOf(name, rect) as Record<string, unknown>;
          return r;
        },
        getRange: (address?: string) => rangeOf(name, address ? parseRect(address) : { top: 0, left: 0, rows: 1048576, cols: 16384 }),
        getRangeByIndexes: (top: number, left: number, rows: number, cols: number) => rangeOf(name, { top, left, rows, cols }),
        activate: () => ops.push(() => (excel.active = name)),
        delete: () => ops.push(() => excel.sheets.splice(excel.sheets.findIndex((s) => s.name === name), 1)),
        charts: {
          add: (type: string, source: { [FAKE_ADDRESS]: string }, _by: string) => {
            const chart: FakeChart = { type, source: source[FAKE_ADDRESS] };
            ops.push(() => excel.sheet(name)!.charts.push(chart));
            return { title: recorder((prop, value) => prop === "text" && (chart.title = String(value))), setPosition: () => undefined };
          },
        },
      });
      return wsWrites;
    };

    const worksheets = {
      items: undefined as unknown,
      load: () => {
        afterSync.push(async () => {
          const items = excel.sheets.map((s) => worksheetOf(s.name, () => true));
          for (const item of items) item.load("name");
          for (const m of mocks.splice(0)) await m.sync();
          await new Promise((resolve) => setImmediate(resolve));
          worksheets.items = items;
        });
        return worksheets;
      },
      getItem: (name: string) => {
        if (!excel.sheet(name)) throw new Error(`fake: no sheet ${name}`);
        return worksheetOf(name, () => true);
      },
      getItemOrNullObject: (name: string) => worksheetOf(name, () => Boolean(excel.sheet(name))),
      getActiveWorksheet: () => worksheetOf(excel.active, () => true),
      add: (name: string) => {
        ops.push(() => {
          if (excel.sheet(name)) throw new Error(`fake: sheet ${name} already exists`);
          excel.addSheet(name);
        });
        return worksheetOf(name, () => true);
      },
    };

    return {
      workbook: { worksheets },
      sync: async () => {
        excel.syncs++;
        const request = requestBytes;
        requestBytes = 0;
        if (request > 5 * 1024 * 1024) {
          excel.refusedRequests++;
          ops.length = 0; // nothing of a refused request is applied
          const error = new Error("The request payload size has exceeded the limit.") as Error & { code: string };
          error.code = "RequestPayloadSizeLimitExceeded";
          throw error;
        }
        excel.largestRequest = Math.max(excel.largestRequest, request);
        for (const op of ops.splice(0)) op();
        for (const m of mocks.splice(0)) await m.sync();
        await new Promise((resolve) => setImmediate(resolve)); // office-addin-mock settles properties in microtasks
        responseBytes = 0;
        for (const fn of afterSync.splice(0)) await fn();
        if (responseBytes > 5 * 1024 * 1024) {
          excel.refused++;
          const error = new Error("The response payload size has exceeded the limit.") as Error & { code: string };
          error.code = "ResponsePayloadSizeLimitExceeded";
          throw error;
        }
        excel.largestResponse = Math.max(excel.largestResponse, responseBytes);
      },
    };
  }
}
