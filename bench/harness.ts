import autocannon from "autocannon";

/** A figure a benchmark prints. Benchmarks never assert on time. */
export interface Figure {
  name: string;
  value: string;
  /** Requests per second, when the case is an HTTP load; used for the ratio to bare Fastify. */
  requestsPerSecond?: number;
  detail?: string;
}

export interface BenchCase {
  name: string;
  run(options: BenchOptions): Promise<Figure[]>;
}

export interface BenchOptions {
  /** Seconds per HTTP load. */
  durationSeconds: number;
  connections: number;
}

export async function load(
  url: string,
  options: BenchOptions,
  headers: Record<string, string> = {},
): Promise<{ requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number }> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function httpFigure(name: string, r: Awaited<ReturnType<typeof load>>): Figure {
  const failures = r.errors + r.non2xx;
  return {
    name,
    value: `${Math.round(r.requestsPerSecond).toLocaleString("en-US")} req/s`,
    requestsPerSecond: r.requestsPerSecond,
    detail: `p50 ${r.p50} ms · p99 ${r.p99} ms${failures ? ` · ${failures} failed` : ""}`,
  };
}
