/** unit-mismatch: 元 and 万元 (or other money units) mixed in one table (SPEC §4.2: warning). */
import { FundRule } from "./types";
import { presentRoles } from "./figures";

export const unitMismatch: FundRule = {
  id: "unit-mismatch",
  severity: "warning",
  describe: { zh: "同一张表中混用了元和万元等不同金额单位", en: "元 and 万元 (different money units) mixed in one table" },
  checkTable(ctx) {
    const seen = ctx.table.unitsSeen;
    if (!seen || seen.length < 2) return;
    const [first, ...others] = seen;
    for (const other of others) {
      // Point at the row the odd unit is on, when it is a figure of a row.
      const at = ctx.table.rows.findIndex((r) => presentRoles(r).some((role) => r.figures[role]?.ref === other.ref));
      ctx.report(at >= 0 ? at : -1, {
        cell: other.ref,
        related: [first.ref],
        observed: other.unit,
        expected: first.unit,
        message: {
          zh: `同一张表中单位不一致：${first.ref}为${first.unit}，${other.ref}为${other.unit}，请统一金额单位`,
          en: `Units are mixed in one table: ${first.ref} is in ${first.unit}, ${other.ref} in ${other.unit}; use one money unit`,
        },
      });
    }
  },
};
