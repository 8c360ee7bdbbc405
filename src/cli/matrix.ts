/**
 * `fund-check --matrix [--format text|html|json|csv|xlsx] [--out FILE] [--measure completion|growth|payable-months]
 * [--county-from filename|title] [--county-names FILE.json] files…` (docs/cli.md): many counties' workbooks and
 * a consolidation in one pass → one matrix (src/core/matrix) and the cross-file check. Files are checked by the
 * batch pool (./batch); only each file's summary is kept. Exit codes as for a plain run.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import type { ColumnMapping } from "../core/api";
import { parseMapping } from "../core/mapping";
import { BatchFile, CountyFrom, MEASURES, Measure, buildMatrix } from "../core/matrix";
import { parseTargets, Targets } from "../core/targets";
import { formatMatrixCsv } from "../output/matrix/csv";
import { formatMatrixHtml } from "../output/matrix/html";
import { formatMatrixJson } from "../output/matrix/json";
import { formatMatrixText } from "../output/matrix/text";
import { matrixTotals } from "../output/matrix/totals";
import { defaultLang } from "./args";
import { runBatch } from "./batch";
import type { Lang } from "../output/fileResult";
import type { Io } from "./main";

export const MATRIX_FORMATS = ["text", "html", "json", "csv", "xlsx"] as const;
type MatrixFormat = (typeof MATRIX_FORMATS)[number];

const EXIT = { ok: 0, warnings: 1, errors: 2, unreadable: 3, usage: 64 } as const;

class Usage extends Error {}

interface MatrixOptions {
  format: MatrixFormat;
  out?: string;
  targets?: string;
  mapping?: string;
  countyNames?: string;
  countyFrom: CountyFrom;
  measure: Measure;
  lang: Lang;
  threads?: number;
  files: string[];
}

function parse(argv: string[], env: NodeJS.ProcessEnv): MatrixOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        matrix: { type: "boolean" },
        format: { type: "string", short: "f" },
        out: { type: "string", short: "o" },
        targets: { type: "string" },
        mapping: { type: "string" },
        lang: { type: "string" },
        measure: { type: "string" },
        "county-from": { type: "string" },
        "county-names": { type: "string" },
        threads: { type: "string" },
      },
    });
  } catch (e) {
    throw new Usage((e as Error).message);
  }
  const v = parsed.values;
  const format = (v.format ?? "text") as MatrixFormat;
  if (!MATRIX_FORMATS.includes(format)) throw new Usage(`--format must be one of ${MATRIX_FORMATS.join(", ")} with --matrix (got "${v.format}")`);
  const measure = (v.measure ?? "completion") as Measure;
  if (!MEASURES.includes(measure)) throw new Usage(`--measure must be one of ${MEASURES.join(", ")} (got "${v.measure}")`);
  const countyFrom = (v["county-from"] ?? "filename") as CountyFrom;
  if (countyFrom !== "filename" && countyFrom !== "title") throw new Usage(`--county-from must be filename or title (got "${v["county-from"]}")`);
  const lang = (v.lang ?? defaultLang(env)) as Lang;
  if (lang !== "zh" && lang !== "en") throw new Usage(`--lang must be zh or en (got "${v.lang}")`);
  let threads: number | undefined;
  if (v.threads !== undefined) {
    threads = Number(v.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new Usage(`--threads must be a whole number ≥ 1 (got "${v.threads}")`);
  }
  if (parsed.positionals.length === 0) throw new Usage("no input file given");
  if (format === "xlsx" && !v.out) throw new Usage("--format xlsx needs --out FILE.xlsx (a workbook is not written to a terminal)");
  return { format, out: v.out, targets: v.targets, mapping: v.mapping, countyNames: v["county-names"], countyFrom, measure, lang, threads, files: parsed.positionals };
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`${what} ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new Error(`${what} ${file}: not valid JSON (${(e as Error).message})`);
  }
}

function loadConfig(o: MatrixOptions): { targets?: Targets; mapping?: ColumnMapping; countyNames?: Record<string, string> } {
  const out: { targets?: Targets; mapping?: ColumnMapping; countyNames?: Record<string, string> } = {};
  if (o.targets) {
    const p = parseTargets(readJson(o.targets, "--targets"));
    if (!p.ok) throw new Error(`--targets ${o.targets}: ${p.errors.join("; ")}`);
    out.targets = p.targets;
  }
  if (o.mapping) {
    const p = parseMapping(readJson(o.mapping, "--mapping"));
    if (!p.ok) throw new Error(`--mapping ${o.mapping}: ${p.errors.join("; ")}`);
    out.mapping = p.mapping;
  }
  if (o.countyNames) {
    const json = readJson(o.countyNames, "--county-names");
    if (!json || typeof json !== "object" || Array.isArray(json) || Object.values(json).some((x) => typeof x !== "string" || x.trim() === "")) {
      throw new Error(`--county-names ${o.countyNames}: expected an object of file name → county name, e.g. {"ruoqiang.xlsx": "若羌县"}`);
    }
    out.countyNames = json as Record<string, string>;
  }
  return out;
}

export async function runMatrix(argv: string[], io: Io): Promise<number> {
  let o: MatrixOptions;
  try {
    o = parse(argv, io.env);
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    io.stderr.write(`fund-check: ${e.message}\n(fund-check --help)\n`);
    return EXIT.usage;
  }
  if (o.out && o.files.some((f) => path.resolve(f) === path.resolve(o.out!))) {
    io.stderr.write(`fund-check: --out ${o.out} is one of the input files; input files are never written\n`);
    return EXIT.usage;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(o);
  } catch (e) {
    io.stderr.write(`fund-check: ${(e as Error).message}\n`);
    return EXIT.unreadable;
  }

  const kept: BatchFile[] = [];
  let unreadable = 0;
  const progress = o.files.length > 1 && io.stderr.isTTY === true;
  await runBatch(
    o.files.map((file) => ({ file, targets: config.targets, mapping: config.mapping, read: io.read, summary: true })),
    (outcome, i) => {
      if (progress) io.stderr.write(`\r\x1b[K[${i + 1}/${o.files.length}] ${outcome.file}`);
      if (outcome.ok) {
        for (const note of outcome.notes ?? []) io.stderr.write(`${progress ? "\r\x1b[K" : ""}fund-check: ${outcome.file}: ${note}\n`);
        if (outcome.summary) kept.push(outcome.summary);
      } else {
        unreadable++;
        io.stderr.write(`${progress ? "\r\x1b[K" : ""}fund-check: ${outcome.file}: ${outcome.error[o.lang]}\n`);
        kept.push({ file: outcome.file, unreadable: outcome.error[o.lang] });
      }
    },
    { threads: o.threads }
  );
  if (progress) io.stderr.write("\r\x1b[K");

  const matrix = buildMatrix(kept, { measure: o.measure, countyFrom: o.countyFrom, countyNames: config.countyNames, targets: config.targets });
  const totals = { ...matrixTotals(matrix, o.files.length), unreadable };
  let output: string | Uint8Array;
  switch (o.format) {
    case "json":
      output = formatMatrixJson(matrix, totals);
      break;
    case "csv":
      output = formatMatrixCsv(matrix, o.lang);
      break;
    case "html":
      output = formatMatrixHtml(matrix, totals, o.lang);
      break;
    case "xlsx": {
      // ExcelJS is loaded only for this format.
      const { matrixXlsx } = await import("../output/matrix/xlsx");
      output = await matrixXlsx(matrix, totals, o.lang, config.targets);
      break;
    }
    default:
      output = formatMatrixText(matrix, totals, o.lang);
  }
  if (o.out) {
    try {
      fs.writeFileSync(o.out, output);
    } catch (e) {
      io.stderr.write(`fund-check: --out ${o.out}: ${(e as Error).message}\n`);
      return EXIT.unreadable;
    }
  } else io.stdout.write(output as string);

  if (unreadable) return EXIT.unreadable;
  return totals.error ? EXIT.errors : totals.warning ? EXIT.warnings : EXIT.ok;
}
