/** cross-file-mismatch: the batch rule's finding names both places, in both languages; the rule is in the catalogue. */
import { RULE_CATALOGUE } from "../../../src/core/ruleCatalogue";
import { crossFileFinding, externalRef } from "../../../src/core/rules/crossFileMismatch";
import { findingJson } from "../../../src/core/findings";

describe("cross-file-mismatch", () => {
  test("is in the catalogue as an error, so targets may change or silence it", () => {
    expect(RULE_CATALOGUE.find((r) => r.id === "cross-file-mismatch")).toMatchObject({ severity: "error" });
  });

  test("a county figure: the consolidation's cell, the county's as an external reference, both in the message", () => {
    const f = crossFileFinding({ file: "p/巴州汇总.xlsx", sheet: "支出汇总", cell: "I6", subject: "若羌县 工伤保险 执行数", observed: "806", expected: "608", county: { file: "p/若羌县.xlsx", sheet: "支出情况", cell: "C7" } });
    expect(findingJson(f)).toMatchObject({ rule: "cross-file-mismatch", severity: "error", sheet: "支出汇总", cell: "I6", related: ["[若羌县.xlsx]支出情况!C7"], observed: "806", expected: "608", file: "p/巴州汇总.xlsx" });
    expect(f.message.zh).toBe("汇总表 巴州汇总.xlsx 支出汇总!I6 若羌县 工伤保险 执行数 806；若羌县.xlsx 支出情况!C7 为 608");
    expect(f.message.en).toBe("consolidation 巴州汇总.xlsx 支出汇总!I6: 若羌县 工伤保险 执行数 806; 若羌县.xlsx 支出情况!C7 says 608");
  });

  test("a converted figure is quoted as written and at the consolidation's precision", () => {
    const f = crossFileFinding({ file: "汇总.xlsx", sheet: "S", cell: "C9", subject: "和静县 工伤保险 执行数", observed: "431", expected: "422", countyWritten: "4215600元", county: { file: "和静县.xlsx", sheet: "决算", cell: "D8" } });
    expect(f.message.zh).toContain("和静县.xlsx 决算!D8 为 4215600元（422）");
  });

  test("a 合计 against the counties' sum names the counties summed", () => {
    const f = crossFileFinding({ file: "汇总.xlsx", sheet: "S", cell: "G12", subject: "合计 城乡居民 执行数", observed: "5324", expected: "5843", summed: ["甲县", "乙县"] });
    expect(f.related).toEqual([]);
    expect(f.message.zh).toBe("汇总表 汇总.xlsx S!G12 合计 城乡居民 执行数 5324；2 个县报表之和为 5843（甲县、乙县）");
  });

  test("external references are Excel's: [file]sheet!cell", () => {
    expect(externalRef("a.xlsx", "支出", "C7")).toBe("[a.xlsx]支出!C7");
  });
});
