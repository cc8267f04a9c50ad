/* One entry per surface, as in Microsoft's add-in templates: the task pane (React) and the custom functions
 * (shared runtime: both load in taskpane.html). `npm run build` emits into dist/ only what Excel loads and needs no
 * dev certificates.
 *
 * Deployment, as the templates' urlDev/urlProd: a production build given a URL (`ADDIN_URL=https://example.com/gs
 * npm run build`, or `npm run build -- --env urlProd=https://example.com/gs`) rewrites https://localhost:3000 in
 * manifest.xml and in the help URLs (functions.json, functions.zh-CN.json, the reference page).
 *
 * `--env preview` (npm run preview, npm run test:e2e) builds the same add-in plus the simulated Office host
 * (tools/excel-sim) and the preview page (tools/preview) into build/preview/, never into dist/. */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const URL_DEV = "https://localhost:3000";

/** Rewrites the development origin in every text asset the build emits (manifest, metadata, reference page). */
class UrlRewritePlugin {
  constructor(urlProd) {
    this.urlProd = urlProd.replace(/\/+$/, "");
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("UrlRewritePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "UrlRewritePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT + 1 },
        (assets) => {
          const { RawSource } = webpack.sources;
          for (const name of Object.keys(assets)) {
            if (!/\.(xml|json|html)$/.test(name)) continue;
            const text = compilation.getAsset(name).source.source().toString();
            if (text.includes(URL_DEV))
              compilation.updateAsset(name, new RawSource(text.split(URL_DEV).join(this.urlProd)));
          }
        },
      );
    });
  }
}

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
  const preview = Boolean(env && env.preview);
  const urlProd = !dev && !preview ? (env && env.urlProd) || process.env.ADDIN_URL : undefined;
  if (urlProd && !/^https:\/\/[^\s"<>]+$/.test(urlProd)) throw new Error(`urlProd must be an https:// URL: ${urlProd}`);
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
  if (preview) {
    entry["office-sim"] = "./tools/excel-sim/browser.ts";
    entry.preview = "./tools/preview/preview.tsx";
    pages.push(
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./tools/preview/preview.html",
        chunks: ["preview"],
      }),
    );
  }
  return {
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: path.resolve(__dirname, preview ? "build/preview" : "dist"),
      filename: "[name].js",
      // Chunks loaded on demand (tabs, column choices, the rules worker) are named by content in a production
      // build, so a webview that cached the previous release's never pairs it with this release's taskpane.js.
      // They load from where taskpane.js came from (publicPath "auto": the manifest's origin, no other).
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // @stdlib carries an ES3 fallback beside each built-in it uses (typed arrays, Object.defineProperty; the
      // latter's pulls in its message formatter) and picks one at run time. Every browser Office runs add-ins in
      // has the built-ins, so the bundles take them directly: functions.js 38.7 → 35.7 KB gzip (issue 19 §1).
      // tests/functions/stdlibNative.test.ts checks that each stand-in is what @stdlib itself picks in Node.
      alias: Object.fromEntries(
        ["array-float64", "array-uint8", "array-uint16", "array-uint32", "utils-define-property"].map((name) => [
          `@stdlib/${name}$`,
          path.join(__dirname, "scripts/stdlib-native", `${name}.js`),
        ]),
      ),
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        // src/core is pure (no module does anything on import but define), so a name taken from its index
        // (`from "../../core"`) brings only the modules behind that name: the pane's first load leaves the rules
        // engine and its statistics to the worker (issue 19).
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
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
      ...(urlProd ? [new UrlRewritePlugin(urlProd)] : []),
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
