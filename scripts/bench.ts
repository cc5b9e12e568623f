/**
 * npm run bench — prints how the checker scales and what the command line costs, in one run:
 * - in process: workbooks of 1, 10, 100 and 400 sheets of scoring tables in the seed layouts and one
 *   sheet of 100,000 rows of non-scoring data, read by the .xlsx reader and run through the engine;
 * - the bundled CLI (dist/cli/main.js, built by `npm run bench` first) as a user runs it: one ordinary
 *   workbook beside a bare `node -e ''`, a folder of 1,000 ordinary workbooks, and a workbook with a
 *   1,000,000-row sheet (wall time and peak memory, `check` and `fix`).
 * A script that prints figures, never a timed test.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { readXlsxFile } from "../src/xlsx/read";
import { analyzeWorkbook, generateNarrative, rangeToA1 } from "../src/engine";
import { OfficeGateway } from "../src/addin/office";
import { FakeExcel } from "../test/support/fake-excel";
import { writeBigDataWorkbook } from "./bench-big-workbook";
import { measureCli, printCli, type CliFigures } from "./bench-cli";

const LAYOUT_A_HEADER = [
  ["2021 年项目支出绩效自评价评分表"],
  ["评价指标", null, null, "年初指标值", "实际完成值", "权重", "得分", "评分依据"],
  ["一级指标", "二级指标", "三级指标"],
];

/** A 如皋-style table of 18 indicators with one planted deduction, on sheet `ws` from row 1. */
function writeScoringSheet(ws: ExcelJS.Worksheet, n: number): void {
  LAYOUT_A_HEADER.forEach((r) => ws.addRow(r));
  ws.mergeCells("A2:C2");
  for (const c of ["D", "E", "F", "G", "H"]) ws.mergeCells(`${c}2:${c}3`);
  const groups = ["决策指标", "过程指标", "产出指标", "效益指标", "满意度指标"];
  for (let i = 0; i < 18; i++) {
    const w = i < 10 ? 5 : i < 17 ? 7 : 1;
    const score = i === 7 ? w - 1 : w;
    ws.addRow([i % 4 === 0 ? groups[(i / 4) % 5] : null, i % 2 === 0 ? `二级${i}` : null, `任务${n}第${i}项完成情况`, i % 3 ? "是" : "≥95%", i % 3 ? "是" : "98%", w, score, "评分依据"]);
  }
  ws.addRow(["总计", null, null, null, null, 100, 99]);
  ws.mergeCells(`A${ws.rowCount}:E${ws.rowCount}`);
}

async function scoringWorkbook(path: string, sheets: number, first = 0): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (let i = 0; i < sheets; i++) writeScoringSheet(wb.addWorksheet(`评分表${i + 1}`), first + i);
  await wb.xlsx.writeFile(path);
}

interface Row {
  label: string;
  tables: number;
  cells: number;
  readMs: number;
  engineMs: number;
  peakMb: number;
  payloadKb: number;
  syncs: number;
  largestSyncKb: number;
}

/** The add-in gateway's round trips to read the same workbook (against the batch-semantics fake). */
async function gatewayRead(snapshot: Awaited<ReturnType<typeof readXlsxFile>>): Promise<{ syncs: number; largestSyncKb: number }> {
  const fake = new FakeExcel();
  for (const s of snapshot.sheets) {
    const rows = Array.from({ length: s.top }, () => [] as never[]).concat(s.values.map((r) => [...new Array(s.left).fill(null), ...r]) as never[]);
    fake.addSheet(s.name, rows, { merges: (s.merges ?? []).map(rangeToA1) });
  }
  const gw = new OfficeGateway({ run: fake.run, isSetSupported: () => true });
  const { stats } = await gw.readWorkbook();
  return { syncs: stats.syncs, largestSyncKb: stats.largestPayloadBytes / 1024 };
}

/**
 * What an Office.js read of the whole workbook transfers: values, formulas and number formats of
 * every used range, as JSON (the add-in gateway loads them in one batch unless this passes 5 MB).
 */
function readPayloadBytes(snapshot: Awaited<ReturnType<typeof readXlsxFile>>): number {
  let bytes = 0;
  for (const s of snapshot.sheets) bytes += Buffer.byteLength(JSON.stringify([s.values, s.formulas ?? null, s.numberFormats ?? null]));
  return bytes;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function measure(label: string, path: string): Promise<Row> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = process.hrtime.bigint();
  const snapshot = await readXlsxFile(path);
  const readMs = ms(t0);
  // Engine: best of three, so a stray GC pause does not decide the growth figures.
  let engineMs = Infinity;
  let tables = 0;
  for (let k = 0; k < 3; k++) {
    const t1 = process.hrtime.bigint();
    const a = analyzeWorkbook(snapshot);
    for (const c of a.calcs) generateNarrative(c, a.findings);
    engineMs = Math.min(engineMs, ms(t1));
    tables = a.tables.length;
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const cells = snapshot.sheets.reduce((s, sh) => s + sh.values.reduce((x, r) => x + r.length, 0), 0);
  return { label, tables, cells, readMs, engineMs, peakMb: peak / 2 ** 20, payloadKb: readPayloadBytes(snapshot) / 1024, ...(await gatewayRead(snapshot)) };
}

function pad(s: string | number, n: number): string {
  return String(s).padStart(n);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "scorecheck-bench-"));
  const rows: Row[] = [];
  let cli: CliFigures;
  try {
    for (const n of [1, 10, 100, 400]) {
      const p = join(dir, `sheets-${n}.xlsx`);
      await scoringWorkbook(p, n);
      rows.push(await measure(`${n} sheet${n > 1 ? "s" : ""} (${(statSync(p).size / 1024).toFixed(0)} KB)`, p));
    }
    const big = join(dir, "rows-100000.xlsx");
    writeBigDataWorkbook(big, 100_000);
    rows.push(await measure(`100,000 data rows (${(statSync(big).size / 2 ** 20).toFixed(1)} MB)`, big));
    cli = await measureCli(dir, (path, k) => scoringWorkbook(path, 1, k));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log("");
  printCli(cli);
  console.log("");
  console.log("in process (the reader and the engine, start-up excluded):");
  console.log(`${"workbook".padEnd(28)} ${pad("tables", 6)} ${pad("cells", 9)} ${pad("read ms", 9)} ${pad("engine ms", 10)} ${pad("engine %", 9)} ${pad("ms/table", 9)} ${pad("peak MB", 8)} ${pad("read KB", 9)} ${pad("syncs", 6)} ${pad("max sync KB", 12)}`);
  for (const r of rows) {
    const share = (100 * r.engineMs) / (r.engineMs + r.readMs);
    const perTable = r.tables ? (r.engineMs / r.tables).toFixed(2) : "—";
    console.log(
      `${r.label.padEnd(28)} ${pad(r.tables, 6)} ${pad(r.cells, 9)} ${pad(r.readMs.toFixed(0), 9)} ${pad(r.engineMs.toFixed(1), 10)} ${pad(share.toFixed(1), 9)} ${pad(perTable, 9)} ${pad(r.peakMb.toFixed(0), 8)} ${pad(r.payloadKb.toFixed(0), 9)} ${pad(r.syncs, 6)} ${pad(r.largestSyncKb.toFixed(0), 12)}`,
    );
  }
  console.log("");
  console.log("engine growth (10× the work should take ≤ 11× the time):");
  const [s1, s10, s100, s400] = rows;
  const growth = (a: Row, b: Row, factor: number) => `${(b.engineMs / a.engineMs).toFixed(2)}× for ${factor}× the tables`;
  console.log(`  1 → 10 sheets:    ${growth(s1, s10, 10)}`);
  console.log(`  10 → 100 sheets:  ${growth(s10, s100, 10)}`);
  console.log(`  100 → 400 sheets: ${growth(s100, s400, 4)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
