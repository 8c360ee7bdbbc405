/**
 * Fund names in report prose, and their canonical form so that figures of one fund stated in different
 * paragraphs ("城乡居民养老保险基金累计结余…" in the overview, "城乡居民基本养老保险…支出…" later) merge.
 */

/** Canonical name of the all-funds total (各项基金 / 各项总基金 / 全县社会保险基金 / 合计). */
export const TOTAL_SUBJECT = "各项基金合计";
/** Subject of figures stated before any fund is named. */
export const UNNAMED_SUBJECT = "（未指明险种）";

export interface SubjectMention {
  /** Canonical name. */
  subject: string;
  start: number;
  end: number;
  /**
   * A generic name ("基本养老保险", "养老保险基金") that, inside a paragraph about a more specific fund whose
   * name contains it, still means that fund.
   */
  generic: boolean;
  total: boolean;
}

interface SubjectPattern {
  pattern: RegExp;
  subject: string | ((m: RegExpExecArray) => string);
  generic?: boolean;
  total?: boolean;
}

const H = "\\u4e00-\\u9fa5";

/** Specific names first; every pattern is tried and overlapping later matches are dropped. */
const PATTERNS: SubjectPattern[] = [
  { pattern: /企业职工(?:基本)?养老保险/g, subject: "企业职工基本养老保险" },
  { pattern: /机关事业(?:单位)?(?:工作人员)?(?:基本)?养老保险/g, subject: "机关事业单位基本养老保险" },
  { pattern: /城乡居民(?:社会|基本)?养老保险/g, subject: "城乡居民基本养老保险" },
  { pattern: /(?:城镇)?职工(?:基本)?医疗保险|职工医保/g, subject: "职工基本医疗保险" },
  { pattern: /城乡居民(?:基本)?医疗保险|城乡居民医保/g, subject: "城乡居民基本医疗保险" },
  { pattern: /工伤保险/g, subject: "工伤保险" },
  { pattern: /失业保险/g, subject: "失业保险" },
  { pattern: /生育保险/g, subject: "生育保险" },
  { pattern: /职业年金/g, subject: "职业年金" },
  {
    pattern: /各项(?:社会保险|社保)?(?:总)?基金|全县(?:社会保险|社保)?(?:基金)?|(?:社会保险|社保)基金(?=(?:总|合计|共计|收入|支出|预算))|(?<=^|[\s,;:。])(?:合计|总计)(?=[:\s]|收入|支出)/g,
    subject: TOTAL_SUBJECT,
    total: true,
  },
  // Generic names: meaningful only as part of a more specific fund, or on their own when nothing else is named.
  { pattern: /(?:基本)?养老保险/g, subject: (m) => m[0], generic: true },
  { pattern: /(?:基本)?医疗保险/g, subject: (m) => m[0], generic: true },
  // Any other named insurance fund (大病保险, 长期护理保险 …), when a fund word or figure word follows it.
  {
    pattern: new RegExp(`(?<=^|[,;:。、\\s年度末（(）)])[${H}]{2,6}?保险(?=基金|预算|支出|收入|累计|当年|共计|总)`, "g"),
    subject: (m) => m[0],
  },
];

/** Words that end a generic …保险 match wrongly: the whole social insurance system is not a fund. */
const NOT_A_FUND = /^(?:社会|各项社会|全县社会|本县社会|我县社会)保险$/;

/** Finds fund-name mentions in a normalized line, in order, without overlaps. */
export function findSubjects(text: string): SubjectMention[] {
  const found: SubjectMention[] = [];
  /** Characters already part of a mention (a mark per character keeps the overlap test linear in the line). */
  let taken: Uint8Array | undefined;
  for (const p of PATTERNS) {
    p.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.pattern.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        p.pattern.lastIndex++;
        continue;
      }
      taken ??= new Uint8Array(text.length);
      let overlaps = false;
      for (let i = start; i < end && !overlaps; i++) overlaps = taken[i] === 1;
      if (overlaps) continue;
      const subject = typeof p.subject === "string" ? p.subject : p.subject(m);
      if (NOT_A_FUND.test(subject)) continue;
      taken.fill(1, start, end);
      found.push({ subject, start, end, generic: !!p.generic, total: !!p.total });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The subject a mention names, given the subject of the paragraph so far: a generic name that the current
 * fund's name contains ("养老保险" inside 企业职工基本养老保险) keeps the current fund.
 */
export function resolveSubject(mention: SubjectMention, current: string | undefined): string {
  if (mention.generic && current && current.includes(mention.subject)) return current;
  return mention.subject;
}
