/** docs/reference.md's rule and targets tables are the catalogue's: regenerate with `npm run docs:reference`. */
import * as fs from "fs";
import { REFERENCE, render } from "../../scripts/reference";

test("docs/reference.md lists every rule, its default severity and its targets as the rules declare them", () => {
  const doc = fs.readFileSync(REFERENCE, "utf8");
  const expected = render(doc);
  if (expected !== doc) throw new Error("docs/reference.md is out of date with the rules: run `npm run docs:reference`");
  expect(doc).toContain("| `completion-band` | error |");
  expect(doc).toContain("| `completionBand.okLow` | `completion-band` |");
});
