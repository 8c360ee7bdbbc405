/** The pane's orchestration driven without rendering anything (src/taskpane/session.ts). */
import { PaneSession, OpenBytes } from "../../src/taskpane/session";
import type { WorkbookHost } from "../../src/taskpane/host";
import type { GridSheet } from "../../src/core/grid";
import { makeI18n } from "../../src/taskpane/i18n";
import { FileRefusedError } from "../../src/taskpane/refusal";
import { CancelledError } from "../../src/core/check";

const sheet: GridSheet = {
  name: "2019",
  merges: [],
  cells: [
    [{ value: "单位：万元" }],
    [{ value: "基金名称" }, { value: "预算数" }, { value: "执行数" }, { value: "完成率" }],
    [{ value: "工伤保险" }, { value: 398 }, { value: 806 }, { value: "131%" }],
  ],
};

function pageHost(name: string): WorkbookHost {
  return {
    name,
    listSheets: async () => ({ names: ["2019"], active: "2019" }),
    readSheet: async () => sheet,
    loadSettings: async () => ({ problems: [] }),
  };
}

const opensAll: OpenBytes = async (_data, name) => ({ host: pageHost(name), grid: { name, sheets: [sheet] } });
const worded = (s: PaneSession, lang: "zh" | "en" = "en") => s.getState().notice?.message(makeI18n(lang).t, lang);

test("a file that cannot be read after a good one leaves nothing of the good one, and says how to save a .csv as .xlsx", async () => {
  let refuse = false;
  const open: OpenBytes = async (data, name, options) => {
    if (refuse) throw new FileRefusedError("notZip", { en: "not an .xlsx workbook (not a zip file)", zh: "不是 .xlsx 工作簿" }, options.lang);
    return opensAll(data, name, options);
  };
  const session = new PaneSession(undefined, { standalone: true, lang: () => "en", open });
  await session.openFile(new ArrayBuffer(8), "good.xlsx");
  expect(session.getState().host?.name).toBe("good.xlsx");
  expect(session.getState().result?.summary.error).toBe(2);
  expect(session.getState().heads["2019"][1]).toEqual(["基金名称", "预算数", "执行数", "完成率"]);

  refuse = true;
  await session.openFile(new ArrayBuffer(8), "figures.csv");
  const state = session.getState();
  expect([state.host, state.grid, state.result, state.selected]).toEqual([undefined, undefined, undefined, undefined]);
  expect(state.notice?.scope).toBe("file");
  expect(worded(session)).toBe("figures.csv could not be read: not an .xlsx workbook (not a zip file) Open it in Excel or WPS and save it as an Excel workbook (.xlsx): File › Save As › Excel Workbook (*.xlsx).");
  expect(worded(session, "zh")).toMatch(/^无法读取 figures\.csv|figures\.csv.*不是 \.xlsx 工作簿/);
});

test("Cancel while a file is read: nothing is open, and the page says the reading was cancelled", async () => {
  const open: OpenBytes = (_data, _name, options) =>
    new Promise((_, reject) => options.signal.addEventListener("abort", () => reject(new CancelledError())));
  const session = new PaneSession(undefined, { standalone: true, lang: () => "en", open });
  const opening = session.openFile(new ArrayBuffer(8), "large.xlsx");
  expect(session.getState().reading?.name).toBe("large.xlsx");
  session.cancel();
  await opening;
  expect(session.getState().reading).toBeUndefined();
  expect(session.getState().host).toBeUndefined();
  expect(worded(session)).toBe("Reading large.xlsx was cancelled; no file is open.");
});

test("a file past the CLI's size limit is refused before it is read", async () => {
  const open = jest.fn(opensAll);
  const session = new PaneSession(undefined, { standalone: true, lang: () => "en", open });
  const arrayBuffer = jest.fn(async () => new ArrayBuffer(0));
  await session.openPicked({ name: "huge.xlsx", size: 2 * 1024 * 1024 * 1024, arrayBuffer });
  expect(arrayBuffer).not.toHaveBeenCalled();
  expect(open).not.toHaveBeenCalled();
  expect(worded(session)).toBe("huge.xlsx could not be read: the file is 2048 MiB, more than the 1024 MiB limit, refused");
});

test("a column role chosen in the page applies to this session (not stored) and the checks run again with it", async () => {
  const session = new PaneSession(undefined, { standalone: true, lang: () => "en", open: opensAll });
  await session.openFile(new ArrayBuffer(8), "book.xlsx");
  expect(session.getState().result?.findings.some((f) => f.rule === "stated-rate-mismatch")).toBe(true);
  await session.changeMapping({ "2019": { D: "ignore" } });
  const state = session.getState();
  expect(state.origin.mapping).toBe("given");
  expect(state.result?.findings.some((f) => f.rule === "stated-rate-mismatch")).toBe(false);
  expect(state.notice).toBeUndefined(); // nothing was saved, so nothing says "saved"
});

test("a check's notice is replaced by its next outcome; another action's notice is left alone", async () => {
  const session = new PaneSession(pageHost("Book1"), { standalone: false, lang: () => "en" });
  session.say("check", "info", "cancelled");
  await session.check();
  expect(session.getState().notice).toBeUndefined();
  session.say("targets", "success", "settingsSaved", { sheet: "x" });
  await session.check();
  expect(session.getState().notice?.scope).toBe("targets");
});
