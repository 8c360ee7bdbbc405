/**
 * Writes examples/qiemo-2019.xlsx: the seed (且末县 2019, the README's worked example) as a county office would lay it out by hand —
 * a title line, a unit line, a merged two-row header, 其中 rows (one with 其中：, one indented with spaces, one
 * with the cell indent), rates typed as "97%" and as fractions with a % format, a figure typed as text, a 收支
 * table under the first, an indicator sheet and a notes sheet. Run with `npm run example`.
 */
import * as path from "path";
import ExcelJS from "exceljs";

const OUT = path.join(__dirname, "..", "examples", "qiemo-2019.xlsx");

const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function boxed(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).border = thin;
}

function fundSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("支出情况");
  ws.columns = [{ width: 30 }, { width: 11 }, { width: 11 }, { width: 10 }, { width: 12 }, { width: 9 }];

  ws.mergeCells("A1:F1");
  ws.getCell("A1").value = "且末县2019年社会保险基金支出绩效情况表";
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.getCell("F2").value = "单位：万元";
  ws.getCell("F2").alignment = { horizontal: "right" };

  // Two-row header: 基金名称 and the rates span both rows; "2019年" spans 预算数 | 执行数.
  ws.mergeCells("A3:A4");
  ws.getCell("A3").value = "基金名称";
  ws.mergeCells("B3:C3");
  ws.getCell("B3").value = "2019年";
  ws.getCell("B4").value = "预算数";
  ws.getCell("C4").value = "执行数";
  ws.mergeCells("D3:D4");
  ws.getCell("D3").value = "完成率";
  ws.mergeCells("E3:E4");
  ws.getCell("E3").value = "比上年增减";
  ws.mergeCells("F3:F4");
  ws.getCell("F3").value = "增幅";
  for (const a of ["A3", "B3", "B4", "C4", "D3", "E3", "F3"]) {
    ws.getCell(a).font = { bold: true };
    ws.getCell(a).alignment = { horizontal: "center", vertical: "middle" };
  }

  const pct = (v: number) => ({ value: v, numFmt: "0%" });
  type Cell = string | number | { value: number; numFmt: string } | null;
  const rows: Cell[][] = [
    ["企业职工基本养老保险", 4398, 4568, "97%", 456, "11%"],
    ["其中：养老金支出", null, 4277, null, null, null],
    ["      转移支出", null, 74, null, null, null],
    ["丧葬费支出", null, 215, null, null, null], // indented with the cell's indent (below)
    ["机关事业单位基本养老保险", 12738, 12328, pct(0.97), 752, pct(0.06)],
    ["城乡居民基本养老保险", "1,015", 1011, "98%", 265, "36%"],
    ["工伤保险", 398, 806, pct(1.31), 307, pct(0.62)],
    ["失业保险", "—", 619, "98%", null, null],
    ["其中：失业支出", null, 25, null, null, null],
    ["　　医疗支出", null, 9, null, null, null],
  ];
  rows.forEach((cells, k) => {
    const r = 5 + k;
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = ws.getCell(r, c + 1);
      if (typeof cell === "object") {
        target.value = cell.value;
        target.numFmt = cell.numFmt;
      } else target.value = cell;
      if (c > 0) target.alignment = { horizontal: "right" };
    });
  });
  ws.getCell("A8").alignment = { indent: 2 };
  boxed(ws, 3, 1, 14, 6);

  // A second table: the funds' income and expenditure (各项基金合计) and the 城乡居民 balance.
  ws.getCell("A16").value = "二、基金收支及结余情况";
  ws.getCell("A16").font = { bold: true };
  ws.getCell("A17").value = "项目";
  ws.getCell("B17").value = "基金收入";
  ws.getCell("C17").value = "基金支出";
  ws.getCell("D17").value = "累计结余";
  for (const a of ["A17", "B17", "C17", "D17"]) ws.getCell(a).font = { bold: true };
  ws.getCell("A18").value = "各项基金合计";
  ws.getCell("B18").value = 25004;
  ws.getCell("C18").value = 34928;
  ws.getCell("A19").value = "其中：城乡居民基本养老保险";
  ws.getCell("C19").value = 1011;
  ws.getCell("D19").value = 3594;
  boxed(ws, 17, 1, 19, 4);

  ws.getCell("A21").value = "注：失业保险基金未单独编制支出预算；各项基金合计含职业年金。";
  ws.getCell("A21").font = { italic: true, size: 9 };
}

function indicatorSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("绩效指标");
  ws.columns = [{ width: 10 }, { width: 14 }, { width: 30 }, { width: 12 }, { width: 12 }, { width: 6 }, { width: 6 }, { width: 24 }];
  ws.mergeCells("A1:H1");
  ws.getCell("A1").value = "2019年社会保险基金支出绩效自评表";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  header.forEach((h, c) => {
    ws.getCell(2, c + 1).value = h;
    ws.getCell(2, c + 1).font = { bold: true };
  });
  const rows: (string | number | null)[][] = [
    ["产出指标", "数量指标", "企业职工基本养老保险年末领取待遇人数", "≥1618人", "1618人", 10, 10, null],
    [null, null, "机关事业单位基本养老保险年末领取待遇人数", "≥1808人", "1808人", 10, 10, null],
    [null, null, "城乡居民养老保险年末领取待遇人数", "≥4628人", "4628人", 10, 10, null],
    [null, "时效指标", "各项社会保险待遇发放", "按时足额", "按时足额", 10, 10, null],
    ["效益指标", "社会效益指标", "上访率", "≤1%", "1%", 10, 10, null],
    ["满意度指标", "服务对象满意度指标", "待遇享受人员满意度", "≥95%", "95%", 10, 10, null],
  ];
  rows.forEach((cells, k) => cells.forEach((v, c) => v !== null && (ws.getCell(3 + k, c + 1).value = v)));
  ws.mergeCells("A3:A6");
  ws.mergeCells("B3:B5");
  boxed(ws, 2, 1, 8, 8);
}

function notesSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("说明");
  ws.getColumn(1).width = 100;
  const lines = [
    "巴州且末县社会保险支出绩效评价报告（2019年度）",
    "",
    "2019年社会保险基金预算绩效目标按照“以收定支，收支平衡，略有结余”的原则编制。",
    "各项总基金收入共计25004万元，各项总基金支出34928万元。截至2019年末，城乡居民养老保险基金累计结余3594万元。",
    "各项社会保险待遇享受人员满意度达到95%以上，上访率控制在1%以内。",
    "本表由且末县社会保险中心填报。",
  ];
  lines.forEach((t, k) => {
    if (t) ws.getCell(k + 1, 1).value = t;
  });
  ws.getColumn(1).alignment = { wrapText: true };
}

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "fund-check";
  // Fixed dates so the file does not change on every run for no reason.
  wb.created = new Date(Date.UTC(2020, 3, 2));
  wb.modified = new Date(Date.UTC(2020, 3, 2));
  fundSheet(wb);
  indicatorSheet(wb);
  notesSheet(wb);
  await wb.xlsx.writeFile(OUT);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
