/* Builds the add-in: custom functions (functions.js/.html + generated functions.json), the task pane (which is
   also the standalone page), and the manifest with its URLs set for the target host. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const ZhMetadataPlugin = require("./src/functions/zhMetadataPlugin");

const devUrl = "https://localhost:3000/";

/** The production URL comes from the environment (ADDIN_URL=https://example.org/fund-check/ npm run build), never from editing the manifest. */
function addinUrl(mode) {
  const url = process.env.ADDIN_URL || devUrl;
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

module.exports = async (env, options) => {
  const mode = options.mode || "development";
  const url = addinUrl(mode);
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    mode,
    devtool: mode === "production" ? "source-map" : "eval-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { fs: false, path: false, os: false, crypto: false, stream: false } },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } },
      ],
    },
    performance: { hints: false },
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
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : undefined,
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: false },
    },
  };
};
