/**
 * What the words right before a figure say it is (its label): "预算支出总额", "完成预算的的", "比上年递增". A label
 * ends in its key words, then any run of filler words ("为", "达到", "共计", spaces …) before the figure.
 *
 * The fillers are not matched with a starred alternation: "达到" is also "达" + "到", so `(?:达到|达|到)*$` has
 * exponentially many ways to fail on "达到达到…X". Instead the positions where the rest of the label is all filler
 * are computed once from the end (a small dynamic programme over a bounded window), and each key-word pattern,
 * which has no repetition of its own, is tested against the label cut at those positions.
 */

/** A label is at most this many characters before its figure (the longest in real reports is under 60). */
export const LABEL_WINDOW = 64;

const FILLERS = ["为", "是", "达到", "达", "了", "约", "共计", "合计", "总计", "共", "计", "高达", "仅为", "只有", "到", ":"];
/** Fillers of a completion rate also include 的 ("完成预算的的131%"). */
const FILLERS_DE = [...FILLERS, "的"];

const FILLER_CHARS = new Set([...FILLERS_DE.join("")]);
const isSpace = (ch: string) => /\s/.test(ch);

/** Positions p (descending) at which text.slice(p) is a sequence of filler words and spaces; text.length first. */
function fillerCuts(text: string, fillers: readonly string[]): number[] {
  const n = text.length;
  // Only the trailing run of filler characters can be filler words.
  let from = n;
  while (from > 0 && (FILLER_CHARS.has(text[from - 1]) || isSpace(text[from - 1]))) from--;
  const reach = new Uint8Array(n - from + 1);
  reach[n - from] = 1;
  const cuts = [n];
  for (let p = n - 1; p >= from; p--) {
    let ok = isSpace(text[p]) && reach[p + 1 - from] === 1;
    for (let w = 0; !ok && w < fillers.length; w++) {
      const word = fillers[w];
      ok = p + word.length <= n && reach[p + word.length - from] === 1 && text.startsWith(word, p);
    }
    if (ok) {
      reach[p - from] = 1;
      cuts.push(p);
    }
  }
  return cuts;
}

/** A label pattern: key words and what may follow them, ending the label (before its fillers). */
export interface LabelPattern {
  re: RegExp;
  /** 的 counts as filler too. */
  de?: boolean;
}

/** `words` then `after`, at the end of the label (both are alternations of literals, without repetition). */
export function labelPattern(words: string, after = "", de = false): LabelPattern {
  return { re: new RegExp(`(?:${words})${after}$`), de };
}

/** The words of the clause before a figure (after its last comma), at most LABEL_WINDOW characters, trimmed. */
export class Label {
  readonly text: string;
  private cuts?: number[];
  private cutsDe?: number[];

  constructor(clause: string) {
    const comma = clause.lastIndexOf(",");
    const t = comma >= 0 ? clause.slice(comma + 1) : clause;
    this.text = (t.length > LABEL_WINDOW ? t.slice(t.length - LABEL_WINDOW) : t).trim();
  }

  /** Do the label's key words match `pattern`, with only fillers after them? */
  is(pattern: LabelPattern): boolean {
    const cuts = pattern.de ? (this.cutsDe ??= fillerCuts(this.text, FILLERS_DE)) : (this.cuts ??= fillerCuts(this.text, FILLERS));
    for (const p of cuts) if (pattern.re.test(p === this.text.length ? this.text : this.text.slice(0, p))) return true;
    return false;
  }

  /** Does the label contain `re` anywhere? */
  has(re: RegExp): boolean {
    return re.test(this.text);
  }

  /** The label without its trailing fillers ("其中：养老金支出为" → "其中：养老金支出"). */
  withoutFillers(): string {
    const cuts = (this.cuts ??= fillerCuts(this.text, FILLERS));
    return this.text.slice(0, cuts[cuts.length - 1]);
  }
}
