export type Command = "check" | "fix" | "narrative" | "rules" | "help";

export interface Args {
  command: Command;
  files: string[];
  json: boolean;
  lang: "zh-CN" | "en";
  output?: string;
  rescore: boolean;
  rescaleWeights: boolean;
  marks: boolean;
  narrative: boolean;
  table?: number;
  reverseRule: "ratio" | "linear";
  /** check/fix: also write the reviewer's summary workbook here. */
  summary?: string;
  /** fix: overwrite existing output files; check/fix: overwrite a --summary file ScoreCheck didn't write. */
  force: boolean;
  /** Worker threads for a large batch (default: one per core; 1 = none). */
  jobs?: number;
}

/** Bad usage: exit 2 with the usage text. */
export class UsageError extends Error {}

const COMMANDS = ["check", "fix", "narrative", "rules"];

/** Parses argv without a dependency; throws a UsageError with a one-line message on bad usage. */
export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const args: Args = { command: "help", files: [], json: false, lang: "zh-CN", rescore: false, rescaleWeights: false, marks: true, narrative: true, reverseRule: "ratio", force: false };
  if (command === "--help" || command === "-h" || command === "help") return args;
  if (!command) throw new UsageError("缺少命令 / no command given");
  if (!COMMANDS.includes(command)) throw new UsageError(`未知命令 unknown command: ${command}`);
  args.command = command as Command;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} 需要参数 / needs a value`);
      return v;
    };
    if (a === "--json") args.json = true;
    else if (a === "--lang") {
      const v = value();
      if (v !== "zh-CN" && v !== "en") throw new UsageError(`--lang 只能是 zh-CN 或 en / must be zh-CN or en`);
      args.lang = v;
    } else if (a === "-o" || a === "--output") args.output = value();
    else if (a === "--summary") args.summary = value();
    else if (a === "--force") args.force = true;
    else if (a === "--rescore") args.rescore = true;
    else if (a === "--rescale-weights") args.rescaleWeights = true;
    else if (a === "--no-marks") args.marks = false;
    else if (a === "--no-narrative") args.narrative = false;
    else if (a === "--reverse-rule") {
      const v = value();
      if (v !== "ratio" && v !== "linear") throw new UsageError("--reverse-rule 只能是 ratio 或 linear / must be ratio or linear");
      args.reverseRule = v;
    } else if (a === "--table") args.table = positive(a, value());
    else if (a === "--jobs") args.jobs = positive(a, value());
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`未知选项 unknown option: ${a}`);
    else args.files.push(a);
  }
  if (args.command !== "rules" && args.files.length === 0) throw new UsageError("缺少文件或文件夹 / no file or folder given");
  if (args.command === "narrative" && args.files.length > 1) throw new UsageError("narrative 只接受一个文件 / takes one file");
  if (args.command === "fix" && !args.output) throw new UsageError("fix 需要 -o 指定输出文件或文件夹 / fix needs -o OUT.xlsx or -o OUTDIR");
  if (args.summary !== undefined && args.command !== "check" && args.command !== "fix") throw new UsageError("--summary 只用于 check 和 fix / is for check and fix");
  if (args.summary !== undefined && !/\.xlsx$/i.test(args.summary)) throw new UsageError("--summary 的文件名须以 .xlsx 结尾 / must name an .xlsx file");
  return args;
}

function positive(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} 需要正整数 / needs a positive integer`);
  return n;
}

export const USAGE = `用法 / usage:
  scorecheck check FILE|FOLDER... [--json] [--summary 汇总.xlsx [--force]] [--lang zh-CN|en] [--reverse-rule ratio|linear] [--jobs N]
  scorecheck fix FILE -o OUT.xlsx [--force] [--rescore] [--rescale-weights] [--no-marks] [--no-narrative]
  scorecheck fix FILE|FOLDER... -o OUTDIR [--summary 汇总.xlsx] [--force] [...]
  scorecheck narrative FILE [--table N]
  scorecheck rules [--lang zh-CN|en]

文件夹逐层查找 .xlsx/.xlsm 及 .xls/.et/.ods（后三种需安装 LibreOffice）。
Folders are searched in depth for .xlsx/.xlsm and .xls/.et/.ods (the last three need LibreOffice).
退出码 / exit codes: 0 无错误 no errors · 1 有错误或有文件无法读取 errors found or a file unreadable
  · 2 用法错误、输入有误（单个文件）或没有文件可读 bad usage, bad input (one file) or nothing readable`;
