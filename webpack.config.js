/* Builds the add-in: custom functions (functions.js/.html + generated functions.json), the task pane (which is
   also the standalone page), and the manifest with its URLs set for the target host. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const ZhMetadataPlugin = require("./src/functions/zhMetadataPlugin");

/** The URL the source manifest.xml points at (npm start's default). */
const devUrl = "https://localhost:3000/";

/**
 * The production URL comes from the environment (ADDIN_URL=https://example.org/fund-check/ npm run build), never
 * from editing the manifest. Served on another port (npm start -- --port 3001), the served manifest points there.
 */
function addinUrl(mode, port) {
  const url = process.env.ADDIN_URL || (port ? `https://localhost:${port}/` : devUrl);
  if (mode === "production" && !process.env.ADDIN_URL) {
    console.warn("ADDIN_URL is not set: the built manifest points at " + devUrl + " (fine for local sideloading).");
  }
  return url.endsWith("/") ? url : url + "/";
}

async function httpsOptions() {
  // office-addin-dev-certs makes and trusts a localhost certificate; when it cannot (no sudo, no certutil), say so.
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.warn(
      "Could not install the localhost development certificate (" + (error && error.message) + ").\n" +
        "Run `npx office-addin-dev-certs install` as a user who may trust certificates, or open the page and accept the browser warning."
    );
    return undefined;
  }
}

/**
 * env.port (scripts/start.js, or `webpack serve --env port=3001`) sets the dev server's port; default 3000.
 */
module.exports = async (env = {}, options = {}) => {
  const mode = options.mode || "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const port = Number(env.port) || 3000;
  const url = addinUrl(mode, serving ? port : undefined);
  return {
    mode,
    // Source maps never by eval (eval-*): the pages' Content-Security-Policy has no 'unsafe-eval', so an eval build is a blank
    // page (test/e2e/devServer.js). cheap-module-source-map maps to the TypeScript sources, by line.
    devtool: mode === "production" ? "source-map" : "cheap-module-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      // The standalone page's Web Worker (reads and checks an opened file off the page's thread).
      workbookWorker: "./src/taskpane/workbookWorker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // Always write: the built-artifact tests (test/helpers/build.ts) judge dist/ fresh by its files' dates.
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { fs: false, path: false, os: false, crypto: false, stream: false } },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } },
      ],
    },
    performance: { hints: false },
    // npm start prints only errors and warnings, so that its how-to is the last thing on screen.
    stats: serving ? "errors-warnings" : undefined,
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // functions.zh-CN.json is derived from the generated functions.json (same ids; Chinese descriptions).
      new ZhMetadataPlugin({ source: "functions.json", output: "functions.zh-CN.json" }),
      new HtmlWebpackPlugin({ filename: "functions.html", template: "./src/functions/functions.html", chunks: ["functions"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]", noErrorOnMissing: true },
          { from: "examples/qiemo-2019.xlsx", to: "examples/qiemo-2019.xlsx", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // URLs first, then the bare origin (<AppDomain>https://localhost:3000</AppDomain>) → the new origin.
            transform: (content) =>
              content.toString().split(devUrl).join(url).split(new URL(devUrl).origin).join(new URL(url).origin),
          },
        ],
      }),
    ],
    devServer: {
      host: "127.0.0.1",
      port,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : undefined,
      static: { directory: path.resolve(__dirname, "dist") },
      // No live reload, no hot update, no client script in the bundles. With them, the dev functions.js throws
      // "Automatic publicPath is not supported" in Excel's JavaScript-only custom functions runtime (no DOM), so no
      // function registers; and the client's socket aimed at the bound address (wss://127.0.0.1) from a page on
      // localhost, which the CSP blocks and the server refuses ("Invalid Host/Origin header"). webpack still
      // rebuilds on every save: reload the page (F5, or Reload in the task pane's menu) to see the change.
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
    },
  };
};
