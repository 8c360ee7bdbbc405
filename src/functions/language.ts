/**
 * The language of text the functions return (EXECUTION_STATUS labels). Order: an explicit setting
 * (setFunctionsLanguage), else Office's display language when the runtime has one (the JavaScript-only custom
 * functions runtime may not have Office.context at all), else the browser's language, else zh-CN — the product's
 * users are Chinese social insurance offices.
 */

import type { Lang } from "../core/words";

let chosen: Lang | undefined;

/** Sets the language explicitly (undefined: follow Office / the browser again). */
export function setFunctionsLanguage(language: Lang | undefined): void {
  chosen = language;
}

/** "zh-CN", "zh-TW", "zh" → zh; any other tag → en; nothing usable → undefined. */
export function languageOf(tag: unknown): Lang | undefined {
  if (typeof tag !== "string" || tag.trim() === "") return undefined;
  return /^zh\b/i.test(tag.trim()) ? "zh" : "en";
}

function officeDisplayLanguage(): string | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return Office.context?.displayLanguage;
  } catch {
    return undefined;
  }
}

function navigatorLanguage(): string | undefined {
  try {
    const nav = (globalThis as { navigator?: { language?: string } }).navigator;
    return nav?.language;
  } catch {
    return undefined;
  }
}

export function functionsLanguage(): Lang {
  return chosen ?? languageOf(officeDisplayLanguage()) ?? languageOf(navigatorLanguage()) ?? "zh";
}

export const EXECUTION_LABELS: Record<Lang, Record<"within" | "under" | "over", string>> = {
  zh: { within: "预算执行正常", under: "执行不足", over: "超预算" },
  en: { within: "within band", under: "under-executed", over: "over budget" },
};
