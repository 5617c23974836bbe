import { describe, expect, it } from "vitest";
import { assertSupportedServerVersion, DatabaseOpenError, describeUrl } from "./connection";

describe("PostgreSQL server checks", () => {
  it("accepts PostgreSQL 15 and newer", () => {
    expect(() => assertSupportedServerVersion(150004, "db")).not.toThrow();
    expect(() => assertSupportedServerVersion(180001, "db")).not.toThrow();
  });

  it("refuses PostgreSQL 14 with one line", () => {
    expect(() => assertSupportedServerVersion(140011, "PostgreSQL server db:5432/bw")).toThrow(
      new DatabaseOpenError(
        "PostgreSQL server db:5432/bw runs PostgreSQL 14; Bridgeway needs PostgreSQL 15 or newer.",
      ),
    );
  });

  it("describes a server without its credentials", () => {
    expect(describeUrl("postgres://admin:hunter2@db.internal/bridgeway")).toBe(
      "PostgreSQL server db.internal:5432/bridgeway",
    );
  });
});
