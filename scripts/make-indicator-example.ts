/**
 * Writes examples/indicator-self-evaluation.xlsx: a 项目支出绩效自评表 in the national layout (财政部 form: title,
 * 项目名称 / 主管部门 lines, the 预算执行率 block, 年度总体目标, 绩效指标 with merged first-level cells, 总分),
 * filled for the 城乡居民基本养老保险 of the seed (且末县 2019: budget 1015, spent 1011) with the seed's targets
 * (满意度 ≥95%, 上访率 ≤1%, both met) and the slips a reviewer should catch: a missed 参保率 with no reason and
 * full marks, a target the checker cannot judge, and a 总分 that does not add up. The 参保率 and 总分 figures are
 * made up for the demonstration. Run with `npx ts-node -P tsconfig.jest.json scripts/make-indicator-example.ts`.
 */
import * as path from "path";
import ExcelJS from "exceljs";

const OUT = path.join(__dirname, "..", "examples", "indicator-self-evaluation.xlsx");

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "fund-check";
  wb.created = new Date(Date.UTC(2020, 3, 2));
  wb.modified = new Date(Date.UTC(2020, 3, 2));
  const ws = wb.addWorksheet("项目支出绩效自评表");
  ws.columns = [{ width: 10 }, { width: 16 }, { width: 16 }, { width: 26 }, { width: 14 }, { width: 14 }, { width: 8 }, { width: 8 }, { width: 26 }];
  const put = (top: number, rows: (string | number | null)[][]) =>
    rows.forEach((cells, k) => cells.forEach((v, c) => v !== null && (ws.getCell(top + k, c + 1).value = v)));

  ws.mergeCells("A1:I1");
  ws.getCell("A1").value = "项目支出绩效自评表";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.mergeCells("A2:I2");
  ws.getCell("A2").value = "（2019年度）";
  ws.getCell("A2").alignment = { horizontal: "center" };
  ws.getCell("A3").value = "项目名称";
  ws.mergeCells("B3:I3");
  ws.getCell("B3").value = "城乡居民基本养老保险基金支出";
  put(4, [["主管部门", "且末县人力资源和社会保障局", null, null, "实施单位", "且末县社会保险中心"]]);
  ws.mergeCells("B4:D4");
  ws.mergeCells("F4:I4");

  ws.mergeCells("A5:A9");
  put(5, [
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 1015, 1015, 1011, 10, "99.61%", 9.96],
    [null, "其中：当年财政拨款", 1015, 1015, 1011, "—", "99.61%", "—"],
    [null, "上年结转资金", null, null, null, "—", null, "—"],
    [null, "其他资金", null, null, null, "—", null, "—"],
  ]);

  ws.mergeCells("A10:A11");
  ws.getCell("A10").value = "年度总体目标";
  ws.mergeCells("B10:E10");
  ws.getCell("B10").value = "预期目标";
  ws.mergeCells("F10:I10");
  ws.getCell("F10").value = "实际完成情况";
  ws.mergeCells("B11:E11");
  ws.getCell("B11").value = "按时足额发放城乡居民养老保险待遇，以收定支，收支平衡，略有结余";
  ws.mergeCells("F11:I11");
  ws.getCell("F11").value = "待遇按时足额发放，累计结余3594万元";

  ws.mergeCells("A12:A18");
  put(12, [
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标(50分)", "数量指标", "城乡居民养老保险年末领取待遇人数", "≥4628人", "4628人", 20, 20, null],
    [null, null, "质量指标", "城乡居民养老保险参保率", "≥95%", "90%", 15, 15, null],
    [null, null, "时效指标", "待遇发放", "按时足额", "按时足额", 15, 15, null],
    [null, "效益指标(30分)", "社会效益指标", "上访率", "≤1%", "1%", 15, 15, null],
    [null, null, "可持续影响指标", "基金可持续运行", "较上年有所改善", "有所改善", 15, 15, null],
    [null, "满意度指标(10分)", "服务对象满意度指标", "待遇享受人员满意度", "≥95%", "95%", 10, 10, null],
  ]);
  ws.mergeCells("B13:B15");
  ws.mergeCells("B16:B17");
  ws.mergeCells("A19:F19");
  ws.getCell("A19").value = "总分";
  ws.getCell("G19").value = 100;
  ws.getCell("H19").value = 98.96;
  for (let r = 5; r <= 19; r++) for (let c = 1; c <= 9; c++) ws.getCell(r, c).border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
  for (const a of ["A5", "C5", "D5", "E5", "F5", "G5", "H5", "A10", "B10", "F10", "A12", "B12", "C12", "D12", "E12", "F12", "G12", "H12", "I12", "A19"]) ws.getCell(a).font = { bold: true };

  await wb.xlsx.writeFile(OUT);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
