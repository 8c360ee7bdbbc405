/** Small indicator tables as literal grids (a 绩效自评表 header on row 1), for the indicator rule tests. */
import { Finding } from "../../../../src/core/findings";
import { Targets } from "../../../../src/core/targets";
import { Cell, checkGrid, grid } from "../../rules/helpers";

export { targets } from "../../rules/helpers";

export const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** Checks the indicator rows under HEADER (data from row 2); merges as "A2:A4". */
export function check(rows: Cell[][], t?: Targets, merges: string[] = []): Finding[] {
  return checkGrid(grid([HEADER, ...rows], merges, "绩效自评"), t);
}

export function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}
