// Rewrites the dev manifest's URLs (https://localhost:3000) for the host that serves dist/addin,
// e.g. ADDIN_HOST=https://intranet.example/scorecheck. webpack.config.js requires this to emit
// dist/addin/manifest.xml; `node scripts/manifest-host.js https://host/path < manifest.xml` does
// the same on the command line.
"use strict";

const DEV_ORIGIN = "https://localhost:3000";

/**
 * The manifest with every `https://localhost:3000` replaced by `origin` (an https URL, optionally
 * with a path; a trailing slash is dropped). Throws on anything else: Office loads add-ins over
 * https only, and the value ends up inside XML attributes.
 * @param {string} xml the manifest text
 * @param {string} origin e.g. "https://intranet.example/scorecheck"
 * @returns {string}
 */
function manifestForHost(xml, origin) {
  const base = normalizeHost(origin);
  return xml.split(DEV_ORIGIN).join(base);
}

/**
 * Checks and normalizes a host URL: https only, no credentials, query or fragment, no characters
 * that would need escaping in XML; no trailing slash.
 * @param {string} origin
 * @returns {string}
 */
function normalizeHost(origin) {
  if (typeof origin !== "string" || origin.trim() === "") throw new Error("manifestForHost: no host given (expected an https URL such as https://intranet.example/scorecheck)");
  let url;
  try {
    url = new URL(origin.trim());
  } catch {
    throw new Error(`manifestForHost: not a URL: ${origin}`);
  }
  if (url.protocol !== "https:") throw new Error(`manifestForHost: the add-in must be served over https, not ${url.protocol.replace(/:$/, "")}: ${origin}`);
  if (url.username || url.password) throw new Error(`manifestForHost: credentials are not allowed in the host URL: ${origin}`);
  if (url.search || url.hash || origin.includes("?") || origin.includes("#")) throw new Error(`manifestForHost: the host URL must not have a query or fragment: ${origin}`);
  const base = (url.origin + url.pathname).replace(/\/+$/, "");
  if (/[&<>"'\s]/.test(base)) throw new Error(`manifestForHost: the host URL has characters not allowed here: ${origin}`);
  return base;
}

module.exports = { manifestForHost, normalizeHost, DEV_ORIGIN };

if (require.main === module) {
  const host = process.argv[2] || process.env.ADDIN_HOST;
  const chunks = [];
  process.stdin.on("data", (c) => chunks.push(c));
  process.stdin.on("end", () => {
    try {
      process.stdout.write(manifestForHost(Buffer.concat(chunks).toString("utf8"), host));
    } catch (err) {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    }
  });
}
