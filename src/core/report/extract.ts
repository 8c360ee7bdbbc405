/**
 * Reads figures out of report prose, sentence by sentence. A figure is a number with a money unit (元, 万元,
 * 亿元) or a percent sign; what it means is decided by the words right before it (its label: "预算支出总额",
 * "完成预算的的", "比上年递增"), and which fund it belongs to by the last fund named before it, in the sentence
 * or in the paragraphs above. Numbers without a unit (years, headcounts, "两个月") are never figures here.
 */
import { NumberRead, readNumberText } from "../numbers";
import { Label, LABEL_WINDOW, labelPattern } from "./labels";
import { normalizeLine, splitLines } from "./normalize";
import { scanNumbers } from "./tokens";
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

/** The figures of a line (numbers with a money unit or %), read. */
function figuresIn(norm: string): FigureToken[] {
  const out: FigureToken[] = [];
  for (const t of scanNumbers(norm)) {
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
  | { kind: "figure"; at: number; token: FigureToken };

/** Every 其中 of a line. */
function amongIn(norm: string): number[] {
  const out: number[] = [];
  for (let at = norm.indexOf("其中"); at >= 0; at = norm.indexOf("其中", at + 2)) out.push(at);
  return out;
}

/** Reads every figure statement in a text. Linear in the text's length: each line is scanned a fixed number of times. */
export function extractStatements(text: string): Statement[] {
  const statements: Statement[] = [];
  /** Components already listed under each total (for the names of unnamed ones: "#3"). */
  const componentCount = new Map<number, number>();
  const lines = splitLines(text);
  let context: string | undefined;
  for (let li = 0; li < lines.length; li++) {
    const original = lines[li];
    const norm = normalizeLine(original);
    const mentions = findSubjects(norm);
    if (PART_HEADING.test(norm) && mentions.length === 0) context = undefined;
    const amongs = amongIn(norm);
    const tokens = figuresIn(norm);
    let mi = 0;
    let ai = 0;
    let ti = 0;
    /** The last amount that can be broken down (an actual or income total), for a "其中" list. */
    let lastTotal: number | undefined;
    for (const span of sentences(norm)) {
      let quote: string | undefined;
      const events: Event[] = [];
      while (mi < mentions.length && mentions[mi].start < span.start) mi++;
      for (; mi < mentions.length && mentions[mi].start < span.end; mi++) events.push({ kind: "subject", at: mentions[mi].start, mention: mentions[mi] });
      while (ai < amongs.length && amongs[ai] < span.start) ai++;
      for (; ai < amongs.length && amongs[ai] < span.end; ai++) events.push({ kind: "among", at: amongs[ai] });
      while (ti < tokens.length && tokens[ti].start < span.start) ti++;
      // A figure belongs to the sentence it starts in (its unit may run past a sentence end only in odd text).
      for (; ti < tokens.length && tokens[ti].start < span.end; ti++) events.push({ kind: "figure", at: tokens[ti].start, token: tokens[ti] });
      if (!events.some((e) => e.kind === "figure")) {
        for (const ev of events) if (ev.kind === "subject") context = resolveSubject(ev.mention, context);
        continue;
      }
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
        const clause = norm.slice(Math.max(labelStart, token.start - LABEL_WINDOW), token.start);
        labelStart = token.end;
        let t = new Label(clause);
        const listed = RESPECTIVELY.exec(t.text);
        if (listed) {
          const labels = t.text.slice(0, listed.index).split(LIST_SEPARATOR).filter((x) => x.trim() !== "");
          if (labels.length >= 2) {
            t = new Label(labels[0]);
            respectively = labels.slice(1);
          } else respectively = [];
        } else if (respectively.length && /^[、和与及\s]*$/.test(t.text)) {
          t = new Label(respectively.shift()!);
        } else respectively = [];
        quote ??= original.slice(span.start, span.end).trim();
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
            const count = (componentCount.get(componentParent) ?? 0) + 1;
            componentCount.set(componentParent, count);
            statements.push({
              ...base,
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
          statements.push({ ...base, role, read: finalRead, moneyUnit: token.moneyUnit });
          if (role === "actual" || role === "income") lastTotal = statements.length - 1;
          lastRole = role;
        } else {
          componentParent = undefined;
          const role = classifyRate(t);
          if (!role) continue;
          // A growth or completion of the income ("收入…增长7.7%", "收入完成预算的105%") is not the expenditure's.
          const aboutIncome = (t.has(/收入/) || lastRole === "income") && !t.has(/支/);
          if (role === "statedGrowth" && (aboutIncome || t.has(/预算/))) continue;
          if (role === "statedCompletion" && aboutIncome) continue;
          const read = role === "statedGrowth" && isDecrease(t) && token.read.value > 0 ? negated(token.read) : token.read;
          statements.push({ ...base, role, read });
        }
      }
      context = subject;
    }
  }
  return statements;
}
