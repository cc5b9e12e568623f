/**
 * Checks one workbook spec (the fixture/corpus JSON format) and prints what the engine read: each
 * table's summary and every finding. For trying a layout before it becomes a corpus file or a test.
 * Run: npx tsx scripts/probe-spec.ts SPEC.json [--nomerge]
 */
import { readFileSync } from "node:fs";
import { specToWorkbook, type Spec } from "./fixture-spec";
import { readWorkbookBytes } from "../src/xlsx";
import { analyzeWorkbook, summarizeTable } from "../src/engine";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npx tsx scripts/probe-spec.ts SPEC.json [--nomerge]");
  const spec = JSON.parse(readFileSync(file, "utf8")) as Spec;
  const wb = specToWorkbook(spec, !process.argv.includes("--nomerge"));
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const analysis = analyzeWorkbook(readWorkbookBytes(bytes, file));
  for (const c of analysis.calcs) {
    const s = summarizeTable(c);
    console.log(`table ${s.sheet}!${s.range} kind=${c.table.kind} indicators=${s.indicators} weights=${s.weightTotal} scores=${s.scoreTotal} declared=${s.declaredWeightTotal}/${s.declaredScoreTotal} grade=${s.declaredGrade} scale=${c.table.weightScale ?? "-"}`);
    for (const i of c.table.indicators) console.log(`   r${i.row + 1} ${[i.level1, i.level2, i.name].filter(Boolean).join(" / ")}  w=${i.weight?.value?.toFixed() ?? "-"} s=${i.score?.value?.toFixed() ?? "-"}`);
  }
  for (const f of analysis.findings) console.log(`${f.severity.padEnd(7)} ${f.rule.padEnd(24)} ${f.sheet}!${f.cell}  ${f.message.zh}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
