// Builds the add-in into dist/addin: the task pane (which also carries the ribbon's command, one
// shared runtime), the help page, the browser-test harness, icons and the manifest (pointed at
// ADDIN_HOST when given).
//
// Office.js: from Microsoft's CDN by default, as Microsoft requires for distributed add-ins (the
// host scripts stay current). OFFICE_JS=local serves the copy packaged in @microsoft/office-js from
// the add-in's own origin instead, for networks without internet; the CSP follows the choice.
const path = require("node:path");
const os = require("node:os");
const fs = require("node:fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { csp: cspFor, OFFICE_CDN } = require("./src/addin/html/csp");
const { manifestForHost } = require("./scripts/manifest-host");
const { execFileSync } = require("node:child_process");

/** The certificate `npx office-addin-dev-certs install` puts in the user's profile (trusted by Office), else a self-signed one. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (f) => path.join(dir, f);
  if (!fs.existsSync(file("localhost.crt"))) return "https";
  return { type: "https", options: { key: fs.readFileSync(file("localhost.key")), cert: fs.readFileSync(file("localhost.crt")), ca: fs.readFileSync(file("ca.crt")) } };
}

/**
 * Emits fixtures/sample.json, the bundled sample workbook as a grid snapshot, so harness.html shows
 * the pane on real tables without Excel (npm start, then /harness.html?run=check), and build.json,
 * which records where this build loads Office.js from (the test setup rebuilds when it differs).
 */
class SnapshotAndInfoPlugin {
  constructor(officeJs) {
    this.officeJs = officeJs;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("SnapshotAndInfo", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "SnapshotAndInfo", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const tsx = path.join(__dirname, "node_modules/tsx/dist/cli.mjs");
        const json = execFileSync(process.execPath, [tsx, "scripts/snapshot-json.ts", "samples/sample.xlsx"], { cwd: __dirname, maxBuffer: 64 * 2 ** 20 });
        compilation.emitAsset("fixtures/sample.json", new compiler.webpack.sources.RawSource(json));
        compilation.emitAsset("build.json", new compiler.webpack.sources.RawSource(JSON.stringify({ officeJs: this.officeJs })));
      });
    });
  }
}

/**
 * `npm start` serves harness.html?fixture=NAME for every seed fixture (test/fixtures/xlsx/NAME.xlsx,
 * built from the specs on first use) as the grid snapshot the harness loads, like the browser tests.
 */
function fixtureMiddleware(root) {
  const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
  const dir = path.join(root, "test/fixtures/xlsx");
  const cache = new Map();
  return {
    name: "seed-fixtures",
    path: "/fixtures",
    middleware: (req, res, next) => {
      const m = /^\/([\w.-]+)\.json$/.exec(req.path);
      if (!m || m[1] === "sample") return next();
      const file = path.join(dir, `${m[1]}.xlsx`);
      try {
        if (!fs.existsSync(file)) execFileSync(process.execPath, [tsx, "scripts/build-fixtures.ts"], { cwd: root, stdio: "ignore" });
        if (!fs.existsSync(file)) return next();
        if (!cache.has(file)) cache.set(file, execFileSync(process.execPath, [tsx, "scripts/snapshot-json.ts", file], { cwd: root, maxBuffer: 64 * 2 ** 20 }));
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.end(cache.get(file));
      } catch (e) {
        next(e);
      }
    },
  };
}

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const DEV_PORT = 3000;

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  const host = process.env.ADDIN_HOST;
  const officeJs = process.env.OFFICE_JS === "local" ? "local" : "cdn";
  if (process.env.OFFICE_JS && !["local", "cdn"].includes(process.env.OFFICE_JS)) throw new Error(`OFFICE_JS must be "cdn" or "local", not "${process.env.OFFICE_JS}"`);
  const csp = cspFor(officeJs);
  const officeJsUrl = officeJs === "local" ? "office-js/office.js" : `${OFFICE_CDN}/lib/1/hosted/office.js`;
  const page = (filename, chunks, title, office) =>
    new HtmlWebpackPlugin({ filename, chunks, title, office, officeJsUrl, csp, template: "src/addin/html/page.html", scriptLoading: "defer", inject: "head", chunksSortMode: "manual" });
  const copies = [
    { from: "assets", to: "assets" },
    { from: "src/addin/html/help.html", to: "help.html" },
    { from: "src/addin/html/legacy-check.js", to: "legacy-check.js" },
    { from: "manifest.xml", to: "manifest.xml", transform: (xml) => (host ? manifestForHost(xml.toString(), host) : xml) },
  ];
  if (officeJs === "local")
    copies.push(
      // Office.js and the Excel host scripts it loads, served from our own origin.
      { from: OFFICE_JS_DIR, to: "office-js", globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/outlook*", "**/!(office|o15apptofilemappingtable|excel*|office_strings).js"] } },
      { from: path.join(OFFICE_JS_DIR, "telemetry"), to: "office-js/telemetry", noErrorOnMissing: true, globOptions: { ignore: ["**/*.debug.js"] } },
      { from: path.join(OFFICE_JS_DIR, "ariatelemetry"), to: "office-js/ariatelemetry", noErrorOnMissing: true, globOptions: { ignore: ["**/*.debug.js"] } },
    );
  return {
    mode: production ? "production" : "development",
    // Source maps in files, never eval: the pane's CSP forbids it.
    devtool: "source-map",
    entry: {
      taskpane: "./src/addin/taskpane/main.tsx",
      harness: "./src/addin/harness/harness.ts",
    },
    // The 重新计算, 自评报告 and 设置 tabs are separate chunks, loaded when first opened.
    output: { path: path.resolve(__dirname, "dist/addin"), filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", publicPath: "auto", clean: true },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: "ts-loader",
          exclude: /node_modules/,
          options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: true } },
        },
      ],
    },
    performance: { hints: false },
    // What the harness and the pane both use (the engine's arithmetic) is one shared file, not two
    // copies, under one webpack runtime (two runtimes on a page would each miss the other's modules).
    optimization: { runtimeChunk: "single", splitChunks: { cacheGroups: { shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true, priority: 10 } } } },
    plugins: [
      page("taskpane.html", ["taskpane"], "评分表核查 ScoreCheck", true),
      // The harness runs the same pane against an in-memory workbook, without Office.js.
      page("harness.html", ["harness", "taskpane"], "评分表核查 ScoreCheck · 测试 harness", false),
      new SnapshotAndInfoPlugin(officeJs),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      port: DEV_PORT,
      server: devServerHttps(),
      headers: { "Content-Security-Policy": csp },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false },
      // harness.html?fixture=NAME: every seed fixture (test/fixtures/xlsx) as a grid snapshot.
      setupMiddlewares: (middlewares) => [fixtureMiddleware(__dirname), ...middlewares],
    },
  };
};
