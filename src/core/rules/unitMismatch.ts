/**
 * unit-mismatch: 元 and 万元 (or other money units) mixed in one table (warning). The figures were already brought
 * to the table's unit before any rule ran (fundTable.ts): this says the table should be made consistent, and that
 * the checks compared converted figures. Observed: the odd unit; expected: the table's first.
 */
import { RuleContext, defineFundRule } from "./rule";
import { FIGURE_ROLES } from "./figures";

/** The row with a figure at `ref`, or −1. */
function rowOf(ctx: RuleContext<undefined>, ref: string): number {
  for (let i = 0; i < ctx.table.rows.length; i++) {
    for (let role = 0; role < FIGURE_ROLES.length; role++) if (ctx.figures.ref(i, role) === ref) return i;
  }
  return -1;
}

export const unitMismatch = defineFundRule({
  id: "unit-mismatch",
  severity: "warning",
  describe: { zh: "同一张表中混用了元和万元等不同金额单位", en: "元 and 万元 (different money units) mixed in one table" },
  checkTable(ctx) {
    const seen = ctx.table.unitsSeen;
    if (!seen || seen.length < 2) return;
    const [first, ...others] = seen;
    for (const other of others) {
      // Point at the row the odd unit is on, when it is a figure of a row.
      const at = rowOf(ctx, other.ref);
      ctx.report(at >= 0 ? at : -1, {
        cell: other.ref,
        related: [first.ref],
        observed: other.unit,
        expected: first.unit,
        message: {
          zh: `同一张表中单位不一致：${first.ref}为${first.unit}，${other.ref}为${other.unit}，请统一金额单位${ctx.table.unit === first.unit ? `（已换算为${first.unit}后核对）` : ""}`,
          en: `Units are mixed in one table: ${first.ref} is in ${first.unit}, ${other.ref} in ${other.unit}; use one money unit${ctx.table.unit === first.unit ? ` (checked after converting to ${first.unit})` : ""}`,
        },
      });
    }
  },
  shows: { observed: "the odd unit", expected: "the table's first unit" },
});
