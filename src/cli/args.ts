/** Command-line arguments (node's util.parseArgs, no dependency). A usage problem is a UsageError (exit 64). */
import { parseArgs } from "util";
import type { Lang } from "./fileResult";

export const FORMATS = ["text", "json", "html", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  format: Format;
  out?: string;
  targets?: string;
  mapping?: string;
  lang: Lang;
  help: boolean;
  version: boolean;
  files: string[];
}

export class UsageError extends Error {}

/**
 * zh unless the locale says English: the product's users work in Chinese, and servers often run with
 * LANG=C or unset, which should not switch a Chinese user's output to English.
 */
export function defaultLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en/i.test(locale) ? "en" : "zh";
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        out: { type: "string", short: "o" },
        targets: { type: "string" },
        mapping: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const format = (v.format ?? "text") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got "${v.format}")`);
  const lang = (v.lang ?? defaultLang(env)) as Lang;
  if (lang !== "zh" && lang !== "en") throw new UsageError(`--lang must be zh or en (got "${v.lang}")`);
  const options: CliOptions = {
    format,
    out: v.out,
    targets: v.targets,
    mapping: v.mapping,
    lang,
    help: Boolean(v.help),
    version: Boolean(v.version),
    files: parsed.positionals,
  };
  if (!options.help && !options.version && options.files.length === 0) throw new UsageError("no input file given");
  return options;
}

export const HELP = {
  zh: `用法：fund-check [选项] <文件...>

核对社保基金支出绩效评价表（.xlsx）：完成率、增幅、合计、收支平衡、绩效指标等（见 SPEC §4）；
绩效评价报告文本（.txt、.docx）读出各项基金的数字后按同样规则核对，问题指向行号并引用原句（SPEC §7）。

选项：
  -f, --format text|json|html|csv   输出格式（默认 text）
  -o, --out 文件                    写入文件而不是标准输出（不能是输入文件之一）
      --targets 文件.json           自定义阈值（目标值），格式见 docs/cli.md
      --mapping 文件.json           按工作表指定列的角色：{"工作表": {"C": "budget", "F": "ignore"}}
      --lang zh|en                  语言（默认 zh；LC_ALL/LC_MESSAGES/LANG 以 en 开头时为 en）
      --matrix                      多个县的报表汇成一张“县 × 基金”矩阵，并核对汇总表与各县报表（--format 另可为 xlsx；
                                    --measure、--county-from、--county-names，见 docs/cli.md）
  -h, --help                        显示本帮助
  -v, --version                     显示版本

退出码：
  0  没有错误和警告      1  只有警告      2  有错误
  3  有输入文件无法读取（损坏、不是 .xlsx/.docx、加密、超过大小上限、不存在），或 --targets/--mapping 文件无效；
     其余文件照常核对，3 优先于 2
  64 命令行用法错误（未知选项、缺少文件、--format/--lang 取值错误）
  70 内部错误（程序缺陷，请报告）
`,
  en: `Usage: fund-check [options] <file...>

Checks social insurance fund performance tables (.xlsx): completion rates, growth, totals, balance,
performance indicators (SPEC §4); report text (.txt, .docx) is read into per-fund figures and checked by the
same rules, each finding at its line with the sentence quoted (SPEC §7).

Options:
  -f, --format text|json|html|csv   output format (default text)
  -o, --out FILE                    write to FILE instead of stdout (never one of the inputs)
      --targets FILE.json           custom thresholds (targets); format in docs/cli.md
      --mapping FILE.json           column roles by sheet: {"Sheet1": {"C": "budget", "F": "ignore"}}
      --lang zh|en                  language (default zh; en when LC_ALL/LC_MESSAGES/LANG starts with en)
      --matrix                      many counties' workbooks as one counties × funds matrix, with the consolidation
                                    checked against them (--format also xlsx; --measure, --county-from,
                                    --county-names: docs/cli.md)
  -h, --help                        show this help
  -v, --version                     show the version

Exit codes:
  0  no errors or warnings      1  warnings only      2  errors
  3  an input could not be read (damaged, not .xlsx/.docx, encrypted, over the size limit, missing), or the
     --targets/--mapping file is invalid; the other files are still checked, and 3 wins over 2
  64 usage error (unknown option, no file, bad --format/--lang value)
  70 internal error (a bug; please report it)
`,
};
