#!/usr/bin/env node
/** scorecheck: the engine on workbook files and folders from the command line. */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { InputError } from "../engine";
import { parseArgs, USAGE, UsageError, type Args } from "./args";
import { runBatch } from "./commands/batch";
import { narrative } from "./commands/narrative";
import { rules } from "./commands/rules";
import { err, out } from "./output";
import { serveWorker, WORKER_FLAG } from "./pool";

export interface MainOptions {
  /** The entry script worker threads run; null (in-process callers, tests) keeps batches in one thread. */
  entry?: string | null;
}

export async function main(argv: string[], opts: MainOptions = {}): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await err(`scorecheck: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.command === "help") {
    await out(USAGE + "\n");
    return 0;
  }
  try {
    if (args.command === "check" || args.command === "fix") return await runBatch(args, { entry: opts.entry ?? null });
    if (args.command === "narrative") return await narrative(args);
    return await rules(args);
  } catch (e) {
    if (e instanceof InputError) {
      await err(`scorecheck: ${e.text(args.lang)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      await err(`scorecheck: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
  serveWorker(parentPort!, (workerData as { settings: Parameters<typeof serveWorker>[1] }).settings);
} else if (require.main === module) {
  // A reader that stops early (`| head`) is not an error.
  for (const s of [process.stdout, process.stderr]) s.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" ? process.exit(process.exitCode ?? 0) : undefined));
  main(process.argv.slice(2), { entry: __filename }).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`scorecheck: 内部错误 / internal error: ${(e as Error).stack ?? e}\n`, () => process.exit(3));
    },
  );
}
