/**
 * The .xlsx layer's public surface: what the CLI (and scripts) use to read a workbook file into the
 * engine's grid model and to write a fixed copy. Callers import from here, never from the files
 * behind it, so the reader and writer can change underneath.
 */
import { basename } from "node:path";
import type { WorkbookSnapshot } from "../engine/grid/types";
import type { ChangeSet } from "../engine/changes/types";
import { loadWorkbook, readFileBytes, snapshotOf } from "./reader";
import { applyChangeSet, writeWorkbookAtomic } from "./writer";

export interface ReadOptions {
  /** How the workbook is named in reports (default: the file's base name). */
  name?: string;
}

/** Reads a workbook file into the grid model; throws InputError (with zh/en text) for bad input. */
export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const name = opts.name ?? basename(path);
  const wb = await loadWorkbook(await readFileBytes(path), name);
  return { source: name, sheets: wb.worksheets.map(snapshotOf) };
}

export interface WriteOptions {
  /** Overwrite an existing output file. */
  force?: boolean;
}

export interface WriteReport {
  /** The path written. */
  written: string;
}

/**
 * Writes a copy of `inputPath` with the change set applied to `outputPath` (never the input).
 * Throws InputError when the copy can't be written safely.
 */
export async function writeFixedCopy(inputPath: string, outputPath: string, set: ChangeSet, _opts: WriteOptions = {}): Promise<WriteReport> {
  const wb = await loadWorkbook(await readFileBytes(inputPath), basename(inputPath));
  applyChangeSet(wb, set);
  await writeWorkbookAtomic(wb, outputPath);
  return { written: outputPath };
}
