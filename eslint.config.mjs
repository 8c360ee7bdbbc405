// Lint and layering (README, "Development"): `npm run lint`, run by `npm test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

/** Imports a layer may not make: `from` folders → forbidden module patterns, with the reason shown on a violation. */
const layer = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});
const NODE = ["fs", "fs/*", "path", "os", "child_process", "worker_threads", "zlib", "stream", "node:*"];
const UI = ["react", "react-dom", "react-dom/*", "@fluentui/*", "exceljs", "docx", "mammoth"];

export default tseslint.config(
  { ignores: ["dist/", "lib/", "coverage/", "test-results/", "bench/calamine/", "node_modules/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  { files: ["src/taskpane/**/*.tsx", "src/taskpane/**/use*.ts"], plugins: { "react-hooks": reactHooks }, rules: reactHooks.configs.recommended.rules },
  // Tests write grids with holes ([1, , 3]), exact float literals and constant checks on purpose.
  {
    files: ["test/**", "bench/**", "scripts/**"],
    rules: {
      "no-sparse-arrays": "off",
      "no-loss-of-precision": "off",
      "no-constant-binary-expression": "off",
      "no-regex-spaces": "off",
      "@typescript-eslint/no-this-alias": "off",
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
  // Microsoft's rules for Office.js (load before read, sync before read, no sync in loops …) where Office.js is called.
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/functions/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  // Layering: the core is pure; adapters (cli, taskpane, functions) import the core and the shared layers, never each other.
  { files: ["src/core/**"], rules: layer(["**/cli/**", "**/taskpane/**", "**/functions/**", "**/output/**", "**/xlsx/**", "**/settings/**", ...NODE, ...UI], "src/core is pure: no adapter, output, reader, Node or UI imports") },
  { files: ["src/xlsx/**", "src/settings/**"], rules: layer(["**/cli/**", "**/taskpane/**", "**/functions/**", "**/output/**", ...UI], "a shared layer imports only the core") },
  { files: ["src/output/**"], rules: layer(["**/cli/**", "**/taskpane/**", "**/functions/**", "react", "react-dom", "@fluentui/*"], "output imports the core only (the pane and the CLI import output, not the reverse)") },
  { files: ["src/functions/**"], rules: layer(["**/cli/**", "**/taskpane/**", "**/output/**", ...NODE], "custom functions are a thin layer over the core") },
  { files: ["src/taskpane/**"], rules: layer(["**/cli/**", "**/functions/**", ...NODE], "the pane never imports the CLI or the functions") },
  { files: ["src/cli/**"], rules: layer(["**/taskpane/**", "**/functions/**", ...UI.filter((m) => m !== "exceljs" && m !== "docx" && m !== "mammoth")], "the CLI never imports the pane or the functions") }
);
