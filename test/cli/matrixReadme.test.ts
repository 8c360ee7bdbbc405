/**
 * The README's *Prefecture review* shows the real output of `fund-check --matrix` on the corpus's prefecture set,
 * byte for byte (stderr's line first, as a terminal shows it, then the table), and its exit code. When the output
 * changes on purpose, paste the new output into the README.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { PREFECTURE } from "../corpus/cases/p15-prefecture";

const ROOT = path.join(__dirname, "..", "..");
const COMMAND = "$ cd test-results/p15/p15-bazhou && node ../../../bin/fund-check.js --matrix *.xlsx";

test("README: the matrix of the prefecture set is what --matrix prints", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-readme-"));
  try {
    const files: string[] = [];
    for (const c of PREFECTURE.files) {
      const file = path.join(dir, path.basename(c.file));
      fs.writeFileSync(file, await c.build());
      files.push(file);
    }
    files.sort(); // as the shell expands *.xlsx (the matrix does not depend on the order)
    let out = "";
    const code = await main(["--matrix", ...files], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out = s + out) }, env: { LANG: "zh_CN.UTF-8" } });
    const printed = out.split(dir + path.sep).join("");
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf(COMMAND + "\n") + COMMAND.length + 1;
    expect(start).toBeGreaterThan(COMMAND.length);
    const rest = readme.slice(start);
    const end = rest.search(/^(\$ |```)/m);
    expect(rest.slice(0, end)).toBe(printed);
    expect(/^\$ echo \$\?\n(\d+)/m.exec(rest.slice(end))?.[1]).toBe(String(code));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
