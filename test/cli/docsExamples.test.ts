/**
 * The example outputs in README.md and docs/ are the CLI's real output, byte for byte: each block after a
 * `$ … fund-check <file>` line is compared with what `main` prints for that file now (and `$ echo $?` with the
 * exit code). When the output changes on purpose, paste the new output into the doc.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";

const ROOT = path.join(__dirname, "..", "..");

async function run(file: string, options: string[]) {
  let stdout = "";
  const code = await main([...options, path.join(ROOT, file)], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => undefined }, env: {} });
  return { code, stdout: stdout.split(path.join(ROOT, file)).join(file) };
}

/** The block under a command line: up to the next `$ ` line or the end of the code block. */
function block(doc: string, command: string): { text: string; exit?: number } {
  const start = doc.indexOf(command + "\n");
  if (start < 0) throw new Error(`not in the doc: ${command}`);
  const from = start + command.length + 1;
  const end = doc.slice(from).search(/^(\$ |```)/m);
  const text = doc.slice(from, from + end);
  const exit = /^\$ echo \$\?\n(\d+)/m.exec(doc.slice(from + end));
  return exit && doc.slice(from + end).startsWith("$ echo") ? { text, exit: Number(exit[1]) } : { text };
}

test.each([
  ["README.md", "$ npx fund-check examples/qiemo-2019.xlsx", "examples/qiemo-2019.xlsx"],
  ["docs/cli.md", "$ npx fund-check examples/qiemo-2019.xlsx", "examples/qiemo-2019.xlsx"],
  ["docs/cli.md", "$ node bin/fund-check.js test/fixtures/qiemo-2019-report.txt", "test/fixtures/qiemo-2019-report.txt"],
  ["docs/indicators.md", "$ fund-check examples/indicator-self-evaluation.xlsx", "examples/indicator-self-evaluation.xlsx"],
  ["README.md", "$ npx fund-check examples/indicator-self-evaluation.xlsx", "examples/indicator-self-evaluation.xlsx"],
  ["docs/cli.md", "$ npx fund-check --draft examples/qiemo-2019.xlsx", "examples/qiemo-2019.xlsx"],
  ["README.md", "$ npx fund-check --draft examples/qiemo-2019.xlsx", "examples/qiemo-2019.xlsx"],
])("%s shows what `%s` prints", async (doc, command, file) => {
  const shown = block(fs.readFileSync(path.join(ROOT, doc), "utf8"), command);
  // the options between the command's name and its file
  const options = command.split(" ").slice(command.split(" ").findIndex((w) => /fund-check/.test(w)) + 1, -1);
  const actual = await run(file, options);
  expect(shown.text).toBe(actual.stdout);
  if (shown.exit !== undefined) expect(shown.exit).toBe(actual.code);
});
