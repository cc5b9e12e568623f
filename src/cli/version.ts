import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** ScoreCheck's version from its package.json (found upward from this file: src/cli or dist/cli). */
export function scorecheckVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const p = join(dir, "package.json");
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "scorecheck" && pkg.version) return pkg.version;
      } catch {
        // An unreadable package.json further up is not ours; keep looking.
      }
    }
    if (dirname(dir) === dir) return "unknown";
  }
}
