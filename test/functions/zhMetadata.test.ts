/** The zh-CN metadata step and the language the labels follow. */
import { functionsLanguage, languageOf, setFunctionsLanguage } from "../../src/functions/language";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../../src/functions/zhMetadataPlugin") as {
  localizeMetadata: (m: unknown, t: unknown) => { metadata: { functions: { id: string; name: string; description: string; parameters: { name: string; description: string }[] }[] }; problems: string[] };
};

const en = {
  functions: [
    { id: "SHARE", name: "SHARE", description: "Share", parameters: [{ name: "part", description: "The part" }, { name: "total", description: "The whole" }], result: { dimensionality: "matrix" } },
  ],
};

describe("localizeMetadata (zhMetadataPlugin)", () => {
  test("replaces descriptions and parameter names, keeps ids, names and everything else", () => {
    const table = { SHARE: { description: "占比", parameters: { part: { name: "部分", description: "部分数" }, total: { name: "总数", description: "总数" } } } };
    const { metadata, problems } = localizeMetadata(en, table);
    expect(problems).toEqual([]);
    expect(metadata.functions[0]).toEqual({
      id: "SHARE",
      name: "SHARE",
      description: "占比",
      parameters: [
        { name: "部分", description: "部分数" },
        { name: "总数", description: "总数" },
      ],
      result: { dimensionality: "matrix" },
    });
  });
  test("reports every missing or stale translation (the build then fails)", () => {
    const table = { SHARE: { description: "占比", parameters: { part: { description: "部分数" }, whole: { description: "?" } } }, OLD_FN: { description: "旧" } };
    expect(localizeMetadata(en, table).problems.sort()).toEqual(
      ["no Chinese description for parameter SHARE(total)", "zh-CN entry for unknown function OLD_FN", "zh-CN entry for unknown parameter SHARE(whole)"].sort()
    );
    expect(localizeMetadata(en, {}).problems).toEqual(["no Chinese description for function SHARE"]);
  });
});

describe("functions language", () => {
  afterEach(() => {
    setFunctionsLanguage(undefined);
    delete (globalThis as { Office?: unknown }).Office;
  });
  test("language tags", () => {
    expect(languageOf("zh-CN")).toBe("zh");
    expect(languageOf("zh-TW")).toBe("zh");
    expect(languageOf("en-US")).toBe("en");
    expect(languageOf("")).toBeUndefined();
    expect(languageOf(undefined)).toBeUndefined();
  });
  test("explicit setting, then Office's display language, then Chinese", () => {
    expect(functionsLanguage()).toBe(languageOf((globalThis as { navigator?: { language?: string } }).navigator?.language) ?? "zh");
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-US" } };
    expect(functionsLanguage()).toBe("en");
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    expect(functionsLanguage()).toBe("zh");
    setFunctionsLanguage("en");
    expect(functionsLanguage()).toBe("en");
  });
  test("an Office without context (JS-only runtime) does not break it", () => {
    (globalThis as { Office?: unknown }).Office = {};
    expect(["zh", "en"]).toContain(functionsLanguage());
  });
});
