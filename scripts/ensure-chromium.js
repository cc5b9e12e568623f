// Before the tests: the browser tests drive Debian's Chromium. Install it where we can (root on a
// Debian machine, as in CI); elsewhere say how, and the browser tests skip themselves outside CI.
const { existsSync } = require("node:fs");
const { execSync } = require("node:child_process");

if (!existsSync("/usr/bin/chromium")) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.log("pretest: installing Debian's chromium for the browser tests…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  } else {
    console.log("pretest: /usr/bin/chromium not found; browser tests will be skipped (sudo apt-get install chromium to run them)");
  }
}
