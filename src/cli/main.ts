#!/usr/bin/env node
/** scorecheck: the engine on .xlsx files from the command line. */
import { readdirSync, statSync } from "node:fs";
import { resolve, basename, join } from "node:path";
import { analyzeWorkbook } from "../engine/analyze";
import { InputError } from "../engine/errors";
import { analysisJson } from "../engine/report";
import { planFix } from "../engine/changes/plan";
import { generateNarrative, narrativeText } from "../engine/narrative/generate";
import { RULES } from "../engine/rules";
import { loadWorkbook, readFileBytes, snapshotOf } from "../xlsx/reader";
import { applyChangeSet, writeWorkbookAtomic } from "../xlsx/writer";
import { formatAnalysis } from "./format";
import { parseArgs, type Args } from "./args";

const USAGE = `用法 / usage:
  scorecheck check FILE|FOLDER... [--json] [--lang zh-CN|en] [--reverse-rule ratio|linear]
  scorecheck fix FILE -o OUT.xlsx [--rescore] [--rescale-weights] [--no-marks] [--no-narrative]
  scorecheck narrative FILE [--table N]
  scorecheck rules [--lang zh-CN|en]

退出码 / exit codes: 0 无错误 no errors · 1 有错误 errors found · 2 输入有误 bad input`;

async function load(file: string) {
  const wb = await loadWorkbook(await readFileBytes(file), basename(file));
  const snapshot = { source: basename(file), sheets: wb.worksheets.map(snapshotOf) };
  return { wb, snapshot };
}

/** Files named on the command line; a folder stands for the .xlsx files in it (a reviewer's inbox). */
function expandFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // Missing paths are reported by the reader with their own message.
    }
    if (!dir) out.push(p);
    else
      out.push(
        ...readdirSync(p)
          .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith("~$"))
          .sort()
          .map((f) => join(p, f)),
      );
  }
  return out;
}

async function check(args: Args): Promise<number> {
  let status = 0;
  const files: unknown[] = [];
  const paths = expandFiles(args.files);
  const tally = { clean: 0, errors: 0, bad: 0 };
  for (const file of paths) {
    try {
      const { snapshot } = await load(file);
      const a = analyzeWorkbook(snapshot, { lang: args.lang, reverseRule: args.reverseRule });
      const hasErrors = a.findings.some((f) => f.severity === "error");
      if (hasErrors) status = Math.max(status, 1);
      tally[hasErrors ? "errors" : "clean"]++;
      if (args.json) files.push(analysisJson(a, args.lang));
      else process.stdout.write(formatAnalysis(a, args.lang) + "\n\n");
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      process.stderr.write(`scorecheck: ${e.text(args.lang)}\n`);
      if (args.json) files.push({ file: basename(file), error: e.text(args.lang), tables: [], findings: [] });
      status = 2;
      tally.bad++;
    }
  }
  if (args.json) process.stdout.write(JSON.stringify({ files }, null, 2) + "\n");
  else if (paths.length > 1) {
    const line =
      args.lang === "en"
        ? `${paths.length} files: ${tally.errors} with errors, ${tally.clean} without, ${tally.bad} unreadable`
        : `共 ${paths.length} 个文件：${tally.errors} 个有错误，${tally.clean} 个无错误，${tally.bad} 个无法读取`;
    process.stdout.write(line + "\n");
  }
  return status;
}

async function fix(args: Args): Promise<number> {
  const [file] = args.files;
  if (!args.output) throw new InputError("unreadable", "fix 需要 -o OUT.xlsx 指定输出文件", "fix needs -o OUT.xlsx");
  if (resolve(args.output) === resolve(file)) throw new InputError("unreadable", "输出文件不能覆盖输入文件", "the output must not overwrite the input");
  const { wb, snapshot } = await load(file);
  const a = analyzeWorkbook(snapshot, { lang: args.lang, reverseRule: args.reverseRule });
  const set = planFix(a, snapshot, { rescore: args.rescore, rescaleWeights: args.rescaleWeights, marks: args.marks, narrative: args.narrative });
  applyChangeSet(wb, set);
  await writeWorkbookAtomic(wb, args.output);
  const cells = set.changes.filter((c) => c.kind === "set-value" || c.kind === "set-formula").length;
  const marks = set.changes.filter((c) => c.kind === "mark").length;
  const msg =
    args.lang === "en"
      ? `wrote ${args.output}: ${cells} cell(s) recalculated, ${marks} mark(s), ${a.findings.length} finding(s)`
      : `已写入 ${args.output}：重算 ${cells} 个单元格，标记 ${marks} 处，共 ${a.findings.length} 条核查结果`;
  process.stdout.write(msg + "\n");
  return 0;
}

async function narrative(args: Args): Promise<number> {
  const { snapshot } = await load(args.files[0]);
  const a = analyzeWorkbook(snapshot, { lang: args.lang, reverseRule: args.reverseRule });
  const scoring = a.calcs.filter((c) => c.table.kind === "scoring");
  if (scoring.length === 0) throw new InputError("empty", `${args.files[0]}：未找到绩效评分表`, `${args.files[0]}: no scoring table found`);
  const chosen = args.table ? [scoring[args.table - 1]] : scoring;
  if (chosen.some((c) => !c)) throw new InputError("unreadable", `--table 超出范围（共 ${scoring.length} 张表）`, `--table out of range (${scoring.length} tables)`);
  process.stdout.write(chosen.map((c) => narrativeText(generateNarrative(c, a.findings))).join("\n\n") + "\n");
  return 0;
}

function rules(args: Args): number {
  for (const r of RULES) process.stdout.write(`${r.id.padEnd(24)} ${r.severity.padEnd(8)} ${args.lang === "en" ? r.description.en : r.description.zh}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`scorecheck: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.command === "help") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  try {
    if (args.command === "check") return await check(args);
    if (args.command === "fix") return await fix(args);
    if (args.command === "narrative") return await narrative(args);
    return rules(args);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`scorecheck: ${e.text(args.lang)}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`scorecheck: 内部错误 / internal error: ${(e as Error).stack ?? e}\n`);
      process.exit(3);
    },
  );
}

