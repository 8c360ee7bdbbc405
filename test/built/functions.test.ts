/**
 * The BUILT custom functions (dist/functions.js) in a plain JavaScript sandbox, as in Excel's JavaScript-only
 * custom functions runtime: no DOM, no window, no Office; only a CustomFunctions global. The bundle must register
 * all fifteen functions through CustomFunctions.associate, and they must work on values, ranges and errors.
 * Also checks the generated metadata (dist/functions.json) and its Chinese twin (dist/functions.zh-CN.json).
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { BUILD_TIMEOUT_MS, DIST, ensureDistFunctions } from "../helpers/build";

const IDS = [
  "COMPLETION_RATE",
  "YOY_GROWTH",
  "YOY_CHANGE",
  "BUDGET_VARIANCE",
  "PRIOR_FROM_GROWTH",
  "CAGR",
  "SHARE",
  "PAYABLE_MONTHS",
  "PER_CAPITA",
  "BALANCE",
  "SUM_MATCHES",
  "RATE_MATCHES",
  "TARGET_MET",
  "INDICATOR_SCORE",
  "EXECUTION_STATUS",
];

/** What the fake runtime records. */
class FakeError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};
type Registered = (...args: unknown[]) => unknown[][];
const registered = new Map<string, Registered>();

interface Metadata {
  functions: { id: string; name: string; description?: string; parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[]; result: { dimensionality?: string } }[];
}
let metadata: Metadata;
let zhMetadata: Metadata;

beforeAll(() => {
  ensureDistFunctions();
  const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  const sandbox = {
    CustomFunctions: {
      associate: (id: string, fn: Registered) => {
        registered.set(id, fn);
      },
      Error: FakeError,
      ErrorCode,
    },
  };
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox, { filename: "functions.js" });
  metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  zhMetadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.zh-CN.json"), "utf8"));
}, BUILD_TIMEOUT_MS);

const call = (id: string, ...args: unknown[]) => {
  const fn = registered.get(id);
  if (!fn) throw new Error(id + " was not registered");
  return fn(...args);
};

describe("dist/functions.js in a JS-only sandbox", () => {
  test("registers exactly the fifteen functions", () => {
    expect([...registered.keys()].sort()).toEqual([...IDS].sort());
  });

  test("single values (as 1×1 ranges) — the seed figures", () => {
    const rate = call("COMPLETION_RATE", [[806]], [[398]]);
    expect(rate[0][0]).toBeCloseTo(2.0251256281407, 12);
    expect(call("RATE_MATCHES", [["97%"]], [[4568 / 4398]])).toEqual([[false]]);
    expect(call("RATE_MATCHES", [[0.97]], [[12328 / 12738]])).toEqual([[true]]);
    expect(call("SUM_MATCHES", [[4568]], [[4277], [74], [215]])).toEqual([[false]]);
    expect(call("TARGET_MET", [["97%"]], [["≥95%"]])).toEqual([[true]]);
    expect(call("INDICATOR_SCORE", [["90%"]], [["≥95%"]], [[10]])).toEqual([[9.47]]);
    // no Office and no navigator in the sandbox: labels fall back to Chinese
    expect(call("EXECUTION_STATUS", [[806]], [[398]])).toEqual([["超预算"]]);
  });

  test("ranges spill, with a single value broadcast", () => {
    const result = call("COMPLETION_RATE", [[4568], [12328], ["1,011"], [806]], [[4398], [12738], [1015], [398]]);
    expect(result.map((r) => Math.round((r[0] as number) * 1000) / 10)).toEqual([103.9, 96.8, 99.6, 202.5]);
    expect(call("PER_CAPITA", [[1011], [2022]], [[1618]], [[10000]]).map((r) => Math.round(r[0] as number))).toEqual([6248, 12497]);
  });

  test("errors are the runtime's CustomFunctions.Error with code and message", () => {
    const [[div0]] = call("COMPLETION_RATE", [[1]], [[0]]);
    expect(div0).toBeInstanceOf(FakeError);
    expect(div0).toMatchObject({ code: "#DIV/0!" });
    const [[bad]] = call("YOY_GROWTH", [[1]], [["abc"]]);
    expect(bad).toBeInstanceOf(FakeError);
    expect(bad).toMatchObject({ code: "#VALUE!", message: 'prior: not a number: "abc"' });
    const [[blank]] = call("BALANCE", [[null]], [[1]]);
    expect(blank).toMatchObject({ code: "#N/A", message: "missing value" });
    const [[shape]] = call("SHARE", [[1], [2]], [[1], [2], [3]]);
    expect(shape).toMatchObject({ code: "#VALUE!", message: "shapes differ: part is 2×1, total is 3×1" });
    const [[num]] = call("CAGR", [[0]], [[1]], [[1]]);
    expect(num).toMatchObject({ code: "#NUM!" });
  });
});

describe("generated metadata", () => {
  test("dist/functions.json lists the fifteen functions with ids = names, every function and parameter described", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.description?.trim()).toBeTruthy();
      expect(f.result.dimensionality).toBe("matrix"); // results spill
      for (const p of f.parameters) {
        expect([f.id, p.name, p.description?.trim()]).toEqual([f.id, p.name, expect.any(String)]);
        expect(p.description!.trim().length).toBeGreaterThan(0);
        expect(p.dimensionality).toBe("matrix"); // every argument takes a range
      }
    }
    const optional = metadata.functions.flatMap((f) => f.parameters.filter((p) => p.optional).map((p) => `${f.id}.${p.name}`));
    expect(optional.sort()).toEqual(
      ["PER_CAPITA.scale", "SUM_MATCHES.tolerance", "RATE_MATCHES.decimals", "EXECUTION_STATUS.low", "EXECUTION_STATUS.high"].sort()
    );
  });

  test("dist/functions.zh-CN.json has a Chinese description for every function and parameter, same ids and shapes", () => {
    const han = /[\u4e00-\u9fff]/;
    expect(zhMetadata.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    metadata.functions.forEach((en, i) => {
      const zh = zhMetadata.functions[i];
      expect(zh.name).toBe(en.name); // names stay English: =FUND.COMPLETION_RATE works in every language
      expect([en.id, han.test(zh.description ?? "")]).toEqual([en.id, true]);
      expect(zh.result).toEqual(en.result);
      expect(zh.parameters).toHaveLength(en.parameters.length);
      en.parameters.forEach((p, j) => {
        const q = zh.parameters[j];
        expect([en.id, p.name, han.test(q.description ?? ""), han.test(q.name)]).toEqual([en.id, p.name, true, true]);
        expect({ ...q, name: p.name, description: p.description }).toEqual(p);
      });
    });
  });

  test("functions.html loads office.js and functions.js", () => {
    const html = fs.readFileSync(path.join(DIST, "functions.html"), "utf8");
    expect(html).toMatch(/<script[^>]+src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(html).toMatch(/<script[^>]+src="?functions\.js/);
    expect(html).not.toMatch(/taskpane/);
  });
});
