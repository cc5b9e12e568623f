/**
 * Legacy spreadsheets (.xls, WPS .et, .ods) are read by converting a temporary copy to .xlsx with
 * LibreOffice in headless mode. Each run uses its own LibreOffice profile, so parallel runs (and a
 * LibreOffice the user has open) don't block each other; a batch converts in one soffice call.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, open, rm } from "node:fs/promises";
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
  // Sniffed first: LibreOffice imports anything it can't recognise as text, which would turn a
  // damaged .xls into a one-cell sheet of binary noise. Binary .xls/.et go through the Excel 97
  // filter only, so a damaged one fails instead.
  const groups = new Map<string, string[]>();
  for (let i = 0; i < copies.length; i++) {
    const c = copies[i];
    if (typeof c !== "string") continue;
    const kind = await sniff(c);
    if (kind === "unknown") {
      copies[i] = new InputError("not-xlsx", `${names[i]}：不是 Excel 工作簿或表格文件（文件头无法识别）`, `${names[i]}: not an Excel workbook or spreadsheet (unrecognised file signature)`);
      continue;
    }
    groups.set(kind, [...(groups.get(kind) ?? []), c]);
  }
  let failure = { zh: "", en: "" };
  for (const [kind, files] of groups) {
    const profile = pathToFileURL(join(root, "profile")).href;
    const timeout = opts.timeoutMs ?? 60_000 + 5_000 * files.length;
    const filter = kind === "ole" ? ["--infilter=MS Excel 97"] : [];
    const f = await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--nolockcheck", ...filter, "--convert-to", "xlsx", "--outdir", outDir, ...files], timeout);
    if (f.zh) failure = f;
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

/** What a legacy file holds, from its first bytes: a binary Excel/WPS file, a zip (.ods), or text (HTML or XML saved as .xls). */
async function sniff(path: string): Promise<"ole" | "zip" | "text" | "unknown"> {
  const fh = await open(path, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    const b = head.subarray(0, bytesRead);
    if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1) return "ole";
    if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return "zip";
    if (/^(\ufeff)?\s*</.test(b.toString("utf8"))) return "text";
    return "unknown";
  } finally {
    await fh.close();
  }
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
