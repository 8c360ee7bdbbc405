/**
 * The batch pool (src/cli/batch), compiled as users run it (lib/): outcomes in input order whatever finishes
 * first, a broken file reported alone, and a file that passes its time limit stopped and reported without
 * stopping the others.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PREFECTURE } from "../corpus/cases/p15-prefecture";

const root = path.join(__dirname, "..", "..");
let dir: string;
let good: string[];
type Batch = typeof import("../../src/cli/batch");
let batch: Batch;

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  batch = require(path.join(root, "lib", "cli", "batch", "index.js"));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-check-batch-"));
  good = [];
  for (const c of PREFECTURE.files.slice(0, 4)) {
    const file = path.join(dir, path.basename(c.file));
    fs.writeFileSync(file, await c.build());
    good.push(file);
  }
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("40 files on two workers: outcomes in input order, the broken ones reported alone", async () => {
  const broken = path.join(dir, "broken.xlsx");
  fs.writeFileSync(broken, "PK\u0003\u0004 not a zip");
  const files = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? broken : good[i % good.length]));
  const seen: [number, string, boolean][] = [];
  await batch.runBatch(files.map((file) => ({ file })), (o, i) => void seen.push([i, o.file, o.ok]), { threads: 2 });
  expect(seen.map(([i]) => i)).toEqual(files.map((_, i) => i));
  expect(seen.map(([, f]) => f)).toEqual(files);
  expect(seen.filter(([, , ok]) => !ok).map(([i]) => i)).toEqual(files.flatMap((f, i) => (f === broken ? [i] : [])));
}, 60_000);

test("a file that passes its time limit is stopped and reported; the batch goes on and ends", async () => {
  const files = Array.from({ length: 6 }, (_, i) => good[i % good.length]);
  const outcomes: { ok: boolean; error?: { en: string } }[] = [];
  await batch.runBatch(files.map((file) => ({ file })), (o) => void outcomes.push(o as never), { threads: 2, timeLimitMs: 1 });
  expect(outcomes).toHaveLength(6);
  // Files checked in this thread while the workers start have no limit; every file a worker took was stopped.
  const stopped = outcomes.filter((o) => !o.ok);
  expect(stopped.length).toBeGreaterThan(0);
  for (const o of stopped) expect(o.error!.en).toMatch(/longer than the 0 s limit|checking took longer/);
}, 60_000);
