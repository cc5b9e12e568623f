/**
 * The command line as a user runs it, measured by `npm run bench`: the bundled dist/cli/main.js in
 * a fresh process each time, start-up included.
 */
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { writeBigDataWorkbook } from "./bench-big-workbook";

const BUILT = join(__dirname, "../dist/cli");
/** The files `npm run build:cli` writes; the bench runs a copy, so a rebuild meanwhile cannot disturb it. */
const CLI_FILES = ["main.js", "scorecheck.js", "scorecheck.js.cache"];
const TIME = "/usr/bin/time";
const BIG_ROWS = 1_000_000;
const FOLDER_FILES = 1_000;

export interface Run {
  ms: number;
  /** Peak resident memory of the process (from /usr/bin/time), when available. */
  peakMb: number | null;
  /** CPU time (user + system, all threads) from /usr/bin/time: what the run costs whatever else the machine does. */
  cpuMs: number | null;
  exit: number | null;
  /** The first line of stderr when the run did not end in 0 or 1. */
  note?: string;
}

export interface CliFigures {
  nodeMs: number;
  oneMs: number;
  folderMs: number;
  folderCpuMs: number | null;
  /** The 1-minute load average before and after: other work on the machine slows every figure. */
  load: [number, number];
  big: { rows: number; fileMb: number; check: Run; fix: Run };
}

/** Runs `node args…` with stdout to /dev/null; wall time, and peak memory when /usr/bin/time exists. */
function run(args: string[], timeoutMs = 300_000): Run {
  const devnull = openSync("/dev/null", "w");
  const timed = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = timed
    ? spawnSync(TIME, ["-f", "@@peak %M %U %S", process.execPath, ...args], { stdio: ["ignore", devnull, "pipe"], timeout: timeoutMs, maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { stdio: ["ignore", devnull, "pipe"], timeout: timeoutMs, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(devnull);
  const stderr = r.stderr?.toString() ?? "";
  const peak = /@@peak (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  const exit = r.status;
  const out: Run = { ms, peakMb: peak ? Number(peak[1]) / 1024 : null, cpuMs: peak ? (Number(peak[2]) + Number(peak[3])) * 1000 : null, exit };
  if (exit !== 0 && exit !== 1) out.note = r.error ? String(r.error.message) : stderr.split("\n").find((l) => l && !l.startsWith("@@peak")) ?? "";
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `makeScoringWorkbook(path, k)` writes an ordinary one-table workbook, variant k. The folder holds
 * 25 variants copied to 1,000 files.
 */
export async function measureCli(dir: string, makeScoringWorkbook: (path: string, k: number) => Promise<void>): Promise<CliFigures> {
  const cliDir = join(dir, "cli");
  mkdirSync(cliDir);
  for (const f of CLI_FILES) {
    if (!existsSync(join(BUILT, f))) throw new Error(`${join(BUILT, f)} is missing: run npm run build:cli first`);
    copyFileSync(join(BUILT, f), join(cliDir, f));
  }
  const CLI = join(cliDir, "main.js");
  const one = join(dir, "cli-one.xlsx");
  await makeScoringWorkbook(one, 0);

  // Alternating runs, so a busy moment on the machine weighs on both sides alike.
  const loadBefore = loadavg()[0];
  const bare: number[] = [];
  const single: number[] = [];
  run([CLI, "check", one]); // warms the file cache
  for (let i = 0; i < 15; i++) {
    bare.push(run(["-e", ""]).ms);
    single.push(run([CLI, "check", one, "--json"]).ms);
  }

  const folder = join(dir, "cli-folder");
  mkdirSync(folder);
  const variants: string[] = [];
  for (let k = 0; k < 25; k++) {
    const p = join(dir, `variant-${k}.xlsx`);
    await makeScoringWorkbook(p, k);
    variants.push(p);
  }
  for (let i = 0; i < FOLDER_FILES; i++) copyFileSync(variants[i % variants.length], join(folder, `自评表-${String(i).padStart(4, "0")}.xlsx`));
  const folderRuns = [0, 1, 2].map(() => run([CLI, "check", folder, "--json"])).sort((a, b) => a.ms - b.ms);

  const big = join(dir, "rows-1000000.xlsx");
  writeBigDataWorkbook(big, BIG_ROWS);
  const check = run([CLI, "check", big, "--json"]);
  const fix = run([CLI, "fix", big, "-o", join(dir, "rows-1000000-fixed.xlsx")]);
  return {
    nodeMs: median(bare),
    oneMs: median(single),
    folderMs: folderRuns[1].ms,
    folderCpuMs: folderRuns[1].cpuMs,
    load: [loadBefore, loadavg()[0]],
    big: { rows: BIG_ROWS, fileMb: statSync(big).size / 2 ** 20, check, fix },
  };
}

export function printCli(f: CliFigures): void {
  const mem = (r: Run) => (r.peakMb === null ? "—" : `${r.peakMb.toFixed(0)} MB`);
  const cpu = (ms: number | null) => (ms === null ? "" : `, CPU ${(ms / 1000).toFixed(1)} s`);
  const status = (r: Run) => (r.note !== undefined ? `  exit ${r.exit}: ${r.note.slice(0, 100)}` : "");
  const ratio = f.oneMs / f.nodeMs;
  console.log(`command line (dist/cli/main.js, a fresh process each run, start-up included; load average ${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)} on ${cpus().length} cores):`);
  console.log(`  node -e ''                                   ${f.nodeMs.toFixed(0).padStart(7)} ms   (median of 15)`);
  console.log(`  check one ordinary workbook                  ${f.oneMs.toFixed(0).padStart(7)} ms   (median of 15) = ${ratio.toFixed(2)}× node -e ''   target ≤ 2×  ${ratio <= 2 ? "met" : "MISSED"}`);
  console.log(`  check a folder of ${FOLDER_FILES.toLocaleString("en-US")} workbooks --json      ${f.folderMs.toFixed(0).padStart(7)} ms   (median of 3${cpu(f.folderCpuMs)})  target < 3 s  ${f.folderMs < 3000 ? "met" : "MISSED"}`);
  const { check, fix } = f.big;
  const bigOk = check.ms < 20_000 && check.peakMb !== null && check.peakMb < 1024 && check.note === undefined;
  console.log(`  check ${f.big.rows.toLocaleString("en-US")} rows (${f.big.fileMb.toFixed(0)} MB) --json       ${check.ms.toFixed(0).padStart(7)} ms   peak ${mem(check)}${cpu(check.cpuMs)}  target < 20 s, < 1 GB  ${bigOk ? "met" : "MISSED"}${status(check)}`);
  console.log(`  fix ${f.big.rows.toLocaleString("en-US")} rows                          ${fix.ms.toFixed(0).padStart(7)} ms   peak ${mem(fix)}${cpu(fix.cpuMs)}${status(fix)}`);
}
