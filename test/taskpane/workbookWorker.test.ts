/**
 * The standalone page's worker (src/taskpane/workbookWorker.ts), its messages played in Node: the file's bytes in,
 * the packed sheets and the stored settings out (rebuilt on the page with `new CellStore(data)`), progress while
 * reading, then checks of the named sheets giving what the core gives for the same workbook; a refused file is a
 * refusal message naming its problem, as the CLI words it.
 */
import * as fs from "fs";
import * as path from "path";
import type { FromWorker, ToWorker } from "../../src/taskpane/workerHost";
import { CellStore } from "../../src/core/cellStore";
import { checkWorkbook } from "../../src/core/check";
import { readXlsx } from "../../src/xlsx";

const example = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "qiemo-2019.xlsx"));

/** Loads the worker's module with a stand-in for the worker's global scope; returns a way to talk to it. */
function startWorker() {
  const posted: FromWorker[] = [];
  const scope: { postMessage(m: FromWorker): void; onmessage: ((e: { data: ToWorker }) => Promise<void>) | null } = {
    postMessage: (m) => posted.push(structuredClone(m)),
    onmessage: null,
  };
  (globalThis as { self?: unknown }).self = scope;
  jest.isolateModules(() => jest.requireActual("../../src/taskpane/workbookWorker"));
  const send = async (data: ToWorker) => scope.onmessage!({ data });
  return { posted, send };
}

afterEach(() => {
  delete (globalThis as { self?: unknown }).self;
});

test("opens the bytes, hands back the packed sheets, then checks named sheets as the core does", async () => {
  const worker = startWorker();
  const bytes = example.buffer.slice(example.byteOffset, example.byteOffset + example.byteLength) as ArrayBuffer;
  await worker.send({ type: "open", bytes, name: "qiemo-2019.xlsx" });
  const opened = worker.posted.find((m) => m.type === "opened") as Extract<FromWorker, { type: "opened" }>;
  expect(opened).toBeDefined();
  expect(worker.posted.filter((m) => m.type === "progress").length).toBeGreaterThan(0);
  const sheets = opened.sheets.map((d) => new CellStore(d));
  const direct = await readXlsx(new Uint8Array(example), { name: "qiemo-2019.xlsx" });
  expect(sheets.map((s) => s.name)).toEqual(direct.sheets.map((s) => s.name));
  expect(sheets[0].value(10, 0)).toBe(direct.sheets[0].cells[10]?.[0]?.value);

  const names = sheets.map((s) => s.name);
  await worker.send({ type: "check", id: 7, names });
  const checked = worker.posted.find((m) => m.type === "checked") as Extract<FromWorker, { type: "checked" }>;
  expect(checked.id).toBe(7);
  expect(checked.result).toEqual(structuredClone(checkWorkbook(direct)));
  expect(checked.result.findings.some((f) => f.rule === "stated-rate-mismatch" && f.observed === "131%")).toBe(true);
  const progress = worker.posted.filter((m) => m.type === "progress" && m.phase === "check");
  expect(progress.at(-1)).toMatchObject({ id: 7, done: names.length, total: names.length });
});

test("a file it refuses is answered with the refusal's problem, nothing opened", async () => {
  const worker = startWorker();
  await worker.send({ type: "open", bytes: new TextEncoder().encode("not a workbook").buffer as ArrayBuffer, name: "notes.xlsx" });
  expect(worker.posted).toEqual([{ type: "refused", problem: "notZip", detail: {} }]);
});

test("sheets handed to a new worker (after a cancel stopped the last) are checked the same", async () => {
  const first = startWorker();
  const bytes = example.buffer.slice(example.byteOffset, example.byteOffset + example.byteLength) as ArrayBuffer;
  await first.send({ type: "open", bytes, name: "qiemo-2019.xlsx" });
  const opened = first.posted.find((m) => m.type === "opened") as Extract<FromWorker, { type: "opened" }>;
  await first.send({ type: "check", id: 1, names: opened.sheets.map((s) => s.name) });
  const before = (first.posted.find((m) => m.type === "checked") as Extract<FromWorker, { type: "checked" }>).result;

  const second = startWorker();
  await second.send({ type: "load", name: "qiemo-2019.xlsx", sheets: opened.sheets });
  await second.send({ type: "check", id: 2, names: opened.sheets.map((s) => s.name), mapping: {} });
  const after = (second.posted.find((m) => m.type === "checked") as Extract<FromWorker, { type: "checked" }>).result;
  expect(after).toEqual(before);
});
