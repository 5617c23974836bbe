#!/usr/bin/env node
// `npm run test:e2e`: browser journeys (tests/e2e/*.e2e.ts) with Node's test runner through tsx,
// playwright-core and Debian's chromium. Builds the web app when needed. Without chromium the run is
// skipped with one line, except under CI=true where that is a failure. E2E_REPORT_FILE receives the
// counts as JSON for `npm test`'s summary.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
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

/**
 * The demo program is generated once, by a real `bridgeway start` on a template data directory that
 * then stops cleanly; each journey's server starts on its own copy (tests/e2e/support/server.ts), so
 * twenty journeys do not generate twenty demos. E2E_FRESH_DEMO=true generates one per journey instead.
 */
async function makeDemoTemplate() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-e2e-template-"));
  const port = await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
  const started = Date.now();
  const server = spawn(process.execPath, ["bin/bridgeway.mjs", "start"], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: "UTC",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO: "true",
      LOG_LEVEL: "warn",
      BASE_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  let exitCode;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`bridgeway start exited with ${exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      server.kill("SIGKILL");
      throw new Error(`bridgeway start was not ready within 180 s:\n${output}`);
    }
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGTERM");
  const code = await exited;
  if (code !== 0) throw new Error(`bridgeway start exited with ${code} after SIGTERM:\n${output}`);
  console.log(
    `Demo program generated once for the journeys in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
  return dataDir;
}

const template = process.env.E2E_FRESH_DEMO === "true" ? undefined : await makeDemoTemplate();

const files = fs
  .readdirSync("tests/e2e")
  .filter((f) => f.endsWith(".e2e.ts"))
  .map((f) => `tests/e2e/${f}`);
const child = spawn(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", ...files],
  {
    env: {
      ...process.env,
      CHROMIUM_PATH: chromium,
      TZ: "UTC",
      ...(template ? { E2E_DATA_TEMPLATE: template } : {}),
    },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
let output = "";
child.stdout.on("data", (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
const status = await new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
if (template) fs.rmSync(template, { recursive: true, force: true });

const count = (name) => Number(output.match(new RegExp(`ℹ ${name} (\\d+)`))?.[1] ?? 0);
const counts = { pass: count("pass"), fail: count("fail"), skipped: count("skipped") + count("todo") };
writeReport(counts);
const failed = status !== 0 || counts.fail > 0;
console.log(
  `\n${failed ? "✖" : "✔"} Browser journeys: ${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped`,
);
process.exit(failed ? status || 1 : 0);
