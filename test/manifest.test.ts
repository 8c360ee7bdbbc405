/**
 * Offline checks of manifest.xml and of the manifest the production build writes for a real host
 * (ADDIN_URL=https://example.org/fc/ webpack --mode production, built once into a temporary folder).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { ManifestHandlerXml } from "office-addin-manifest/lib/manifestHandler/manifestHandlerXml";

// The XML handler requires uuid (an ES module jest cannot load) only to make new add-in ids, which no test here does.
jest.mock("../node_modules/office-addin-manifest/node_modules/uuid/dist-node/index.js", () => ({ v4: () => "00000000-0000-4000-8000-000000000000" }));
import { BUILD_TIMEOUT_MS, ROOT, runWebpack } from "./helpers/build";

// xml2js comes with office-addin-manifest (no type declarations installed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js") as { parseStringPromise: (xml: string) => Promise<unknown> };

const SOURCE = path.join(ROOT, "manifest.xml");

/**
 * office-addin-manifest's readManifestFile for an .xml file: it picks ManifestHandlerXml and parses. Called
 * directly because manifestOperations also loads the JSON-manifest handler, whose dependencies are ES modules
 * jest cannot require (and the jest mapping of "office-addin-manifest" points at officeApp.js, which has no reader).
 */
const OfficeAddinManifest = {
  readManifestFile: (file: string) => new ManifestHandlerXml(file).parseManifest(),
};
const ADDIN_URL = "https://example.org/fc/";
const DEV_URL = "https://localhost:3000/";

type Xml = { [key: string]: Xml[] | string | Xml } & { $?: Record<string, string> };

/** Every element in the parsed tree, depth first. */
function* elements(node: unknown, name = ""): Generator<[string, Xml]> {
  if (Array.isArray(node)) {
    for (const n of node) yield* elements(n, name);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  yield [name, node as Xml];
  for (const [key, child] of Object.entries(node)) if (key !== "$" && key !== "_") yield* elements(child, key);
}

async function parse(file: string): Promise<[string, Xml][]> {
  return [...elements(await parseStringPromise(fs.readFileSync(file, "utf8")))];
}

/** Every URL in the manifest: attribute values (not xmlns namespaces) and <AppDomain> texts. */
function urls(all: [string, Xml][]): string[] {
  const out: string[] = [];
  for (const [, el] of all) {
    for (const [key, v] of Object.entries(el.$ ?? {})) if (!key.startsWith("xmlns") && /^https?:\/\//.test(v)) out.push(v);
    const domains = (el as { AppDomain?: unknown }).AppDomain;
    if (Array.isArray(domains)) for (const d of domains) out.push(typeof d === "string" ? d : String((d as { _?: string })._));
  }
  return out;
}

/** The base manifest's requirement sets (OfficeApp > Requirements > Sets > Set, not those of VersionOverrides). */
async function baseRequirementSets(file: string): Promise<Record<string, string>> {
  const root = (await parseStringPromise(fs.readFileSync(file, "utf8"))) as { OfficeApp: Xml };
  const requirements = root.OfficeApp.Requirements as Xml[] | undefined;
  const sets = (requirements?.[0]?.Sets as Xml[] | undefined)?.[0];
  const fallback = sets?.$?.DefaultMinVersion ?? "1.1";
  const out: Record<string, string> = {};
  for (const set of (sets?.Set as Xml[] | undefined) ?? []) out[set.$!.Name] = set.$!.MinVersion ?? fallback;
  return out;
}

describe("manifest.xml (source)", () => {
  test("parses with office-addin-manifest: FUND Excel add-in with ReadWriteDocument", async () => {
    const info = await OfficeAddinManifest.readManifestFile(SOURCE);
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.officeAppType).toBe("TaskPaneApp");
  });

  test("the base <Requirements>, between <Hosts> and <DefaultSettings> as the schema orders, declares ExcelApi and CustomFunctionsRuntime", async () => {
    // Office activates the add-in only where these are supported; test/taskpane/apiSets.test.ts checks the code against them.
    expect(await baseRequirementSets(SOURCE)).toEqual({ ExcelApi: expect.stringMatching(/^1\.\d+$/), CustomFunctionsRuntime: expect.stringMatching(/^1\.\d+$/) });
    const base = fs.readFileSync(SOURCE, "utf8").replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, "");
    const at = (tag: string) => base.indexOf(tag);
    expect(at("</Hosts>")).toBeGreaterThan(0);
    expect(at("<Requirements>")).toBeGreaterThan(at("</Hosts>"));
    expect(at("<DefaultSettings>")).toBeGreaterThan(at("</Requirements>"));
  });

  test("every resid is defined in Resources, and the namespace is FUND", async () => {
    const all = await parse(SOURCE);
    const defined = new Map<string, Xml>();
    for (const [name, el] of all) {
      if (["bt:Image", "bt:Url", "bt:String"].includes(name) && el.$?.id) defined.set(el.$.id, el);
    }
    const used = all.map(([, el]) => el.$?.resid).filter((r): r is string => Boolean(r));
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) expect([resid, defined.has(resid)]).toEqual([resid, true]);
    const namespaceId = all.find(([name]) => name === "Namespace")?.[1].$?.resid;
    expect(defined.get(namespaceId!)?.$?.DefaultValue).toBe("FUND");
    // Chinese custom-function metadata for zh-CN Excel
    const metadataUrl = defined.get("Functions.Metadata.Url")!;
    expect(metadataUrl.$?.DefaultValue).toBe(DEV_URL + "functions.json");
    const override = (metadataUrl["bt:Override"] as Xml[])[0].$!;
    expect(override).toEqual({ Locale: "zh-CN", Value: DEV_URL + "functions.zh-CN.json" });
  });
});

describe("ADDIN_URL build", () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-build-"));
    runWebpack(["--output-path", out], { ADDIN_URL });
  }, BUILD_TIMEOUT_MS);
  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test("writes a manifest with no localhost left", () => {
    const text = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(text).not.toMatch(/localhost/i);
    expect(text).toContain(ADDIN_URL + "functions.js");
    expect(text).toContain("<AppDomain>https://example.org</AppDomain>");
  });

  test("every URL points at a file the build produced", async () => {
    const all = await parse(path.join(out, "manifest.xml"));
    const fileUrls = urls(all).filter((u) => u.startsWith(ADDIN_URL));
    const files = fileUrls.map((u) => u.slice(ADDIN_URL.length)).sort();
    // Assets (icons) come from the assets/ folder, which another part of the project owns; they are present now.
    expect(new Set(files)).toEqual(
      new Set([
        "functions.js",
        "functions.html",
        "functions.json",
        "functions.zh-CN.json",
        "taskpane.html",
        "assets/icon-16.png",
        "assets/icon-32.png",
        "assets/icon-64.png",
        "assets/icon-80.png",
      ])
    );
    for (const file of files) expect([file, fs.existsSync(path.join(out, file))]).toEqual([file, true]);
    // nothing else is referenced: every URL is under ADDIN_URL, or is the AppDomain origin
    expect(urls(all).filter((u) => !u.startsWith(ADDIN_URL))).toEqual(["https://example.org"]);
  });

  test("the built manifest still parses, with the same id and permissions", async () => {
    const built = await OfficeAddinManifest.readManifestFile(path.join(out, "manifest.xml"));
    const source = await OfficeAddinManifest.readManifestFile(SOURCE);
    expect(built.id).toBe(source.id);
    expect(built.permissions).toBe("ReadWriteDocument");
    expect(built.iconUrl).toBe(ADDIN_URL + "assets/icon-32.png");
    expect(await baseRequirementSets(path.join(out, "manifest.xml"))).toEqual(await baseRequirementSets(SOURCE));
  });
});
