/**
 * Entry of taskpane.html. Inside Excel, Office.onReady reports host Excel and the pane works on the open
 * workbook; in an ordinary browser it reports host null (or office.js could not load at all) and the same
 * pane becomes the standalone page that opens .xlsx files.
 */
import "./zodJitless"; // first: before any zod schema is built
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeHost } from "./excel";
import { Lang, languageFrom } from "./i18n";

function storedLanguage(): Lang | undefined {
  try {
    const stored = localStorage.getItem("fund-check.lang");
    return stored === "zh" || stored === "en" ? stored : undefined;
  } catch {
    return undefined;
  }
}

function render(inExcel: boolean) {
  const container = document.getElementById("root");
  if (!container) return;
  const display = inExcel ? Office.context.displayLanguage : navigator.language;
  const lang = storedLanguage() ?? languageFrom(display);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  createRoot(container).render(
    <App standalone={!inExcel} host={inExcel ? officeHost() : undefined} initialLang={lang} exampleUrl="examples/qiemo-2019.xlsx" />
  );
}

let started = false;
function start(inExcel: boolean) {
  if (started) return;
  started = true;
  render(inExcel);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => start(info.host === Office.HostType.Excel));
  // office.js answers onReady at once outside Office; should it never answer, the page still opens standalone.
  setTimeout(() => start(false), 5000);
} else {
  start(false);
}
