/** Why an input could not be read: one line for stderr, in zh and en, never a stack trace (exit code 3). */
import type { Message } from "../core/findings";

export type InputProblem =
  | "missing"
  | "notAFile"
  | "unreadable"
  | "empty"
  | "notZip"
  | "legacyXls"
  | "encrypted"
  | "truncated"
  | "zip64"
  | "tooLarge"
  | "sizeLie"
  | "zipMethod"
  | "notXlsx"
  | "corrupt"
  | "unsupportedType"
  | "notText"
  | "textTooLarge"
  | "notDocx"
  | "legacyDoc"
  | "docxEncrypted"
  | "docxCorrupt"
  | "checkFailed"
  | "tooManyRows"
  | "tooManyCells";

export interface ProblemDetail {
  name?: string;
  size?: number;
  limit?: number;
  method?: number;
  detail?: string;
  ext?: string;
}

const MiB = (n: number | undefined) => `${Math.round((n ?? 0) / 1024 / 1024)} MiB`;

function describe(problem: InputProblem, d: ProblemDetail): Message {
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
      return {
        zh: `压缩包条目 ${d.name} 解压后超过其声明大小，文件已损坏或为恶意文件`,
        en: `zip entry ${d.name} inflates beyond its declared size: damaged or malicious file`,
      };
    case "zipMethod":
      return { zh: `不支持的压缩方式 ${d.method}（${d.name}）`, en: `unsupported compression method ${d.method} (${d.name})` };
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

export class InputError extends Error {
  readonly problem: InputProblem;
  readonly detail: ProblemDetail;
  readonly text: Message;
  constructor(problem: InputProblem, detail: ProblemDetail = {}) {
    const text = describe(problem, detail);
    super(text.en);
    this.problem = problem;
    this.detail = detail;
    this.text = text;
  }
}

/** Turns anything thrown while reading into an InputError (a library error becomes "damaged: <its message>"). */
export function asInputError(e: unknown): InputError {
  if (e instanceof InputError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === "ENOENT") return new InputError("missing");
  if (err && err.code === "EISDIR") return new InputError("notAFile");
  if (err && (err.code === "EACCES" || err.code === "EPERM")) return new InputError("unreadable", { detail: err.code });
  const detail = String((err && err.message) || e).split("\n")[0].slice(0, 200);
  return new InputError("corrupt", { detail });
}
