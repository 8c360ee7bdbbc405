/**
 * Cases today's product gets wrong, with the reason (from the runner's output on the commit this list was
 * made on). corpus.test.ts skips them; it fails when any other case fails (a regression) and when a case listed
 * here starts to pass (then delete its line). The implementers of issues 12, 15 and 17 empty this list.
 */
export interface KnownGap {
  id: string;
  /** What today's product does wrong on the case. */
  reason: string;
}

export const KNOWN_GAPS: KnownGap[] = [
];
