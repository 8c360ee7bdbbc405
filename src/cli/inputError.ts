/**
 * Why an input could not be read: one line for stderr, in zh and en, never a stack trace (exit code 3). The words
 * are ../xlsx/refusals.ts's, shared with the standalone page.
 */
import type { Message } from "../core/findings";
import { XlsxError } from "../xlsx/limits";
import { RefusalDetail, RefusalProblem, describeRefusal } from "../xlsx/refusals";

export type InputProblem = RefusalProblem;
export type ProblemDetail = RefusalDetail;

export class InputError extends Error {
  readonly problem: InputProblem;
  readonly detail: ProblemDetail;
  readonly text: Message;
  /** `text`: the words, when they are not the refusal's own (a budget the file went past). */
  constructor(problem: InputProblem, detail: ProblemDetail = {}, text: Message = describeRefusal(problem, detail)) {
    super(text.en);
    this.problem = problem;
    this.detail = detail;
    this.text = text;
  }
}

/** Turns anything thrown while reading into an InputError (a library error becomes "damaged: <its message>"). */
export function asInputError(e: unknown): InputError {
  if (e instanceof InputError) return e;
  if (e instanceof XlsxError) return new InputError(e.problem, e.detail);
  const err = e as NodeJS.ErrnoException;
  // ENOTDIR: a path through a file ("report.xlsx/x") names nothing that exists.
  if (err && (err.code === "ENOENT" || err.code === "ENOTDIR")) return new InputError("missing");
  if (err && (err.code === "ELOOP" || err.code === "ENAMETOOLONG")) return new InputError("unreadable", { detail: err.code === "ELOOP" ? "a loop of symbolic links" : "the name is too long" });
  if (err && err.code === "EISDIR") return new InputError("notAFile");
  if (err && (err.code === "EACCES" || err.code === "EPERM")) return new InputError("unreadable", { detail: err.code });
  const detail = String((err && err.message) || e).split("\n")[0].slice(0, 200);
  return new InputError("corrupt", { detail });
}
