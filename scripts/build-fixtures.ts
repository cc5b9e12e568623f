/**
 * Builds test/fixtures/xlsx/*.xlsx (with and without merges) from the seed specs in
 * test/fixtures/specs, and with --sample the bundled samples/sample.xlsx. Run: npm run fixtures
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadSpecDir, specToWorkbook, type Spec } from "./fixture-spec";

const root = join(__dirname, "..");
const specDir = join(root, "test/fixtures/specs");
const outDir = join(root, "test/fixtures/xlsx");

/** The bundled sample: a reviewer's typical inbox, seed tables with and without problems. */
const SAMPLE = ["000-07", "003-01", "004-01", "004-04"];

export function loadSpecs(): Spec[] {
  return loadSpecDir<Spec>(specDir);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const specs = loadSpecs();
  for (const spec of specs) {
    await specToWorkbook(spec, true).xlsx.writeFile(join(outDir, `${spec.id}.xlsx`));
    await specToWorkbook(spec, false).xlsx.writeFile(join(outDir, `${spec.id}.nomerge.xlsx`));
  }
  console.log(`built ${specs.length * 2} fixtures in test/fixtures/xlsx`);
  if (!process.argv.includes("--sample")) return;
  const sample = specs.filter((s) => SAMPLE.includes(s.id));
  const merged: Spec = {
    id: "sample",
    source: "seeds",
    title: "ScoreCheck sample",
    sheets: sample.flatMap((s) => s.sheets.map((sh) => ({ ...sh, name: `${s.id} ${sh.name}`.slice(0, 31) }))),
    expect: { tables: [], findings: [] },
  };
  mkdirSync(join(root, "samples"), { recursive: true });
  await specToWorkbook(merged, true).xlsx.writeFile(join(root, "samples/sample.xlsx"));
  console.log("built samples/sample.xlsx");
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
