/** Types for scripts/manifest-host.js (plain CommonJS so that webpack.config.js can require it). */
export declare const DEV_ORIGIN: "https://localhost:3000";
/** The manifest with every https://localhost:3000 replaced by an https base URL (no trailing slash). */
export declare function manifestForHost(xml: string, origin: string): string;
/** Checks an https base URL and drops a trailing slash; throws on anything else. */
export declare function normalizeHost(origin: string): string;
