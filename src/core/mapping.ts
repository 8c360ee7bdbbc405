/** Validation of a column mapping (ColumnMapping): from a --mapping file or the workbook's settings sheet. */
import { z } from "zod";
import { ColumnMapping } from "./api";
import { FUND_ROLES, INDICATOR_ROLES } from "./model";

const ROLE_NAMES = [...FUND_ROLES, ...INDICATOR_ROLES, "ignore"] as [string, ...string[]];

const mappingSchema = z.record(
  z.string(),
  z.record(
    z.string().regex(/^[A-Za-z]{1,3}$/, { error: "expected a column letter such as C" }),
    z.enum(ROLE_NAMES, { error: `expected one of ${ROLE_NAMES.join(", ")}` })
  )
);

/** A mapping with column letters upper-cased as the core writes them, or messages naming each wrong key. */
export function parseMapping(json: unknown): { ok: true; mapping: ColumnMapping } | { ok: false; errors: string[] } {
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(top level)"}: ${i.message}`) };
  }
  const mapping: ColumnMapping = {};
  for (const [sheet, columns] of Object.entries(parsed.data)) {
    mapping[sheet] = {};
    for (const [col, role] of Object.entries(columns)) mapping[sheet][col.toUpperCase()] = role as ColumnMapping[string][string];
  }
  return { ok: true, mapping };
}
