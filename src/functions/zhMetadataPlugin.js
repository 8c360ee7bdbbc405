/* Build step (webpack plugin, plain Node): derives functions.zh-CN.json from the functions.json that
   custom-functions-metadata-plugin generates, so the Chinese metadata can never drift from the English one:
   same ids, same parameters, same types; only descriptions and parameter names come from zh-CN.strings.json.
   Function names stay English (Microsoft: the `name` may be localized, the id not) so that =FUND.COMPLETION_RATE
   typed from the docs works in every Excel language. A function or parameter without a Chinese entry fails the build. */
const path = require("path");
const { sources, WebpackError, Compilation } = require("webpack");

const pluginName = "ZhMetadataPlugin";
const defaultTable = path.join(__dirname, "zh-CN.strings.json");

/** Pure: localized metadata object and the list of problems (missing translations, unknown entries). */
function localizeMetadata(metadata, table) {
  const problems = [];
  const seen = new Set();
  const functions = metadata.functions.map((fn) => {
    const zh = table[fn.id];
    seen.add(fn.id);
    if (!zh || typeof zh.description !== "string" || zh.description.trim() === "") {
      problems.push(`no Chinese description for function ${fn.id}`);
      return fn;
    }
    const zhParams = zh.parameters || {};
    const parameters = (fn.parameters || []).map((p) => {
      const entry = zhParams[p.name];
      if (!entry || typeof entry.description !== "string" || entry.description.trim() === "") {
        problems.push(`no Chinese description for parameter ${fn.id}(${p.name})`);
        return p;
      }
      return { ...p, name: entry.name || p.name, description: entry.description };
    });
    for (const name of Object.keys(zhParams)) {
      if (!(fn.parameters || []).some((p) => p.name === name)) problems.push(`zh-CN entry for unknown parameter ${fn.id}(${name})`);
    }
    return { ...fn, description: zh.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!id.startsWith("$") && !seen.has(id)) problems.push(`zh-CN entry for unknown function ${id}`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

class ZhMetadataPlugin {
  constructor(options = {}) {
    this.source = options.source || "functions.json";
    this.output = options.output || "functions.zh-CN.json";
    this.tablePath = options.table || defaultTable;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.processAssets.tap({ name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(this.tablePath);
        const asset = compilation.getAsset(this.source);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${pluginName}: ${this.source} was not generated, so ${this.output} cannot be made`));
          return;
        }
        let table;
        try {
          delete require.cache[require.resolve(this.tablePath)];
          table = require(this.tablePath);
        } catch (error) {
          compilation.errors.push(new WebpackError(`${pluginName}: cannot read ${this.tablePath}: ${error.message}`));
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString());
        const { metadata: zh, problems } = localizeMetadata(metadata, table);
        for (const problem of problems) compilation.errors.push(new WebpackError(`${pluginName}: ${problem}`));
        compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(zh, null, 4)));
      });
    });
  }
}

module.exports = ZhMetadataPlugin;
module.exports.localizeMetadata = localizeMetadata;
