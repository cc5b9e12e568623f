// The pane's Content-Security-Policy, shared by the HTML pages (meta tag) and the dev server (header).
// No inline script and no eval anywhere. Scripts come from this origin, plus Microsoft's Office.js
// CDN when the build loads Office.js from there (the default); with OFFICE_JS=local Office.js is
// served from this origin too and nothing else is allowed. Fluent UI's style engine inserts <style>
// rules at run time, hence 'unsafe-inline' for styles only.
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** @param {"cdn" | "local"} officeJs where Office.js comes from */
function csp(officeJs) {
  const office = officeJs === "cdn" ? ` ${OFFICE_CDN}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = { csp, OFFICE_CDN };
