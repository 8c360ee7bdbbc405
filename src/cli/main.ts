/**
 * `fund-check [options] <file...>` (docs/cli.md). `main` returns the exit code instead of exiting, so tests call it
 * in-process; bin/fund-check.js sets process.exitCode from it.
 *
 * Exit codes: 0 clean, 1 warnings only, 2 errors, 3 an input (or the --targets/--mapping file) could not be
 * read — 3 wins over 2 —, 64 usage error (EX_USAGE from sysexits.h, kept apart from the 0–3 a script reads as
 * results).
 */
import * as fs from "fs";
import * as path from "path";
import type { ColumnMapping } from "../core/api";
import { parseMapping } from "../core/mapping";
import { parseTargets, Targets } from "../core/targets";
import { CliOptions, HELP, parseCli, UsageError } from "./args";
import { formatCsv } from "./format/csv";
import { formatHtml } from "./format/html";
import { formatJson } from "./format/json";
import { formatText } from "./format/text";
import { asInputError } from "./inputError";
import { runBatch } from "./batch";
import type { FileResult, FormatOptions, Lang } from "./fileResult";
import type { ReadOptions } from "./readWorkbook";

export const EXIT = { ok: 0, warnings: 1, errors: 2, unreadable: 3, usage: 64 } as const;

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Options for the workbook reader (tests force a path). */
  read?: ReadOptions;
}

const FORMATTERS: Record<CliOptions["format"], (r: FileResult[], o: FormatOptions) => string> = {
  text: formatText,
  json: formatJson,
  html: formatHtml,
  csv: formatCsv,
};

class ConfigError extends Error {}

function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new ConfigError(`${what} ${file}: ${asInputError(e).text.en}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new ConfigError(`${what} ${file}: not valid JSON (${(e as Error).message})`);
  }
}

function loadTargets(file: string): Targets {
  const parsed = parseTargets(readJsonFile(file, "--targets"));
  if (!parsed.ok) throw new ConfigError(`--targets ${file}: ${parsed.errors.join("; ")}`);
  return parsed.targets;
}

function loadMapping(file: string): ColumnMapping {
  const parsed = parseMapping(readJsonFile(file, "--mapping"));
  if (!parsed.ok) throw new ConfigError(`--mapping ${file}: ${parsed.errors.join("; ")}`);
  return parsed.mapping;
}

function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;
  } catch {
    return "unknown";
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  // Many counties' workbooks → one matrix (./matrix.ts, docs/cli.md).
  if (argv.includes("--matrix")) return (await import("./matrix")).runMatrix(argv, io);
  let options: CliOptions;
  try {
    options = parseCli(argv, io.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`fund-check: ${e.message}\n${HELP.en.split("\n")[0]}\n(fund-check --help)\n`);
    return EXIT.usage;
  }
  const lang: Lang = options.lang;
  if (options.help) {
    io.stdout.write(HELP[lang]);
    return EXIT.ok;
  }
  if (options.version) {
    io.stdout.write(version() + "\n");
    return EXIT.ok;
  }
  // The inputs are never written: refuse an --out that names one of them.
  if (options.out) {
    const out = path.resolve(options.out);
    if (options.files.some((f) => path.resolve(f) === out)) {
      io.stderr.write(`fund-check: --out ${options.out} is one of the input files; input files are never written\n`);
      return EXIT.usage;
    }
  }

  let targets: Targets | undefined;
  let mapping: ColumnMapping | undefined;
  try {
    if (options.targets) targets = loadTargets(options.targets);
    if (options.mapping) mapping = loadMapping(options.mapping);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`fund-check: ${e.message}\n`);
    return EXIT.unreadable;
  }

  const reports: FileResult[] = [];
  let unreadable = 0;
  const progress = options.files.length > 1 && io.stderr.isTTY === true;
  const clearLine = () => progress && io.stderr.write("\r\x1b[K");
  // Several files: on all cores, results in input order (./batch).
  await runBatch(options.files.map((file) => ({ file, targets, mapping, read: io.read })), (outcome, i) => {
    if (progress) io.stderr.write(`\r\x1b[K[${i + 1}/${options.files.length}] ${outcome.file}`);
    if (outcome.ok) {
      for (const note of outcome.report!.notes ?? []) io.stderr.write(`fund-check: ${outcome.file}: ${note}\n`);
      reports.push(outcome.report!);
    } else {
      unreadable++;
      clearLine();
      io.stderr.write(`fund-check: ${outcome.file}: ${outcome.error[lang]}\n`);
    }
  });
  clearLine();

  const output = FORMATTERS[options.format](reports, { lang, batch: options.files.length > 1 });
  if (options.out) {
    try {
      fs.writeFileSync(options.out, output);
    } catch (e) {
      io.stderr.write(`fund-check: --out ${options.out}: ${(e as Error).message}\n`);
      return EXIT.unreadable;
    }
  } else io.stdout.write(output);

  if (unreadable) return EXIT.unreadable;
  const total = reports.reduce((n, r) => ({ error: n.error + r.result.summary.error, warning: n.warning + r.result.summary.warning }), { error: 0, warning: 0 });
  return total.error ? EXIT.errors : total.warning ? EXIT.warnings : EXIT.ok;
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`fund-check: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 70;
    }
  );
}
