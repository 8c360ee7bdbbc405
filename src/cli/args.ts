/**
 * Command-line arguments (node's util.parseArgs, no dependency). A usage problem is a UsageError (exit 64) whose
 * message is in both languages: the run's language (--lang, else the locale) is known before any message is
 * written, even when the arguments themselves are wrong.
 *
 * To add an option: one entry in OPTION_SPECS (its parseArgs type) and, if it takes a value, a field in CliOptions
 * filled in `parseCli`; a mode of its own (like --draft) also says which formats it writes in MODE_FORMATS.
 */
import { parseArgs } from "util";
import type { Message } from "../core/words";
import type { Lang } from "../output/fileResult";

/** Every option, as parseArgs declares it. */
export const OPTION_SPECS = {
  format: { type: "string", short: "f" },
  out: { type: "string", short: "o" },
  targets: { type: "string" },
  mapping: { type: "string" },
  lang: { type: "string" },
  draft: { type: "boolean" },
  "time-limit": { type: "string" },
  "memory-limit": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** What a run does: check the files (the default) or draft the report's figure paragraphs (--draft). */
export type Mode = "check" | "draft";

/** The formats each mode writes; the first is the default. */
export const MODE_FORMATS = {
  check: ["text", "json", "html", "csv"],
  draft: ["text", "md", "docx"],
} as const satisfies Record<Mode, readonly string[]>;

export const FORMATS = MODE_FORMATS.check;
export type Format = (typeof MODE_FORMATS)[Mode][number];

export interface CliOptions {
  mode: Mode;
  format: Format;
  out?: string;
  targets?: string;
  mapping?: string;
  lang: Lang;
  /** Seconds one file's check may take (--time-limit). */
  timeLimit?: number;
  /** MiB of heap one file's check may use (--memory-limit). */
  memoryLimit?: number;
  help: boolean;
  version: boolean;
  files: string[];
}

export class UsageError extends Error {
  constructor(
    readonly text: Message,
    /** The run's language, as far as the arguments said it. */
    readonly lang: Lang
  ) {
    super(text.en);
  }
}

/**
 * zh unless the locale says English: the product's users work in Chinese, and servers often run with
 * LANG=C or unset, which should not switch a Chinese user's output to English.
 */
export function defaultLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en/i.test(locale) ? "en" : "zh";
}

/** The --lang the arguments give (--lang en, --lang=en), read before the rest so that even a usage error speaks it. */
function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  let lang: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === "--") return;
    if (arg === "--lang") lang = argv[i + 1];
    else if (arg.startsWith("--lang=")) lang = arg.slice("--lang=".length);
  });
  return lang === "en" || lang === "zh" ? lang : defaultLang(env);
}

/** node's parseArgs errors in both languages (its own text is English). */
function parseArgsProblem(e: NodeJS.ErrnoException): Message {
  const message = String(e.message).split("\n")[0];
  const option = /'([^']+)'/.exec(message)?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return { zh: `未知选项 ${option}`, en: `unknown option ${option}` };
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return { zh: `选项 ${option.split(",").pop()!.trim().split(" ")[0]} 的取值不对（${message}）`, en: message };
    default:
      return { zh: `命令行参数有误（${message}）`, en: message };
  }
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const lang0 = langOf(argv, env);
  const usage = (text: Message) => new UsageError(text, lang0);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTION_SPECS });
  } catch (e) {
    throw usage(parseArgsProblem(e as NodeJS.ErrnoException));
  }
  const v = parsed.values;
  const lang = (v.lang ?? defaultLang(env)) as Lang;
  if (lang !== "zh" && lang !== "en") throw usage({ zh: `--lang 只能是 zh 或 en（给的是 "${v.lang}"）`, en: `--lang must be zh or en (got "${v.lang}")` });
  const mode: Mode = v.draft ? "draft" : "check";
  const formats: readonly string[] = MODE_FORMATS[mode];
  const format = (v.format ?? formats[0]) as Format;
  if (!formats.includes(format)) {
    const list = formats.join(", ");
    throw usage(
      mode === "draft"
        ? { zh: `--draft 的 --format 只能是 ${list}（给的是 "${v.format}"）`, en: `--format with --draft must be one of ${list} (got "${v.format}")` }
        : { zh: `--format 只能是 ${list} 之一（给的是 "${v.format}"；md、docx 用于 --draft）`, en: `--format must be one of ${list} (got "${v.format}"; md and docx are for --draft)` }
    );
  }
  const positive = (name: string, raw: string | undefined, min: number): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw usage({ zh: `--${name} 应为不小于 ${min} 的数（给的是 "${raw}"）`, en: `--${name} must be a number of at least ${min} (got "${raw}")` });
    return n;
  };
  const options: CliOptions = {
    mode,
    timeLimit: positive("time-limit", v["time-limit"], 0.1),
    memoryLimit: positive("memory-limit", v["memory-limit"], 32),
    format,
    out: v.out,
    targets: v.targets,
    mapping: v.mapping,
    lang,
    help: Boolean(v.help),
    version: Boolean(v.version),
    files: parsed.positionals,
  };
  if (options.help || options.version) return options;
  if (options.files.length === 0) throw usage({ zh: "没有给出输入文件", en: "no input file given" });
  if (mode === "draft") {
    if (format === "docx" && !options.out) throw usage({ zh: "--format docx 需要 --out 文件.docx", en: "--format docx needs --out FILE.docx" });
    const text = options.files.find((f) => /\.(txt|docx)$/i.test(f));
    if (text) throw usage({ zh: `--draft 从工作簿（.xlsx）的基金表起草，${text} 是报告文本`, en: `--draft drafts from a workbook's fund tables (.xlsx); ${text} is report text` });
  }
  return options;
}

export const HELP = {
  zh: `用法：fund-check [选项] <文件...>
      fund-check --draft [--format text|md|docx] [--out 文件] <工作簿.xlsx...>

核对社保基金支出绩效评价表（.xlsx）：完成率、增幅、合计、收支平衡、绩效指标等（规则与阈值见 docs/reference.md）；
绩效评价报告文本（.txt、.docx）读出各项基金的数字后按同样规则核对，问题指向行号并引用原句（docs/cli.md）。
--draft：从核对过的基金表起草报告中"各项基金预算完成及运行情况"的段落，数字都由表计算（docs/draft.md）。

选项：
  -f, --format text|json|html|csv   输出格式（默认 text）；--draft 时为 text|md|docx
  -o, --out 文件                    写入文件而不是标准输出（不能是输入文件、--targets 或 --mapping 文件）
      --targets 文件.json           自定义阈值（目标值），格式见 docs/reference.md
      --mapping 文件.json           按工作表指定列的角色：{"工作表": {"C": "budget", "F": "ignore"}}
      --lang zh|en                  语言（默认 zh；LC_ALL/LC_MESSAGES/LANG 以 en 开头时为 en），也用于错误信息
      --draft                       起草报告段落而不是输出核对结果
      --time-limit 秒               每个文件的核对时间上限（默认 120）；超过则该文件退出码 3，其余照常
      --memory-limit MiB            每个文件的核对内存上限（默认 1024）；超过同上
      --matrix                      多个县的报表汇成一张“县 × 基金”矩阵，并核对汇总表与各县报表（--format 另可为 xlsx；
                                    --measure、--county-from、--county-names，见 docs/cli.md）
  -h, --help                        显示本帮助
  -v, --version                     显示版本

退出码（docs/reference.md）：
  0  没有错误和警告（--draft：已起草）      1  只有警告      2  有错误
  3  有输入文件无法读取（损坏、不是 .xlsx/.docx、加密、超过大小上限、不存在），或 --targets/--mapping 文件无效；
     其余文件照常核对，3 优先于 2
  64 命令行用法错误（未知选项、缺少文件、--format/--lang 取值错误、--out 指向输入文件）
  70 内部错误（程序缺陷，请报告）
`,
  en: `Usage: fund-check [options] <file...>
       fund-check --draft [--format text|md|docx] [--out FILE] <workbook.xlsx...>

Checks social insurance fund performance tables (.xlsx): completion rates, growth, totals, balance,
performance indicators (rules and thresholds: docs/reference.md); report text (.txt, .docx) is read into
per-fund figures and checked by the same rules, each finding at its line with the sentence quoted (docs/cli.md).
--draft writes the report's paragraphs on each fund's budget and expenditure from the checked fund tables, every
number computed from the table (docs/draft.md).

Options:
  -f, --format text|json|html|csv   output format (default text); with --draft: text|md|docx
  -o, --out FILE                    write to FILE instead of stdout (never an input, --targets or --mapping file)
      --targets FILE.json           custom thresholds (targets); format in docs/reference.md
      --mapping FILE.json           column roles by sheet: {"Sheet1": {"C": "budget", "F": "ignore"}}
      --lang zh|en                  language (default zh; en when LC_ALL/LC_MESSAGES/LANG starts with en), error
                                    messages included
      --draft                       draft the report's paragraphs instead of reporting the check
      --time-limit SECONDS          time one file's check may take (default 120); past it that file is
                                    refused (exit 3) and the others are checked
      --memory-limit MiB            memory one file's check may use (default 1024); likewise
      --matrix                      many counties' workbooks as one counties × funds matrix, with the consolidation
                                    checked against them (--format also xlsx; --measure, --county-from,
                                    --county-names: docs/cli.md)
  -h, --help                        show this help
  -v, --version                     show the version

Exit codes (docs/reference.md):
  0  no errors or warnings (--draft: drafted)      1  warnings only      2  errors
  3  an input could not be read (damaged, not .xlsx/.docx, encrypted, over the size limit, missing), or the
     --targets/--mapping file is invalid; the other files are still checked, and 3 wins over 2
  64 usage error (unknown option, no file, bad --format/--lang value, --out naming an input)
  70 internal error (a bug; please report it)
`,
};
