import { describe, expect, it } from "vitest";
import { computeSessionExpiry, deriveSessionState, shouldTouch } from "./session.rules";

const at = (iso: string) => new Date(iso);

describe("deriveSessionState", () => {
  const session = { lastSeenAt: at("2026-03-01T10:00:00Z"), expiresAt: at("2026-03-01T22:00:00Z") };

  it.each([
    ["just used", "2026-03-01T10:00:01Z", "active"],
    ["idle one second short of the limit", "2026-03-01T10:29:59Z", "active"],
    ["idle exactly the limit", "2026-03-01T10:30:00Z", "idle_timeout"],
    ["past the absolute expiry even if recently used", "2026-03-01T22:00:00Z", "expired"],
  ])("is %s", (_label, now, expected) => {
    expect(deriveSessionState(session, at(now), 30)).toBe(expected);
  });

  it("prefers expired over idle when both apply", () => {
    expect(deriveSessionState(session, at("2026-03-02T10:00:00Z"), 30)).toBe("expired");
  });
});

describe("shouldTouch", () => {
  it("records activity once a minute, not on every request", () => {
    const last = at("2026-03-01T10:00:00Z");
    expect(shouldTouch(last, at("2026-03-01T10:00:59Z"))).toBe(false);
    expect(shouldTouch(last, at("2026-03-01T10:01:00Z"))).toBe(true);
  });
});

describe("computeSessionExpiry", () => {
  it("adds whole hours in absolute time, regardless of daylight saving", () => {
    expect(computeSessionExpiry(at("2026-03-08T06:00:00Z"), 12).toISOString()).toBe(
      "2026-03-08T18:00:00.000Z",
    );
  });
});
