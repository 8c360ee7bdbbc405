/** A file's refusal as plain data (what a worker posts back) and as the error main reports (one line, exit 3). */
import type { Message } from "../core/words";
import { InputError, InputProblem, ProblemDetail } from "./inputError";

export interface Refusal {
  ok: false;
  problem: InputProblem;
  detail: ProblemDetail;
  text: Message;
}

export function refusalOf(outcome: Refusal): InputError {
  return new InputError(outcome.problem, outcome.detail, outcome.text);
}
