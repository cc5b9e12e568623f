/**
 * Runs a batch's file tasks: in this thread for small batches, across worker threads (one per core)
 * when the batch is large enough to repay starting them. Results keep the tasks' order whatever
 * order the workers finish in.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { processFile, type EngineSettings, type FileTask } from "./file-task";
import type { FileResult } from "./result";

/** Below this many files a worker's start-up (loading the reader and engine) costs more than it saves. */
export const MIN_PARALLEL_FILES = 24;

export interface PoolOptions {
  /** Worker threads to use; 1 means none. Default: the number of cores. */
  jobs?: number;
  /** The script a worker runs (the CLI's own entry file); without one the batch runs in this thread. */
  entry: string | null;
  onResult?: (done: number, result: FileResult) => void;
  onStart?: (task: FileTask) => void;
}

export const WORKER_FLAG = "scorecheckWorker";

export async function runTasks(tasks: FileTask[], settings: EngineSettings, opts: PoolOptions): Promise<FileResult[]> {
  const jobs = Math.min(opts.jobs ?? availableParallelism(), Math.ceil(tasks.length / 8));
  if (!opts.entry || jobs <= 1 || tasks.length < MIN_PARALLEL_FILES) return runHere(tasks, settings, opts);
  return runInWorkers(tasks, settings, opts, opts.entry, jobs);
}

/** Files in flight at once in one thread: the next file is read while the current one is checked. */
const IN_FLIGHT = 4;

async function runHere(tasks: FileTask[], settings: EngineSettings, opts: PoolOptions): Promise<FileResult[]> {
  const out: FileResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const t = tasks[next++];
      opts.onStart?.(t);
      out[t.index] = await processFile(t, settings);
      opts.onResult?.(++done, out[t.index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, tasks.length) }, lane));
  return out;
}

function startWorker(entry: string, settings: EngineSettings): Worker {
  const workerData = { [WORKER_FLAG]: true, settings };
  // Run from source (tsx): the worker registers tsx's loader before loading the entry.
  if (entry.endsWith(".ts")) {
    const tsx = createRequire(entry).resolve("tsx/cjs");
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
  }
  return new Worker(entry, { workerData });
}

/** Files per message: a few at a time keeps both workers busy without a round trip per file. */
const CHUNK = 4;

function runInWorkers(tasks: FileTask[], settings: EngineSettings, opts: PoolOptions, entry: string, jobs: number): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const finish = (err?: Error) => {
      if (failed) return;
      if (err) failed = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const chunk = tasks.slice(next, next + CHUNK);
      next += chunk.length;
      opts.onStart?.(chunk[0]);
      w.postMessage(chunk);
    };
    for (let i = 0; i < jobs; i++) {
      const w = startWorker(entry, settings);
      workers.push(w);
      let pending = 0;
      w.on("message", (msg: { index: number; result: FileResult } | { error: string }) => {
        if ("error" in msg) return finish(new Error(msg.error));
        results[msg.index] = msg.result;
        opts.onResult?.(++done, msg.result);
        if (--pending <= 0) {
          const before = next;
          feed(w);
          pending = next - before;
        }
        if (done === tasks.length) finish();
      });
      w.on("error", (e) => finish(e));
      const before = next;
      feed(w);
      pending = next - before;
    }
  });
}

/** The worker's side: processes each chunk it is sent, one message per file. */
export function serveWorker(port: import("node:worker_threads").MessagePort, settings: EngineSettings): void {
  port.on("message", (chunk: FileTask[]) => {
    // The chunk's files overlap their reads with each other's checking, as in one thread.
    for (const task of chunk)
      processFile(task, settings).then(
        (result) => port.postMessage({ index: task.index, result }),
        (e) => port.postMessage({ error: `${task.file}: ${(e as Error).stack ?? e}` }),
      );
  });
}
