/**
 * npm run build:cli — bundles the command-line checker into one file, dist/cli/main.js (the
 * package's `bin`). One file loads in a fraction of the time of hundreds of compiled modules, which
 * is most of what a single `scorecheck check` costs.
 */
import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "dist/cli/main.js");

// Modules the former tsc build left beside main.js would be stale; the bundle replaces them all.
for (const dir of ["dist/cli", "dist/engine", "dist/xlsx"]) rmSync(join(root, dir), { recursive: true, force: true });

const result = await build({
  entryPoints: [join(root, "src/cli/main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minify: true,
  // Names stay readable in an internal error's stack trace.
  keepNames: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
chmodSync(outfile, 0o755);
const inputs = Object.keys(result.metafile.inputs);
const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].bytes;
if (inputs.some((p) => p.includes("node_modules/exceljs"))) throw new Error("ExcelJS must not be in the CLI bundle");
process.stdout.write(`dist/cli/main.js: ${(bytes / 1024).toFixed(0)} KB from ${inputs.length} modules\n`);
