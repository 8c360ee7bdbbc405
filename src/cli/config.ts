/**
 * The --targets and --mapping files: a regular file of at most MAX_CONFIG_BYTES, read through one descriptor.
 * A FIFO would block the run for ever and /dev/zero would fill memory: both are refused before they are read.
 * Every message is in both languages (the run speaks one).
 */
import * as fs from "fs";
import type { ColumnMapping } from "../core/api";
import type { Message } from "../core/words";
import type { Targets } from "../core/targets";
import { settingsErrorZh } from "../settings/adopt";
import { asInputError } from "./inputError";

/** A targets or mapping file is a few KiB; a megabyte is already a mistake. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export class ConfigError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

function readConfigText(file: string, what: string): string {
  const fail = (reason: Message) => new ConfigError({ zh: `${what} ${file}：${reason.zh}`, en: `${what} ${file}: ${reason.en}` });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw fail(asInputError(e).text);
  }
  if (!stat.isFile()) throw fail({ zh: "不是普通文件（目录、管道或设备不能作为配置文件）", en: "not a regular file (a folder, pipe or device cannot be a settings file)" });
  if (stat.size > MAX_CONFIG_BYTES) throw fail({ zh: `文件大小 ${stat.size} 字节，超过上限 ${MAX_CONFIG_BYTES} 字节`, en: `${stat.size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit` });
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw fail(asInputError(e).text);
  }
  try {
    // The file may have been swapped since stat: read through the descriptor, never past the limit.
    if (!fs.fstatSync(fd).isFile()) throw fail({ zh: "不是普通文件", en: "not a regular file" });
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = fs.readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > MAX_CONFIG_BYTES) throw fail({ zh: `超过上限 ${MAX_CONFIG_BYTES} 字节`, en: `over the ${MAX_CONFIG_BYTES}-byte limit` });
    return buffer.toString("utf8", 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

function readJsonFile(file: string, what: string): unknown {
  const text = readConfigText(file, what);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const reason = (e as Error).message;
    throw new ConfigError({ zh: `${what} ${file}：不是有效的 JSON（${reason}）`, en: `${what} ${file}: not valid JSON (${reason})` });
  }
}

function invalid(what: string, file: string, errors: string[]): ConfigError {
  return new ConfigError({ zh: `${what} ${file} 有误：${errors.map(settingsErrorZh).join("；")}`, en: `${what} ${file}: ${errors.join("; ")}` });
}

/** The zod schemas behind parseTargets/parseMapping are loaded only when a file is given. */
export async function loadTargets(file: string): Promise<Targets> {
  const json = readJsonFile(file, "--targets");
  const { parseTargets } = await import("../core/targets");
  const parsed = parseTargets(json);
  if (!parsed.ok) throw invalid("--targets", file, parsed.errors);
  return parsed.targets;
}

export async function loadMapping(file: string): Promise<ColumnMapping> {
  const json = readJsonFile(file, "--mapping");
  const { parseMapping } = await import("../core/mapping");
  const parsed = parseMapping(json);
  if (!parsed.ok) throw invalid("--mapping", file, parsed.errors);
  return parsed.mapping;
}
