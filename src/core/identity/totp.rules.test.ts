import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { matchTotpStep, totpCodeAt, totpStepAt } from "./totp.rules";

// RFC 6238 appendix B test key (ASCII "12345678901234567890"), SHA-1, truncated to 6 digits.
const KEY = new TextEncoder().encode("12345678901234567890");

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors (last 6 digits)", () => {
    expect(totpCodeAt(KEY, new Date(59_000))).toBe("287082");
    expect(totpCodeAt(KEY, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCodeAt(KEY, new Date(1_234_567_890_000))).toBe("005924");
  });

  it("accepts one step of drift each way and nothing further", () => {
    const now = new Date(1_234_567_890_000);
    const step = totpStepAt(now);
    for (const offset of [-1, 0, 1]) {
      expect(matchTotpStep(KEY, generateHOTP(KEY, BigInt(step + offset), 6), now, null)).toEqual({
        ok: true,
        step: step + offset,
      });
    }
    expect(matchTotpStep(KEY, generateHOTP(KEY, BigInt(step + 2), 6), now, null)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses a code used before (replay) and anything that is not six digits", () => {
    const now = new Date(1_234_567_890_000);
    const code = totpCodeAt(KEY, now);
    expect(matchTotpStep(KEY, code, now, totpStepAt(now))).toEqual({ ok: false, reason: "reused" });
    expect(matchTotpStep(KEY, "12345", now, null)).toEqual({ ok: false, reason: "invalid" });
  });
});
