/**
 * Reads figures out of report prose, sentence by sentence. A figure is a number with a money unit (元, 万元,
 * 亿元) or a percent sign; what it means is decided by the words right before it (its label: "预算支出总额",
 * "完成预算的的", "比上年递增"), and which fund it belongs to by the last fund named before it, in the sentence
 * or in the paragraphs above. Numbers without a unit (years, headcounts, "两个月") are never figures here.
 */
import { NumberRead, readNumberText } from "../numbers";
import { Label, LABEL_WINDOW, labelPattern } from "./labels";
import { normalizeLine, splitLines } from "./normalize";
import { NumberToken, scanNumbers } from "./tokens";
import { findSubjects, resolveSubject, SubjectMention, TOTAL_SUBJECT, UNNAMED_SUBJECT } from "./subjects";

export type AmountRole = "budget" | "actual" | "income" | "prior" | "change" | "balance" | "currentBalance";
export type RateRole = "statedCompletion" | "statedGrowth" | "statedCagr";
export type StatementRole = AmountRole | RateRole | "component";

/** One figure as stated in the text. */
export interface Statement {
  subject: string;
  role: StatementRole;
  /** The figure as read, in its own unit (a percent as a fraction: 97% → 0.97). */
  read: NumberRead;
  /** Money unit as written (元 / 万元 / 亿元); absent for a percent. */
  moneyUnit?: string;
  /** The figure as written in the text ("4,568万元", "97%"). */
  text: string;
  /** 1-based line. */
  line: number;
  /** The sentence it stands in, as written. */
  quote: string;
  /** For a component: its name ("养老金支出") and the index (in the statement list) of the total it breaks down. */
  componentName?: string;
  parent?: number;
  /**
   * The year the figure is of: the year named nearest before it, in its sentence or the text above ("2022", or
   * "2021-2023" after a range). Absent before any year is named.
   */
  period?: string;
  /** A change or growth compared with a year named in its label ("较2022年增长"): that year. */
  base?: number;
  /** A compound average growth (年均增长): the first and last year of its range. */
  years?: [number, number];
}


const NEGATIVE_BALANCE = labelPattern("收不抵支|收支缺口|当年赤字|赤字|缺口", "(?:资金|金额|额)?");
const ACCUMULATED_BALANCE = labelPattern(
  "累计结余|滚存结余|年末结余|历年结余|累计结存|年末滚存|期末结余|滚存|结存",
  "(?:资金|金额|额)?"
);
const CURRENT_BALANCE = labelPattern("当年收支结余|当年结余|当期结余|本年结余|收支结余", "(?:资金|金额|额)?");
/** A plain 结余: the year's surplus right after its income and expenditure, otherwise the fund's balance. */
const PLAIN_BALANCE = labelPattern("结余", "(?:资金|金额|额)?");
const CHANGE = labelPattern(
  "增支|减支|增加支出|减少支出|多支出|少支出|多支|少支|增加|减少|递增|递减|增长|下降|上升|降低|减|增|多|少",
  "(?:了)?"
);
const DECREASE_WORD = /减支|减少|少支|递减|下降|降低|降幅|减幅|减|少/;
/** A decrease word with no 增 after it ("较上年减少", not "减少后又增长"). */
const isDecrease = (label: Label) => DECREASE_WORD.test(label.text.slice(label.text.lastIndexOf("增") + 1));
const BUDGET = labelPattern(
  "预算|预算数|预算额|预算安排|安排预算",
  "(?:基金)?(?:支出)?(?:总额|总数|总计|数|额|金额|资金)?"
);
const INCOME = labelPattern("收入|总收入|收入总额", "(?:共计|合计|总额|总计)?");
const ACTUAL = labelPattern(
  "支出|执行数|执行总量|执行额|执行|决算数|决算|完成数|实际完成|实际执行",
  "(?:总额|总量|合计|共计|总计|金额|额|数)?"
);
/** A prior-year amount: "上年支出", "上年同期支出", not "比上年…" (a change). */
const PRIOR = /(?:^|[^比较与同])上年(?:同期)?(?:基金)?(?:实际)?(?:支出|执行数|决算数)/;

const COMPLETION = labelPattern(
  "(?:完成|执行)(?:了)?(?:年度|全年|年初|当年)?预算(?:任务|数|目标)?|预算(?:执行|完成)(?:率|比例|进度)?|执行率|完成率|执行进度|占预算",
  "",
  true
);
const GROWTH = labelPattern(
  "增幅|增长率|增长|增速|递增|增加|上升|涨幅|增|下降|降幅|减幅|减少|递减|降低|减|下降率|降",
  "(?:了)?(?:幅度)?"
);

/** 年均增长 / 年均增幅 / 年平均增长率: a compound average over a range of years, not a year-on-year rate. */
const CAGR = labelPattern("年均|年平均|平均每年", "(?:增长|增幅|递增|增速|增长率)(?:率)?(?:了)?");

/**
 * A year that sets the period of the figures after it: "2022年", "2022年度", "2022年末", "2022年12月"; a date in
 * another month ("填报时间：2020年4月2日", "于2016年8月实施") is not a period. Ranges: "2021—2023年", "2021年至2023年".
 */
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年(?:度|末|底)?(?:\s*(\d{1,2})\s*月)?/g;
// (No \s* on both sides of the optional 年: two adjacent space runs backtrack polynomially.)
const YEAR_RANGE = /(?<!\d)((?:19|20)\d{2})(?:年度?)?\s*(?:-|~|至|到)\s*((?:19|20)\d{2})\s*年/g;
/** Words before a year that make it the base of a comparison ("较2022年增长", "与2022年相比"), not the period. */
const COMPARED = /[比较与同]\s*$/;

interface YearMention {
  at: number;
  end: number;
  /** A single year, or the range's first and last. */
  from: number;
  to: number;
  compared: boolean;
}

/** Period-setting and compared years of a line, in order (ranges win over the single years inside them). */
function yearsIn(norm: string): YearMention[] {
  const out: YearMention[] = [];
  const covered: Span[] = [];
  YEAR_RANGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_RANGE.exec(norm))) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (to <= from || to - from > 30) continue;
    covered.push({ start: m.index, end: m.index + m[0].length });
    out.push({ at: m.index, end: m.index + m[0].length, from, to, compared: false });
  }
  YEAR.lastIndex = 0;
  let ci = 0;
  while ((m = YEAR.exec(norm))) {
    while (ci < covered.length && covered[ci].end <= m.index) ci++;
    if (ci < covered.length && covered[ci].start <= m.index) continue;
    const month = m[2] === undefined ? undefined : Number(m[2]);
    if (month !== undefined && month !== 12) continue;
    const year = Number(m[1]);
    const compared = COMPARED.test(norm.slice(Math.max(0, m.index - 3), m.index));
    out.push({ at: m.index, end: m.index + m[0].length, from: year, to: year, compared });
  }
  return out.sort((a, b) => a.at - b.at);
}

const periodOf = (y: YearMention) => (y.from === y.to ? String(y.from) : `${y.from}-${y.to}`);

/** "预算支出、实际支出分别为": the labels before 分别, handed to the figures that follow in order. */
const RESPECTIVELY = /分别(?:为|是|达到?|:)?\s*$/;
const LIST_SEPARATOR = /[、和与及]/;

/** Sentence ends (normalized: 。 ; ! ?). */
const SENTENCE_END = /[。;!?]/g;
/** A line that starts a new top-level part ("二、…", "第三部分") forgets the fund of the paragraphs above. */
const PART_HEADING = /^\s*(?:[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+[部章节])/;

interface Span {
  start: number;
  end: number;
}

function sentences(norm: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  const keep = (end: number) => {
    for (let i = start; i < end; i++) if (!/\s/.test(norm[i])) return out.push({ start, end });
  };
  while ((m = SENTENCE_END.exec(norm))) {
    keep(m.index + 1);
    start = m.index + 1;
  }
  if (start < norm.length) keep(norm.length);
  return out;
}

interface FigureToken extends Span {
  read: NumberRead;
  moneyUnit?: string;
}

/** After 分别为: "1096、1180和1295万元" lists bare numbers whose unit is written once, after the last. */
const LIST_START = /分别(?:为|是|达到?|:)?\s*$/;
const LIST_GAP = /^\s*[、和与及]\s*$/;

/** Bare numbers of a 分别 list take the unit written after the list's last number. */
function carryListUnits(norm: string, tokens: NumberToken[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].unitWord || !LIST_START.test(norm.slice(Math.max(0, tokens[i].start - 6), tokens[i].start))) continue;
    let j = i;
    while (j + 1 < tokens.length && !tokens[j].unitWord && LIST_GAP.test(norm.slice(tokens[j].end, tokens[j + 1].start))) j++;
    const unitWord = tokens[j].unitWord;
    if (unitWord && j > i) for (let k = i; k < j; k++) tokens[k].unitWord = unitWord;
    i = j;
  }
}

/** The figures of a line (numbers with a money unit or %), read. */
function figuresIn(norm: string): FigureToken[] {
  const out: FigureToken[] = [];
  const numbers = scanNumbers(norm);
  carryListUnits(norm, numbers);
  for (const t of numbers) {
    if (!t.unitWord || t.digits === undefined) continue;
    const percent = t.unitWord === "%";
    const read = readNumberText(`${t.digits}${percent ? "%" : ""}`);
    if (read.kind !== "number") continue;
    const token: FigureToken = { start: t.start, end: t.end, read };
    if (!percent) token.moneyUnit = t.unitWord === "万" ? "万元" : t.unitWord === "亿" ? "亿元" : t.unitWord;
    out.push(token);
  }
  return out;
}

function classifyAmount(t: Label, lastRole: StatementRole | undefined): AmountRole | undefined {
  if (t.is(NEGATIVE_BALANCE)) return "currentBalance";
  if (t.is(ACCUMULATED_BALANCE)) return "balance";
  if (t.is(CURRENT_BALANCE)) return "currentBalance";
  if (t.is(PLAIN_BALANCE)) return lastRole === "income" || lastRole === "actual" ? "currentBalance" : "balance";
  if (t.is(CHANGE)) return "change";
  // 收入预算 is the income budget, which no rule compares with the expenditure.
  if (t.is(BUDGET)) return t.has(/收入/) ? undefined : "budget";
  if (t.is(INCOME)) return t.has(/预算(?:基金)?收入/) ? undefined : "income";
  if (t.is(ACTUAL)) return t.has(PRIOR) ? "prior" : "actual";
  return undefined;
}

function classifyRate(t: Label): RateRole | undefined {
  if (t.is(CAGR)) return "statedCagr";
  if (t.is(COMPLETION)) return "statedCompletion";
  if (t.is(GROWTH)) return "statedGrowth";
  return undefined;
}

function negated(read: NumberRead): NumberRead {
  const digits = read.digits.startsWith("-") ? read.digits.slice(1) : read.digits;
  return { ...read, value: Math.abs(read.value) * -1 || 0, digits: read.value === 0 ? digits : `-${digits}` };
}

/** Strips "其中：", fillers and the trailing 为/是 from a component's label: "其中：养老金支出" → "养老金支出". */
function componentName(t: Label): string {
  let name = t.withoutFillers();
  const among = name.lastIndexOf("其中");
  if (among >= 0) name = name.slice(among + 2).replace(/^\s*:?/, "");
  return name
    .trim()
    .replace(/^(?:用于|包括|含)/, "")
    .trim();
}

type Event =
  | { kind: "subject"; at: number; mention: SubjectMention }
  | { kind: "among"; at: number }
  | { kind: "year"; at: number; year: YearMention }
  | { kind: "figure"; at: number; token: FigureToken };

/** Every 其中 of a line. */
function amongIn(norm: string): number[] {
  const out: number[] = [];
  for (let at = norm.indexOf("其中"); at >= 0; at = norm.indexOf("其中", at + 2)) out.push(at);
  return out;
}

/** Reads every figure statement in a text. Linear in the text's length: each line is scanned a fixed number of times. */
export function extractStatements(text: string | readonly string[], skipLines?: ReadonlySet<number>): Statement[] {
  const statements: Statement[] = [];
  /** Components already listed under each total (for the names of unnamed ones: "#3"). */
  const componentCount = new Map<number, number>();
  const lines = typeof text === "string" ? splitLines(text) : text;
  let context: string | undefined;
  /** The year of the paragraphs above (the last period-setting year named). */
  let periodContext: YearMention | undefined;
  for (let li = 0; li < lines.length; li++) {
    if (skipLines?.has(li + 1)) continue; // a pasted table, read as a table
    const original = lines[li];
    const norm = normalizeLine(original);
    const mentions = findSubjects(norm);
    if (PART_HEADING.test(norm) && mentions.length === 0) context = undefined;
    const amongs = amongIn(norm);
    const tokens = figuresIn(norm);
    const years = yearsIn(norm);
    let mi = 0;
    let ai = 0;
    let ti = 0;
    let yi = 0;
    /** The last amount that can be broken down (an actual or income total), for a "其中" list. */
    let lastTotal: number | undefined;
    for (const span of sentences(norm)) {
      let quote: string | undefined;
      const events: Event[] = [];
      while (mi < mentions.length && mentions[mi].start < span.start) mi++;
      for (; mi < mentions.length && mentions[mi].start < span.end; mi++) events.push({ kind: "subject", at: mentions[mi].start, mention: mentions[mi] });
      while (ai < amongs.length && amongs[ai] < span.start) ai++;
      for (; ai < amongs.length && amongs[ai] < span.end; ai++) events.push({ kind: "among", at: amongs[ai] });
      while (yi < years.length && years[yi].at < span.start) yi++;
      for (; yi < years.length && years[yi].at < span.end; yi++) events.push({ kind: "year", at: years[yi].at, year: years[yi] });
      while (ti < tokens.length && tokens[ti].start < span.start) ti++;
      // A figure belongs to the sentence it starts in (its unit may run past a sentence end only in odd text).
      for (; ti < tokens.length && tokens[ti].start < span.end; ti++) events.push({ kind: "figure", at: tokens[ti].start, token: tokens[ti] });
      if (!events.some((e) => e.kind === "figure")) {
        for (const ev of events) {
          if (ev.kind === "subject") context = resolveSubject(ev.mention, context);
          else if (ev.kind === "year" && !ev.year.compared) periodContext = ev.year;
        }
        continue;
      }
      events.sort((a, b) => a.at - b.at);

      let subject = context;
      let period = periodContext;
      /** The first year this sentence names, and an earlier one named after it ("2022年为…"). */
      let sentenceYear: YearMention | undefined;
      let earlierYear: number | undefined;
      /** A year named in the current label as the base of a comparison ("较2022年"). */
      let compared: number | undefined;
      let labelStart = span.start;
      let componentParent: number | undefined;
      let lastRole: StatementRole | undefined;
      /** Labels still to hand out in "预算支出、实际支出分别为4398万元、4568万元". */
      let respectively: string[] = [];
      /** One label over a range of years: "2021—2023年支出分别为1096、1180和1295万元" (the years still to hand out). */
      let listYears: number[] = [];
      let listLabel: Label | undefined;
      let skipList = false;
      for (let ei = 0; ei < events.length; ei++) {
        const ev = events[ei];
        if (ev.kind === "subject") {
          const next = resolveSubject(ev.mention, subject);
          // A list of components under a fund ends where another fund is named; under a total, funds are the items.
          if (componentParent !== undefined && statements[componentParent].subject !== TOTAL_SUBJECT && next !== subject) {
            componentParent = undefined;
          }
          if (componentParent === undefined) subject = next;
          continue;
        }
        if (ev.kind === "among") {
          if (lastTotal !== undefined) componentParent = lastTotal;
          continue;
        }
        if (ev.kind === "year") {
          if (ev.year.compared) compared = ev.year.from;
          else {
            // "2024年…支出37.46亿元，2022年为40.26亿元，下降7.0%": an earlier year named after the sentence's own
            // states that year's figure; a change or growth after it is the sentence's year against it.
            if (sentenceYear === undefined) sentenceYear = ev.year;
            else if (ev.year.to < sentenceYear.from) earlierYear = ev.year.from;
            period = ev.year;
          }
          continue;
        }
        const token = ev.token;
        const clause = norm.slice(Math.max(labelStart, token.start - LABEL_WINDOW), token.start);
        labelStart = token.end;
        const base = compared;
        compared = undefined;
        let t = new Label(clause);
        let year: string | undefined = period && periodOf(period);
        const listed = RESPECTIVELY.exec(t.text);
        if (listed) {
          const labels = t.text.slice(0, listed.index).split(LIST_SEPARATOR).filter((x) => x.trim() !== "");
          listYears = [];
          skipList = false;
          if (labels.length >= 2) {
            t = new Label(labels[0]);
            respectively = labels.slice(1);
          } else {
            respectively = [];
            t = new Label(t.text.slice(0, listed.index));
            if (period && period.from !== period.to) {
              // One figure per year of the range, or the list cannot be read by year: then none of it is used.
              let count = 1;
              for (let k = ei + 1; k < events.length; k++) {
                const e = events[k];
                if (e.kind !== "figure") break;
                if (!/^[、和与及\s]*$/.test(norm.slice(events[k - 1].kind === "figure" ? (events[k - 1] as { token: FigureToken }).token.end : e.at, e.at))) break;
                count++;
              }
              listLabel = t;
              skipList = count !== period.to - period.from + 1;
              for (let y = period.from; y <= period.to; y++) listYears.push(y);
              year = String(listYears.shift());
            }
          }
        } else if (respectively.length && /^[、和与及\s]*$/.test(t.text)) {
          t = new Label(respectively.shift()!);
        } else if (listLabel && (listYears.length || skipList) && /^[、和与及\s]*$/.test(t.text)) {
          t = listLabel;
          year = listYears.length ? String(listYears.shift()) : year;
        } else {
          respectively = [];
          listYears = [];
          listLabel = undefined;
          skipList = false;
        }
        if (skipList) continue;
        quote ??= original.slice(span.start, span.end).trim();
        const stated: Omit<Statement, "role"> = {
          subject: subject ?? UNNAMED_SUBJECT,
          read: token.read,
          text: original.slice(token.start, token.end),
          line: li + 1,
          quote,
        };
        if (year !== undefined) stated.period = year;
        if (base !== undefined) stated.base = base;
        if (earlierYear !== undefined && sentenceYear && !token.moneyUnit && base === undefined) {
          // A rate after "2022年为…" compares the sentence's year with 2022.
          stated.period = periodOf(sentenceYear);
          stated.base = earlierYear;
        }
        if (token.moneyUnit) {
          const role = classifyAmount(t, lastRole);
          if (componentParent !== undefined && (role === undefined || role === "actual" || role === "income")) {
            const parent = statements[componentParent];
            const count = (componentCount.get(componentParent) ?? 0) + 1;
            componentCount.set(componentParent, count);
            statements.push({
              ...stated,
              subject: parent.subject,
              role: "component",
              moneyUnit: token.moneyUnit,
              componentName: componentName(t) || `#${count}`,
              parent: componentParent,
            });
            continue;
          }
          componentParent = undefined;
          if (!role) continue;
          // "比上年增加…" right after an income figure is the income's change, which no rule uses.
          if (role === "change" && (t.has(/收入|预算/) || (lastRole === "income" && !t.has(/支/)))) continue;
          const read = role === "change" && isDecrease(t) && token.read.value > 0 ? negated(token.read) : token.read;
          const finalRead = role === "currentBalance" && t.is(NEGATIVE_BALANCE) && read.value > 0 ? negated(read) : read;
          statements.push({ ...stated, role, read: finalRead, moneyUnit: token.moneyUnit });
          if (role === "actual" || role === "income") lastTotal = statements.length - 1;
          lastRole = role;
        } else {
          componentParent = undefined;
          const role = classifyRate(t);
          if (!role) continue;
          // A growth or completion of the income ("收入…增长7.7%", "收入完成预算的105%") is not the expenditure's.
          const aboutIncome = (t.has(/收入/) || lastRole === "income") && !t.has(/支/);
          if ((role === "statedGrowth" || role === "statedCagr") && (aboutIncome || t.has(/预算/))) continue;
          if (role === "statedCompletion" && aboutIncome) continue;
          if (role === "statedCagr") {
            // Over the range named before it; without one there is nothing to check it against.
            if (!period || period.from === period.to) continue;
            const read = isDecrease(t) && token.read.value > 0 ? negated(token.read) : token.read;
            statements.push({ ...stated, role, read, years: [period.from, period.to] });
            continue;
          }
          const read = role === "statedGrowth" && isDecrease(t) && token.read.value > 0 ? negated(token.read) : token.read;
          statements.push({ ...stated, role, read });
        }
      }
      context = subject;
      periodContext = period;
    }
  }
  return statements;
}
