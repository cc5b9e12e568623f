/**
 * The .xlsx layer's public surface: what the CLI (and scripts) use to read a workbook file into the
 * engine's grid model and to write a fixed copy. Callers import from here, never from the files
 * behind it, so the reader and writer can change underneath.
 */
import { basename } from "node:path";
import type { WorkbookSnapshot } from "../engine";
import { readXlsxBytes, readXlsxFile } from "./read";

export interface ReadOptions {
  /** How the workbook is named in reports (default: the file's base name). */
  name?: string;
}

/** Reads a workbook file into the grid model; throws InputError (with zh/en text) for bad input. */
export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  return readXlsxFile(path, opts.name ?? basename(path));
}

/** Reads a workbook held in memory (a test fixture, an upload) into the grid model. */
export function readWorkbookBytes(bytes: Uint8Array, name: string): WorkbookSnapshot {
  return readXlsxBytes(bytes, name);
}

export { writeFixedCopy, patchWorkbookBytes, type WriteOptions, type WriteReport } from "./write";
