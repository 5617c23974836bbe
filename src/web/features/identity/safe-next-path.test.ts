import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each(["/staff", "/me?tab=plan", "/staff/participants/42"])("accepts the site path %s", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    "//evil.com",
    "https://evil.com/staff",
    "/\\evil.com",
    "javascript:alert(1)",
    "staff",
    "",
    null,
    "/\nx",
  ])("rejects %s", (path) => {
    expect(safeNextPath(path)).toBeUndefined();
  });
});
