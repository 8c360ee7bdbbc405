/** The pane's words: the summary line of findings counts in English with its nouns in the right number. */
import { findingsSummary } from "../../src/taskpane/i18n";

test("one error, one warning: singular nouns in English; Chinese counts items", () => {
  expect(findingsSummary("en", { error: 1, warning: 1, info: 1 })).toBe("1 error, 1 warning, 1 info");
  expect(findingsSummary("en", { error: 2, warning: 0, info: 3 })).toBe("2 errors, 0 warnings, 3 info");
  expect(findingsSummary("zh", { error: 1, warning: 2, info: 0 })).toBe("错误 1 项，警告 2 项，提示 0 项");
});
