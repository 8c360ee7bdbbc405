/** Reading manifest.xml offline for the manifest tests (test/manifest.test.ts, test/built/addinUrl.test.ts). */
import fs from "fs";
import path from "path";
import { ROOT } from "./build";

// xml2js comes with office-addin-manifest (no type declarations installed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js") as { parseStringPromise: (xml: string) => Promise<unknown> };

export const SOURCE = path.join(ROOT, "manifest.xml");

export const ADDIN_URL = "https://example.org/fc/";
export const DEV_URL = "https://localhost:3000/";

export type Xml = { [key: string]: Xml[] | string | Xml } & { $?: Record<string, string> };

/** Every element in the parsed tree, depth first. */
export function* elements(node: unknown, name = ""): Generator<[string, Xml]> {
  if (Array.isArray(node)) {
    for (const n of node) yield* elements(n, name);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  yield [name, node as Xml];
  for (const [key, child] of Object.entries(node)) if (key !== "$" && key !== "_") yield* elements(child, key);
}

export async function parse(file: string): Promise<[string, Xml][]> {
  return [...elements(await parseStringPromise(fs.readFileSync(file, "utf8")))];
}

/** Every URL in the manifest: attribute values (not xmlns namespaces) and <AppDomain> texts. */
export function urls(all: [string, Xml][]): string[] {
  const out: string[] = [];
  for (const [, el] of all) {
    for (const [key, v] of Object.entries(el.$ ?? {})) if (!key.startsWith("xmlns") && /^https?:\/\//.test(v)) out.push(v);
    const domains = (el as { AppDomain?: unknown }).AppDomain;
    if (Array.isArray(domains)) for (const d of domains) out.push(typeof d === "string" ? d : String((d as { _?: string })._));
  }
  return out;
}

/** The base manifest's requirement sets (OfficeApp > Requirements > Sets > Set, not those of VersionOverrides). */
export async function baseRequirementSets(file: string): Promise<Record<string, string>> {
  const root = (await parseStringPromise(fs.readFileSync(file, "utf8"))) as { OfficeApp: Xml };
  const requirements = root.OfficeApp.Requirements as Xml[] | undefined;
  const sets = (requirements?.[0]?.Sets as Xml[] | undefined)?.[0];
  const fallback = sets?.$?.DefaultMinVersion ?? "1.1";
  const out: Record<string, string> = {};
  for (const set of (sets?.Set as Xml[] | undefined) ?? []) out[set.$!.Name] = set.$!.MinVersion ?? fallback;
  return out;
}
