/**
 * Least privilege: the manifest asks for ReadWriteDocument only (used by highlights, the report sheet and the
 * settings sheet) and trusts no domain but its own origin; both pages (task pane and the custom functions'
 * page) carry a Content-Security-Policy that lets scripts, connections and frames reach only the add-in's own
 * origin and office.js (appsforoffice.microsoft.com), with no eval and no plugins.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");
const OFFICE = "https://appsforoffice.microsoft.com";

test("the manifest asks for ReadWriteDocument and nothing else, and trusts only its own origin", () => {
  const manifest = read("manifest.xml");
  expect([...manifest.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
  const domains = [...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
  expect(domains).toEqual(["https://localhost:3000"]);
  // Every URL of the manifest is on that origin (the build rewrites it for a deployment: test/manifest.test.ts).
  const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !/schemas\.microsoft\.com|www\.w3\.org/.test(u));
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(new URL(u).origin).toBe(domains[0]);
});

function policyOf(html: string): Map<string, string[]> {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  expect(m).not.toBeNull();
  return new Map(
    m![1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources])
  );
}

test.each(["src/taskpane/taskpane.html", "src/functions/functions.html"])("%s: a CSP allowing only the add-in's origin and office.js", (file) => {
  const policy = policyOf(read(file));
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("script-src")).toEqual(["'self'", OFFICE]); // no 'unsafe-eval', no 'unsafe-inline' scripts
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    for (const s of sources) {
      // Any host named is office.js's; no wildcard, no plain http, no other site.
      if (/^https?:/.test(s)) expect([name, s]).toEqual([name, OFFICE]);
      expect(s).not.toMatch(/\*|unsafe-eval/);
    }
    if (name !== "style-src") expect(sources).not.toContain("'unsafe-inline'"); // Fluent UI inserts styles at run time
  }
  for (const m of read(file).matchAll(/<script[^>]*src="([^"]+)"/g)) expect(m[1].startsWith(OFFICE + "/lib/1/hosted/office.js") || !/^https?:/.test(m[1])).toBe(true);
});
