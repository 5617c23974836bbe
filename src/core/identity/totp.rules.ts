import { generateHOTP } from "@oslojs/otp";

/** TOTP (RFC 6238): 30-second steps, 6 digits, SHA-1, accepting one step of clock drift either way. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_DRIFT_STEPS = 1;

export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export function totpCodeAt(key: Uint8Array, now: Date): string {
  return generateHOTP(key, BigInt(totpStepAt(now)), TOTP_DIGITS);
}

export type TotpMatch = { ok: true; step: number } | { ok: false; reason: "invalid" | "reused" };

/**
 * Check a code against the drift window. A code may be used once: a match on a step at or before
 * the last accepted step is a replay.
 */
export function matchTotpStep(
  key: Uint8Array,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): TotpMatch {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  const current = totpStepAt(now);
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    if (generateHOTP(key, BigInt(step), TOTP_DIGITS) !== code) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: "reused" };
    return { ok: true, step };
  }
  return { ok: false, reason: "invalid" };
}
