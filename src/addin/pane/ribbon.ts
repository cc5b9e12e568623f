/**
 * The ribbon's 一键核查 under a shared runtime: the command handler and the pane run in one
 * JavaScript runtime, so the handler asks the open pane to check (no reload, edits kept).
 */
type Runner = () => Promise<void>;

let runner: Runner | null = null;
let waiting: (() => void)[] = [];

/** The pane registers its check; returns the unregister function (for React effects). */
export function onRibbonCheck(run: Runner): () => void {
  runner = run;
  const queued = waiting;
  waiting = [];
  queued.forEach((go) => go());
  return () => {
    if (runner === run) runner = null;
  };
}

/** Runs the pane's check; if the pane has not mounted yet, as soon as it does. */
export function ribbonCheck(): Promise<void> {
  if (runner) return runner();
  return new Promise((resolve, reject) => waiting.push(() => runner!().then(resolve, reject)));
}
