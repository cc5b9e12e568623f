// The pane's Content-Security-Policy, shared by the HTML pages (meta tag) and the dev server (header).
// No inline script and no eval anywhere; scripts come from this origin only (Office.js is served
// from here too, so offline networks need no CDN). Fluent UI's style engine inserts <style> rules
// at run time, hence 'unsafe-inline' for styles only.
module.exports = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
