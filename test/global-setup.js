// Builds the .xlsx fixtures from the seed specs once before the suite (they are not committed:
// ExcelJS stamps times into the zip, so a rebuild would always show as a change).
const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

module.exports = async () => {
  const root = join(__dirname, "..");
  execFileSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/build-fixtures.ts")], { cwd: root, stdio: "inherit" });
};
