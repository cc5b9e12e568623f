/** Shared by the CLI tests: temp folder trees of real fixture workbooks, and running the CLI. */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { findSoffice } from "../../src/xlsx/legacy";

export const ROOT = join(__dirname, "../..");
export const FIXTURES = join(ROOT, "test/fixtures/xlsx");
export const fixture = (id: string) => join(FIXTURES, `${id}.xlsx`);

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process, capturing what it prints (write callbacks are called, as a stream would). */
export async function runInProcess(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const capture = (add: (s: string) => void) => (s: unknown, ...rest: unknown[]) => {
    add(String(s));
    (rest.find((x) => typeof x === "function") as (() => void) | undefined)?.();
    return true;
  };
  const o = jest.spyOn(process.stdout, "write").mockImplementation(capture((s) => (out += s)) as typeof process.stdout.write);
  const e = jest.spyOn(process.stderr, "write").mockImplementation(capture((s) => (err += s)) as typeof process.stderr.write);
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const ENTRY = join(ROOT, "src/cli/main.ts");

/** Runs the CLI as a child process from source (tsx), stdout and stderr piped. */
export function runChild(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, ENTRY, ...argv], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, out, err) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, out, err });
    });
  });
}

export const cliCommand = [process.execPath, TSX, ENTRY];

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `scorecheck-${prefix}-`));
}

export function copyFixture(id: string, to: string): string {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(fixture(id), to);
  return to;
}

/** A real Word document (a zip with word/document.xml), to be renamed .xlsx. */
export function docxBytes(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    "word/document.xml": strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>自评报告</w:t></w:r></w:p></w:body></w:document>'),
  });
}

export function writeDocx(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, docxBytes());
  return path;
}

/** LibreOffice, which CI installs (.ci/run): there a missing soffice fails the suite rather than skipping its tests. */
export const soffice = findSoffice();
if (!soffice && process.env.CI) throw new Error("soffice is missing: .ci/run must install LibreOffice (libreoffice-calc-nogui)");

/** Converts a workbook with LibreOffice (own profile) to `format` (xls, ods, csv…) into outDir. */
export function sofficeConvert(file: string, format: string, outDir: string): void {
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const profile = mkdtempSync(join(tmpdir(), "scorecheck-test-lo-"));
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file], { stdio: "ignore", timeout: 120_000 });
}

export function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
}
