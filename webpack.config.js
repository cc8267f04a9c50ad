/* One entry per surface, as in Microsoft's add-in templates: the task pane (React), the custom functions
 * (shared runtime: both load in taskpane.html), and, for the Linux preview and the browser tests, the
 * simulated Office host and the preview page. `npm run build` needs no dev certificates. */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const exists = (p) => fs.existsSync(path.join(__dirname, p));

/** Emits functions.zh-CN.json (bt:Override in manifest.xml) and the function reference page from functions.json. */
class FunctionDocsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionDocsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionDocsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const toolsPath = path.join(__dirname, "src/functions/metadata-tools.js");
          delete require.cache[require.resolve(toolsPath)];
          const tools = require(toolsPath);
          const table = JSON.parse(fs.readFileSync(path.join(__dirname, "src/functions/functions.zh-CN.json"), "utf8"));
          const en = JSON.parse(asset.source.source().toString());
          const zh = tools.translateMetadata(en, table);
          const { RawSource } = webpack.sources;
          compilation.emitAsset("functions.zh-CN.json", new RawSource(JSON.stringify(zh, null, 2)));
          compilation.emitAsset("functions-reference.html", new RawSource(tools.renderReference(en, zh)));
        },
      );
    });
  }
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const entry = {
    functions: "./src/functions/functions.ts",
    taskpane: "./src/taskpane/index.tsx",
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["functions", "taskpane"],
    }),
  ];
  if (exists("src/taskpane/sim/browser.ts")) entry["office-sim"] = "./src/taskpane/sim/browser.ts";
  if (exists("src/taskpane/preview/preview.tsx")) {
    entry.preview = "./src/taskpane/preview/preview.tsx";
    pages.push(
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/preview/preview.html",
        chunks: ["preview"],
      }),
    );
  }
  return {
    devtool: dev ? "source-map" : false,
    entry,
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FunctionDocsPlugin(),
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};
