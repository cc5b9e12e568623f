import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { analyzeWorkbook, counts, InputError, planFix, summarizeTable, type Analysis, type FixOptions, type WorkbookSnapshot } from "../engine";
import { writeFixedCopy } from "../xlsx";
import { findUnit } from "./form-header";
import { readSnapshot } from "./load";
import type { ErrorResult, FileResult, TableResult } from "./result";

export interface EngineSettings {
  lang: "zh-CN" | "en";
  reverseRule: "ratio" | "linear";
}

/** One file of a batch: where to read it, how to name it, and for fix where to write. */
export interface FileTask {
  index: number;
  path: string;
  file: string;
  /** The .xlsx to read: the input, or its LibreOffice conversion. */
  readPath: string;
  convertedFrom: string | null;
  /** A conversion or discovery failure known before reading. */
  error: ErrorResult | null;
  /** createFolders: the copy goes under OUTDIR, whose subfolders mirror the input's (a single -o FILE must name an existing folder). */
  fix: { output: string; options: Partial<FixOptions>; force: boolean; createFolders: boolean } | null;
}

export function errorResult(e: InputError): ErrorResult {
  return { code: e.code, zh: e.zh, en: e.en };
}

export function tableResults(a: Analysis, snapshot: WorkbookSnapshot): TableResult[] {
  return a.calcs.map((calc) => {
    const own = a.findings.filter((f) => f.tableIndex === calc.table.index);
    const c = counts(own);
    return { ...summarizeTable(calc), unit: findUnit(snapshot, calc.table), undetermined: calc.undetermined, errors: c.errors, warnings: c.warnings };
  });
}

export function fileResult(task: Pick<FileTask, "file" | "path" | "convertedFrom">, a: Analysis | null, snapshot: WorkbookSnapshot | null, error: ErrorResult | null): FileResult {
  return {
    file: task.file,
    path: task.path,
    convertedFrom: task.convertedFrom,
    error,
    tables: a && snapshot ? tableResults(a, snapshot) : [],
    findings: a ? a.findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, table: f.tableIndex, message: f.message })) : [],
    fixed: null,
    writeError: null,
  };
}

/** Reads, checks and (for fix) writes one file; bad input becomes the result's error, never a throw. */
export async function processFile(task: FileTask, settings: EngineSettings): Promise<FileResult> {
  if (task.error) return fileResult(task, null, null, task.error);
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readSnapshot(task.readPath, task.file);
  } catch (e) {
    if (e instanceof InputError) return fileResult(task, null, null, errorResult(e));
    throw e;
  }
  const a = analyzeWorkbook(snapshot, settings);
  const result = fileResult(task, a, snapshot, null);
  if (!task.fix) return result;
  const set = planFix(a, snapshot, task.fix.options);
  try {
    if (task.fix.createFolders) await mkdir(dirname(task.fix.output), { recursive: true });
    // A converted legacy file is read from its temporary .xlsx: the original must not be overwritten either.
    await writeFixedCopy(task.readPath, task.fix.output, set, { force: task.fix.force, alsoNot: task.convertedFrom ? [task.path] : [] });
    result.fixed = {
      output: task.fix.output,
      cells: set.changes.filter((c) => c.kind === "set-value" || c.kind === "set-formula").length,
      marks: set.changes.filter((c) => c.kind === "mark").length,
    };
  } catch (e) {
    if (e instanceof InputError) result.writeError = errorResult(e);
    else {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      result.writeError = { code: "unreadable", zh: `无法写入 ${task.fix.output}（${code}）`, en: `cannot write ${task.fix.output} (${code})` };
    }
  }
  return result;
}
