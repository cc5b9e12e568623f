/**
 * Runs a batch's file tasks: in this thread for small batches, and for large ones in this thread and
 * worker threads together (one thread per core), each taking the next files as it gets free. Results
 * keep the tasks' order whatever order the threads finish in.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { processFile, type EngineSettings, type FileTask } from "./file-task";
import type { FileResult } from "./result";

/** Below this many files a worker's start-up (loading the reader and engine) costs more than it saves. */
export const MIN_PARALLEL_FILES = 24;

export interface PoolOptions {
  /** Threads to check files in, this one included; 1 means no workers. Default: the number of cores (at most 8). */
  jobs?: number;
  /** The script a worker runs (the CLI's own entry file); without one the batch runs in this thread. */
  entry: string | null;
  onResult?: (done: number, result: FileResult) => void;
  onStart?: (task: FileTask) => void;
}

export const WORKER_FLAG = "scorecheckWorker";

export async function runTasks(tasks: FileTask[], settings: EngineSettings, opts: PoolOptions): Promise<FileResult[]> {
  const jobs = Math.min(opts.jobs ?? Math.min(availableParallelism(), 8), Math.ceil(tasks.length / 8));
  const queue = new Queue(tasks, opts);
  // This thread takes files too, so `jobs` threads in all check files: jobs - 1 workers beside it.
  const workers = opts.entry && jobs > 1 && tasks.length >= MIN_PARALLEL_FILES ? jobs - 1 : 0;
  await Promise.all([runHere(queue, settings), ...Array.from({ length: workers }, () => runInWorker(queue, settings, opts.entry!))]);
  return queue.results;
}

/** The batch's files in order, handed out to whichever thread is free; results kept in task order. */
class Queue {
  readonly results: FileResult[];
  private next = 0;
  private done = 0;

  constructor(
    private readonly tasks: FileTask[],
    private readonly opts: PoolOptions,
  ) {
    this.results = new Array(tasks.length);
  }

  take(n: number): FileTask[] {
    const chunk = this.tasks.slice(this.next, this.next + n);
    this.next += chunk.length;
    if (chunk.length) this.opts.onStart?.(chunk[0]);
    return chunk;
  }

  put(index: number, r: FileResult): void {
    this.results[index] = r;
    this.opts.onResult?.(++this.done, r);
  }
}

/** Files in flight at once in this thread: the next file is read while the current one is checked. */
const IN_FLIGHT = 4;

/** Lets the event loop turn (workers' messages, the progress line): a read may never leave the microtask queue. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function runHere(queue: Queue, settings: EngineSettings): Promise<void> {
  const lane = async () => {
    for (let [t] = queue.take(1); t; [t] = queue.take(1)) {
      queue.put(t.index, await processFile(t, settings));
      await yieldToEventLoop();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
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

/** Files per message: a few at a time keeps a worker busy without a round trip per file. */
const CHUNK = 4;

function runInWorker(queue: Queue, settings: EngineSettings, entry: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = startWorker(entry, settings);
    let pending = 0;
    const feed = () => {
      const chunk = queue.take(CHUNK);
      pending = chunk.length;
      if (chunk.length) w.postMessage(chunk);
      else void w.terminate().then(() => resolve());
    };
    w.on("message", (msg: { index: number; result: FileResult } | { error: string }) => {
      if ("error" in msg) {
        void w.terminate();
        return reject(new Error(msg.error));
      }
      queue.put(msg.index, msg.result);
      if (--pending === 0) feed();
    });
    w.on("error", reject);
    feed();
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
