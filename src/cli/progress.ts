/**
 * The batch's progress line on stderr: files done / total, the current file, time elapsed. Shown on a
 * terminal only (SCORECHECK_PROGRESS=1 forces it, =0 hides it), so piped or redirected output never
 * carries it.
 */
import { displayWidth } from "../xlsx/summary/sheet";

export function progressWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SCORECHECK_PROGRESS === "1") return true;
  if (env.SCORECHECK_PROGRESS === "0") return false;
  return stream.isTTY === true;
}

/** Redraws at most this often: a fast batch would otherwise spend its time on the terminal. */
const INTERVAL_MS = 100;

export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;
  private current = "";
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream | { write(s: string): boolean; columns?: number },
    private readonly enabled: boolean,
  ) {}

  start(file: string): void {
    this.current = file;
    this.draw(false);
  }

  step(done: number, file: string): void {
    this.done = done;
    this.current = file;
    this.draw(done === this.total);
  }

  /** A line for a step before the files are read (converting legacy files); the next draw replaces it. */
  note(text: string): void {
    if (!this.enabled) return;
    this.stream.write(`\r\x1b[K${text}`);
    this.drawn = true;
  }

  /** Clears the line so the report that follows starts clean. */
  end(): void {
    if (this.enabled && this.drawn) this.stream.write("\r\x1b[K");
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < INTERVAL_MS) return;
    this.lastDraw = now;
    const secs = ((now - this.started) / 1000).toFixed(1);
    const head = `[${this.done}/${this.total}] ${secs} s  `;
    const room = Math.max(10, ((this.stream as { columns?: number }).columns ?? 80) - displayWidth(head) - 1);
    this.stream.write(`\r\x1b[K${head}${fit(this.current, room)}`);
    this.drawn = true;
  }
}

/** Keeps the end of a long path ("…单位A/自评表.xlsx"), which tells files apart. */
function fit(s: string, room: number): string {
  if (displayWidth(s) <= room) return s;
  const chars = [...s];
  let w = 1;
  let i = chars.length;
  while (i > 0 && w + displayWidth(chars[i - 1]) <= room) w += displayWidth(chars[--i]);
  return "…" + chars.slice(i).join("");
}
