/**
 * Excel error values for the custom functions. A function never throws: a bad input becomes an error value in
 * that element's position. Inside Excel the real `CustomFunctions.Error` is used; in jest, node or any sandbox
 * without the CustomFunctions global a plain object of the same shape ({ code, message }) stands in, so tests
 * observe exactly the code and message Excel would show.
 */

export type ExcelErrorName = "invalidValue" | "notAvailable" | "divisionByZero" | "invalidNumber";

/** What Excel shows in the cell for each error. */
export const ERROR_TEXT: Record<ExcelErrorName, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
};

/**
 * Excel shows a custom message only for #VALUE! and #N/A (CustomFunctions.ErrorCode docs: "a custom error message
 * can't be used" with #DIV/0! and #NUM!), so the message is dropped for the others, here and in the stand-in.
 */
const TAKES_MESSAGE: ReadonlySet<ExcelErrorName> = new Set<ExcelErrorName>(["invalidValue", "notAvailable"]);

/** The shape both the real CustomFunctions.Error and the stand-in have. */
export interface ExcelErrorValue {
  code: string;
  message?: string;
}

/** Stand-in for CustomFunctions.Error outside Excel. */
export class StandInError implements ExcelErrorValue {
  constructor(
    public readonly code: string,
    public readonly message?: string
  ) {}
}

/**
 * The runtime's CustomFunctions.Error (CustomFunctionsRuntime 1.2, which the manifest requires), if there is one.
 * Its code is the error's text: CustomFunctions.ErrorCode's values are exactly these strings, and that enum is
 * annotated with a later set (1.3) than the manifest asks for.
 */
function runtimeErrorClass(): typeof CustomFunctions.Error | undefined {
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.Error !== "function") return undefined;
  return CustomFunctions.Error;
}

/** An Excel error value: `excelError("invalidValue", 'budget: not a number: "abc"')`. */
export function excelError(name: ExcelErrorName, message?: string): ExcelErrorValue {
  const text = TAKES_MESSAGE.has(name) ? message : undefined;
  const RuntimeError = runtimeErrorClass();
  const code = ERROR_TEXT[name];
  if (RuntimeError) return text === undefined ? new RuntimeError(code as CustomFunctions.ErrorCode) : new RuntimeError(code as CustomFunctions.ErrorCode, text);
  return new StandInError(code, text);
}

const NAME_BY_TEXT: Record<string, ExcelErrorName> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
};

/**
 * Is this cell an error value (an Excel error passed in, one of ours, or a grid-model `{ error: "#REF!" }`)?
 * Returns the error to pass on, or undefined.
 */
export function asErrorValue(cell: unknown): ExcelErrorValue | undefined {
  if (typeof cell !== "object" || cell === null || Array.isArray(cell) || cell instanceof Date) return undefined;
  const c = cell as { code?: unknown; error?: unknown; message?: unknown };
  if (typeof c.code === "string" && c.code.startsWith("#")) return cell as ExcelErrorValue;
  if (typeof c.error === "string" && c.error.startsWith("#")) {
    const name = NAME_BY_TEXT[c.error];
    return name ? excelError(name, typeof c.message === "string" ? c.message : undefined) : excelError("invalidValue", "input is " + c.error);
  }
  return undefined;
}

export function isErrorValue(value: unknown): value is ExcelErrorValue {
  return asErrorValue(value) !== undefined;
}
