/**
 * Indicator tables as people lay them out, written as real .xlsx files with ExcelJS and read back with the
 * reader the CLI and the standalone page use (src/xlsx/).
 */
import ExcelJS from "exceljs";
import { GridWorkbook } from "../../../src/core/grid";
import { gridOf } from "../../helpers/xlsx";

export type Cell = string | number | null | { value: number; numFmt: string };

/** Writes rows from A<top>, then the merges; returns the workbook written as .xlsx and read back as a grid. */
export async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<GridWorkbook> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return gridOf(wb, "indicators.xlsx");
}

export function put(ws: ExcelJS.Worksheet, top: number, rows: Cell[][]): void {
  rows.forEach((cells, k) =>
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(top + k, c + 1);
      if (typeof v === "object") {
        cell.value = v.value;
        cell.numFmt = v.numFmt;
      } else cell.value = v;
    })
  );
}

export const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/**
 * Layout 1: a 绩效自评表 with a title, merged first-level cells carrying "(N分)", merged second-level cells,
 * no 总分 row. Rows 3–9:
 * 3 人数 ≥1618人 / 1618人 (met)           4 参保人数 不低于5000人 / 4800 (missed, reason given, 9.6 = proportional)
 * 5 待遇发放 按时足额 / 按时足额发放 (met)  6 核发准确率 100% / 90% (missed, no reason, stated 10: proportional gives 9)
 * 7 上访率 ≤1% / 1.5% (missed, no reason, 6.67)   8 基金运行 效果明显 / 效果明显 (met)
 * 9 满意度 ≥95% / 96% (met, score 12 above weight 10)
 * 产出指标(40分) holds 4 × 10 = 40; 效益指标(30分) holds 10 + 10 = 20 (does not add up); 满意度指标(10分) 10.
 */
export function layoutMerged(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("绩效自评");
  ws.mergeCells("A1:H1");
  ws.getCell("A1").value = "2019年社会保险基金支出绩效自评表";
  put(ws, 2, [HEADER]);
  put(ws, 3, [
    ["产出指标(40分)", "数量指标", "企业职工基本养老保险领取待遇人数", "≥1618人", "1618人", 10, 10, null],
    [null, null, "城乡居民养老保险参保人数", "不低于5000人", 4800, 10, 9.6, "部分人员外出务工，下一步加强宣传"],
    [null, "时效指标", "社会保险待遇发放", "按时足额", "按时足额发放", 10, 10, null],
    [null, "质量指标", "待遇核发准确率", "100%", "90%", 10, 10, null],
    ["效益指标(30分)", "社会效益指标", "上访率", "≤1%", "1.5%", 10, 6.67, null],
    [null, "可持续影响指标", "基金运行", "效果明显", "效果明显", 10, 10, null],
    ["满意度指标(10分)", "服务对象满意度指标", "待遇享受人员满意度", "≥95%", { value: 0.96, numFmt: "0%" }, 10, 12, null],
  ]);
  ws.mergeCells("A3:A6");
  ws.mergeCells("B3:B4");
  ws.mergeCells("A7:A8");
}

/**
 * Layout 2: the national 项目支出绩效自评表 — title and year lines, 项目名称 / 主管部门 lines, the 预算执行率 block
 * (项目资金（万元） merged down the left, 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), the 年度总体目标
 * text, the 绩效指标 table (绩效指标 merged down the left), a 总分 row.
 * Block: 年度资金总额 1000 / 1015 / 1011, 分值 10, 执行率 99.61%, 得分 `execScore`;
 * 其中：当年财政拨款 815 / 811 at `grantRate`.
 * Indicators (rows 13–18): 90 points, all met but 基金可持续运行, whose target ≥95%以内 cannot be read;
 * 总分 row 19 states `totalWeight` (100) and `totalScore` (99.96 = 90 + 9.96).
 */
export function layoutNational(opts: { execScore?: number; grantRate?: string; totalScore?: number; totalWeight?: number } = {}) {
  return (wb: ExcelJS.Workbook): void => {
    const ws = wb.addWorksheet("项目支出绩效自评表");
    ws.mergeCells("A1:I1");
    ws.getCell("A1").value = "项目支出绩效自评表";
    ws.mergeCells("A2:I2");
    ws.getCell("A2").value = "（2019年度）";
    ws.getCell("A3").value = "项目名称";
    ws.mergeCells("B3:I3");
    ws.getCell("B3").value = "城乡居民基本养老保险补助资金";
    put(ws, 4, [["主管部门", "且末县人力资源和社会保障局", null, null, "实施单位", "且末县社会保险管理局"]]);
    ws.mergeCells("B4:D4");
    ws.mergeCells("F4:I4");
    ws.mergeCells("A5:A9");
    put(ws, 5, [
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 1000, 1015, 1011, 10, "99.61%", opts.execScore ?? 9.96],
      [null, "其中：当年财政拨款", 800, 815, 811, "—", opts.grantRate ?? "99.51%", "—"],
      [null, "上年结转资金", 200, 200, 200, "—", "100%", "—"],
      [null, "其他资金", null, null, null, "—", null, "—"],
    ]);
    ws.mergeCells("A10:A11");
    ws.getCell("A10").value = "年度总体目标";
    ws.mergeCells("B10:E10");
    ws.getCell("B10").value = "预期目标";
    ws.mergeCells("F10:I10");
    ws.getCell("F10").value = "实际完成情况";
    ws.mergeCells("B11:E11");
    ws.getCell("B11").value = "按时足额发放城乡居民养老保险待遇，确保应保尽保";
    ws.mergeCells("F11:I11");
    ws.getCell("F11").value = "已按时足额发放";
    ws.mergeCells("A12:A18");
    put(ws, 12, [
      ["绩效指标", ...HEADER],
      [null, "产出指标(50分)", "数量指标", "领取待遇人数", "≥4628人", "4700人", 20, 20, null],
      [null, null, "质量指标", "待遇核发准确率", "=100%", "100%", 15, 15, null],
      [null, null, "时效指标", "待遇发放及时率", "100%", "100%", 15, 15, null],
      [null, "效益指标(30分)", "社会效益指标", "上访率", "1%以内", "0.8%", 15, 15, null],
      [null, null, "可持续影响指标", "基金可持续运行", "≥95%以内", "良好", 15, 15, null],
      [null, "满意度指标(10分)", "服务对象满意度指标", "待遇享受人员满意度", "95%以上", "97%", 10, 10, null],
    ]);
    ws.mergeCells("B13:B15");
    ws.mergeCells("B16:B17");
    ws.mergeCells("A19:F19");
    ws.getCell("A19").value = "总分";
    ws.getCell("G19").value = opts.totalWeight ?? 100;
    ws.getCell("H19").value = opts.totalScore ?? 99.96;
  };
}

/**
 * Layout 3: no merges, short labels (指标名称 | 目标值 | 实际值 | 权重 | 得分 | 偏差原因), a 合计 row.
 * 合计 states 100 / 60 while the weights add up to 30 + 30 + 30 = 90 (the scores to 60: 待遇发放 is missed).
 */
export function layoutPlain(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("绩效目标");
  put(ws, 1, [
    ["单位：万元"],
    ["指标名称", "目标值", "实际值", "权重", "得分", "偏差原因"],
    ["基金预算执行率", "95%-105%", "103%", 30, 30, null],
    ["参保率", "≥90%", "92%", 30, 30, null],
    ["待遇发放", "达成预期指标", "未达成", 30, 0, "系统升级延误两天"],
    ["合计", null, null, 100, 60, null],
  ]);
}
