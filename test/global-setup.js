// Before the suite: builds the .xlsx fixtures from the seed specs (not committed: ExcelJS stamps
// times into the zip, so a rebuild would always show as a change), and builds the add-in into
// dist/addin for the browser tests when it is missing or older than its sources.
const { execFileSync } = require("node:child_process");
const { existsSync, readFileSync, readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function addinStale() {
  const built = join(root, "dist/addin/taskpane.js");
  if (!existsSync(built)) return true;
  // The browser tests need the OFFICE_JS=local build (no network): rebuild a CDN build.
  const info = join(root, "dist/addin/build.json");
  if (!existsSync(info) || !readFileSync(info, "utf8").includes('"local"')) return true;
  const sources = ["src", "assets", "samples", "manifest.xml", "webpack.config.js", "scripts/snapshot-json.ts", "package-lock.json"].map((p) => join(root, p)).filter(existsSync);
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

/** Runs that select test files without the browser tests (`jest test/rules`) need no add-in build. */
function browserTestsSelected(globalConfig) {
  const pattern = globalConfig && globalConfig.testPathPattern;
  return !pattern || /e2e/.test(pattern);
}

module.exports = async (globalConfig) => {
  execFileSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/build-fixtures.ts")], { cwd: root, stdio: "inherit" });
  if (browserTestsSelected(globalConfig) && addinStale()) {
    console.log("building the add-in (dist/addin) for the browser tests…");
    execFileSync(process.execPath, [join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, OFFICE_JS: "local" } });
  }
};
