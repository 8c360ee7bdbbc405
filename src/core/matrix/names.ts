/**
 * Names across workbooks: which county a workbook is of (its file name, or a 县/区/市/旗 name in its title or
 * sheet names), and when two fund names are the same fund (企业职工基本养老保险 = 企业职工养老保险 = 企业职工基本养老
 * 保险基金): the targets' fundKey folding, plus 基本/社会 and a leading number dropped.
 */
import { toHalfWidth } from "../numbers";
import { fundKey } from "../targets";

/** A county-level name: a few characters ending in 自治县, 县, 区, 市 or 旗 (not starting with a year word). */
const COUNTY = /((?:(?![年月日度表的])[\u4e00-\u9fff]){1,8}?(?:自治县|县|区|市|旗))/;
/** The whole text is a county name (a consolidation's row). */
const COUNTY_ONLY = /^[\u4e00-\u9fff]{1,10}(?:自治县|县|区|市|旗)(?:本级)?$/;

export function countyIn(text: string): string | undefined {
  const m = COUNTY.exec(toHalfWidth(text).replace(/\s+/g, ""));
  return m ? m[1] : undefined;
}

export function isCountyName(text: string): boolean {
  return COUNTY_ONLY.test(toHalfWidth(text).replace(/\s+/g, ""));
}

export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}

export function stem(file: string): string {
  return baseName(file).replace(/\.[^.]+$/, "");
}

/** Where the county's name is read from: the file name first, or the title (and sheet names) first. */
export type CountyFrom = "filename" | "title";

/**
 * The county a workbook is of. `filename`: a county name in the file name, else in its titles and sheet names,
 * else the file name itself; `title`: titles and sheet names first. `names` (a mapping file: file name → county)
 * wins over both.
 */
export function countyOf(file: string, titles: readonly string[], sheets: readonly string[], from: CountyFrom = "filename", names?: Readonly<Record<string, string>>): string {
  const given = names?.[baseName(file)] ?? names?.[stem(file)] ?? names?.[file];
  if (given) return given;
  const inFile = countyIn(stem(file));
  const inTitle = [...titles, ...sheets].map(countyIn).find((x) => x !== undefined);
  if (from === "title") return inTitle ?? inFile ?? stem(file);
  return inFile ?? inTitle ?? stem(file);
}

const NUMBERING = /^[\s\u3000]*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]|[(（][一二三四五六七八九十\d]+[)）])\s*/;

/** A fund name folded so that the same fund written differently meets: 企业职工基本养老保险基金 → 企业职工养老保险. */
export function matrixFundKey(name: string): string {
  return fundKey(name.replace(NUMBERING, "")).replace(/基本|社会/g, "");
}

/** Row names that are funds (not 收入 / 支出 lines of a 收支 table, not totals). */
const FUND_WORD = /保险|基金|养老|医疗|年金|insurance|pension|fund/i;

export function looksLikeFund(name: string): boolean {
  return FUND_WORD.test(name);
}

/** The usual order of the funds in these reports; other funds follow by name. */
const USUAL_ORDER = ["企业职工养老保险", "机关事业单位养老保险", "城乡居民养老保险", "职工医疗保险", "城乡居民医疗保险", "工伤保险", "失业保险", "生育保险"];

export function fundOrder(a: string, b: string): number {
  const ka = matrixFundKey(a);
  const kb = matrixFundKey(b);
  const ia = USUAL_ORDER.indexOf(ka);
  const ib = USUAL_ORDER.indexOf(kb);
  if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || (ka < kb ? -1 : 1);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
