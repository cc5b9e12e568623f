/**
 * Scores the engine on the corpus of real published tables (test/corpus/tables/*.json): tables
 * recognised with the right totals, expected findings found, false errors. Run: npm run corpus
 * [--verbose] [--layouts] [ID-substring...] (--layouts: the synthetic layout probes of test/layouts). Exits 1 when anything is misread, missed or cried wolf on.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadSpecDir, pickFields, SPEC_TABLE_FIELDS, specToWorkbook, type Spec, type SpecTable } from "./fixture-spec";
import { readWorkbookBytes } from "../src/xlsx";
import { analyzeWorkbook, summarizeTable, type Analysis } from "../src/engine";

/** A corpus table is also pinned to its range. */
export type CorpusTable = SpecTable & { range: string };
const CORPUS_TABLE_FIELDS = [...SPEC_TABLE_FIELDS, "range"] as const;

export interface CorpusFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  sheet: string;
  cell?: string;
  why?: string;
}

export interface CorpusSpec extends Omit<Spec, "expect"> {
  province: string;
  area: string;
  form: string;
  layout: string;
  expect: { tables: CorpusTable[]; findings: CorpusFinding[]; notes?: string };
}

export interface CorpusResult {
  id: string;
  variant: "merged" | "nomerge";
  tablesExpected: number;
  tablesRight: number;
  tableProblems: string[];
  findingsExpected: number;
  findingsFound: number;
  missed: string[];
  falseErrors: string[];
  extraWarnings: string[];
}

export const CORPUS_DIR = join(__dirname, "../test/corpus/tables");

export function loadCorpus(): CorpusSpec[] {
  return loadSpecDir<CorpusSpec>(CORPUS_DIR);
}

/** Synthetic layout probes (test/layouts/<family>/*.json): the same format, no province or source. */
export const LAYOUTS_DIR = join(__dirname, "../test/layouts");

export function loadLayouts(): CorpusSpec[] {
  return readdirSync(LAYOUTS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => loadSpecDir<CorpusSpec>(join(LAYOUTS_DIR, d.name)));
}

const tableKey = (t: CorpusTable) => JSON.stringify([t.sheet, t.range, t.indicators, t.weightTotal, t.scoreTotal, t.declaredWeightTotal, t.declaredScoreTotal, t.declaredGrade]);
const findingKey = (f: { rule: string; sheet: string; cell?: string }) => `${f.rule} ${f.sheet}${f.cell ? "!" + f.cell : ""}`;
const matches = (e: CorpusFinding, f: { rule: string; sheet: string; cell: string }) => e.rule === f.rule && e.sheet === f.sheet && (!e.cell || e.cell === f.cell);

/** Compares one analysis with what the corpus file expects. */
export function score(spec: CorpusSpec, a: Analysis, variant: CorpusResult["variant"]): CorpusResult {
  const got: CorpusTable[] = a.calcs
    .filter((c) => c.table.kind === "scoring")
    .map((c) => pickFields(summarizeTable(c), CORPUS_TABLE_FIELDS));
  const tableProblems: string[] = [];
  let tablesRight = 0;
  const gotKeys = got.map(tableKey);
  for (const e of spec.expect.tables) {
    if (gotKeys.includes(tableKey(e))) tablesRight++;
    else {
      const near = got.find((g) => g.sheet === e.sheet && g.range.split(":")[0] === e.range.split(":")[0]) ?? got.find((g) => g.sheet === e.sheet);
      tableProblems.push(`expected ${tableKey(e)}\n      got      ${near ? tableKey(near) : "(no table on that sheet)"}`);
    }
  }
  const expectedKeys = spec.expect.tables.map(tableKey);
  for (const g of got) if (!expectedKeys.includes(tableKey(g)) && !spec.expect.tables.some((e) => e.sheet === g.sheet && e.range.split(":")[0] === g.range.split(":")[0])) tableProblems.push(`unexpected table ${tableKey(g)}`);
  const found = a.findings;
  const missed = spec.expect.findings.filter((e) => !found.some((f) => matches(e, f))).map((e) => `${findingKey(e)} (${e.why ?? e.severity})`);
  const falseErrors = found
    .filter((f) => f.severity === "error" && !spec.expect.findings.some((e) => matches(e, f)))
    .map((f) => `${findingKey(f)} ${f.message.zh}`);
  const extraWarnings = found
    .filter((f) => f.severity === "warning" && !spec.expect.findings.some((e) => matches(e, f)))
    .map((f) => `${findingKey(f)} ${f.message.zh}`);
  return {
    id: spec.id,
    variant,
    tablesExpected: spec.expect.tables.length,
    tablesRight,
    tableProblems,
    findingsExpected: spec.expect.findings.length,
    findingsFound: spec.expect.findings.length - missed.length,
    missed,
    falseErrors,
    extraWarnings,
  };
}

export async function runCorpusSpec(spec: CorpusSpec): Promise<CorpusResult[]> {
  const out: CorpusResult[] = [];
  for (const variant of ["merged", "nomerge"] as const) {
    const wb = specToWorkbook(spec as unknown as Spec, variant === "merged");
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const a = analyzeWorkbook(readWorkbookBytes(bytes, `${spec.id}.xlsx`));
    out.push(score(spec, a, variant));
  }
  return out;
}

export const failed = (r: CorpusResult) => r.tableProblems.length > 0 || r.missed.length > 0 || r.falseErrors.length > 0;

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose");
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const layouts = process.argv.includes("--layouts");
  const specs = (layouts ? loadLayouts() : loadCorpus()).filter((s) => filters.length === 0 || filters.some((f) => s.id.includes(f)));
  const all: CorpusResult[] = [];
  for (const spec of specs) {
    const results = await runCorpusSpec(spec);
    all.push(...results);
    for (const r of results) {
      const mark = failed(r) ? "✗" : "✓";
      console.log(
        `${mark} ${r.id.padEnd(24)} ${r.variant.padEnd(8)} tables ${r.tablesRight}/${r.tablesExpected}  findings ${r.findingsFound}/${r.findingsExpected}  false errors ${r.falseErrors.length}  extra warnings ${r.extraWarnings.length}`,
      );
      if (failed(r) || verbose) {
        for (const p of r.tableProblems) console.log(`    table: ${p}`);
        for (const m of r.missed) console.log(`    missed: ${m}`);
        for (const f of r.falseErrors) console.log(`    FALSE ERROR: ${f}`);
      }
      if (verbose) for (const w of r.extraWarnings) console.log(`    extra warning: ${w}`);
    }
  }
  const sum = (f: (r: CorpusResult) => number) => all.reduce((s, r) => s + f(r), 0);
  const provinces = new Set(specs.map((s) => s.province));
  const areas = new Set(specs.map((s) => s.area));
  console.log(
    `\n${specs.length} files${layouts ? " (synthetic layouts)" : ` (${provinces.size} provinces, ${areas.size} policy areas)`}, ${all.length} runs: ` +
      `tables right ${sum((r) => r.tablesRight)}/${sum((r) => r.tablesExpected)}, ` +
      `expected findings found ${sum((r) => r.findingsFound)}/${sum((r) => r.findingsExpected)}, ` +
      `false errors ${sum((r) => r.falseErrors.length)}, extra warnings ${sum((r) => r.extraWarnings.length)}, ` +
      `runs failing ${all.filter(failed).length}`,
  );
  process.exitCode = all.some(failed) ? 1 : 0;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
