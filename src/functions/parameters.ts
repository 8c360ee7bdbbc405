/**
 * Each custom function declares its parameters once, as data (name, kind, optional, default, bounds), and one
 * wrapper reads them: the way HyperFormula's function plugins list `parameters: [{ argumentType, optionalArg,
 * defaultValue }]` and let the base class coerce. The exported functions in functions.ts stay plain functions with
 * their JSDoc (custom-functions-metadata reads those); each one hands its arguments to the wrapper made here.
 *
 * The wrapper works element by element over ranges of one shape, broadcasting 1×1 arguments (mapCells), reads
 * each element by its parameter's kind in the declared order, and hands `compute` the read values. The first
 * argument that cannot be read gives its error value in that element's position (#VALUE! naming the parameter,
 * #N/A "missing value" for a blank, an Excel error passed on), so `compute` only ever sees good values.
 */
import Decimal from "decimal.js";
import { readNumberText } from "../core/numbers";
import type { NumberRead } from "../core/numbers";
import { ActualInput, IndicatorTarget, readTarget } from "../core/indicators/targetValue";
import { excelError, ExcelErrorValue, isErrorValue } from "./excelErrors";
import { allCells, isBlank, isError, mapCells, missing, readDecimal, readFigure } from "./cells";

/** A figure read as an exact decimal: a number, a text figure ("4,568", "97%", "4568万元"). */
export interface NumberParameter {
  name: string;
  kind: "number";
  /** Blank or omitted means this value (a decimal string, so "0.95" stays exact). */
  default?: string;
  /** Blank or omitted reaches `compute` as undefined (the function decides what it means). */
  optional?: true;
  /** Bounds checked on a given value (never on the default); outside them → #VALUE! "name: must …". */
  min?: number;
  max?: number;
  whole?: true;
}

export type Parameter =
  | NumberParameter
  /** A figure with how it was written (decimals shown, percent), for comparing at its own precision. */
  | { name: string; kind: "figure" }
  /** An indicator's actual value as written: a number, "97%", "1700人", or an answer such as 已完成. */
  | { name: string; kind: "answer" }
  /** An indicator target as written ("≥95%", "按时足额"); unreadable text → #VALUE!. */
  | { name: string; kind: "target" }
  /** A whole range added up once, exactly; blanks and the "—" / "无" standing for blank are skipped. Not broadcast. */
  | { name: string; kind: "sum" };

/** What `compute` receives for one parameter. */
type ValueOf<P> = P extends NumberParameter
  ? P extends { default: string }
    ? Decimal
    : P extends { optional: true }
      ? Decimal | undefined
      : Decimal
  : P extends { kind: "figure" }
    ? NumberRead
    : P extends { kind: "answer" }
      ? ActualInput
      : P extends { kind: "target" }
        ? IndicatorTarget
        : P extends { kind: "sum" }
          ? Decimal
          : never;

type Values<P extends readonly Parameter[]> = { -readonly [K in keyof P]: ValueOf<P[K]> };

export interface FunctionDefinition<P extends readonly Parameter[]> {
  /** The function's id as in its JSDoc `@customfunction` tag (COMPLETION_RATE): ties this declaration to its metadata. */
  id: string;
  parameters: P;
  /**
   * Tried first on the first two arguments' raw cells: an exact answer for plain number cells (fastExact.ts), or
   * undefined to read the arguments as declared.
   */
  fast?: (first: unknown, second: unknown) => number | undefined;
  /** One element's result from its read values: a number, boolean, text or an error value. */
  compute: (...values: Values<P>) => unknown;
}

/** What the wrapper returns: whatever Excel accepts back from a custom function over ranges. */
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes and takes ranges of mixed values */
export type ExcelFunction = (...args: any[]) => any[][];

/** Every declaration by id, so tests can hold the declared names against the JSDoc metadata. */
export const DECLARED = new Map<string, readonly Parameter[]>();

/** "must not be negative", "must be a whole number from 0 to 10" … */
function boundsMessage(p: NumberParameter): string {
  if (!p.whole && p.min === 0 && p.max === undefined) return "must not be negative";
  const what = p.whole ? "a whole number" : "a number";
  if (p.min !== undefined && p.max !== undefined) return `must be ${what} from ${p.min} to ${p.max}`;
  if (p.min !== undefined) return `must be ${what} of at least ${p.min}`;
  if (p.max !== undefined) return `must be ${what} of at most ${p.max}`;
  return `must be ${what}`;
}

type Reader = (cell: unknown) => unknown;

function numberReader(p: NumberParameter): Reader {
  const fallback = p.default === undefined ? undefined : new Decimal(p.default);
  const bounded = p.min !== undefined || p.max !== undefined || p.whole === true;
  const message = `${p.name}: ${boundsMessage(p)}`;
  const mayBeBlank = fallback !== undefined || p.optional === true;
  return (cell) => {
    if (mayBeBlank && isBlank(cell)) return fallback;
    const value = readDecimal(p.name, cell);
    if (!bounded || !(value instanceof Decimal)) return value;
    if ((p.whole && !value.isInteger()) || (p.min !== undefined && value.lt(p.min)) || (p.max !== undefined && value.gt(p.max))) {
      return excelError("invalidValue", message);
    }
    return value;
  };
}

function figureReader(name: string): Reader {
  return (cell) => readFigure(name, cell);
}

function answerReader(): Reader {
  return (cell) => {
    if (isBlank(cell)) return missing();
    if (isError(cell)) return cell;
    // Any other cell goes to the core's judge as written (a number, text or TRUE/FALSE).
    return cell as ActualInput;
  };
}

function targetReader(name: string): Reader {
  return (cell) => {
    if (isBlank(cell)) return missing();
    if (isError(cell)) return cell;
    const target = readTarget(cell);
    if (target.kind === "unreadable") return excelError("invalidValue", `${name}: cannot read "${target.text}"`);
    return target;
  };
}

/** The exact sum of a whole range, or the first part that is not a figure; #N/A "missing value" if all are blank. */
function readSum(name: string, range: unknown): Decimal | ExcelErrorValue {
  let sum = new Decimal(0);
  let counted = 0;
  for (const cell of allCells(range)) {
    if (isBlank(cell) || (typeof cell === "string" && readNumberText(cell).kind === "missing")) continue;
    const value = readDecimal(name, cell);
    if (!(value instanceof Decimal)) return value;
    sum = sum.plus(value);
    counted++;
  }
  return counted === 0 ? missing() : sum;
}

function readerOf(p: Parameter): Reader | undefined {
  switch (p.kind) {
    case "number":
      return numberReader(p);
    case "figure":
      return figureReader(p.name);
    case "answer":
      return answerReader();
    case "target":
      return targetReader(p.name);
    case "sum":
      return undefined; // read once per call, not per element
  }
}

/** Did a reader give an error value instead of a value? (Decimals, the common case, answer first.) */
function failed(value: unknown): value is ExcelErrorValue {
  return !(value instanceof Decimal) && value !== undefined && isErrorValue(value);
}

/**
 * The one wrapper: declares a function's parameters and returns what its exported function calls with the
 * arguments Excel passed, in the declared order.
 */
export function defineFunction<const P extends readonly Parameter[]>(definition: FunctionDefinition<P>): ExcelFunction {
  const { id, parameters, fast } = definition;
  const compute = definition.compute as (...values: unknown[]) => unknown;
  DECLARED.set(id, parameters);
  const readers = parameters.map(readerOf);
  // Parameters read element by element (and broadcast), by position among the arguments.
  const perElement = parameters.flatMap((p, i) => (p.kind === "sum" ? [] : [i]));
  return (...args: unknown[]) => {
    const values: unknown[] = new Array(parameters.length);
    for (let i = 0; i < parameters.length; i++) if (parameters[i].kind === "sum") values[i] = readSum(parameters[i].name, args[i]);
    const onceRead = values.slice();
    return mapCells(
      perElement.map((i) => ({ name: parameters[i].name, value: args[i] })),
      (cells) => {
        if (fast) {
          const quick = fast(cells[0], cells[1]);
          if (quick !== undefined && Number.isFinite(quick)) return quick;
        }
        for (let i = 0, k = 0; i < parameters.length; i++) {
          const read = readers[i];
          const value = read ? read(cells[k++]) : onceRead[i];
          if (failed(value)) return value;
          values[i] = value;
        }
        return compute(...values);
      }
    );
  };
}
