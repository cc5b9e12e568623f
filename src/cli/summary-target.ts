import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { InputError } from "../engine";

/** Whether a file is a summary ScoreCheck wrote (its docProps/app.xml names ScoreCheck). */
function isOurSummary(path: string): boolean {
  try {
    const app = unzipSync(readFileSync(path), { filter: (f) => f.name === "docProps/app.xml" })["docProps/app.xml"];
    return !!app && /<Application>ScoreCheck /.test(strFromU8(app));
  } catch {
    return false;
  }
}

/**
 * Checks before any work that the summary can be written: its folder is made if missing; an existing
 * file is replaced only when it is an earlier ScoreCheck summary, or with --force (never a
 * reviewer's own workbook by a slip of the command line).
 */
export function prepareSummaryPath(path: string, force: boolean): void {
  const abs = resolve(path);
  if (existsSync(abs)) {
    if (statSync(abs).isDirectory()) throw new InputError("unwritable", `${path}：这是文件夹，汇总须写入 .xlsx 文件`, `${path}: is a folder; the summary needs an .xlsx file name`);
    if (!force && !isOurSummary(abs))
      throw new InputError("exists", `${path}：文件已存在且不是 ScoreCheck 汇总，未覆盖（确需覆盖请加 --force）`, `${path}: the file exists and is not a ScoreCheck summary; not overwritten (add --force to overwrite it)`);
  }
  try {
    mkdirSync(dirname(abs), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new InputError("unwritable", `${path}：无法创建所在文件夹（${code}）`, `${path}: cannot create its folder (${code})`);
  }
}
