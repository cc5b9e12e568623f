/** A workbook file's bytes, or an InputError saying plainly why not. */
import { readFileSync, statSync } from "node:fs";
import { InputError } from "../../engine";
import { formatSize } from "../package/zip";

/** Larger files are refused before reading: no real scoring workbook comes near it. */
export const FILE_LIMIT = 2 * 2 ** 30;

/**
 * Synchronous on purpose: a workbook is read whole before anything else happens to it, and each
 * asynchronous call (stat, open, read) is a thread-pool round trip that costs more than reading an
 * ordinary workbook.
 */
export async function readFileBytes(path: string): Promise<Buffer> {
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new InputError("unreadable", `${path}：这是文件夹，不是文件`, `${path}: is a directory, not a file`);
    // A pipe or a device would block or never end; only regular files are workbooks.
    if (!info.isFile()) throw new InputError("unreadable", `${path}：不是普通文件（管道、设备等），已跳过`, `${path}: not a regular file (a pipe, a device…); skipped`);
    if (info.size > FILE_LIMIT)
      throw new InputError("too-large", `${path}：文件超过 ${formatSize(FILE_LIMIT)} 的上限，文件过大，无法核查`, `${path}: the file is over the ${formatSize(FILE_LIMIT)} limit; too large to check`);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("not-found", `${path}：文件不存在`, `${path}: no such file`);
    if (code === "EISDIR") throw new InputError("unreadable", `${path}：这是文件夹，不是文件`, `${path}: is a directory, not a file`);
    throw new InputError("unreadable", `${path}：无法读取（${code ?? "未知错误"}）`, `${path}: cannot be read (${code ?? "unknown error"})`);
  }
}
