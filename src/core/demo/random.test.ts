import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, hashUnit } from "./random";

describe("createRandom", () => {
  const draw = (seed: number, n = 5) => {
    const random = createRandom(seed);
    return Array.from({ length: n }, () => random.next());
  };

  it("gives the same sequence for the same seed and another for another seed", () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
  });

  it("stays within its bounds for any seed", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: -50, max: 50 }), fc.nat(100), (seed, min, width) => {
        const random = createRandom(seed);
        const x = random.next();
        const n = random.int(min, min + width);
        const a = random.around(5, 2, 0, 10);
        return x >= 0 && x < 1 && n >= min && n <= min + width && Number.isInteger(n) && a >= 0 && a <= 10;
      }),
    );
  });

  it("is roughly uniform", () => {
    const values = draw(9, 10_000);
    const low = values.filter((v) => v < 0.5).length;
    expect(low).toBeGreaterThan(4_800);
    expect(low).toBeLessThan(5_200);
  });

  it("forks independent generators that do not shift each other", () => {
    const root = createRandom(7);
    const first = root.fork("x").next();
    root.next();
    expect(root.fork("x").next()).toBe(first);
    expect(createRandom(7).fork("x").next()).toBe(first);
    expect(root.fork("y").next()).not.toBe(first);
    expect(createRandom(8).fork("x").next()).not.toBe(first);
  });
});

describe("hashUnit", () => {
  it("is fixed by its seed and label, within [0, 1), and spread over labels", () => {
    expect(hashUnit(5, "item-8")).toBe(hashUnit(5, "item-8"));
    expect(hashUnit(5, "item-8")).not.toBe(hashUnit(6, "item-8"));
    const values = Array.from({ length: 1000 }, (_, i) => hashUnit(5, `item-${i}`));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
