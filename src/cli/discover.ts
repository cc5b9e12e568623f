/**
 * What a batch reads: the files named, and every workbook under the folders named, depth first in
 * name order. Hidden entries, Office lock files (~$…) and excluded paths (fix's output folder, the
 * summary) are skipped; pipes and devices are skipped with a message; linked folders inside a folder
 * are not followed, and a folder or file reached twice is taken once, so link loops end.
 */
import { lstatSync, readdirSync, statSync, type Stats } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import type { Message } from "../engine";

export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et", ".ods"];

export interface Found {
  /** Absolute path. */
  path: string;
  /**
   * Relative to the folder given, "/"-separated (with several paths given, prefixed by the folder as
   * given); a file named directly keeps the name it was given.
   */
  file: string;
  /** Where fix puts its copy under OUTDIR: the path below the folder given (after the folder's own name when several were given), or a file's base name. */
  outName: string;
}

export interface Skipped {
  file: string;
  reason: Message;
}

export interface Discovery {
  files: Found[];
  skipped: Skipped[];
  /** Whether any folder was named (a batch even when it holds one file). */
  folders: boolean;
}

/** Chinese names in pinyin order and numbers by value (单位2 before 单位10), the same on every machine (Node's ICU). */
const byName = new Intl.Collator("zh-CN", { numeric: true }).compare;

const isWorkbookName = (name: string) => WORKBOOK_EXTENSIONS.includes(extname(name).toLowerCase());
const isHidden = (name: string) => name.startsWith(".") || name.startsWith("~$");

function safeStat(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** A file's identity (device and inode): the same file through any link or spelling of its path. */
const identity = (st: Stats) => `${st.dev}:${st.ino}`;

function notRegular(file: string): Skipped {
  return { file, reason: { zh: `${file}：不是普通文件（管道、设备或套接字），已跳过`, en: `${file}: not a regular file (a pipe, device or socket); skipped` } };
}

export function discover(inputs: string[], exclude: string[] = []): Discovery {
  const excluded = new Set(exclude.map(safeStat).filter((s): s is Stats => s !== null).map(identity));
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const out: Discovery = { files: [], skipped: [], folders: false };

  const addFile = (path: string, file: string, outName: string, st: Stats | null) => {
    const id = st ? identity(st) : `missing:${resolve(path)}`;
    if (excluded.has(id) || seenFiles.has(id)) return;
    seenFiles.add(id);
    out.files.push({ path: resolve(path), file, outName });
  };

  const walk = (dir: string, rel: string, outRel: string, st: Stats) => {
    const id = identity(st);
    if (seenDirs.has(id) || excluded.has(id)) return;
    seenDirs.add(id);
    let names: string[];
    try {
      names = readdirSync(dir).sort(byName);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "";
      out.skipped.push({ file: rel || dir, reason: { zh: `${rel || dir}：无法打开文件夹（${code}）`, en: `${rel || dir}: cannot open the folder (${code})` } });
      return;
    }
    for (const name of names) {
      if (isHidden(name)) continue;
      const path = join(dir, name);
      const file = rel ? `${rel}/${name}` : name;
      const outName = outRel ? `${outRel}/${name}` : name;
      const st = safeStat(path);
      if (!st) continue; // a dangling link
      // Linked folders inside a folder are not followed (as find and grep -r): a link back up would
      // list the same workbooks again under other names. Linked files are read.
      if (st.isDirectory()) {
        if (!lstatSync(path).isSymbolicLink()) walk(path, file, outName, st);
        continue;
      }
      else if (!isWorkbookName(name)) continue;
      else if (st.isFile()) addFile(path, file, outName, st);
      else out.skipped.push(notRegular(file));
    }
  };

  for (const input of inputs) {
    const st = safeStat(input);
    if (st?.isDirectory()) {
      out.folders = true;
      // One folder: names relative to it. Several: each name starts with its folder as given, so two
      // folders' 自评表.xlsx stay apart.
      const several = inputs.length > 1;
      walk(input, several ? input.replace(/\/+$/, "") || "/" : "", several ? basename(resolve(input)) : "", st);
    } else if (st && !st.isFile()) out.skipped.push(notRegular(input));
    // A missing file stays in the list: the reader says plainly that it does not exist.
    else addFile(input, input, basename(input), st);
  }
  return out;
}
