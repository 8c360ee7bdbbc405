/**
 * No regular expression in src/core may take super-linear time (ReDoS): cells and report text come from files
 * anyone can write, and one pattern with overlapping alternatives under a star made a 212-byte report run for
 * minutes (issue 14 item 3). Every pattern is checked with recheck (a ReDoS analyser): the literals of every file,
 * found in its syntax tree, and the patterns built at run time with `new RegExp`, recorded while the modules load.
 * A new vulnerable pattern fails this test. KNOWN lists the ones found in files outside the report reader's slice,
 * for their owners to fix; each entry is matched by its exact source, so it can hide nothing else.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { checkSync } from "recheck";

const CORE = path.join(__dirname, "..", "..", "src", "core");

/** Vulnerable patterns already in src/core outside src/core/reportText, numbers.ts and indicators/targetValue.ts (to be fixed by their owners). */
const KNOWN: [file: string, source: string][] = [
  ["detect/fundTable.ts", "[\\s\\u3000\\u00a0]+$"],
  ["detect/fundTable.ts", "\\.?0+$"],
  ["indicators/rules/scoreMismatch.ts", "[（(]\\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\\s*分\\s*[)）]|([0-9０-９]+(?:[.．][0-9０-９]+)?)\\s*分$"],
];
const knownSources = new Set(KNOWN.map(([, source]) => source));

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith(".d.ts") ? [full] : [];
  });
}

function literals(file: string): Pattern[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const out: Pattern[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(sf);
      const slash = text.lastIndexOf("/");
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({ where: `${path.relative(CORE, file)}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Patterns built with `new RegExp(…)` while src/core's modules load (labels, number text, ranges …). */
function builtAtLoad(files: string[]): Pattern[] {
  const out: Pattern[] = [];
  const Original = RegExp;
  const recording = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const re = Reflect.construct(target, args) as RegExp;
      const stack = new Error().stack?.split("\n").find((l) => l.includes(`${path.sep}src${path.sep}core${path.sep}`)) ?? "";
      const where = /src[/\\]core[/\\](.*?):(\d+)/.exec(stack);
      if (where) out.push({ where: `${where[1]}:${where[2]} (built)`, source: re.source, flags: re.flags });
      return re;
    },
  });
  (globalThis as { RegExp: RegExpConstructor }).RegExp = recording;
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads each module to see its patterns compile
      for (const f of files) require(f);
    });
  } finally {
    (globalThis as { RegExp: RegExpConstructor }).RegExp = Original;
  }
  return out;
}

describe("regular expressions in src/core", () => {
  const files = sourceFiles(CORE);
  const patterns = [...files.flatMap(literals), ...builtAtLoad(files)];

  it("finds the patterns (literals and patterns built at load time)", () => {
    expect(patterns.length).toBeGreaterThan(100);
    // The report reader's label patterns are built at load time: they must be among those checked.
    expect(patterns.some((p) => p.where.startsWith("reportText/labels.ts") && p.where.endsWith("(built)"))).toBe(true);
    expect(patterns.some((p) => p.where.startsWith("numbers.ts") && p.where.endsWith("(built)"))).toBe(true);
  });

  it("has no pattern recheck finds vulnerable (exponential or polynomial backtracking), beyond the known ones", () => {
    const seen = new Set<string>();
    const vulnerable: string[] = [];
    for (const p of patterns) {
      const key = `${p.source}/${p.flags}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // g and y only move where matching starts; they do not change what one match costs.
      const result = checkSync(p.source, p.flags.replace(/[gy]/g, ""), { timeout: 20_000, randomSeed: 42 });
      if (result.status === "vulnerable" && !knownSources.has(p.source)) {
        vulnerable.push(`${p.where} /${p.source}/${p.flags}: ${result.complexity.summary}, attack ${result.attack.pattern}`);
      }
      if (result.status === "unknown") vulnerable.push(`${p.where} /${p.source}/${p.flags}: not analysed (${result.error.kind})`);
    }
    expect(vulnerable).toEqual([]);
  }, 300_000);

  it("the checker does find the pattern that hung the report reader", () => {
    const old = "(?:为|是|达到|达|了|约|共计|合计|总计|共|计|高达|仅为|只有|到|:|\\s)*$";
    const result = checkSync(old, "", { timeout: 20_000, randomSeed: 42 });
    expect(result.status).toBe("vulnerable");
    expect(result.status === "vulnerable" && result.complexity.type).toBe("exponential");
  });
});
