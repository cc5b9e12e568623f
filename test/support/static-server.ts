import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves the built add-in from a folder on 127.0.0.1, plus dynamic routes (the harness's
 * fixtures/NAME.json, JSON unless a route gives its own type), and records every request so tests can assert what the pane fetched.
 */
export async function serve(root: string, routes: (path: string) => Promise<string | { body: string; type: string } | null>): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(path);
    try {
      const dynamic = await routes(path);
      if (dynamic !== null) {
        const { body, type } = typeof dynamic === "string" ? { body: dynamic, type: TYPES[".json"] } : dynamic;
        res.writeHead(200, { "content-type": type });
        res.end(body);
        return;
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root) + sep)) throw new Error("outside root");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((ok) => server.close(() => ok())) };
}
