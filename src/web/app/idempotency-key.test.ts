import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newIdempotencyKey } from "./idempotency-key";

const isUuid = (value: string) => z.uuid().safeParse(value).success;

describe("newIdempotencyKey", () => {
  it("makes a different valid UUID each time", () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(isUuid(key)).toBe(true);
  });

  it("still makes a version-4 UUID on a page without crypto.randomUUID (plain http)", () => {
    const key = newIdempotencyKey({ getRandomValues: (array) => crypto.getRandomValues(array) });
    expect(isUuid(key)).toBe(true);
    expect(key[14]).toBe("4");
    expect("89ab").toContain(key[19]);
  });
});
