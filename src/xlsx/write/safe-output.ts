/**
 * Where a fixed copy may be written, and writing it there safely: never onto the input (compared by
 * real path and by file identity, which also catches symlinked folders, hard links and
 * case-insensitive file systems), an existing file only when forced, and always through a temporary
 * file in the target folder renamed into place, so a failure never leaves half a file.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { InputError } from "../../engine";

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The output's real path; throws InputError when it must not (or cannot) be written. */
export function checkOutput(input: string, output: string, force: boolean): string {
  const inStat = statOrNull(input);
  const outAbs = resolve(output);
  const dir = dirname(outAbs);
  const dirStat = statOrNull(dir);
  if (!dirStat) throw writeError(output, "ENOENT");
  if (!dirStat.isDirectory()) throw writeError(output, "ENOTDIR");
  const real = join(realpathSync(dir), basename(outAbs));
  const outStat = statOrNull(real);
  // File identity catches symlinks, hard links and case-insensitive names; where a file system
  // reports no inode numbers (0), real paths are compared, ignoring case where names usually do.
  const sameFile = inStat && outStat && inStat.ino !== 0 && inStat.dev === outStat.dev && inStat.ino === outStat.ino;
  const fold = (p: string) => (process.platform === "win32" || process.platform === "darwin" ? p.toLowerCase() : p);
  if (sameFile || (inStat && fold(safeRealpath(input)) === fold(real)))
    throw new InputError("unwritable", `${output}：输出文件就是输入文件，ScoreCheck 从不覆盖原件，请换一个输出文件名`, `${output}: the output is the input file; ScoreCheck never overwrites the original, choose another output name`);
  if (outStat?.isDirectory()) throw writeError(output, "EISDIR");
  if (outStat && !force)
    throw new InputError("exists", `${output}：输出文件已存在，未覆盖（确需覆盖请加 --force）`, `${output}: the output file already exists and was not overwritten (add --force to overwrite it)`);
  return real;
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Writes chunks to `target` through a temporary file beside it. */
export function writeAtomic(target: string, chunks: Uint8Array[], shown: string): void {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, "wx");
    for (const c of chunks) {
      let off = 0;
      while (off < c.length) off += writeSync(fd, c, off, c.length - off);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw writeError(shown, code);
    throw e;
  }
}

const REASONS: Record<string, [string, string]> = {
  ENOENT: ["输出文件夹不存在", "the output folder does not exist"],
  ENOTDIR: ["输出路径中有一段不是文件夹", "part of the output path is not a folder"],
  EISDIR: ["输出路径是一个文件夹，请给出文件名", "the output path is a folder; give a file name"],
  EACCES: ["没有写入权限", "no permission to write there"],
  EPERM: ["没有写入权限", "no permission to write there"],
  EROFS: ["所在磁盘是只读的", "the disk is read-only"],
  ENOSPC: ["磁盘空间不足", "the disk is full"],
  EDQUOT: ["磁盘配额已满", "the disk quota is exhausted"],
  EBUSY: ["文件正被其他程序占用（可能已在 Excel 中打开）", "the file is in use by another program (perhaps open in Excel)"],
};

export function writeError(path: string, code: string): InputError {
  const [zh, en] = REASONS[code] ?? [`无法写入（${code}）`, `cannot be written (${code})`];
  return new InputError("unwritable", `${path}：${zh}，未写入任何文件`, `${path}: ${en}; nothing was written`);
}
