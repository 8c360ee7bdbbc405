/**
 * Why a file is refused, in one line, zh and en: the words the CLI prints on stderr (exit 3) and the standalone
 * page shows in its message bar, for .xlsx workbooks and for report text alike. Pure: no fs, no DOM.
 */
import type { Message } from "../core/findings";
import type { PartLimitKind, XlsxProblem, XlsxProblemDetail } from "./limits";

export type RefusalProblem =
  | XlsxProblem
  | "missing"
  | "notAFile"
  | "unreadable"
  | "unsupportedType"
  | "notText"
  | "textTooLarge"
  | "notDocx"
  | "legacyDoc"
  | "docxEncrypted"
  | "docxCorrupt"
  | "checkFailed";

export interface RefusalDetail extends XlsxProblemDetail {
  ext?: string;
}

const MiB = (n: number | undefined) => `${Math.round((n ?? 0) / 1024 / 1024)} MiB`;

/** The one-line reason for a refused file, in zh and en. */
export function describeRefusal(problem: RefusalProblem, d: RefusalDetail): Message {
  switch (problem) {
    case "missing":
      return { zh: "文件不存在", en: "no such file" };
    case "notAFile":
      return { zh: "不是文件（是目录？）", en: "not a file (a directory?)" };
    case "unreadable":
      return { zh: `无法读取（${d.detail ?? ""}）`, en: `cannot be read (${d.detail ?? ""})` };
    case "empty":
      return { zh: "文件为空", en: "the file is empty" };
    case "notZip":
      return { zh: "不是 .xlsx 工作簿（不是 zip 格式）", en: "not an .xlsx workbook (not a zip file)" };
    case "legacyXls":
      return {
        zh: "是旧版 .xls 二进制工作簿；请在 Excel/WPS 中另存为 .xlsx",
        en: "a legacy binary .xls workbook; save it as .xlsx in Excel/WPS first",
      };
    case "encrypted":
      return {
        zh: "工作簿有密码保护（已加密）；请去掉打开密码后另存为 .xlsx",
        en: "the workbook is password-protected (encrypted); remove the open password and save it as .xlsx",
      };
    case "truncated":
      return { zh: "文件不完整（被截断或已损坏）", en: "the file is truncated or damaged" };
    case "zip64":
      return { zh: "文件过大（ZIP64），不予处理", en: "the file is too large (ZIP64), refused" };
    case "tooLarge":
      return {
        zh: `解压后大小 ${MiB(d.size)}（${d.name}）超过上限 ${MiB(d.limit)}，不予处理（防止压缩炸弹）`,
        en: `uncompressed size ${MiB(d.size)} (${d.name}) exceeds the ${MiB(d.limit)} limit, refused (zip bomb guard)`,
      };
    case "sizeLie":
      // detail "short": the entry ended before the size it declares.
      return d.detail === "short"
        ? {
            zh: `压缩包条目 ${d.name} 解压后小于其声明大小，文件已损坏或为恶意文件`,
            en: `zip entry ${d.name} inflates to less than its declared size: damaged or malicious file`,
          }
        : {
            zh: `压缩包条目 ${d.name} 解压后超过其声明大小，文件已损坏或为恶意文件`,
            en: `zip entry ${d.name} inflates beyond its declared size: damaged or malicious file`,
          };
    case "zipMethod":
      return { zh: `不支持的压缩方式 ${d.method}（${d.name}）`, en: `unsupported compression method ${d.method} (${d.name})` };
    case "zipInconsistent":
      return {
        zh: `压缩包的目录与其内容不一致（${d.detail ?? ""}），文件已损坏或为恶意文件`,
        en: `the zip's directory and its entries disagree (${d.detail ?? ""}): damaged or malicious file`,
      };
    case "partLimit":
      return partLimit(d.what ?? "elements", d.name ?? "", (d.limit ?? 0).toLocaleString("en"));
    case "notXlsx":
      return { zh: `是 zip 文件但不是 Excel 工作簿（${d.detail ?? ""}）`, en: `a zip file but not an Excel workbook (${d.detail ?? ""})` };
    case "corrupt":
      return { zh: `工作簿已损坏（${d.detail ?? ""}）`, en: `the workbook is damaged (${d.detail ?? ""})` };
    case "unsupportedType":
      return {
        zh: `不支持的文件类型 ${d.ext || "（无扩展名）"}；支持 .xlsx、.txt、.docx`,
        en: `unsupported file type ${d.ext || "(no extension)"}; .xlsx, .txt and .docx are supported`,
      };
    case "tooManyRows":
      return {
        zh: `工作表「${d.name}」超过 ${(d.limit ?? 0).toLocaleString("en")} 行数据，不予处理（请拆分工作簿或删除多余的行）`,
        en: `sheet "${d.name}" has more than ${(d.limit ?? 0).toLocaleString("en")} rows of data, refused (split the workbook or delete unused rows)`,
      };
    case "tooManyCells":
      return {
        zh: `工作簿超过 ${(d.limit ?? 0).toLocaleString("en")} 个非空单元格（读到工作表「${d.name}」时），不予处理（请拆分工作簿）`,
        en: `the workbook has more than ${(d.limit ?? 0).toLocaleString("en")} filled cells (reading sheet "${d.name}"), refused (split the workbook)`,
      };
    case "checkFailed":
      return {
        zh: `核对时出现内部错误（${d.detail ?? ""}），请报告此问题`,
        en: `internal error while checking (${d.detail ?? ""}); please report it`,
      };
    case "notText":
      return { zh: "不是纯文本文件（含二进制内容）", en: "not a plain-text file (it holds binary data)" };
    case "textTooLarge":
      return {
        zh: `文本大小 ${MiB(d.size)} 超过上限 ${MiB(d.limit)}，不予处理`,
        en: `the text is ${MiB(d.size)}, over the ${MiB(d.limit)} limit, refused`,
      };
    case "notDocx":
      return { zh: `不是 .docx 文档（${d.detail ?? ""}）`, en: `not a .docx document (${d.detail ?? ""})` };
    case "legacyDoc":
      return {
        zh: "是旧版 .doc 二进制文档；请在 Word/WPS 中另存为 .docx",
        en: "a legacy binary .doc document; save it as .docx in Word/WPS first",
      };
    case "docxEncrypted":
      return {
        zh: "文档有密码保护（已加密）；请去掉打开密码后另存为 .docx",
        en: "the document is password-protected (encrypted); remove the open password and save it as .docx",
      };
    case "docxCorrupt":
      return { zh: `文档已损坏（${d.detail ?? ""}）`, en: `the document is damaged (${d.detail ?? ""})` };
  }
}

/** A part holding more than the reader parses (../xlsx/limits.ts). */
function partLimit(what: PartLimitKind, name: string, limit: string): Message {
  switch (what) {
    case "styles":
      return {
        zh: `${name} 定义了超过 ${limit} 种单元格格式（Excel 最多 64,000 种），不予处理`,
        en: `${name} defines more than ${limit} cell formats (Excel allows 64,000), refused`,
      };
    case "strings":
      return { zh: `${name} 含有超过 ${limit} 个共享字符串，不予处理`, en: `${name} holds more than ${limit} shared strings, refused` };
    case "text":
      return {
        zh: `工作簿的单元格文字超过 ${limit} 个字符，不予处理`,
        en: `the workbook holds more than ${limit} characters of cell text, refused`,
      };
    case "merges":
      return { zh: `工作簿的合并单元格区域超过 ${limit} 个（读到工作表「${name}」时），不予处理`, en: `the workbook has more than ${limit} merged areas (reading sheet "${name}"), refused` };
    case "elements":
      return { zh: `${name} 含有超过 ${limit} 个 XML 元素，不予处理`, en: `${name} holds more than ${limit} XML elements, refused` };
    case "sheets":
      return { zh: `工作簿有超过 ${limit} 个工作表，不予处理`, en: `the workbook has more than ${limit} sheets, refused` };
  }
}
