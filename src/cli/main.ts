/**
 * `fund-check [options] <file...>` (docs/cli.md). `main` returns the exit code instead of exiting, so tests call it
 * in-process; bin/fund-check.js sets process.exitCode from it.
 *
 * Exit codes (docs/reference.md): 0 clean, 1 warnings only, 2 errors, 3 an input (or the --targets/--mapping file)
 * could not be read — 3 wins over 2 —, 64 usage error (EX_USAGE from sysexits.h, kept apart from the 0–3 a
 * script reads as results). One language per run: --lang (else the locale) governs stdout and stderr alike, and
 * everything written to stderr is made terminal-safe (src/output/terminal.ts). The formatters, the draft and the
 * settings validators are loaded only by a run that uses them.
 */
import * as fs from "fs";
import * as path from "path";
import type { ColumnMapping } from "../core/api";
import type { Message } from "../core/words";
import type { Targets } from "../core/targets";
import type { FileResult, FormatOptions, Lang } from "../output/fileResult";
import { terminalSafe } from "../output/terminal";
import { CliOptions, HELP, parseCli, UsageError } from "./args";
import type { Budget } from "./isolation";
import { clashingInput, writeOut } from "./outFile";
import type { ReadOptions } from "./readWorkbook";

export const EXIT = { ok: 0, warnings: 1, errors: 2, unreadable: 3, usage: 64 } as const;

export interface Io {
  stdout: { write(text: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Options for the workbook reader (tests force a path). */
  read?: ReadOptions;
  /**
   * Check each file in a worker thread within a time and memory budget (src/cli/isolation.ts). The command sets it;
   * tests calling `main` in-process on the TypeScript sources check in the same thread.
   */
  isolate?: boolean;
}

type Formatter = (r: FileResult[], o: FormatOptions) => string;

/** Each check format's formatter, loaded when it is asked for. */
const FORMATTERS: Record<"text" | "json" | "html" | "csv", () => Promise<Formatter>> = {
  text: async () => (await import("../output/text")).formatText,
  json: async () => (await import("../output/json")).formatJson,
  html: async () => (await import("../output/html")).formatHtml,
  csv: async () => (await import("../output/csv")).formatCsv,
};

function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;
  } catch {
    return "unknown";
  }
}

/**
 * A closed stdout (`fund-check … | head`) is not an error of the run: later writes are dropped, and the run ends
 * with the exit code its findings deserve instead of an EPIPE stack trace.
 */
export function quietOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
}

export async function main(argv: string[], io: Io): Promise<number> {
  /** One line on stderr, made terminal-safe (file and sheet names, zip entry names, settings keys). */
  const say = (text: string) => io.stderr.write(`fund-check: ${terminalSafe(text)}\n`);
  // Many counties' workbooks → one matrix (./matrix.ts, docs/cli.md).
  if (argv.includes("--matrix")) return (await import("./matrix")).runMatrix(argv, io);
  let options: CliOptions;
  try {
    options = parseCli(argv, io.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    say(e.text[e.lang]);
    io.stderr.write(`${HELP[e.lang].split("\n")[0]}\n(fund-check --help)\n`);
    return EXIT.usage;
  }
  const lang: Lang = options.lang;
  const pick = (m: Message) => m[lang];
  if (options.help) {
    io.stdout.write(HELP[lang]);
    return EXIT.ok;
  }
  if (options.version) {
    io.stdout.write(version() + "\n");
    return EXIT.ok;
  }
  // Nothing the run reads is ever written: --out may not be an input, the targets or the mapping file, by any path.
  if (options.out) {
    const read = [...options.files, ...(options.targets ? [options.targets] : []), ...(options.mapping ? [options.mapping] : [])];
    const clash = clashingInput(options.out, read);
    if (clash !== undefined) {
      const which = clash === options.targets ? "--targets" : clash === options.mapping ? "--mapping" : undefined;
      say(
        pick(
          which
            ? { zh: `--out ${options.out} 就是 ${which} 文件 ${clash}；程序读取的文件一律不写`, en: `--out ${options.out} is the ${which} file ${clash}; files the run reads are never written` }
            : { zh: `--out ${options.out} 就是输入文件 ${clash}；输入文件一律不写`, en: `--out ${options.out} is the input file ${clash}; input files are never written` }
        )
      );
      return EXIT.usage;
    }
  }

  // Loaded now that the run checks or drafts (--help and --version load none of it).
  const [{ ConfigError, loadMapping, loadTargets }, { asInputError }] = await Promise.all([import("./config"), import("./inputError")]);
  let targets: Targets | undefined;
  let mapping: ColumnMapping | undefined;
  try {
    if (options.targets) targets = await loadTargets(options.targets);
    if (options.mapping) mapping = await loadMapping(options.mapping);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    say(pick(e.text));
    return EXIT.unreadable;
  }

  const write = (output: string | Uint8Array): number | undefined => {
    if (!options.out) {
      io.stdout.write(output);
      return undefined;
    }
    try {
      writeOut(options.out, output);
      return undefined;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === "ENOENT" ? { zh: "文件夹不存在", en: "no such folder" } : { zh: `无法写入（${err.code ?? err.message}）`, en: `cannot be written (${err.code ?? err.message})` };
      say(`--out ${options.out}: ${pick(reason)}`);
      return EXIT.unreadable;
    }
  };

  if (options.mode === "draft") {
    const { draftFiles } = await import("./draft");
    const { terminalLines } = await import("../output/terminal");
    const run = await draftFiles({ files: options.files, format: options.format as "text" | "md" | "docx", lang, targets, mapping, read: io.read });
    for (const note of run.notes) say(`${note.file}: ${note.text ?? pick(asInputError(note.error).text)}`);
    const output = typeof run.output === "string" ? terminalLines(run.output.split("\n")) : run.output;
    return write(output) ?? (run.failed ? EXIT.unreadable : EXIT.ok);
  }

  const [{ refusalOf }, { canIsolate, DEFAULT_BUDGET, IsolatedChecker }] = await Promise.all([import("./refusal"), import("./isolation")]);
  const budget: Budget = {
    timeMs: options.timeLimit !== undefined ? options.timeLimit * 1000 : DEFAULT_BUDGET.timeMs,
    memoryMb: options.memoryLimit ?? DEFAULT_BUDGET.memoryMb,
  };
  const isolated = io.isolate && canIsolate() ? new IsolatedChecker(budget) : undefined;
  const checkOne = async (file: string): Promise<FileResult> => {
    const task = { file, targets, mapping, read: io.read, lang };
    // In the worker, the reader and the core load there only; in-thread (tests), here.
    const outcome = isolated ? await isolated.check(task) : await (await import("./fileTask")).checkFileTask(task);
    if (!outcome.ok) throw refusalOf(outcome);
    return outcome.report;
  };
  const reports: FileResult[] = [];
  let unreadable = 0;
  const progress = options.files.length > 1 && io.stderr.isTTY === true;
  const clearLine = () => progress && io.stderr.write("\r\x1b[K");
  for (const [i, file] of options.files.entries()) {
    if (progress) io.stderr.write(`\r\x1b[K[${i + 1}/${options.files.length}] ${terminalSafe(file)}`);
    try {
      const report = await checkOne(file);
      for (const note of report.notes ?? []) say(`${file}: ${note}`);
      reports.push(report);
    } catch (e) {
      unreadable++;
      clearLine();
      say(`${file}: ${pick(asInputError(e).text)}`);
    }
  }
  clearLine();
  await isolated?.close();

  const format = await FORMATTERS[options.format as keyof typeof FORMATTERS]();
  const failedWrite = write(format(reports, { lang, batch: options.files.length > 1 }));
  if (failedWrite !== undefined) return failedWrite;

  if (unreadable) return EXIT.unreadable;
  const total = reports.reduce((n, r) => ({ error: n.error + r.result.summary.error, warning: n.warning + r.result.summary.warning }), { error: 0, warning: 0 });
  return total.error ? EXIT.errors : total.warning ? EXIT.warnings : EXIT.ok;
}

if (require.main === module) {
  quietOnClosedPipe(process.stdout);
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, isolate: true }).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`fund-check: internal error: ${terminalSafe(String((e as Error)?.stack ?? e)).replace(/\\x0A/g, "\n")}\n`);
      process.exitCode = 70;
    }
  );
}
