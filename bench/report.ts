import type { BenchOptions, Figure, HttpFigure, TimingFigure } from "./harness";

/** The figures as plain-text tables: HTTP loads (with the ratio to bare Fastify), then function timings. */

type Align = "left" | "right";

function table(headers: string[], align: Align[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === "left" ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const integer = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const wholeMs = (n: number) => (n === 0 ? "<1 ms" : `${n} ms`);

function httpTable(figures: HttpFigure[], options: BenchOptions): string {
  const baseline = figures.find((f) => f.baseline);
  const ordered = baseline ? [baseline, ...figures.filter((f) => f !== baseline)] : figures;
  const rows = ordered.map((f) => [
    f.name,
    integer(f.requestsPerSecond),
    wholeMs(f.p50Ms),
    wholeMs(f.p99Ms),
    baseline ? `${((100 * f.requestsPerSecond) / baseline.requestsPerSecond).toFixed(1)} %` : "–",
    integer(f.failed),
  ]);
  return [
    `HTTP: ${options.connections} connections, ${options.durationSeconds} s per endpoint`,
    table(
      ["endpoint", "requests/s", "p50", "p99", "of bare", "failed"],
      ["left", "right", "right", "right", "right", "right"],
      rows,
    ),
  ].join("\n");
}

function timingTable(figures: TimingFigure[]): string {
  const rows = figures.map((f) => [f.name, ms(f.meanMs), ms(f.p50Ms), ms(f.p99Ms), String(f.samples)]);
  return [
    "Functions",
    table(["function", "mean", "p50", "p99", "calls"], ["left", "right", "right", "right", "right"], rows),
  ].join("\n");
}

export function formatReport(figures: Figure[], options: BenchOptions, notes: string[]): string {
  const http = figures.filter((f): f is HttpFigure => f.kind === "http");
  const timing = figures.filter((f): f is TimingFigure => f.kind === "timing");
  const sections = [
    ...(http.length > 0 ? [httpTable(http, options)] : []),
    ...(timing.length > 0 ? [timingTable(timing)] : []),
    ...(notes.length > 0 ? [notes.map((n) => `· ${n}`).join("\n")] : []),
  ];
  return sections.join("\n\n");
}
