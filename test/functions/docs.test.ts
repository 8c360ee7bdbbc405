/** The README's function table: every example returns what the table says. */
import fs from "fs";
import path from "path";
import * as F from "../../src/functions/functions";
import { setFunctionsLanguage } from "../../src/functions/language";

const BY_NAME: Record<string, (...args: unknown[][][]) => unknown[][]> = {
  COMPLETION_RATE: F.completionRate,
  YOY_GROWTH: F.yoyGrowth,
  YOY_CHANGE: F.yoyChange,
  BUDGET_VARIANCE: F.budgetVariance,
  PRIOR_FROM_GROWTH: F.priorFromGrowth,
  CAGR: F.cagr,
  SHARE: F.share,
  PAYABLE_MONTHS: F.payableMonths,
  PER_CAPITA: F.perCapita,
  BALANCE: F.balance,
  SUM_MATCHES: F.sumMatches,
  RATE_MATCHES: F.rateMatches,
  TARGET_MET: F.targetMet,
  INDICATOR_SCORE: F.indicatorScore,
  EXECUTION_STATUS: F.executionStatus,
};

/** An Excel argument as written in the docs: a number, a/b, "text", or an array constant {1;2;3}. */
function argument(text: string): unknown[][] {
  const t = text.trim();
  if (t.startsWith('"')) return [[JSON.parse(t)]];
  if (t.startsWith("{")) return t.slice(1, -1).split(";").map((row) => row.split(",").map(Number));
  const division = /^(-?[\d.]+)\/(-?[\d.]+)$/.exec(t);
  if (division) return [[Number(division[1]) / Number(division[2])]];
  if (/^-?[\d.]+$/.test(t)) return [[Number(t)]];
  throw new Error("cannot read example argument " + t);
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "{") depth++;
    if (!quoted && ch === "}") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

function shown(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && value !== null && "code" in value) {
    const e = value as { code: string; message?: string };
    return e.message ? `${e.code} ${e.message}` : e.code;
  }
  return String(value);
}

const doc = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const examples = [...doc.matchAll(/\| `=FUND\.([A-Z_]+)\((.*)\)` \| `(.*)` \|$/gm)].map((m) => ({ name: m[1], args: m[2], expected: m[3] }));

test("the docs have an example for each of the fifteen functions", () => {
  expect(new Set(examples.map((e) => e.name))).toEqual(new Set(Object.keys(BY_NAME)));
});

describe("each docs example returns the documented value", () => {
  beforeAll(() => setFunctionsLanguage("zh"));
  afterAll(() => setFunctionsLanguage(undefined));
  test.each(examples.map((e) => [`=FUND.${e.name}(${e.args})`, e] as const))("%s", (_, e) => {
    const result = BY_NAME[e.name](...splitArgs(e.args).map(argument));
    expect(result).toHaveLength(1);
    expect(shown(result[0][0])).toBe(e.expected);
  });
});
