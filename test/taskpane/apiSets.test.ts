/**
 * Office.js requirement sets. Nothing here runs inside a real Excel, so this is the guard against an API that an
 * older Excel or Excel on the web lacks: every Excel/Office API member the task pane and the custom functions use
 * (every file under src/taskpane and src/functions) must be within the minimum the manifest declares, or sit under
 * an isSetSupported check for its set (test/helpers/apiSets.ts says what counts as one). The list of members and
 * their sets is printed for review.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";
import { allowed, ApiSetScanner, ApiUse, declaredMinimums, describeUses } from "../helpers/apiSets";

const ROOT = path.resolve(__dirname, "..", "..");
const SCANNED = ["src/taskpane", "src/functions"];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** The compiler options the add-in is built with (tsconfig.json: DOM, office-js, custom-functions-runtime). */
function buildOptions(): ts.CompilerOptions {
  const file = path.join(ROOT, "tsconfig.json");
  const read = ts.readConfigFile(file, ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, file).options, noEmit: true };
}

const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** Small sources for the checker's own tests, compiled beside the pane's sources (so types resolve the same way). */
const SUPPORTS = `
  function supports(version: string): boolean {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  }
`;
const SYNTHETIC: Record<string, string> = {
  unguarded: `
    export async function f(): Promise<void> {
      await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
        range.format.fill.color = "#FFC7CE";
        range.getMergedAreasOrNullObject();
        await context.sync();
      });
    }`,
  guarded: `${SUPPORTS}
    export async function f(): Promise<void> {
      await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
        if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) range.getMergedAreasOrNullObject();
        if (supports("1.13")) range.getMergedAreasOrNullObject();
        const readMerges = supports("1.13");
        const merged = readMerges ? range.getMergedAreasOrNullObject() : undefined;
        if (merged) merged.load("address");
        await context.sync();
        const address = merged?.address;
        const props = readMerges && supports("1.9") ? range.getCellProperties({ format: { indentLevel: true } }) : undefined;
        await context.sync();
        console.log(address, props?.value[0]?.[0]?.format?.indentLevel);
      });
    }`,
  notGuards: `${SUPPORTS}
    export async function f(): Promise<void> {
      await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
        if (supports("1.9")) range.getMergedAreasOrNullObject();
        if (supports("1.13")) {
          await context.sync();
        } else range.getMergedAreasOrNullObject();
        const flag = supports("1.13");
        let later = flag ? range.getMergedAreasOrNullObject() : undefined;
        later = range.getMergedAreasOrNullObject();
        if (later) later.load("address");
      });
    }`,
  runOptions: `${SUPPORTS}
    export async function f(): Promise<void> {
      await Excel.run({ mergeUndoGroup: true }, async (context) => context.sync());
    }`,
  runOptionsGuarded: `${SUPPORTS}
    export async function f(): Promise<void> {
      if (supports("1.20")) await Excel.run({ mergeUndoGroup: true }, async (context) => context.sync());
    }`,
  customFunctions: `export const e = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "bad");`,
};
const SYNTHETIC_DIR = path.join(ROOT, "src", "taskpane", "__synthetic__");
const syntheticFile = (name: string) => path.join(SYNTHETIC_DIR, name + ".ts");

const files = SCANNED.flatMap((d) => filesUnder(path.join(ROOT, d)));
let scanner: ApiSetScanner;
let program: ts.Program;

beforeAll(() => {
  // One program for the add-in's files and the small sources: the Office typings are read once.
  const options = buildOptions();
  const host = ts.createCompilerHost(options);
  const { readFile, fileExists } = host;
  const virtual = new Map(Object.entries(SYNTHETIC).map(([name, code]) => [syntheticFile(name), code]));
  host.readFile = (f) => virtual.get(path.resolve(f)) ?? readFile(f);
  host.fileExists = (f) => virtual.has(path.resolve(f)) || fileExists(f);
  program = ts.createProgram([...files, ...virtual.keys()], options, host);
  scanner = new ApiSetScanner(program);
}, 120_000);

describe("the add-in's Office.js API members", () => {
  const minimums = declaredMinimums(MANIFEST);
  let uses: ApiUse[];
  beforeAll(() => {
    uses = scanner.scan(files);
  });

  test("the manifest declares the ExcelApi and CustomFunctionsRuntime minimums", () => {
    expect(minimums.get("ExcelApi")).toMatch(/^1\.\d+$/);
    expect(minimums.get("CustomFunctionsRuntime")).toMatch(/^1\.\d+$/);
  });

  test("are found through the types, in both folders", () => {
    const members = new Set(uses.map((u) => u.member));
    // A chain resolved member by member: format.custom.format.fill.color.
    for (const m of ["Excel.run", "Excel.Worksheet.getRangeByIndexes", "Excel.ConditionalRangeFormat.fill", "Excel.ConditionalRangeFill.color", "CustomFunctions.Error", "Office.context"]) {
      expect([m, members.has(m)]).toEqual([m, true]);
    }
    const where = new Set(uses.map((u) => path.relative(ROOT, u.file).split(path.sep).slice(0, 2).join("/")));
    expect(where).toEqual(new Set(SCANNED));
  });

  test("each is within the manifest's minimum or guarded by isSetSupported (list printed)", () => {
    const lines = describeUses(uses, minimums, ROOT);
    const declared = [...minimums].map(([set, v]) => `${set} ${v}`).join(", ");
    console.log(`Office.js API members used by src/taskpane and src/functions (manifest minimum: ${declared}):\n  ${lines.join("\n  ")}`);
    const bad = uses.filter((u) => !allowed(u, minimums));
    expect(bad.map((u) => `${u.member} (${u.requirement?.set} ${u.requirement?.version}) at ${path.relative(ROOT, u.file)}:${u.line}`)).toEqual([]);
    // The minimum is not higher than needed: some unguarded use needs exactly it.
    const excelMinimum = minimums.get("ExcelApi");
    const unguardedNeeds = uses.filter((u) => u.requirement?.set === "ExcelApi" && u.guards.length === 0).map((u) => u.requirement!.version);
    expect(unguardedNeeds).toContain(excelMinimum);
  });
});

describe("the checker, on small sources", () => {
  function scan(name: string): ApiUse[] {
    const file = syntheticFile(name);
    const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(errors).toEqual([]);
    return scanner.scan([file]);
  }
  const minimums = new Map([["ExcelApi", "1.7"]]);
  const rejected = (uses: ApiUse[]) => uses.filter((u) => !allowed(u, minimums)).map((u) => `${u.member} ${u.requirement?.set} ${u.requirement?.version}`);

  test("an unguarded member above the minimum fails; one within it passes", () => {
    const uses = scan("unguarded");
    expect(rejected(uses)).toEqual(["Excel.Range.getMergedAreasOrNullObject ExcelApi 1.13"]);
    const members = uses.map((u) => u.member);
    expect(members).toEqual(expect.arrayContaining(["Excel.Range.format", "Excel.RangeFormat.fill", "Excel.RangeFill.color"]));
  });

  test("guards: isSetSupported itself, a wrapper, a const flag, a value set only under a guard", () => {
    const uses = scan("guarded");
    expect(rejected(uses)).toEqual([]);
    expect(uses.filter((u) => u.member === "Excel.Range.getMergedAreasOrNullObject")).toHaveLength(3);
    expect(uses.map((u) => u.member)).toEqual(expect.arrayContaining(["Excel.RangeAreas.address", "Excel.CellPropertiesFormat.indentLevel", "Excel.CellPropertiesFormatLoadOptions.indentLevel"]));
  });

  test("a guard for a lower version, the else branch, or code after the if do not count", () => {
    expect(rejected(scan("notGuards"))).toEqual([
      "Excel.Range.getMergedAreasOrNullObject ExcelApi 1.13",
      "Excel.Range.getMergedAreasOrNullObject ExcelApi 1.13",
      "Excel.Range.getMergedAreasOrNullObject ExcelApi 1.13",
      // `later` is not a const: testing it proves nothing.
      "Excel.RangeAreas.load ExcelApi 1.9",
    ]);
  });

  test("options objects are members too: Excel.run({ mergeUndoGroup }) needs ExcelApi 1.20", () => {
    expect(rejected(scan("runOptions"))).toEqual(["Excel.RunOptions.mergeUndoGroup ExcelApi 1.20"]);
    expect(rejected(scan("runOptionsGuarded"))).toEqual([]);
  });

  test("custom functions: CustomFunctions.Error needs CustomFunctionsRuntime 1.2, its ErrorCode members 1.3", () => {
    const uses = scan("customFunctions");
    const needs = new Map(uses.map((u) => [u.member, `${u.requirement?.set} ${u.requirement?.version}`]));
    expect(needs.get("CustomFunctions.Error")).toBe("CustomFunctionsRuntime 1.2");
    expect(needs.get("CustomFunctions.ErrorCode.invalidValue")).toBe("CustomFunctionsRuntime 1.3");
    expect(uses.filter((u) => !allowed(u, new Map([["CustomFunctionsRuntime", "1.2"]]))).map((u) => u.member)).toEqual(["CustomFunctions.ErrorCode.invalidValue"]);
  });
});

describe("declaredMinimums", () => {
  test("reads the base manifest's sets, with DefaultMinVersion, and ignores VersionOverrides", () => {
    const xml = `<OfficeApp><Requirements><Sets DefaultMinVersion="1.3"><Set Name="ExcelApi" MinVersion="1.7"/><Set Name="SharedRuntime"/></Sets></Requirements>
      <VersionOverrides><Requirements><Sets><Set Name="ExcelApi" MinVersion="1.20"/></Sets></Requirements></VersionOverrides></OfficeApp>`;
    expect(declaredMinimums(xml)).toEqual(new Map([["ExcelApi", "1.7"], ["SharedRuntime", "1.3"]]));
  });
});
