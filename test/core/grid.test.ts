/** A1 addresses: one reader (parseA1) for the core's strings and the .xlsx reader's bytes. */
import { columnIndex, columnLetters, fromA1, parseA1, toA1 } from "../../src/core/grid";

test("fromA1 reads what toA1 writes, $ and lower case included, and nothing else", () => {
  for (const [row, col] of [[0, 0], [11, 1], [1048575, 16383], [99, 26], [5, 701], [5, 702]]) expect(fromA1(toA1(row, col))).toEqual({ row, col });
  expect(fromA1("$B$12")).toEqual({ row: 11, col: 1 });
  expect(fromA1(" xfd1 ")).toEqual({ row: 0, col: 16383 });
  for (const bad of ["", "B", "12", "B1C", "ABCD1", "B-1", "B 1", "L12x", "$$B1"]) expect(fromA1(bad)).toBeUndefined();
  expect(columnIndex("AA")).toBe(26);
  expect(columnLetters(16383)).toBe("XFD");
});

test("parseA1 reads an address inside a byte buffer without making a string", () => {
  const bytes = new TextEncoder().encode('<c r="AB123" s="1">');
  const at = { row: -1, col: -1 };
  expect(parseA1(bytes, 6, 11, at)).toBe(true);
  expect(at).toEqual({ row: 122, col: 27 });
  expect(parseA1(bytes, 6, 8, at)).toBe(false); // "AB": no row
  expect(parseA1(bytes, 0, 5, at)).toBe(false);
});
