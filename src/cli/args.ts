export interface Args {
  command: "check" | "fix" | "narrative" | "rules" | "help";
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
}

/** Parses argv without a dependency; throws an Error with a one-line message on bad usage. */
export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const args: Args = { command: "help", files: [], json: false, lang: "zh-CN", rescore: false, rescaleWeights: false, marks: true, narrative: true, reverseRule: "ratio" };
  if (!command || command === "--help" || command === "-h" || command === "help") return args;
  if (!["check", "fix", "narrative", "rules"].includes(command)) throw new Error(`未知命令 unknown command: ${command}`);
  args.command = command as Args["command"];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new Error(`${a} 需要参数 needs a value`);
      return v;
    };
    if (a === "--json") args.json = true;
    else if (a === "--lang") {
      const v = value();
      if (v !== "zh-CN" && v !== "en") throw new Error(`--lang 只能是 zh-CN 或 en / must be zh-CN or en`);
      args.lang = v;
    } else if (a === "-o" || a === "--output") args.output = value();
    else if (a === "--rescore") args.rescore = true;
    else if (a === "--rescale-weights") args.rescaleWeights = true;
    else if (a === "--no-marks") args.marks = false;
    else if (a === "--no-narrative") args.narrative = false;
    else if (a === "--reverse-rule") {
      const v = value();
      if (v !== "ratio" && v !== "linear") throw new Error("--reverse-rule 只能是 ratio 或 linear");
      args.reverseRule = v;
    } else if (a === "--table") {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error("--table 需要正整数 / needs a positive integer");
      args.table = n;
    } else if (a.startsWith("-")) throw new Error(`未知选项 unknown option: ${a}`);
    else args.files.push(a);
  }
  if (args.command !== "rules" && args.files.length === 0) throw new Error("缺少文件 / no file given");
  if ((args.command === "fix" || args.command === "narrative") && args.files.length > 1) throw new Error(`${args.command} 只接受一个文件 / takes one file`);
  return args;
}
