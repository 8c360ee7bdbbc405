/** not-a-number: text (or an Excel error value) where a figure is expected (warning). Observed: what the cell holds; expected: a number. */
import { A_NUMBER } from "../findings";
import { BAD_FIGURE, defineFundRule } from "./rule";
import { FIGURE_ROLES } from "./figures";
import { ROLE_NAMES } from "./figureText";

export const notANumber = defineFundRule({
  id: "not-a-number",
  severity: "warning",
  describe: { zh: "应填数字的单元格是文字或错误值，无法参与校验", en: "Text or an error value where a figure is expected; it cannot be checked" },
  checkRow(i, _row, ctx) {
    if (!(ctx.facts.flags[i] & BAD_FIGURE)) return;
    const f = ctx.figures;
    for (let role = 0; role < FIGURE_ROLES.length; role++) {
      const read = f.read(i, role);
      if (!read || (read.kind !== "text" && read.kind !== "error")) continue;
      const subject = ctx.subjectOf(i);
      const what = ROLE_NAMES[FIGURE_ROLES[role]];
      const shown = read.kind === "text" ? read.text : read.error;
      const clipped = shown.length > 40 ? shown.slice(0, 40) + "…" : shown;
      ctx.report(i, {
        cell: f.ref(i, role)!,
        related: [],
        observed: clipped,
        expected: A_NUMBER.en,
        expectedText: A_NUMBER,
        message:
          read.kind === "error"
            ? { zh: `${subject}：${what.zh}单元格是错误值${clipped}，无法校验`, en: `${subject}: the ${what.en} cell holds the error ${clipped} and cannot be checked` }
            : { zh: `${subject}：${what.zh}“${clipped}”不是数字，无法校验`, en: `${subject}: the ${what.en} "${clipped}" is not a number and cannot be checked` },
      });
    }
  },
  shows: { observed: "the text or error value as written", expected: "a number (or, for an indicator's actual, its target)" },
});
