/**
 * The paragraphs of one fund table, in the register of 各项基金预算完成及运行情况: per fund its budget, actual
 * spending, completion, change and growth on the prior year; its 其中 items; income, the year's surplus or
 * deficit, the accumulated balance and the months it covers; then, where the check found something a reader
 * will ask about, the sentence the genre uses to explain it, left for the preparer to complete. A clause whose
 * figure is missing is left out (never written as 0); no stated rate is copied: each is computed.
 */
import Decimal from "decimal.js";
import { Finding, RuleId } from "../findings";
import { locationFields } from "../location";
import { findSubjects } from "../reportText/subjects";
import { normalizeLine } from "../reportText/normalize";
import { DEFAULT_TARGETS, Targets, targetsFor } from "../targets";
import { Catalogue, DraftLang, Explanation, fill, templateParts } from "./catalogue";
import { holds, paragraphText } from "./evaluate";
import { AmountRole, DraftRow, DraftTable } from "./input";
import { Amount, AmountFormat, Clause, Cond, FALSE, ParagraphPlan, Piece, PlanFigure, Ratio, Sentence, TRUE, and, or } from "./plan";

export interface ComposeOptions {
  lang: DraftLang;
  catalogue: Catalogue;
  /** Percent places of the drafted rates; default: the table's stated rates' places, at least 1. */
  rateDecimals?: number;
  /** Thresholds for the live explanations of the formulas (the drafted text follows the findings). */
  targets?: Targets;
}

/** A finding the paragraph does not explain: for the preparer, not for the report. */
export interface DraftNote {
  rule: RuleId;
  cell: string;
  text: string;
}

export interface DraftParagraph {
  /** The row's name as the table writes it. */
  subject: string;
  /** The name the paragraph writes (a bare 合计 is the catalogue's name of all funds; English names from it). */
  name: string;
  /** Index of the row in the table, and where its name stands. */
  row: number;
  cell: string;
  text: string;
  /** The paragraph as a plan, for its live formula (formulas.ts). */
  plan: ParagraphPlan;
  /** The explanations it asks for. */
  explanations: Explanation[];
  notes: DraftNote[];
}

/** Months of the balance are written with one decimal, as the check writes them. */
const MONTH_DECIMALS = 1;

const BARE_TOTAL = /^(?:合计|总计|共计|总合计|合\s*计|总\s*计|total|grand\s*total)$/i;

/** The canonical name of a fund (城乡居民养老保险 → 城乡居民基本养老保险), when the text names exactly one. */
function canonicalFund(subject: string): string | undefined {
  const mentions = findSubjects(normalizeLine(subject)).filter((m) => !m.generic);
  return mentions.length === 1 ? mentions[0].subject : undefined;
}

export function displayName(row: DraftRow, catalogue: Catalogue): string {
  const subject = row.subject.trim();
  if ((row.kind === "total" && BARE_TOTAL.test(subject)) || subject === "") return catalogue.totalName;
  const glossary = catalogue.funds;
  if (subject in glossary) return glossary[subject];
  const canonical = canonicalFund(subject);
  return canonical !== undefined && canonical in glossary ? glossary[canonical] : subject;
}

/** A template's text with placeholders filled by pieces (an amount, a rate) or text. */
function piecesOf(template: string, values: Record<string, Piece[] | string>): Piece[] {
  const out: Piece[] = [];
  for (const part of templateParts(template)) {
    if (typeof part === "string") out.push(part);
    else {
      const v = values[part.p];
      if (typeof v === "string") out.push(v);
      else if (v) out.push(...v);
    }
  }
  return out;
}

/** Decimal text of a threshold, never with an exponent. */
function thresholdText(value: number): string {
  return new Decimal(value).toFixed();
}

class Composer {
  private readonly format: AmountFormat;
  private readonly rateDecimals: number;

  constructor(
    private readonly table: DraftTable,
    private readonly options: ComposeOptions
  ) {
    const c = options.catalogue;
    const unit = table.unit;
    const wording = unit !== undefined ? c.units[unit] : undefined;
    const unitName = wording ? wording.name : (unit ?? "");
    const template = fill(c.amount, { unit: unitName });
    this.format = { shift: wording ? wording.shift : 0, template: unitName === "" ? template.trim() : template };
    this.rateDecimals = options.rateDecimals ?? Math.max(1, table.statedRateDecimals ?? 1);
  }

  private get c(): Catalogue {
    return this.options.catalogue;
  }

  private amount(a: Amount, abs = false): Piece[] {
    return [{ k: "amount", amount: a, abs, format: this.format }];
  }

  private percent(ratio: Ratio, abs = false): Piece[] {
    return [{ k: "percent", ratio, decimals: this.rateDecimals, abs, template: this.c.rate }];
  }

  private sentence(lead: Piece[], clauses: Clause[]): Sentence {
    return { lead, clauses, join: this.c.clauseJoin, end: this.c.sentenceEnd };
  }

  paragraph(row: DraftRow): DraftParagraph {
    const c = this.c;
    const rows = this.table.rows;
    const targets = targetsFor(this.options.targets ?? DEFAULT_TARGETS, row.subject);
    const ruleOn = (id: RuleId) => targets.severity?.[id] !== "off";
    const found = (id: RuleId, cell?: string) => row.findings.some((f) => f.rule === id && (cell === undefined || locationFields(f.at).cell === cell));

    const fig = (role: AmountRole): PlanFigure | undefined => row.figures[role];
    const A = fig("actual");
    const B = fig("budget");
    const Pr = fig("prior");
    const C = fig("statedChange");
    const I = fig("income");
    const Bal = fig("balance");
    // One object per figure, so that a condition met twice is written once.
    const amounts = new Map<PlanFigure, Amount>();
    const presents = new Map<PlanFigure, Cond>();
    const amt = (f: PlanFigure): Amount => amounts.get(f) ?? (amounts.set(f, { k: "fig", fig: f }), amounts.get(f)!);
    const present = (f: PlanFigure): Cond => presents.get(f) ?? (presents.set(f, { k: "present", fig: f }), presents.get(f)!);
    const name = displayName(row, c);

    const main: Clause[] = [];
    const balances: Clause[] = [];
    /** `cells`: the cells whose finding the explanation answers (default: any of its rule's on the row). */
    const explain: { key: Explanation; found: boolean; live: Cond; cells?: string[] }[] = [];
    const incomeItems = row.components.length > 0 && row.componentsOf === "income";
    const expenditureItems = row.components.length > 0 && row.componentsOf === "actual";

    // 收入
    const incomeClause: Clause | undefined = I ? { cond: present(I), pieces: piecesOf(c.income, { amount: this.amount(amt(I)) }) } : undefined;
    if (incomeClause && !incomeItems) main.push(incomeClause);
    // 预算支出, 实际支出
    if (B) main.push({ cond: present(B), pieces: piecesOf(c.budget, { amount: this.amount(amt(B)) }) });
    if (A) main.push({ cond: present(A), pieces: piecesOf(B ? c.actual : c.actualWithoutBudget, { amount: this.amount(amt(A)) }) });
    // 完成预算的 …%: from a positive budget and a spending that is not negative (as the checks compute it).
    let completionCond: Cond = FALSE;
    let completion: Ratio | undefined;
    if (A && B) {
      completion = { fn: "completion", actual: amt(A), budget: amt(B) };
      completionCond = and(present(A), present(B), { k: "cmp", a: amt(B), op: ">", b: 0 }, { k: "cmp", a: amt(A), op: ">=", b: 0 });
      main.push({ cond: completionCond, pieces: piecesOf(c.completion, { rate: this.percent(completion) }) });
    }
    // 比上年增支/减支 …, 增长/下降 …%: from the prior year's figure where the table has a column for it, else from
    // its stated change (one source per table, so the live formula need not choose between them cell by cell).
    let growthCond: Cond = FALSE;
    let growth: Ratio | undefined;
    if ((A && Pr) || C) {
      const changeCond: Cond = A && Pr ? and(present(A), present(Pr)) : present(C!);
      const change: Amount = A && Pr ? { k: "sub", fn: "change", a: amt(A), b: amt(Pr) } : amt(C!);
      const up: Cond = { k: "cmp", a: change, op: ">", b: 0 };
      const size = this.amount(change, true);
      main.push({
        cond: changeCond,
        pieces: [
          {
            k: "choose",
            cond: { k: "cmp", a: change, op: "<>", b: 0 },
            then: [{ k: "choose", cond: up, then: piecesOf(c.changeUp, { amount: size }), else: piecesOf(c.changeDown, { amount: size }) }],
            else: piecesOf(c.changeNone, {}),
          },
        ],
      });
      if (A) {
        const prior: Amount = Pr ? amt(Pr) : { k: "sub", fn: "change", a: amt(A), b: amt(C!) };
        growth = { fn: "growth", current: amt(A), prior, change };
        // A growth needs a spending that is not negative and a prior year above 0; an unchanged year says 持平.
        growthCond = and(changeCond, present(A), { k: "cmp", a: amt(A), op: ">=", b: 0 }, { k: "cmp", a: prior, op: ">", b: 0 }, { k: "cmp", a: change, op: "<>", b: 0 });
        const rate = this.percent(growth, true);
        main.push({ cond: growthCond, pieces: [{ k: "choose", cond: up, then: piecesOf(c.growthUp, { rate }), else: piecesOf(c.growthDown, { rate }) }] });
      }
    }
    // 当年收支结余 / 收不抵支, 年末累计结余, 可支付 … 个月
    if (I && A) {
      const surplus: Amount = { k: "sub", fn: "balance", a: amt(I), b: amt(A) };
      const size = this.amount(surplus, true);
      balances.push({
        cond: and(present(I), present(A)),
        pieces: [
          {
            k: "choose",
            cond: { k: "cmp", a: surplus, op: "<>", b: 0 },
            then: [{ k: "choose", cond: { k: "cmp", a: surplus, op: ">", b: 0 }, then: piecesOf(c.currentSurplus, { amount: size }), else: piecesOf(c.currentDeficit, { amount: size }) }],
            else: piecesOf(c.currentBalanced, {}),
          },
        ],
      });
    }
    if (Bal) balances.push({ cond: present(Bal), pieces: piecesOf(c.balance, { amount: this.amount(amt(Bal)) }) });
    let monthsCond: Cond = FALSE;
    let months: Ratio | undefined;
    if (Bal && A) {
      months = { fn: "months", balance: amt(Bal), expenditure: amt(A) };
      monthsCond = and(present(Bal), present(A), { k: "cmp", a: amt(A), op: ">", b: 0 });
      balances.push({ cond: monthsCond, pieces: piecesOf(c.payableMonths, { months: [{ k: "number", ratio: months, decimals: MONTH_DECIMALS }] }) });
    }

    // 其中: the items under the total they break down, written only beside their total ("其中" after nothing
    // would make the first item read as the fund's own spending).
    const itemsOf = (role: "actual" | "income"): { clauses: Clause[]; parts: PlanFigure[]; cond: Cond } => {
      const clauses: Clause[] = [];
      const parts: PlanFigure[] = [];
      const total = row.figures[role];
      for (const k of row.components) {
        const f = rows[k].figures[role];
        if (!f) continue;
        parts.push(f);
        clauses.push({ cond: present(f), pieces: piecesOf(c.component, { name: displayName(rows[k], c), amount: this.amount(amt(f)) }) });
      }
      return { clauses, parts, cond: total ? present(total) : TRUE };
    };

    const lead = piecesOf(c.fundLead, { fund: name });
    const sentences: Sentence[] = [];
    if (incomeItems && incomeClause) {
      sentences.push(this.sentence(lead, [incomeClause]));
      const items = itemsOf("income");
      sentences.push({ ...this.sentence(piecesOf(c.componentsLead, {}), items.clauses), cond: items.cond });
      sentences.push(this.sentence(lead, main));
      sentences.push(this.sentence([], balances));
    } else if (expenditureItems) {
      sentences.push(this.sentence(lead, main));
      const items = itemsOf("actual");
      sentences.push({ ...this.sentence(piecesOf(c.componentsLead, {}), items.clauses), cond: items.cond });
      sentences.push(this.sentence([], balances));
    } else {
      sentences.push(this.sentence(lead, [...main, ...balances]));
    }

    // Explanations the genre asks for, where the check found something (live: where it would now).
    if (completion) {
      const band = targets.completionBand;
      const on = ruleOn("completion-band");
      const below: Cond = { k: "ratioCmp", ratio: completion, op: "<", threshold: thresholdText(band.okLow) };
      const above: Cond = { k: "ratioCmp", ratio: completion, op: ">", threshold: thresholdText(band.okHigh) };
      const has = found("completion-band") && holds(completionCond);
      explain.push({ key: "overBudget", found: has && !holds(below), live: on ? and(completionCond, above) : FALSE });
      explain.push({ key: "underBudget", found: has && holds(below), live: on ? and(completionCond, below) : FALSE });
    }
    if (A && B) {
      const cond = and(present(B), present(A), { k: "cmp", a: amt(B), op: "=", b: 0 }, { k: "cmp", a: amt(A), op: ">", b: 0 });
      explain.push({ key: "unbudgeted", found: found("unbudgeted-spending"), live: ruleOn("unbudgeted-spending") ? cond : FALSE });
    }
    /** A band rule's explanations, one per edge: the ratio beyond it (above a high edge, below a low one). */
    const outsideBand = (rule: RuleId, ratio: Ratio, ratioCond: Cond, edges: readonly (readonly [Explanation, ">" | "<", number])[]) => {
      const on = ruleOn(rule);
      const has = found(rule) && holds(ratioCond);
      for (const [key, op, edge] of edges) {
        const beyond: Cond = { k: "ratioCmp", ratio, op, threshold: thresholdText(edge) };
        explain.push({ key, found: has && holds(beyond), live: on ? and(ratioCond, beyond) : FALSE });
      }
    };
    if (growth) {
      const band = targets.growthBand;
      outsideBand("yoy-growth-band", growth, growthCond, [["growthHigh", ">", band.high], ["growthLow", "<", band.low]]);
    }
    const listed = row.components.length ? row.figures[row.componentsOf] : undefined;
    if (listed) {
      const { parts } = itemsOf(row.componentsOf);
      if (parts.length) {
        const on = ruleOn("components-sum");
        const S: Amount = { k: "sum", items: parts };
        const T: Amount = amt(listed);
        const half: Amount = { k: "const", value: new Decimal(0.5).div(new Decimal(10).pow(listed.places)).toFixed(), places: listed.places + 1 };
        // (Over a total that is not negative, a list with no figure at all can be neither over nor short: no
        // test that an item is there is needed.)
        const over = and(present(listed), { k: "cmp", a: T, op: ">=", b: 0 }, { k: "cmp", a: { k: "sub", fn: "change", a: S, b: T }, op: ">", b: half });
        // A list short of its total is a full breakdown (and so checked) only when it covers the coverage target.
        const short = and(
          { k: "cmp", a: T, op: ">", b: 0 },
          { k: "cmp", a: { k: "sub", fn: "change", a: T, b: S }, op: ">", b: half },
          { k: "ratioCmp", ratio: { fn: "share", part: S, total: T }, op: ">=", threshold: thresholdText(targets.componentsCoverage) }
        );
        const has = found("components-sum", listed.ref);
        explain.push({ key: "componentsShort", found: has && holds(short), live: on ? short : FALSE, cells: [listed.ref] });
        explain.push({ key: "componentsOver", found: has && holds(over), live: on ? over : FALSE, cells: [listed.ref] });
      }
    }
    if ((row.kind === "total" || row.kind === "subtotal") && row.members.length) {
      const conds: Cond[] = [];
      const cells: string[] = [];
      let has = false;
      for (const role of ["budget", "actual", "income", "prior", "balance"] as const) {
        const T = row.figures[role];
        if (!T) continue;
        const parts = row.members.map((m) => rows[m].figures[role]).filter((f): f is NonNullable<typeof f> => f !== undefined);
        if (!parts.length) continue;
        has ||= found("components-sum", T.ref);
        cells.push(T.ref);
        const S: Amount = { k: "sum", items: parts };
        const half: Amount = { k: "const", value: new Decimal(0.5).div(new Decimal(10).pow(T.places)).toFixed(), places: T.places + 1 };
        // Every row it adds up must hold a number (a blank one is missing-value's, not a wrong total).
        conds.push(
          and(
            present(T),
            ...parts.map(present),
            or({ k: "cmp", a: { k: "sub", fn: "change", a: S, b: amt(T) }, op: ">", b: half }, { k: "cmp", a: { k: "sub", fn: "change", a: amt(T), b: S }, op: ">", b: half })
          )
        );
      }
      if (conds.length) explain.push({ key: "totalMismatch", found: has, live: ruleOn("components-sum") ? or(...conds) : FALSE, cells });
    }
    if (I && A) {
      const cond = and(present(I), present(A), { k: "cmp", a: amt(I), op: ">=", b: 0 }, { k: "cmp", a: amt(A), op: ">=", b: 0 }, { k: "cmp", a: amt(A), op: ">", b: amt(I) });
      explain.push({ key: "deficit", found: found("budget-balance") && holds(cond), live: ruleOn("budget-balance") ? cond : FALSE });
    }
    if (months) {
      const band = targets.payableMonths;
      outsideBand("payable-months-band", months, monthsCond, [["monthsLow", "<", band.warningBelow], ["monthsHigh", ">", band.infoAbove]]);
    }
    for (const e of explain) {
      sentences.push(this.sentence([], [{ cond: { k: "finding", found: e.found, live: e.live }, pieces: [c.explain[e.key]] }]));
    }

    const plan: ParagraphPlan = { sentences, join: c.sentenceJoin };
    const explanations = explain.filter((e) => e.found).map((e) => e.key);
    return {
      subject: row.subject,
      name,
      row: row.index,
      cell: row.cell,
      text: paragraphText(plan),
      plan,
      explanations,
      notes: this.notes(row, explain.filter((e) => e.found)),
    };
  }

  /** The row's findings that no explanation answers: stated figures the draft corrected, figures it left out. */
  private notes(row: DraftRow, answered: { key: Explanation; cells?: string[] }[]): DraftNote[] {
    const isAnswered = (f: Finding) => answered.some((e) => EXPLAINS[e.key] === f.rule && (e.cells === undefined || e.cells.includes(locationFields(f.at).cell)));
    return row.findings.filter((f) => !isAnswered(f)).map((f) => ({ rule: f.rule, cell: locationFields(f.at).cell, text: f.message[this.options.lang] }));
  }
}

const EXPLAINS: Record<Explanation, RuleId> = {
  overBudget: "completion-band",
  underBudget: "completion-band",
  unbudgeted: "unbudgeted-spending",
  growthHigh: "yoy-growth-band",
  growthLow: "yoy-growth-band",
  componentsShort: "components-sum",
  componentsOver: "components-sum",
  totalMismatch: "components-sum",
  deficit: "budget-balance",
  monthsLow: "payable-months-band",
  monthsHigh: "payable-months-band",
};

/** The paragraphs of a table, in row order (a fund's own 其中 rows are in its paragraph). */
export function composeParagraphs(table: DraftTable, options: ComposeOptions): DraftParagraph[] {
  const composer = new Composer(table, options);
  const out: DraftParagraph[] = [];
  for (const row of table.rows) {
    if (!row.paragraph) continue;
    const p = composer.paragraph(row);
    if (p.text === "" && !p.plan.sentences.some((s) => s.clauses.length)) continue;
    out.push(p);
  }
  return out;
}
