/**
 * The strings only the task pane and the standalone page show, in both languages. Words other surfaces show too
 * (severities, finding columns, figure columns, observed / expected) come from the shared catalogue,
 * src/core/words.ts. `zh` is typed against `en`, so a string missing in either language is a compile error.
 */
import { createContext, useContext } from "react";
import type { Role } from "../core/model";
import { fillIn, Lang } from "../core/words";

export type { Lang };

const en = {
  appTitle: "Fund Check",
  language: "Language",
  switchLanguage: "中文",
  tabCheck: "Check",
  tabMapping: "Mapping",
  tabTargets: "Targets",
  scopeActive: "Active sheet",
  scopeAll: "All sheets",
  runCheck: "Run check",
  cancel: "Cancel",
  cancelled: "Check cancelled.",
  progress: "Checking sheet {done} of {total}: {sheet}",
  noFindings: "No findings: every rule passed.",
  notRunYet: "Run a check to see findings.",
  findingsSummary: "{error} {errors}, {warning} {warnings}, {info} info",
  highlight: "Highlight cells",
  clearHighlights: "Clear",
  writeReport: "Write report sheet",
  highlighted: "Highlighted {count} cells. Clear removes them.",
  cleared: "Removed the add-in's highlights and report sheet.",
  reportSheetWritten: "Report written to sheet “{sheet}”.",
  undoNote: "Undo is not grouped on this version of Excel; the change may take several undo steps.",
  settingsSaved: "Saved in this workbook (sheet “{sheet}”).",
  settingsLoadProblem: "Stored settings could not be read: {problem}",
  settingsSheetTaken: "Settings were not saved: the sheet “{sheet}” is not the add-in's. Rename it, then save again.",
  error: "Something went wrong: {message}",
  // mapping
  mappingIntro: "How the columns of each table were understood. Change a role if it is wrong; the choice is saved with the workbook.",
  mappingEmpty: "Run a check first: the detected tables appear here.",
  noTable: "No table found on this sheet.",
  table: "Table at rows {first}–{last} (header row {header})",
  column: "Column",
  role: "Role",
  roleIgnore: "(ignore)",
  overridden: "changed",
  resetMapping: "Reset this sheet",
  // targets
  targetsIntro: "Thresholds of the rules. Saved with the workbook, so a colleague who opens it gets the same checks.",
  targetsSave: "Save targets",
  targetsReset: "Restore defaults",
  targetsInvalid: "These targets cannot be used: {message}",
  targetsWorkbook: "Whole workbook",
  targetsFunds: "Per fund (blank = as the workbook)",
  fundName: "Fund name",
  addFund: "Add a fund",
  removeFund: "Remove",
  showMore: "Show {n} more ({left} not shown)",
  targetsRules: "Rules",
  targetsRulesIntro: "How each rule reports what it finds, for the whole workbook; “Off” stops it.",
  ruleDefault: "Default ({value})",
  opt_error: "Error",
  opt_warning: "Warning",
  opt_info: "Info",
  opt_off: "Off",
  targetsStandaloneNote: "In this page targets apply to this session only; the workbook file is not changed.",
  // standalone
  standaloneTitle: "Fund Check — standalone page",
  standaloneIntro: "Excel is not running this page. Open an .xlsx file to check it here; nothing leaves your computer.",
  openFile: "Open .xlsx…",
  dropHere: "or drop an .xlsx file here",
  tryExample: "Try the example (且末县 2019)",
  noFileChosen: "No file open",
  readingProgress: "Reading {name}: {percent}%",
  readCancelled: "Reading {name} was cancelled; no file is open.",
  exampleMark: "(the example)",
  noFileYet: "Open an .xlsx file above, drop one on the box, or try the example: its findings appear here.",
  fileSaveAsXlsx: "Open it in Excel or WPS and save it as an Excel workbook (.xlsx): File › Save As › Excel Workbook (*.xlsx).",
  mappingIntroStandalone: "How the columns of each table were understood. Change a role if it is wrong; in this page the choice applies to this session only and the file is not changed.",
  headerText: "Header",
  fileError: "{name} could not be read: {message}",
  downloadHtml: "Download report (HTML)",
  downloadCsv: "Download report (CSV)",
  gridTitle: "Sheet “{sheet}”",
  gridTruncated: "Showing rows {first}–{last} of {total}.",
  // report text
  tabReportText: "Check report text",
  textIntro: "Paste the text of a performance report, then Check: its figures are read per fund and checked by the same rules, and each finding quotes its sentence.",
  textIntroStandalone: "Paste the text of a performance report, or open a .txt file, then Check: its figures are read per fund and checked by the same rules, and each finding quotes its sentence. Nothing leaves your computer.",
  textLabel: "Report text",
  textPlaceholder: "Paste the report here (e.g. 2019年工伤保险预算基金支出398万元，…完成预算的131%…)",
  textOpenTxt: "Open .txt…",
  textCheck: "Check text",
  textEmpty: "Paste or open a report's text first.",
  textNoFigures: "No fund figures were found in this text (sentences such as 预算支出398万元, 支出806万元, 完成预算的131%).",
  textFigures: "Figures read, per fund (amounts in {unit})",
  textFiguresNoUnit: "Figures read, per fund",
  textName: "report text",
  textStale: "The text has changed since the last check.",
  lineLabel: "line {line}",
  quoteLabel: "Sentence",
  insertFiguresSheet: "Insert as sheet",
  figuresSheetName: "Report figures",
  figuresInserted: "Figures inserted as the new sheet “{sheet}”, with live FUND. formulas beside the stated figures.",
  downloadFiguresCsv: "Download figures (CSV)",
  textTooLarge: "{name} is too large ({size} MB; at most {limit} MB).",
  // draft
  tabDraft: "Draft report text",
  draftIntro: "Drafts the paragraphs of 各项基金预算完成及运行情况 from the workbook's fund tables: every amount and rate is computed from the table, so the text cannot disagree with it. Copy the text, or download it as a Word document.",
  draftIntroExcel: "Drafts the paragraphs of 各项基金预算完成及运行情况 from the workbook's fund tables: every amount and rate is computed from the table. Insert as sheet adds a new sheet whose paragraphs are formulas over your cells, so they follow the figures as you change them.",
  draftLanguage: "Language of the draft",
  draftRun: "Draft",
  draftCopy: "Copy all",
  draftCopied: "The drafted text is on the clipboard.",
  draftCopyBlocked: "The browser did not allow copying: select the text below and copy it.",
  draftDocx: "Download (.docx)",
  draftFileSuffix: "draft",
  draftInsert: "Insert as sheet",
  draftSheetName: "Report draft",
  draftInserted: "The draft was inserted as the new sheet “{sheet}”: its paragraphs are formulas over your cells.",
  draftNothing: "No fund table was found to draft from (a table with fund names and budget, expenditure, income or balance columns).",
  draftNeedsWorkbook: "Open an .xlsx file (or try the example) to draft its report text.",
  // report sheet / downloads
  reportSheetName: "Check report",
  reportSheetTitle: "Fund check report",
  chartTitle: "Budget vs actual",
  // roles
  role_subject: "Subject (fund / item)",
  role_budget: "Budget",
  role_actual: "Actual",
  role_prior: "Prior year",
  role_income: "Income",
  role_balance: "Accumulated balance",
  role_statedCompletion: "Stated completion rate",
  role_statedChange: "Stated change",
  role_statedGrowth: "Stated growth",
  role_people: "People",
  role_surplus: "Current-year surplus",
  role_openingBalance: "Balance brought forward",
  role_statedIndex: "Stated ratio to prior year",
  role_level1: "Level-1 indicator",
  role_level2: "Level-2 indicator",
  role_indicator: "Indicator",
  role_target: "Target",
  role_indicatorActual: "Actual value",
  role_weight: "Weight",
  role_score: "Score",
  role_reason: "Deviation reason",
};

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  appTitle: "社保基金绩效校验",
  language: "语言",
  switchLanguage: "English",
  tabCheck: "校验",
  tabMapping: "列映射",
  tabTargets: "目标值",
  scopeActive: "当前工作表",
  scopeAll: "全部工作表",
  runCheck: "开始校验",
  cancel: "取消",
  cancelled: "已取消校验。",
  progress: "正在校验第 {done}/{total} 个工作表：{sheet}",
  noFindings: "未发现问题：全部规则通过。",
  notRunYet: "运行校验后在此查看结果。",
  findingsSummary: "错误 {error} 项，警告 {warning} 项，提示 {info} 项",
  highlight: "标记单元格",
  clearHighlights: "清除",
  writeReport: "生成校验报告工作表",
  highlighted: "已标记 {count} 个单元格，点击“清除”可移除。",
  cleared: "已移除本加载项添加的标记和报告工作表。",
  reportSheetWritten: "报告已写入工作表“{sheet}”。",
  undoNote: "此版本的 Excel 不支持合并撤消，本次更改可能需要多次撤消。",
  settingsSaved: "已保存到本工作簿（工作表“{sheet}”）。",
  settingsLoadProblem: "无法读取已保存的设置：{problem}",
  settingsSheetTaken: "设置未保存：工作表“{sheet}”不是本加载项写入的。请将其改名后再保存。",
  error: "出错了：{message}",
  mappingIntro: "各表的列是如何识别的。如识别有误，可更改列的角色；更改随工作簿保存。",
  mappingEmpty: "请先运行校验，识别出的表格会显示在这里。",
  noTable: "此工作表中未找到表格。",
  table: "第 {first}–{last} 行的表格（表头第 {header} 行）",
  column: "列",
  role: "角色",
  roleIgnore: "（忽略）",
  overridden: "已更改",
  resetMapping: "恢复此表识别结果",
  targetsIntro: "各规则的阈值。随工作簿保存，同事打开该文件时使用相同的校验标准。",
  targetsSave: "保存目标值",
  targetsReset: "恢复默认值",
  targetsInvalid: "目标值无法使用：{message}",
  targetsWorkbook: "整个工作簿",
  targetsFunds: "按险种设置（留空 = 与工作簿相同）",
  fundName: "险种名称",
  addFund: "添加险种",
  removeFund: "删除",
  showMore: "再显示{n}条（还有{left}条未显示）",
  targetsRules: "规则",
  targetsRulesIntro: "各规则发现问题时的级别（适用于整个工作簿）；选“关闭”则不再检查。",
  ruleDefault: "默认（{value}）",
  opt_error: "错误",
  opt_warning: "警告",
  opt_info: "提示",
  opt_off: "关闭",
  targetsStandaloneNote: "在本页面中目标值仅对本次会话有效，不会修改工作簿文件。",
  standaloneTitle: "社保基金绩效校验 — 独立页面",
  standaloneIntro: "本页面未在 Excel 中运行。打开 .xlsx 文件即可在此校验，文件不会离开您的电脑。",
  openFile: "打开 .xlsx 文件…",
  dropHere: "或将 .xlsx 文件拖放到此处",
  tryExample: "试用示例（且末县 2019）",
  noFileChosen: "未打开文件",
  readingProgress: "正在读取 {name}：{percent}%",
  readCancelled: "已取消读取 {name}，当前没有打开的文件。",
  exampleMark: "（示例）",
  noFileYet: "请在上方打开 .xlsx 文件、把文件拖到框内，或试用示例：校验结果会显示在这里。",
  fileSaveAsXlsx: "请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）：文件 › 另存为 › Excel 工作簿（*.xlsx）。",
  mappingIntroStandalone: "各表各列的识别结果。识别有误可更改角色；在本页面中，更改只在本次使用中有效，不会改动文件。",
  headerText: "表头",
  fileError: "无法读取 {name}：{message}",
  downloadHtml: "下载报告（HTML）",
  downloadCsv: "下载报告（CSV）",
  gridTitle: "工作表“{sheet}”",
  gridTruncated: "显示第 {first}–{last} 行，共 {total} 行。",
  tabReportText: "校验报告文本",
  textIntro: "粘贴绩效评价报告的文本后点击“校验文本”：按险种读取其中的数字，用相同的规则校验，每项问题都会引用所在的句子。",
  textIntroStandalone: "粘贴绩效评价报告的文本或打开 .txt 文件后点击“校验文本”：按险种读取其中的数字，用相同的规则校验，每项问题都会引用所在的句子。文本不会离开您的电脑。",
  textLabel: "报告文本",
  textPlaceholder: "在此粘贴报告文本（如：2019年工伤保险预算基金支出398万元，…完成预算的131%…）",
  textOpenTxt: "打开 .txt 文件…",
  textCheck: "校验文本",
  textEmpty: "请先粘贴或打开报告文本。",
  textNoFigures: "未在文本中找到险种数字（如“预算支出398万元”“支出806万元”“完成预算的131%”等句子）。",
  textFigures: "读取的各险种数字（金额单位：{unit}）",
  textFiguresNoUnit: "读取的各险种数字",
  textName: "报告文本",
  textStale: "文本在上次校验后已修改。",
  lineLabel: "第 {line} 行",
  quoteLabel: "原句",
  insertFiguresSheet: "插入为工作表",
  figuresSheetName: "报告数字",
  figuresInserted: "已将数字插入新工作表“{sheet}”，报告数字旁附有实时计算的 FUND. 公式。",
  downloadFiguresCsv: "下载数字（CSV）",
  textTooLarge: "{name} 过大（{size} MB，上限 {limit} MB）。",
  // draft
  tabDraft: "起草报告文字",
  draftIntro: "根据工作簿中的基金表起草“各项基金预算完成及运行情况”各段文字：所有金额和比率都由表中数字计算，文字不会与表格矛盾。可复制全文，或下载为Word文档。",
  draftIntroExcel: "根据工作簿中的基金表起草“各项基金预算完成及运行情况”各段文字：所有金额和比率都由表中数字计算。“插入为工作表”会新建一个工作表，每段文字是引用您单元格的公式，修改数字后文字随之更新。",
  draftLanguage: "草稿语言",
  draftRun: "起草",
  draftCopy: "复制全文",
  draftCopied: "草稿已复制到剪贴板。",
  draftCopyBlocked: "浏览器不允许复制：请选中下方文字后复制。",
  draftDocx: "下载（.docx）",
  draftFileSuffix: "草稿",
  draftInsert: "插入为工作表",
  draftSheetName: "报告草稿",
  draftInserted: "草稿已插入新工作表“{sheet}”：各段文字是引用您单元格的公式。",
  draftNothing: "没有找到可起草的基金表（含基金名称及预算、支出、收入或结余列的表格）。",
  draftNeedsWorkbook: "请先打开 .xlsx 文件（或试用示例），再起草报告文字。",
  reportSheetName: "校验报告",
  reportSheetTitle: "基金校验报告",
  chartTitle: "预算与执行对比",
  role_subject: "项目（险种/名称）",
  role_budget: "预算数",
  role_actual: "执行数",
  role_prior: "上年数",
  role_income: "收入",
  role_balance: "累计结余",
  role_statedCompletion: "填报完成率",
  role_statedChange: "填报增减额",
  role_statedGrowth: "填报增幅",
  role_people: "人数",
  role_surplus: "当年结余",
  role_openingBalance: "上年结余",
  role_statedIndex: "为上年的%",
  role_level1: "一级指标",
  role_level2: "二级指标",
  role_indicator: "三级指标",
  role_target: "目标值",
  role_indicatorActual: "实际完成值",
  role_weight: "分值",
  role_score: "得分",
  role_reason: "偏差原因",
};

export const CATALOGUE: Record<Lang, Record<MessageKey, string>> = { en, zh };

export function translate(lang: Lang, key: MessageKey, values?: Record<string, string | number>): string {
  return fillIn(CATALOGUE[lang][key], values);
}

/** "1 error, 2 warnings, 0 info": English counts carry their noun in the right number (info is uncountable). */
export function findingsSummary(lang: Lang, summary: { error: number; warning: number; info: number }): string {
  const noun = (n: number, one: string, many: string) => (lang === "en" ? `${n === 1 ? one : many}` : "");
  return translate(lang, "findingsSummary", {
    error: summary.error,
    warning: summary.warning,
    info: summary.info,
    errors: noun(summary.error, "error", "errors"),
    warnings: noun(summary.warning, "warning", "warnings"),
  });
}

export function roleLabel(lang: Lang, role: Role): string {
  const key = `role_${role}` as MessageKey;
  return key in CATALOGUE[lang] ? CATALOGUE[lang][key] : role;
}

/** Office's display language ("zh-CN", "en-US"), or the browser's, to the pane's language. */
export function languageFrom(tag: string | undefined | null): Lang {
  return tag && /^zh\b/i.test(tag) ? "zh" : "en";
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

export function makeI18n(lang: Lang): I18n {
  return { lang, t: (key, values) => translate(lang, key, values) };
}

/**
 * How a tab's view reports an outcome: worded when shown, so a change of language rewords it. Called with no
 * arguments, it clears the view's notice (the action succeeded this time).
 */
export type Notify = (intent?: "success" | "warning" | "error" | "info", message?: (t: I18n["t"], lang: Lang) => string) => void;

export const I18nContext = createContext<I18n>(makeI18n("en"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
