#!/usr/bin/env node
// Browser journeys (tests/e2e) with Node's test runner, playwright-core and Debian's chromium.
// Builds the web app if needed. Without chromium: skipped with a message, except in CI.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p) => p && fs.existsSync(p),
);
const reportFile = process.env.E2E_REPORT_FILE;
const writeReport = (passed, failed, skipped) => {
  if (reportFile)
    fs.writeFileSync(
      reportFile,
      JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped }),
    );
};

if (!chromium) {
  const message = "Browser journeys skipped: Debian chromium is not installed (apt-get install -y chromium).";
  if (process.env.CI === "true") {
    console.error(`${message} CI must run them.`);
    process.exit(1);
  }
  console.log(message);
  writeReport(0, 0, 0);
  process.exit(0);
}

const build = spawnSync(process.execPath, ["scripts/ensure-web-build.mjs"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = fs
  .readdirSync("tests/e2e")
  .filter((f) => f.endsWith(".e2e.ts"))
  .map((f) => `tests/e2e/${f}`);
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", ...files],
  {
    encoding: "utf8",
    env: { ...process.env, CHROMIUM_PATH: chromium, TZ: "UTC" },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
process.stdout.write(result.stdout);
const count = (name) => Number(result.stdout.match(new RegExp(`ℹ ${name} (\\d+)`))?.[1] ?? 0);
writeReport(count("pass"), count("fail"), count("skipped"));
process.exit(result.status ?? 1);
