import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchCase, BenchOptions, Figure } from "./harness";
import { formatReport } from "./report";

/**
 * `npm run bench [-- <name filter>…]`: runs every case in bench/cases/ (each file default-exports a
 * BenchCase) and prints the figures as tables. Never fails on time. BENCH_SECONDS and
 * BENCH_CONNECTIONS tune the HTTP loads.
 */
const options: BenchOptions = {
  durationSeconds: Number(process.env.BENCH_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
};
const filters = process.argv.slice(2).map((f) => f.toLowerCase());

const casesDir = path.join(import.meta.dirname, "cases");
const caseFiles = fs.readdirSync(casesDir).filter((f) => f.endsWith(".ts"));
const cases: BenchCase[] = [];
for (const file of caseFiles.sort()) {
  const module = (await import(pathToFileURL(path.join(casesDir, file)).href)) as { default: BenchCase };
  if (filters.length === 0 || filters.some((f) => module.default.name.toLowerCase().includes(f)))
    cases.push(module.default);
}

const cpus = os.cpus();
console.log(
  `Bridgeway bench · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"} · ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB\n`,
);
const figures: Figure[] = [];
const notes: string[] = [];
for (const benchCase of cases) {
  const started = performance.now();
  process.stdout.write(`running ${benchCase.name}… `);
  const result = await benchCase.run(options);
  process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  figures.push(...result.figures);
  if (result.note) notes.push(result.note);
}
console.log(`\n${formatReport(figures, options, notes)}`);
