/** Offline checks of manifest.xml (the production build's manifest: test/built/addinUrl.test.ts). */
import fs from "fs";
import { ManifestHandlerXml } from "office-addin-manifest/lib/manifestHandler/manifestHandlerXml";

// The XML handler requires uuid (an ES module jest cannot load) only to make new add-in ids, which no test here does.
jest.mock("../node_modules/office-addin-manifest/node_modules/uuid/dist-node/index.js", () => ({ v4: () => "00000000-0000-4000-8000-000000000000" }));
import { DEV_URL, SOURCE, Xml, baseRequirementSets, parse } from "./helpers/manifestXml";

/**
 * office-addin-manifest's readManifestFile for an .xml file: it picks ManifestHandlerXml and parses. Called
 * directly because manifestOperations also loads the JSON-manifest handler, whose dependencies are ES modules
 * jest cannot require (and the jest mapping of "office-addin-manifest" points at officeApp.js, which has no reader).
 */
const OfficeAddinManifest = {
  readManifestFile: (file: string) => new ManifestHandlerXml(file).parseManifest(),
};
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
