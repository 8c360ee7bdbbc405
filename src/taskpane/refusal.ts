/** A file the standalone page refuses (read on the page or in its worker), apart from the reader itself. */
import type { Lang } from "../core/words";

/** A file the page refuses, with the CLI's message for the same problem (zh and en). */
export class FileRefusedError extends Error {
  constructor(readonly problem: string, readonly text: { zh: string; en: string }, lang: Lang) {
    super(text[lang]);
  }
}

