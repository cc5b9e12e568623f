/**
 * Prints an .xlsx workbook as the engine's grid snapshot (JSON): what the task-pane harness loads
 * into its in-memory gateway. Run: tsx scripts/snapshot-json.ts FILE.xlsx
 */
import { readXlsxFile } from "../src/xlsx/read";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx scripts/snapshot-json.ts FILE.xlsx");
  process.stdout.write(JSON.stringify(await readXlsxFile(file)));
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(2);
});
