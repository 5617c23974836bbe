import autocannon from "autocannon";
import { Bench } from "tinybench";

/** What every bench case receives. Benchmarks print figures; they never assert on time. */
export interface BenchOptions {
  /** Seconds per HTTP load. */
  durationSeconds: number;
  /** Concurrent HTTP connections per load. */
  connections: number;
}

/** Throughput of one HTTP endpoint under load. */
export interface HttpFigure {
  kind: "http";
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers: a fast failure is not a result. */
  failed: number;
  /** The figure every other HTTP figure is compared with (bare Fastify on this machine). */
  baseline?: boolean;
}

/** Time per call of one function. */
export interface TimingFigure {
  kind: "timing";
  name: string;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

export type Figure = HttpFigure | TimingFigure;

export interface BenchResult {
  figures: Figure[];
  /** Context printed under the tables: the data set, the parameters, how it was measured. */
  note?: string;
}

/** One file in bench/cases/ default-exports one case; `npm run bench` finds it by itself. */
export interface BenchCase {
  name: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

/** Load `url` with autocannon for the configured duration and connections. */
export async function loadHttp(
  name: string,
  url: string,
  options: BenchOptions,
  headers: Record<string, string> = {},
): Promise<HttpFigure> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers,
  });
  return {
    kind: "http",
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
  };
}

/** Time async functions with tinybench, a fixed number of calls each (for slow functions). */
export async function timeFunctions(
  functions: Record<string, () => Promise<unknown>>,
  iterations: number,
): Promise<TimingFigure[]> {
  const bench = new Bench({ iterations, time: 0, warmupIterations: 2, warmupTime: 0 });
  for (const [name, fn] of Object.entries(functions)) bench.add(name, fn);
  await bench.run();
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}`);
    return {
      kind: "timing",
      name: task.name,
      meanMs: result.latency.mean,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      samples: result.latency.samplesCount,
    };
  });
}
