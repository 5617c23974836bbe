import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * src/core never reads the clock: time is a parameter. (Imports are checked by dependency-cruiser
 * and globals such as `process` by Biome; the clock needs this look at the source.)
 */
const CORE = path.resolve(import.meta.dirname, "../../src/core");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("src/core", () => {
  it("never reads the clock (Date.now(), new Date() without an argument, performance.now())", () => {
    const offenders = sourceFiles(CORE).flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(CORE, file)}:${i + 1}` }))
        .filter(({ line }) => /Date\.now\(\)|new Date\(\)|performance\.now\(\)/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});
