/**
 * The core compiles alone with ES2020 and no DOM, no Node and no Office types (tsconfig.core.json), so it runs
 * wherever the page, the CLI or a custom function does. Same check as `npm run typecheck`, here so that `npm test`
 * (and CI) catches a core file reaching for `document`, `process`, `fs` or `Office`.
 */
import path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const CONFIG = path.join(ROOT, "tsconfig.core.json");

function coreConfig(): ts.ParsedCommandLine {
  const read = ts.readConfigFile(CONFIG, ts.sys.readFile);
  if (read.error) throw new Error(ts.formatDiagnostic(read.error, host));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, CONFIG);
}

const host: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => "\n",
};

/** Compiler errors of a program, one formatted line each. */
function errorsOf(program: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, host).trim());
}

test("tsconfig.core.json has ES2020 only and no ambient types", () => {
  const { options } = coreConfig();
  expect(options.lib).toEqual(["lib.es2020.d.ts"]);
  expect(options.types).toEqual([]);
});

test("src/core compiles with no DOM, Node or Office types, and loads nothing of the project outside src/core", () => {
  const config = coreConfig();
  const program = ts.createProgram(config.fileNames, config.options);
  expect(errorsOf(program)).toEqual([]);
  const projectFiles = program
    .getSourceFiles()
    .map((f) => path.relative(ROOT, f.fileName))
    .filter((f) => !f.startsWith("node_modules") && !f.startsWith(".."));
  expect(projectFiles.length).toBeGreaterThan(20);
  expect(projectFiles.filter((f) => !f.startsWith("src/core/"))).toEqual([]);
}, 120_000);

test("the same settings reject a core file that uses the DOM, Node or Office", () => {
  const file = path.join(ROOT, "src", "core", "__synthetic__.ts");
  const source = [
    'import { readFileSync } from "fs";',
    "export const title = document.title;",
    "export const home = process.env.HOME;",
    "export const host = Office.context.host;",
    "export const text = readFileSync;",
  ].join("\n");
  const { options } = coreConfig();
  const compilerHost = ts.createCompilerHost(options);
  const readFile = compilerHost.readFile;
  compilerHost.readFile = (f) => (path.resolve(f) === file ? source : readFile(f));
  compilerHost.fileExists = ((exists) => (f: string) => path.resolve(f) === file || exists(f))(compilerHost.fileExists);
  const program = ts.createProgram([file], options, compilerHost);
  const messages = errorsOf(program).join("\n");
  expect(messages).toMatch(/Cannot find module 'fs'/);
  expect(messages).toMatch(/Cannot find name 'document'/);
  expect(messages).toMatch(/Cannot find name 'process'/);
  expect(messages).toMatch(/Cannot find name 'Office'/);
}, 120_000);
