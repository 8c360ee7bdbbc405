/**
 * Header labels → column roles (docs/reference.md, “JSON output”, roles). Labels are folded (full width → half width, case, spaces) and a
 * unit or percent suffix is taken off first: "预算支出（万元）" is budget in 万元, "完成率(%)" a completion rate
 * written in percent points.
 */
import { toHalfWidth } from "../numbers";
import { FundRole, IndicatorRole } from "../model";
import { MONEY_UNIT_PATTERN } from "../units";

export interface LabelInfo {
  /** The folded label with unit suffixes removed. */
  folded: string;
  role?: FundRole | IndicatorRole;
  /** A money or count unit named in the label: 万元, 元, 亿元, 人 … */
  unit?: string;
  /** The label marks its figures as percent ("完成率(%)", "增幅%"). */
  percent: boolean;
  /** A year the label names ("2019年", "2019"), for two-row headers grouping columns by year. */
  year?: number;
  /** The label says the column is the prior year ("上年") or this year ("本年"). */
  period?: "current" | "prior";
}

/** Folds a label: half width, lower case, no spaces or line breaks. */
export function foldLabel(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(/[\s\u00a0]+/g, "");
}

// A unit in brackets ("(万元)", "（单位：元）", "(10,000 yuan)") or a bare percent sign ("增幅%").
const UNIT_SUFFIX = new RegExp(`(?:[([（【](?:单位[:：]?|unit[:：]?)?(${MONEY_UNIT_PATTERN}|万人|人次|人|户|个月|月|%|百分比|‰|10,?000yuan|yuan|rmb10,?000|rmb|10k|people|months?)[)\\]）】]|(%|‰))$`);

type Pattern = [RegExp, FundRole | IndicatorRole];

// Order matters: the first pattern that matches wins, so the specific comes before the general
// ("上年支出" is prior before 支出 can make it actual; "预算完成率" is a rate before 预算 can make it budget).
const PATTERNS: Pattern[] = [
  // indicator tables
  [/^一级指标|^level1|^first-levelindicator/, "level1"],
  [/^二级指标|^level2|^second-levelindicator/, "level2"],
  [/^三级指标|指标名称|^指标内容|^绩效指标$|^indicator(name)?$|^third-levelindicator/, "indicator"],
  [/偏差原因|原因分析|改进措施|^reason|^deviation/, "reason"],
  [/年度指标值|^目标值|^指标值|年度目标值|^年度目标$|^预期目标|^target(value)?$|^annualtarget/, "target"],
  [/实际完成值|^完成值|^实际值|^全年实际值|^实际完成情况|^actualvalue|^achieved/, "indicatorActual"],
  [/^分值|^权重|^weight|^maxscore/, "weight"],
  [/^得分|^评分|^score/, "score"],
  // fund tables
  // A ratio to the prior year (决算数为上年决算数的%, 为上年的%: 114.6 means +14.6%) before completion and prior.
  [/为上年|为去年|上年=100|^indexonprior/, "statedIndex"],
  [/完成率|执行率|完成预算|完成比例|执行进度|为预算数?的|占预算|^completion|^executionrate|%ofbudget|ofbudget$/, "statedCompletion"],
  [/增幅|增长率|增速|增减率|增减幅度|增长幅度|变动率|^同比$|同比增长$|同比增长率|growth|^yoy|%change|changerate/, "statedGrowth"],
  [/增减额|比上年增减|同比增减|增支|增减支|增加额|增长额|增减$|增减变化|^(?:比上年)?增长$|^change|^increase|^difference/, "statedChange"],
  // Balances before 上年: 上年结余 is the balance brought forward, not last year's spending.
  [/(?:上年|去年|上期|年初|期初|上年末)(?:累计|滚存)?(?:结余|结存)|^openingbalance|broughtforward/, "openingBalance"],
  [/累计结余|滚存结余|累计结存|期末结余|年末结余|年末累计|年末滚存|结余总额|^balance|^reserve|^closingbalance|^accumulated/, "balance"],
  [/(?:本年|当年|本期|当期)(?:收支)?结余|收支结余|结余|结存|^surplus/, "surplus"],
  [/上年|去年|上期|上一年|prior|lastyear|previousyear|^py$/, "prior"],
  [/预算|budget|^plan(ned)?$/, "budget"],
  [/收入|^income|^revenue|^receipts/, "income"],
  [/人数|人次|^recipients|^people|^headcount|^beneficiaries|^persons/, "people"],
  [/支出|执行数|决算|完成数|执行金额|实际数|^actual|^expenditure|^spent|^spending|^outturn/, "actual"],
  [/^基金名称|^险种|^项目|名称$|^基金$|^基金类别|^险种名称|^fund|^item|^scheme|^programme|^program|^name$|^description$/, "subject"],
];

const YEAR = /^(?:(19|20)\d{2})(?:年度?|年末|年)?$/;

const cache = new Map<string, LabelInfo>();

/** What a header label says about its column. Cached: header texts repeat across sheets and tables. */
export function readLabel(text: string): LabelInfo {
  const hit = cache.get(text);
  if (hit) return hit;
  let folded = foldLabel(text);
  let unit: string | undefined;
  let percent = false;
  // Peel suffixes: "执行数(万元)", "完成率(%)", "增幅%".
  for (let guard = 0; guard < 3; guard++) {
    const m = UNIT_SUFFIX.exec(folded);
    if (!m || m.index === 0) break;
    const u = m[1] ?? m[2];
    if (u === "%" || u === "百分比" || u === "‰") percent = true;
    else unit = unit ?? englishUnit(u);
    folded = folded.slice(0, m.index);
  }
  // "单位：万元" alone is not a label but says the unit.
  const info: LabelInfo = { folded, unit, percent };
  const year = YEAR.exec(folded);
  if (year) info.year = Number(folded.slice(0, 4));
  else {
    const yearPrefix = /^((?:19|20)\d{2})年?/.exec(folded);
    const rest = yearPrefix ? folded.slice(yearPrefix[0].length) : folded;
    if (yearPrefix && rest) info.year = Number(yearPrefix[1]);
    if (/^(上年|去年|上期|prior|lastyear|previousyear)/.test(rest) && rest.length <= 4) info.period = "prior";
    if (/^(本年|今年|本期|当年|currentyear|thisyear)/.test(rest)) info.period = "current";
    let role = matchRole(rest);
    // "比上年增减(%)" is a growth rate, not an amount.
    if (role === "statedChange" && percent) role = "statedGrowth";
    // Balances name their own time (上年结余 is this year's opening balance, 本年结余 this year's surplus).
    if (role === "openingBalance" || role === "surplus" || role === "balance") delete info.period;
    if (role) info.role = role;
    else if (info.period === "prior") info.role = "prior";
  }
  if (cache.size < 10000) cache.set(text, info);
  return info;
}

function englishUnit(u: string): string {
  if (/10,?000|10k/.test(u)) return "万元";
  if (u === "yuan" || u === "rmb") return "元";
  if (u === "people") return "人";
  if (u === "month" || u === "months") return "个月";
  return u;
}

function matchRole(folded: string): FundRole | IndicatorRole | undefined {
  if (!folded) return undefined;
  // This year's surplus keeps its 本年/当年: stripped, "当年结余" would read as a plain 结余.
  if (/^(?:本年|当年|本期|当期)(?:收支)?(?:结余|结存)/.test(folded)) return "surplus";
  // Strip a leading "本年"/"当年" that only says "this year".
  const s = folded.replace(/^(本年|今年|本期|当年|全年)(?=.)/, "");
  for (const [re, role] of PATTERNS) if (re.test(s)) return role;
  return undefined;
}

const UNIT_LINE = new RegExp(`(?:单位|unit)[:：]?(${MONEY_UNIT_PATTERN}|10,?000yuan|yuan|rmb10,?000|rmb)`);

/** "单位：万元", "（单位：元）", "金额单位:万元", "unit: 10,000 yuan" → the unit, else undefined. */
export function readUnitLine(text: string): string | undefined {
  const t = foldLabel(text);
  const m = UNIT_LINE.exec(t);
  if (!m) return undefined;
  const u = m[1];
  if (/10,?000/.test(u)) return "万元";
  if (u === "yuan" || u === "rmb") return "元";
  return u;
}

