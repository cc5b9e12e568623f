// Before the tests: what the suite drives besides Node. Debian's Chromium for the browser tests, a
// Chinese font so their layout checks measure real glyphs (not empty boxes), and LibreOffice for the
// legacy formats and for opening what ScoreCheck writes. Installed where we can (root on a Debian
// machine, as in CI); elsewhere the line says how.
const { existsSync } = require("node:fs");
const { execSync } = require("node:child_process");

const has = (cmd) => {
  try {
    return execSync(cmd, { stdio: ["ignore", "pipe", "ignore"] }).toString().trim().length > 0;
  } catch {
    return false;
  }
};

const missing = [];
if (!existsSync("/usr/bin/chromium")) missing.push("chromium");
if (!has("fc-list :lang=zh")) missing.push("fontconfig", "fonts-noto-cjk");
if (!has("command -v soffice")) missing.push("libreoffice-calc-nogui");

if (missing.length) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.log(`pretest: installing Debian packages for the tests: ${missing.join(" ")}…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`, { stdio: "inherit" });
  } else {
    console.log(`pretest: missing ${missing.join(", ")}; install them (sudo apt-get install ${missing.join(" ")}) to run the browser and LibreOffice tests`);
  }
}
