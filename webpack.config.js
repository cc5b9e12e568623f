// Builds the add-in into dist/addin: task pane, ribbon function file, help page, the browser-test
// harness, icons, a local copy of Office.js and the manifest (pointed at ADDIN_HOST when given).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const csp = require("./src/addin/html/csp");
const { manifestForHost } = require("./scripts/manifest-host");

const os = require("node:os");
const fs = require("node:fs");

/** The certificate `npx office-addin-dev-certs install` puts in the user's profile (trusted by Office), else a self-signed one. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (f) => path.join(dir, f);
  if (!fs.existsSync(file("localhost.crt"))) return "https";
  return { type: "https", options: { key: fs.readFileSync(file("localhost.key")), cert: fs.readFileSync(file("localhost.crt")), ca: fs.readFileSync(file("ca.crt")) } };
}

/**
 * Emits fixtures/sample.json, the bundled sample workbook as a grid snapshot, so harness.html shows
 * the pane on real tables without Excel (npm start, then /harness.html?run=check).
 */
class SampleSnapshotPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("SampleSnapshot", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "SampleSnapshot", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const tsx = path.join(__dirname, "node_modules/tsx/dist/cli.mjs");
        const json = require("node:child_process").execFileSync(process.execPath, [tsx, "scripts/snapshot-json.ts", "samples/sample.xlsx"], { cwd: __dirname, maxBuffer: 64 * 2 ** 20 });
        compilation.emitAsset("fixtures/sample.json", new compiler.webpack.sources.RawSource(json));
      });
    });
  }
}

const OFFICE_JS = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const DEV_PORT = 3000;

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  const host = process.env.ADDIN_HOST;
  const page = (filename, chunks, title, office) =>
    new HtmlWebpackPlugin({ filename, chunks, title, office, csp, template: "src/addin/html/page.html", scriptLoading: "defer", inject: "head", chunksSortMode: "manual" });
  return {
    mode: production ? "production" : "development",
    // Source maps in files, never eval: the pane's CSP forbids it.
    devtool: "source-map",
    entry: {
      taskpane: "./src/addin/taskpane/main.tsx",
      commands: "./src/addin/commands/commands.ts",
      harness: "./src/addin/harness/harness.ts",
    },
    output: { path: path.resolve(__dirname, "dist/addin"), filename: "[name].js", clean: true },
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
    plugins: [
      page("taskpane.html", ["taskpane"], "评分表核查 ScoreCheck", true),
      page("commands.html", ["commands"], "评分表核查 ScoreCheck", true),
      // The harness runs the same pane against an in-memory workbook, without Office.js.
      page("harness.html", ["harness", "taskpane"], "评分表核查 ScoreCheck · 测试 harness", false),
      new SampleSnapshotPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "src/addin/html/help.html", to: "help.html" },
          { from: "src/addin/html/legacy-check.js", to: "legacy-check.js" },
          { from: "manifest.xml", to: "manifest.xml", transform: (xml) => (host ? manifestForHost(xml.toString(), host) : xml) },
          // Office.js and the Excel host scripts it loads, served from our own origin.
          { from: OFFICE_JS, to: "office-js", globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/outlook*", "**/!(office|o15apptofilemappingtable|excel*|office_strings).js"] } },
          { from: path.join(OFFICE_JS, "telemetry"), to: "office-js/telemetry", noErrorOnMissing: true, globOptions: { ignore: ["**/*.debug.js"] } },
          { from: path.join(OFFICE_JS, "ariatelemetry"), to: "office-js/ariatelemetry", noErrorOnMissing: true, globOptions: { ignore: ["**/*.debug.js"] } },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      server: devServerHttps(),
      headers: { "Content-Security-Policy": csp },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false },
    },
  };
};
