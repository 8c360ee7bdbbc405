/**
 * Reads figures out of report prose, sentence by sentence. A figure is a number with a money unit (元, 万元,
 * 亿元) or a percent sign; what it means is decided by the words right before it (its label: "预算支出总额",
 * "完成预算的的", "比上年递增"), and which fund it belongs to by the last fund named before it, in the sentence
 * or in the paragraphs above. Numbers without a unit (years, headcounts, "两个月") are never figures here.
 */
import { NumberRead, readNumberText } from "../numbers";
import { normalizeLine, splitLines } from "./normalize";
import { findSubjects, resolveSubject, SubjectMention, TOTAL_SUBJECT, UNNAMED_SUBJECT } from "./subjects";

export type AmountRole = "budget" | "actual" | "income" | "prior" | "change" | "balance" | "currentBalance";
export type RateRole = "statedCompletion" | "statedGrowth";
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
}

/** Money units and their size in 元. */
export const MONEY_UNITS: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/**
 * A number with a unit. Thousands separators and stray commas/spaces between digits are allowed ("4,568",
 * "12, 738", "4 568"): only numbers followed by a money unit or % are taken, so a stray separator cannot turn
 * two counts into one figure unnoticed. A sign right after a digit or % is a range dash (95%-105%), not a minus.
 */
const FIGURE = /(?<![\d.%])([-+]?)(\d(?:\d|,\s*(?=\d)|\s+(?=\d))*(?:\.\d+)?)\s*(亿元|万元|千元|元|亿(?![人户])|万(?![人户])|%)/g;

const FILL = "(?:为|是|达到|达|了|约|共计|合计|总计|共|计|高达|仅为|只有|到|:|\\s)*";

function tail(words: string, after = ""): RegExp {
  return new RegExp(`(?:${words})${after}${FILL}$`);
}

const NEGATIVE_BALANCE = tail("收不抵支|收支缺口|当年赤字|赤字|缺口", "(?:资金|金额|额)?");
const ACCUMULATED_BALANCE = tail(
  "累计结余|滚存结余|年末结余|历年结余|累计结存|年末滚存|期末结余|滚存|结存",
  "(?:资金|金额|额)?"
);
const CURRENT_BALANCE = tail("当年收支结余|当年结余|当期结余|本年结余|收支结余", "(?:资金|金额|额)?");
/** A plain 结余: the year's surplus right after its income and expenditure, otherwise the fund's balance. */
const PLAIN_BALANCE = tail("结余", "(?:资金|金额|额)?");
const CHANGE = tail(
  "增支|减支|增加支出|减少支出|多支出|少支出|多支|少支|增加|减少|递增|递减|增长|下降|上升|降低|减|增|多|少",
  "(?:了)?"
);
const DECREASE = /(减支|减少|少支|递减|下降|降低|降幅|减幅|减|少)[^增]*$/;
const BUDGET = tail(
  "预算|预算数|预算额|预算安排|安排预算",
  "(?:基金)?(?:支出)?(?:总额|总数|总计|数|额|金额|资金)?"
);
const INCOME = tail("收入|总收入|收入总额", "(?:共计|合计|总额|总计)?");
const ACTUAL = tail(
  "支出|执行数|执行总量|执行额|执行|决算数|决算|完成数|实际完成|实际执行",
  "(?:总额|总量|合计|共计|总计|金额|额|数)?"
);
/** A prior-year amount: "上年支出", "上年同期支出", not "比上年…" (a change). */
const PRIOR = /(?:^|[^比较与同])上年(?:同期)?(?:基金)?(?:实际)?(?:支出|执行数|决算数)/;

const COMPLETION = new RegExp(
  `(?:(?:完成|执行)(?:了)?(?:年度|全年|年初|当年)?预算(?:任务|数|目标)?|预算(?:执行|完成)(?:率|比例|进度)?|执行率|完成率|执行进度|占预算)${FILL}(?:的)*${FILL}$`
);
const GROWTH = tail(
  "增幅|增长率|增长|增速|递增|增加|上升|涨幅|增|下降|降幅|减幅|减少|递减|降低|减|下降率|降",
  "(?:了)?(?:幅度)?"
);

/** "预算支出、实际支出分别为": the labels before 分别, handed to the figures that follow in order. */
const RESPECTIVELY = /^(.*)分别(?:为|是|达到?|:)?\s*$/;

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
  while ((m = SENTENCE_END.exec(norm))) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  if (start < norm.length) out.push({ start, end: norm.length });
  return out.filter((s) => norm.slice(s.start, s.end).trim() !== "");
}

interface FigureToken extends Span {
  read: NumberRead;
  moneyUnit?: string;
}

function figuresIn(norm: string, span: Span): FigureToken[] {
  const out: FigureToken[] = [];
  const text = norm.slice(0, span.end);
  FIGURE.lastIndex = span.start;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(text))) {
    const unitWord = m[3];
    const percent = unitWord === "%";
    const digits = m[2].replace(/[,\s]/g, "");
    const read = readNumberText(`${m[1]}${digits}${percent ? "%" : ""}`);
    if (read.kind !== "number") continue;
    const token: FigureToken = { start: m.index, end: m.index + m[0].length, read };
    if (!percent) token.moneyUnit = unitWord === "万" ? "万元" : unitWord === "亿" ? "亿元" : unitWord;
    out.push(token);
  }
  return out;
}

/** The words of the clause right before a figure (after the last comma), with filler trimmed. */
function clauseTail(label: string): string {
  const comma = label.lastIndexOf(",");
  return (comma >= 0 ? label.slice(comma + 1) : label).trim();
}

function classifyAmount(t: string, lastRole: StatementRole | undefined): AmountRole | undefined {
  if (NEGATIVE_BALANCE.test(t)) return "currentBalance";
  if (ACCUMULATED_BALANCE.test(t)) return "balance";
  if (CURRENT_BALANCE.test(t)) return "currentBalance";
  if (PLAIN_BALANCE.test(t)) return lastRole === "income" || lastRole === "actual" ? "currentBalance" : "balance";
  if (CHANGE.test(t)) return "change";
  // 收入预算 is the income budget, which no rule compares with the expenditure.
  if (BUDGET.test(t)) return /收入/.test(t) ? undefined : "budget";
  if (INCOME.test(t)) return /预算(?:基金)?收入/.test(t) ? undefined : "income";
  if (ACTUAL.test(t)) return PRIOR.test(t) ? "prior" : "actual";
  return undefined;
}

function classifyRate(t: string): RateRole | undefined {
  if (COMPLETION.test(t)) return "statedCompletion";
  if (GROWTH.test(t)) return "statedGrowth";
  return undefined;
}

function negated(read: NumberRead): NumberRead {
  const digits = read.digits.startsWith("-") ? read.digits.slice(1) : read.digits;
  return { ...read, value: Math.abs(read.value) * -1 || 0, digits: read.value === 0 ? digits : `-${digits}` };
}

/** Strips "其中：", fillers and the trailing 为/是 from a component's label: "其中：养老金支出" → "养老金支出". */
function componentName(t: string): string {
  return t
    .replace(/^.*其中\s*:?\s*/, "")
    .replace(new RegExp(`${FILL}$`), "")
    .replace(/^(?:用于|包括|含)/, "")
    .trim();
}

type Event =
  | { kind: "subject"; at: number; mention: SubjectMention }
  | { kind: "among"; at: number; end: number }
  | { kind: "figure"; at: number; token: FigureToken };

/** Reads every figure statement in a text. */
export function extractStatements(text: string): Statement[] {
  const statements: Statement[] = [];
  const lines = splitLines(text);
  let context: string | undefined;
  for (let li = 0; li < lines.length; li++) {
    const original = lines[li];
    const norm = normalizeLine(original);
    const mentions = findSubjects(norm);
    if (PART_HEADING.test(norm) && mentions.length === 0) context = undefined;
    /** The last amount that can be broken down (an actual or income total), for a "其中" list. */
    let lastTotal: number | undefined;
    for (const span of sentences(norm)) {
      const quote = original.slice(span.start, span.end).trim();
      const events: Event[] = [];
      for (const m of mentions) if (m.start >= span.start && m.start < span.end) events.push({ kind: "subject", at: m.start, mention: m });
      const among = /其中/g;
      among.lastIndex = span.start;
      let am: RegExpExecArray | null;
      while ((am = among.exec(norm)) && am.index < span.end) events.push({ kind: "among", at: am.index, end: am.index + 2 });
      for (const token of figuresIn(norm, span)) events.push({ kind: "figure", at: token.start, token });
      events.sort((a, b) => a.at - b.at);

      let subject = context;
      let labelStart = span.start;
      let componentParent: number | undefined;
      let lastRole: StatementRole | undefined;
      /** Labels still to hand out in "预算支出、实际支出分别为4398万元、4568万元". */
      let respectively: string[] = [];
      for (const ev of events) {
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
        const token = ev.token;
        const label = norm.slice(labelStart, token.start);
        labelStart = token.end;
        let t = clauseTail(label);
        const listed = RESPECTIVELY.exec(t);
        if (listed) {
          const labels = listed[1].split(/[、和与及]/).filter((x) => x.trim() !== "");
          if (labels.length >= 2) {
            t = labels[0];
            respectively = labels.slice(1);
          } else respectively = [];
        } else if (respectively.length && /^[、和与及\s]*$/.test(t)) {
          t = respectively.shift()!;
        } else respectively = [];
        const base = {
          subject: subject ?? UNNAMED_SUBJECT,
          read: token.read,
          text: original.slice(token.start, token.end),
          line: li + 1,
          quote,
        };
        if (token.moneyUnit) {
          const role = classifyAmount(t, lastRole);
          if (componentParent !== undefined && (role === undefined || role === "actual" || role === "income")) {
            const parent = statements[componentParent];
            statements.push({
              ...base,
              subject: parent.subject,
              role: "component",
              moneyUnit: token.moneyUnit,
              componentName: componentName(t) || `#${statements.filter((s) => s.parent === componentParent).length + 1}`,
              parent: componentParent,
            });
            continue;
          }
          componentParent = undefined;
          if (!role) continue;
          // "比上年增加…" right after an income figure is the income's change, which no rule uses.
          if (role === "change" && (/收入|预算/.test(t) || (lastRole === "income" && !/支/.test(t)))) continue;
          const read = role === "change" && DECREASE.test(t) && token.read.value > 0 ? negated(token.read) : token.read;
          const finalRead = role === "currentBalance" && NEGATIVE_BALANCE.test(t) && read.value > 0 ? negated(read) : read;
          statements.push({ ...base, role, read: finalRead, moneyUnit: token.moneyUnit });
          if (role === "actual" || role === "income") lastTotal = statements.length - 1;
          lastRole = role;
        } else {
          componentParent = undefined;
          const role = classifyRate(t);
          if (!role) continue;
          // A growth or completion of the income ("收入…增长7.7%", "收入完成预算的105%") is not the expenditure's.
          const aboutIncome = (/收入/.test(t) || lastRole === "income") && !/支/.test(t);
          if (role === "statedGrowth" && (aboutIncome || /预算/.test(t))) continue;
          if (role === "statedCompletion" && aboutIncome) continue;
          const read = role === "statedGrowth" && DECREASE.test(t) && token.read.value > 0 ? negated(token.read) : token.read;
          statements.push({ ...base, role, read });
        }
      }
      context = subject;
    }
  }
  return statements;
}
