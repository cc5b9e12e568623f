/**
 * writeFixedCopy: a copy of the input workbook with a change set applied, the package patched in
 * place (see apply.ts) and written through a temporary file. Everything it refuses is an InputError
 * with one zh/en line; nothing is written then.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { InputError, type ChangeSet } from "../../engine";
import { XlsxPackage } from "./package";
import { patchPackage, type PatchSummary } from "./apply";
import { checkOutput, writeAtomic } from "./safe-output";
import { checkExtension } from "./guards";
import { zipChunks } from "./zip-writer";

export interface WriteOptions {
  /** Overwrite an existing output file. */
  force?: boolean;
  /**
   * Other files the output must never be, checked like the input: e.g. the user's original when the
   * input is a converted copy of it (a legacy .xls read through a converted .xlsx).
   */
  alsoNot?: string[];
}

export interface WriteReport extends PatchSummary {
  /** The path written (as given). */
  written: string;
}

export async function writeFixedCopy(inputPath: string, outputPath: string, set: ChangeSet, opts: WriteOptions = {}): Promise<WriteReport> {
  for (const other of opts.alsoNot ?? []) checkOutput(other, outputPath, true);
  const target = checkOutput(inputPath, outputPath, !!opts.force);
  const bytes = await readInput(inputPath);
  const pkg = new XlsxPackage(bytes, basename(inputPath));
  checkExtension(pkg, pkg.workbookPart(), outputPath);
  const { entries, summary } = patchPackage(pkg, set);
  writeAtomic(target, zipChunks(entries, basename(inputPath)), outputPath);
  return { written: outputPath, ...summary };
}

/** Patches workbook bytes in memory (tests, and callers that hold the bytes). */
export function patchWorkbookBytes(bytes: Uint8Array, name: string, set: ChangeSet): { bytes: Uint8Array; summary: PatchSummary } {
  const { entries, summary } = patchPackage(new XlsxPackage(bytes, name), set);
  const chunks = zipChunks(entries, name);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { bytes: out, summary };
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("not-found", `${path}：文件不存在`, `${path}: no such file`);
    if (code === "EISDIR") throw new InputError("unreadable", `${path}：这是文件夹，不是文件`, `${path}: is a directory, not a file`);
    throw new InputError("unreadable", `${path}：无法读取（${code ?? "未知错误"}）`, `${path}: cannot be read (${code ?? "unknown error"})`);
  }
}
