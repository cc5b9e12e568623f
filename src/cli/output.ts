/**
 * Writing to stdout/stderr so that nothing is lost when the process ends: a write to a full pipe is
 * queued, and process.exit() would drop the queue (a piped `--json` was cut at 64 KiB). Each write
 * resolves once the stream has taken the data; large texts go in chunks so 'drain' can keep up.
 */
const CHUNK = 1 << 16;

function writeChunk(stream: NodeJS.WritableStream, s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(s, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else stream.once("drain", () => resolve());
  });
}

/** Waits until everything written so far has been flushed to the OS. */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

export async function writeAll(stream: NodeJS.WritableStream, s: string): Promise<void> {
  for (let i = 0; i < s.length; i += CHUNK) await writeChunk(stream, s.slice(i, i + CHUNK));
  await flushed(stream);
}

export const out = (s: string) => writeAll(process.stdout, s);
export const err = (s: string) => writeAll(process.stderr, s);
