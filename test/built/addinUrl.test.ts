/**
 * The manifest the production build writes for a real host (ADDIN_URL=https://example.org/fc/ webpack --mode
 * production, built once into a temporary folder). A built-artifact test: `npm run test:built`, run by CI after the build.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { ManifestHandlerXml } from "office-addin-manifest/lib/manifestHandler/manifestHandlerXml";

// The XML handler requires uuid (an ES module jest cannot load) only to make new add-in ids, which no test here does.
jest.mock("../../node_modules/office-addin-manifest/node_modules/uuid/dist-node/index.js", () => ({ v4: () => "00000000-0000-4000-8000-000000000000" }));
import { BUILD_TIMEOUT_MS, runWebpack } from "../helpers/build";
import { ADDIN_URL, SOURCE, baseRequirementSets, parse, urls } from "../helpers/manifestXml";

/**
 * office-addin-manifest's readManifestFile for an .xml file: it picks ManifestHandlerXml and parses. Called
 * directly because manifestOperations also loads the JSON-manifest handler, whose dependencies are ES modules
 * jest cannot require (and the jest mapping of "office-addin-manifest" points at officeApp.js, which has no reader).
 */
const OfficeAddinManifest = {
  readManifestFile: (file: string) => new ManifestHandlerXml(file).parseManifest(),
};
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
