/**
 * check and fix over files and folders: discover, convert legacy formats, read and check (in worker
 * threads for large batches), report in text or JSON, write the summary, and choose the exit code.
 */
import { statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { InputError } from "../../engine";
import { convertLegacyFiles, isLegacyPath } from "../../xlsx/legacy";
import { writeSummaryWorkbook } from "../../xlsx/summary";
import { UsageError, type Args } from "../args";
import { discover, type Found } from "../discover";
import { errorResult, type FileTask } from "../file-task";
import { formatResult, tallyLine, type Tally } from "../format";
import { err, out } from "../output";
import { runTasks } from "../pool";
import { Progress, progressWanted } from "../progress";
import { failed, fileJson, hasErrors, text, type FileResult } from "../result";
import { summaryInput } from "../summary-input";
import { prepareSummaryPath } from "../summary-target";
import { scorecheckVersion } from "../version";
import { fixLine } from "./fix-line";

export interface BatchContext {
  /** The CLI's entry script, which worker threads run; null runs everything in this thread. */
  entry: string | null;
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Where fix writes a file's copy in OUTDIR: the same relative path, legacy formats as .xlsx. */
function outputFor(outdir: string, f: Found): string {
  const rel = f.outName;
  return join(outdir, isLegacyPath(rel) ? rel.slice(0, -extname(rel).length) + ".xlsx" : rel);
}

/** A single fix's output: as asked, but .xlsx when the input is legacy and OUT was named like it. */
function singleOutput(output: string, input: string): string {
  return isLegacyPath(input) && isLegacyPath(output) ? output.slice(0, -extname(output).length) + ".xlsx" : output;
}

export async function runBatch(args: Args, ctx: BatchContext): Promise<number> {
  const fixing = args.command === "fix";
  const single = args.files.length === 1 && !isDir(args.files[0]);
  // -o is a folder for several files or a folder, and for one file when it names an existing folder.
  const outdir = fixing && (!single || isDir(args.output!)) ? args.output! : null;
  if (outdir && !isDir(outdir) && /\.(xlsx|xlsm)$/i.test(outdir)) throw new UsageError("fix 处理多个文件或文件夹时，-o 须为输出文件夹 / with several files or a folder, -o names an output folder");
  if (args.summary) prepareSummaryPath(args.summary, args.force);
  const exclude = [outdir, args.summary].filter((p): p is string => !!p);
  const found = discover(args.files, exclude);
  for (const s of found.skipped) await err(`scorecheck: ${text(s.reason, args.lang)}\n`);
  if (found.files.length === 0) {
    throw new InputError("not-found", "未找到可核查的工作簿（.xlsx、.xlsm、.xls、.et、.ods）", "no workbook to check (.xlsx, .xlsm, .xls, .et, .ods)");
  }
  const singleMode = single && found.files.length === 1;

  const progress = new Progress(found.files.length, process.stderr, !singleMode && progressWanted(process.stderr));
  const legacy = found.files.map((f, i) => ({ f, i })).filter(({ f }) => isLegacyPath(f.path));
  if (legacy.length) progress.note(args.lang === "en" ? `converting ${legacy.length} legacy file(s) with LibreOffice…` : `正在用 LibreOffice 转换 ${legacy.length} 个旧格式文件…`);
  const conversion = await convertLegacyFiles(
    legacy.map(({ f }) => f.path),
    { names: legacy.map(({ f }) => f.file) },
  );
  const converted = new Map(legacy.map(({ i }, k) => [i, conversion.results[k]]));

  const tasks: FileTask[] = found.files.map((f, index) => {
    const conv = converted.get(index);
    let output = fixing ? (outdir ? outputFor(outdir, f) : singleOutput(args.output!, f.path)) : null;
    let error = conv instanceof InputError ? errorResult(conv) : null;
    if (output && resolve(output) === f.path) {
      error ??= { code: "unreadable", zh: `${f.file}：输出文件不能覆盖输入文件`, en: `${f.file}: the output must not overwrite the input` };
      output = null;
    }
    return {
      index,
      path: f.path,
      file: f.file,
      readPath: typeof conv === "string" ? conv : f.path,
      convertedFrom: conv !== undefined ? extname(f.path).toLowerCase() : null,
      error,
      fix: output ? { output, options: { rescore: args.rescore, rescaleWeights: args.rescaleWeights, marks: args.marks, narrative: args.narrative }, force: args.force, createFolders: outdir !== null } : null,
    };
  });

  let results: FileResult[];
  try {
    results = await runTasks(tasks, { lang: args.lang, reverseRule: args.reverseRule }, {
      entry: ctx.entry,
      jobs: args.jobs,
      onStart: (t) => progress.start(t.file),
      onResult: (done, r) => progress.step(done, r.file),
    });
  } finally {
    progress.end();
    await conversion.dispose();
  }

  if (args.summary) {
    try {
      await writeSummaryWorkbook(args.summary, summaryInput(results, args, args.summary, scorecheckVersion()));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new InputError("unwritable", `${args.summary}：无法写入汇总（${code}）`, `${args.summary}: cannot write the summary (${code})`);
    }
  }
  await report(results, args, singleMode, found.skipped.length ? found.skipped.map((s) => ({ file: s.file, reason: text(s.reason, args.lang) })) : null);
  return exitCode(results, singleMode, fixing);
}

async function report(results: FileResult[], args: Args, singleMode: boolean, skipped: { file: string; reason: string }[] | null): Promise<void> {
  const fixing = args.command === "fix";
  const tally: Tally = {
    files: results.length,
    unreadable: results.filter((r) => r.error).length,
    withErrors: results.filter((r) => !r.error && hasErrors(r)).length,
    clean: results.filter((r) => !r.error && !hasErrors(r)).length,
  };
  if (singleMode) {
    const [r] = results;
    const problem = r.error ?? r.writeError;
    if (problem) await err(`scorecheck: ${text(problem, args.lang)}\n`);
  }
  if (args.json) {
    await out(JSON.stringify({ files: results.map((r) => fileJson(r, args.lang)), ...(skipped ? { skipped } : {}) }, null, 2) + "\n");
  } else if (fixing) {
    for (const r of results) if (!singleMode || !(r.error ?? r.writeError)) await out(fixLine(r, args.lang, singleMode) + "\n");
    if (!singleMode) await out(tallyLine(tally, args.lang) + "\n");
  } else {
    for (const r of results) if (!(singleMode && r.error)) await out(formatResult(r, args.lang) + "\n\n");
    if (!singleMode) await out(tallyLine(tally, args.lang) + "\n");
  }
  if (args.summary) {
    const line = args.lang === "en" ? `summary written to ${args.summary}` : `汇总已写入 ${args.summary}`;
    await (args.json ? err : out)(line + "\n");
  }
}

/** Single file: 0 clean, 1 errors, 2 bad input. Several: 1 if any failed, 2 only if none could be read. */
function exitCode(results: FileResult[], singleMode: boolean, fixing: boolean): number {
  if (singleMode) {
    const [r] = results;
    if (r.error || r.writeError) return 2;
    return !fixing && hasErrors(r) ? 1 : 0;
  }
  if (results.every((r) => r.error)) return 2;
  return results.some(failed) ? 1 : 0;
}
