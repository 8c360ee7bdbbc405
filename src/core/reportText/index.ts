/**
 * The report-text cross-check (README, “Report text”): read a performance report's prose into per-fund figures and recheck
 * every figure it states with the same rules as a sheet. Pure: no file system, no DOM. The CLI gives it the
 * text of a .txt file, or of a .docx through mammoth.extractRawText; the task pane gives it pasted text.
 */
export { readReportText } from "./read";
export type { ReportRead } from "./read";
export { checkReportText } from "./check";
export type { ReportCheckOptions, ReportCheckResult } from "./check";
export { figuresToSheetRows, figuresSheetFormats } from "./sheetRows";
export type { SheetCell } from "./sheetRows";
export type { ReportFigure, ReportComponent, FigureSource, FigureField } from "./funds";
export { figureLabel } from "./funds";
