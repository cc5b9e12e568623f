/** Output a script can trust: complete piped JSON, exit codes, and the progress line only on a terminal. */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliCommand, copyFixture, hasCommand, runChild, runInProcess, tempDir, writeDocx } from "./helpers";

jest.setTimeout(180_000);

const IDS = ["000-07", "004-02", "003-01", "001-01", "000-01"];
const big = tempDir("big");
beforeAll(() => {
  // 60 workbooks in 12 unit folders: over 64 KiB of JSON, and enough for worker threads.
  for (let i = 0; i < 60; i++) copyFixture(IDS[i % IDS.length], join(big, `单位${Math.floor(i / 5) + 1}`, `自评表${i % 5}.xlsx`));
});

const sh = (cmd: string, env: NodeJS.ProcessEnv = {}) =>
  new Promise<{ code: number; out: string; err: string }>((resolve) =>
    execFile("sh", ["-c", cmd], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (e, out, err) => resolve({ code: e ? Number(e.code) : 0, out, err })),
  );
const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const cli = cliCommand.map(quote).join(" ");

describe("--json through a pipe", () => {
  it("is complete when the reader is slow (60 files, over 64 KiB), in the same order as a single-threaded run", async () => {
    // The reader sleeps first, so the pipe fills and the writer must wait for it to drain.
    const r = await sh(`${cli} check ${quote(big)} --json | (sleep 2; cat)`);
    expect(r.out.length).toBeGreaterThan(65_536);
    const piped = JSON.parse(r.out);
    expect(piped.files).toHaveLength(60);
    const serial = JSON.parse((await runInProcess("check", big, "--json")).out);
    expect(piped).toEqual(serial);
  });

  it("exits 1 for a batch with errors, as the shell sees it", async () => {
    const r = await sh(`${cli} check ${quote(big)} --json > /dev/null`);
    expect(r.code).toBe(1);
  });
});

describe("the progress line", () => {
  it("is not shown when stderr is not a terminal", async () => {
    const r = await runChild(["check", big, "--json"]);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).files).toHaveLength(60);
  });

  it("counts files done on stderr when forced, leaving --json on stdout intact", async () => {
    const r = await runChild(["check", big, "--json"], { SCORECHECK_PROGRESS: "1" });
    expect(r.err).toMatch(new RegExp(String.raw`\r\u001b\[K\[60/60\] \d+\.\d s {2}单位\d+/自评表\d\.xlsx`));
    expect(r.err.endsWith("\r\x1b[K")).toBe(true);
    expect(JSON.parse(r.out).files).toHaveLength(60);
  });

  (hasCommand("script") ? it : it.skip)("is shown on a real terminal (script's pseudo-terminal), while redirected stdout stays clean JSON", async () => {
    const out = join(tempDir("tty"), "out.json");
    const r = await sh(`script -qec ${quote(`${cli} check ${quote(big)} --json > ${quote(out)}`)} /dev/null`, { SCORECHECK_PROGRESS: "" });
    expect(r.out).toMatch(/\[\d+\/60\]/);
    expect(JSON.parse(readFileSync(out, "utf8")).files).toHaveLength(60);
  });
});

describe("exit codes", () => {
  const root = tempDir("codes");
  const clean = join(root, "clean");
  const broken = join(root, "broken");
  const empty = join(root, "empty");
  beforeAll(() => {
    copyFixture("004-02", join(clean, "单位A/自评表.xlsx"));
    copyFixture("004-03", join(clean, "单位B/自评表.xlsx"));
    writeDocx(join(broken, "单位A/自评表.xlsx"));
    writeFileSync(join(broken, "单位B.xlsx"), "一级指标,权重\n产出,50\n");
    mkdirSync(empty);
  });

  it("0 when every file was read and none has errors", async () => {
    const r = await runInProcess("check", clean);
    expect(r.out).toContain("共 2 个文件：0 个有错误，2 个无错误，0 个无法读取");
    expect(r.code).toBe(0);
  });

  it("1 when one file can't be read and the others are clean, listing it with its reason", async () => {
    const r = await runInProcess("check", clean, join(broken, "单位A/自评表.xlsx"), "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.files.map((f: { file: string; error?: string }) => [f.file, !!f.error])).toEqual([
      [join(clean, "单位A/自评表.xlsx"), false],
      [join(clean, "单位B/自评表.xlsx"), false],
      [join(broken, "单位A/自评表.xlsx"), true],
    ]);
  });

  it("2 when nothing could be read", async () => {
    const r = await runInProcess("check", broken);
    expect(r.code).toBe(2);
    expect(r.out).toContain("共 2 个文件：0 个有错误，0 个无错误，2 个无法读取");
  });

  it("2 with a message for a folder holding no workbook", async () => {
    const r = await runInProcess("check", empty);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/未找到可核查的工作簿/);
  });

  it("2 with the usage for no command at all, 0 for help", async () => {
    const none = await runInProcess();
    expect(none.code).toBe(2);
    expect(none.err).toContain("用法 / usage:");
    const help = await runInProcess("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("scorecheck check FILE|FOLDER...");
  });

  it("2 for a single unreadable file, with one line on stderr", async () => {
    const r = await runInProcess("check", join(broken, "单位A/自评表.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/不是 Excel 工作簿/);
  });
});

describe("--summary's file", () => {
  const root = tempDir("summary-target");
  const inbox = join(root, "inbox");
  beforeAll(() => copyFixture("004-02", join(inbox, "自评表.xlsx")));

  it("goes into a new folder if need be, and replaces an earlier ScoreCheck summary", async () => {
    const path = join(root, "新建/汇总.xlsx");
    expect((await runInProcess("check", inbox, "--summary", path)).code).toBe(0);
    const again = await runInProcess("check", inbox, "--summary", path);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`汇总已写入 ${path}`);
  });

  it("never replaces a workbook that isn't one, unless --force", async () => {
    const own = copyFixture("000-07", join(root, "我的表.xlsx"));
    const bytes = readFileSync(own);
    const r = await runInProcess("check", inbox, "--summary", own);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是 ScoreCheck 汇总，未覆盖/);
    expect(readFileSync(own).equals(bytes)).toBe(true);
    expect((await runInProcess("check", inbox, "--summary", own, "--force")).code).toBe(0);
    expect(readFileSync(own).equals(bytes)).toBe(false);
  });
});
