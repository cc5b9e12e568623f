/**
 * Legacy spreadsheets (.xls, WPS .et, .ods) are read by converting a temporary copy to .xlsx with
 * LibreOffice in headless mode. Each run uses its own LibreOffice profile, so parallel runs (and a
 * LibreOffice the user has open) don't block each other; a batch converts in one soffice call.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "../engine";

export const LEGACY_EXTENSIONS = [".xls", ".et", ".ods"] as const;

export function isLegacyPath(path: string): boolean {
  return (LEGACY_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/**
 * The soffice executable: $SCORECHECK_SOFFICE when set ("" or "none" means none), else `soffice` or
 * `libreoffice` on the PATH; null when LibreOffice isn't installed.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.SCORECHECK_SOFFICE;
  if (override !== undefined) return override && override !== "none" && executable(override) ? override : null;
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean))
    for (const name of ["soffice", "libreoffice"]) {
      const p = join(dir, name);
      if (executable(p)) return p;
    }
  return null;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function needsLibreOffice(name: string): InputError {
  const ext = extname(name).toLowerCase() || ".xls";
  return new InputError(
    "legacy-xls",
    `${name}：${ext} 格式需要 LibreOffice 才能读取。请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-calc；Windows/macOS：从 https://zh-cn.libreoffice.org/ 下载），或在 Excel/WPS 中另存为 .xlsx 后再核查`,
    `${name}: the ${ext} format needs LibreOffice to be read. Install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-calc; Windows/macOS: https://www.libreoffice.org/download/), or save it as .xlsx in Excel/WPS and check again`,
  );
}

export interface LegacyConversion {
  /** Per input, in order: the converted .xlsx (a temporary file) or why it could not be converted. */
  results: (string | InputError)[];
  /** Removes the temporary copies, conversions and profile. */
  dispose(): Promise<void>;
}

export interface ConvertOptions {
  soffice?: string | null;
  /** How names appear in messages (default: base names). */
  names?: string[];
  /** Whole-batch time limit; default 60 s plus 5 s a file. */
  timeoutMs?: number;
}

/** Converts legacy files to .xlsx in one LibreOffice run; never touches the inputs. */
export async function convertLegacyFiles(paths: string[], opts: ConvertOptions = {}): Promise<LegacyConversion> {
  const names = opts.names ?? paths.map((p) => basename(p));
  const soffice = opts.soffice === undefined ? findSoffice() : opts.soffice;
  if (paths.length === 0) return { results: [], dispose: async () => undefined };
  if (!soffice) return { results: names.map(needsLibreOffice), dispose: async () => undefined };
  const root = await mkdtemp(join(tmpdir(), "scorecheck-lo-"));
  const dispose = () => rm(root, { recursive: true, force: true });
  const inDir = join(root, "in");
  const outDir = join(root, "out");
  await mkdir(inDir);
  await mkdir(outDir);
  // Numbered copies: inputs from different folders often share a name (自评表.xls).
  const copies: (string | InputError)[] = [];
  for (let i = 0; i < paths.length; i++) {
    const copy = join(inDir, `${String(i + 1).padStart(5, "0")}${extname(paths[i]).toLowerCase()}`);
    try {
      await copyFile(paths[i], copy);
      copies.push(copy);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "";
      copies.push(
        code === "ENOENT"
          ? new InputError("not-found", `${names[i]}：文件不存在`, `${names[i]}: no such file`)
          : new InputError("unreadable", `${names[i]}：无法读取（${code}）`, `${names[i]}: cannot be read (${code})`),
      );
    }
  }
  const toConvert = copies.filter((c): c is string => typeof c === "string");
  let failure = { zh: "", en: "" };
  if (toConvert.length) {
    const profile = pathToFileURL(join(root, "profile")).href;
    const timeout = opts.timeoutMs ?? 60_000 + 5_000 * toConvert.length;
    failure = await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", "xlsx", "--outdir", outDir, ...toConvert], timeout);
  }
  const results = copies.map((c, i) => {
    if (typeof c !== "string") return c;
    const out = join(outDir, basename(c, extname(c)) + ".xlsx");
    if (existsSync(out)) return out;
    return new InputError(
      "unreadable",
      `${names[i]}：LibreOffice 无法将其转换为 .xlsx（文件可能已损坏、已加密或不是表格${failure.zh ? `；${failure.zh}` : ""}）`,
      `${names[i]}: LibreOffice could not convert it to .xlsx (the file may be damaged, encrypted or not a spreadsheet${failure.en ? `; ${failure.en}` : ""})`,
    );
  });
  return { results, dispose };
}

/** Runs soffice; resolves with empty reasons on success, else a short one (timeout, exit status). */
function run(cmd: string, args: string[], timeout: number): Promise<{ zh: string; en: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout, killSignal: "SIGKILL", maxBuffer: 4 << 20 }, (err) => {
      if (!err) return resolve({ zh: "", en: "" });
      const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
      const s = Math.round(timeout / 1000);
      const status = String(e.code ?? e.message).slice(0, 60);
      resolve(e.killed ? { zh: `LibreOffice 超过 ${s} 秒未完成`, en: `LibreOffice timed out after ${s} s` } : { zh: `soffice 退出：${status}`, en: `soffice exited: ${status}` });
    });
  });
}
