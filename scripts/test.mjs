#!/usr/bin/env node
// `npm test`: lint → typecheck → boundaries → unit + integration (PGlite, and PostgreSQL when one
// answers) → browser journeys. Stops at the first failing step; ends with one summary line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const bin = (name) => path.join("node_modules", ".bin", name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-test-report-"));
const vitestReport = path.join(reportDir, "vitest.json");
const e2eReport = path.join(reportDir, "e2e.json");

const steps = [
  ["lint", bin("biome"), ["check", "."]],
  ["typecheck (server)", bin("tsc"), ["-p", "tsconfig.json"]],
  ["typecheck (web)", bin("tsc"), ["-p", "src/web/tsconfig.json"]],
  ["typecheck (browser journeys)", bin("tsc"), ["-p", "tests/e2e/tsconfig.json"]],
  ["boundaries", bin("depcruise"), ["src", "--config", ".dependency-cruiser.cjs"]],
  [
    "unit and integration tests",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  ],
  ["browser journeys", process.execPath, ["scripts/e2e.mjs"], { E2E_REPORT_FILE: e2eReport }],
];

const started = Date.now();
for (const [name, command, args, env] of steps) {
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, TZ: "UTC", ...env } });
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).\n`);
    summarize();
    process.exit(1);
  }
}
process.stdout.write(`\n✔ all steps passed in ${Math.round((Date.now() - started) / 1000)} s\n`);
summarize();

function summarize() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of [vitestReport, e2eReport]) {
    if (!fs.existsSync(file)) continue;
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  fs.rmSync(reportDir, { recursive: true, force: true });
  process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
}
