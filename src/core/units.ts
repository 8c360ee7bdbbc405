/**
 * Money units: the one list of the units fund tables and reports state amounts in, with their size in 元. Table
 * detection (unit lines, header brackets, 元 and 万元 mixed in one table), the report-text reader (unit words, the
 * text's unit, converting amounts) and the indicator targets read them from here.
 */

/** Money units and their size in 元. */
export const MONEY_UNITS: Readonly<Record<string, number>> = Object.freeze({ 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 });

/** The money units, smallest first. */
export const MONEY_UNIT_NAMES: readonly string[] = Object.keys(MONEY_UNITS).sort((a, b) => MONEY_UNITS[a] - MONEY_UNITS[b]);

/** The money units as a regular-expression alternation, longest first so that 万元 is tried before 元: "亿元|万元|千元|元". */
export const MONEY_UNIT_PATTERN = [...MONEY_UNIT_NAMES].sort((a, b) => b.length - a.length || MONEY_UNITS[b] - MONEY_UNITS[a]).join("|");

export function isMoneyUnit(unit: string): boolean {
  return Object.prototype.hasOwnProperty.call(MONEY_UNITS, unit);
}
