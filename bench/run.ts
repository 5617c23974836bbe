import os from "node:os";
import { authenticatedApi } from "./cases/authenticated-api";
import { httpBaseline } from "./cases/http-baseline";
import { passwordHashing } from "./cases/password-hashing";
import type { BenchCase, BenchOptions, Figure } from "./harness";

/**
 * `npm run bench`: prints figures, never fails on time. Add a case by writing bench/cases/<name>.ts
 * and listing it here. BENCH_SECONDS and BENCH_CONNECTIONS tune the HTTP loads.
 */
const CASES: BenchCase[] = [httpBaseline, authenticatedApi, passwordHashing];

const options: BenchOptions = {
  durationSeconds: Number(process.env.BENCH_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
};

console.log(
  `Bridgeway bench · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"} · ` +
    `${options.connections} connections, ${options.durationSeconds} s per load\n`,
);
const figures: Figure[] = [];
for (const benchCase of CASES) {
  process.stdout.write(`running ${benchCase.name}…\n`);
  figures.push(...(await benchCase.run(options)));
}
const baseline = figures.find((f) => f.name.startsWith("bare Fastify"))?.requestsPerSecond;
const width = Math.max(...figures.map((f) => f.name.length));
console.log("");
for (const f of figures) {
  const ratio =
    f.requestsPerSecond && baseline
      ? ` · ${((100 * f.requestsPerSecond) / baseline).toFixed(1)} % of bare Fastify`
      : "";
  console.log(`${f.name.padEnd(width)}  ${f.value.padStart(16)}${f.detail ? `  (${f.detail}${ratio})` : ""}`);
}
