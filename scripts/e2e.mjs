#!/usr/bin/env node
// `npm run test:e2e`: browser journeys (tests/e2e/*.e2e.ts) with Node's test runner through tsx,
// playwright-core and Debian's chromium. Builds the web app when needed. Without chromium the run is
// skipped with one line, except under CI=true where that is a failure. E2E_REPORT_FILE receives the
// counts as JSON for `npm test`'s summary.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

function writeReport(counts) {
  if (!process.env.E2E_REPORT_FILE) return;
  fs.writeFileSync(
    process.env.E2E_REPORT_FILE,
    JSON.stringify({
      numPassedTests: counts.pass,
      numFailedTests: counts.fail,
      numPendingTests: counts.skipped,
    }),
  );
}

const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && fs.existsSync(p));
if (!chromium) {
  const message = "Browser journeys skipped: Debian chromium not installed (apt-get install -y chromium)";
  if (process.env.CI === "true") {
    console.error(`${message}; CI=true requires them.`);
    process.exit(1);
  }
  console.log(message);
  writeReport({ pass: 0, fail: 0, skipped: 0 });
  process.exit(0);
}

const build = spawnSync(process.execPath, ["scripts/ensure-web-build.mjs"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = fs
  .readdirSync("tests/e2e")
  .filter((f) => f.endsWith(".e2e.ts"))
  .map((f) => `tests/e2e/${f}`);
const child = spawn(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", ...files],
  { env: { ...process.env, CHROMIUM_PATH: chromium, TZ: "UTC" }, stdio: ["ignore", "pipe", "inherit"] },
);
let output = "";
child.stdout.on("data", (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
const status = await new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));

const count = (name) => Number(output.match(new RegExp(`ℹ ${name} (\\d+)`))?.[1] ?? 0);
const counts = { pass: count("pass"), fail: count("fail"), skipped: count("skipped") + count("todo") };
writeReport(counts);
const failed = status !== 0 || counts.fail > 0;
console.log(
  `\n${failed ? "✖" : "✔"} Browser journeys: ${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped`,
);
process.exit(failed ? status || 1 : 0);
