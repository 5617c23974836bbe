/**
 * Sign-in throttling. Failures are counted per account (keyed by the normalised email, whether or
 * not an account exists, so the answer never reveals it) and per IP address. A lock is temporary
 * and fixed in length: an attacker can slow a user down but never lock them out for good, and a
 * password reset lifts the account lock.
 */

export interface ThrottlePolicy {
  /** Failures within the window that lock the key. */
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const ACCOUNT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
export const IP_THROTTLE: ThrottlePolicy = { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 };

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure. */
export function recordFailure(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const windowOpen =
    state !== undefined && now.getTime() - state.windowStartedAt.getTime() < policy.windowMinutes * 60_000;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  if (failures >= policy.maxFailures) {
    return {
      failures: 0,
      windowStartedAt: now,
      lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000),
    };
  }
  return { failures, windowStartedAt, lockedUntil: null };
}

/** Minutes left on a lock, rounded up, for the message. */
export function minutesLocked(state: ThrottleState, now: Date): number {
  return Math.max(1, Math.ceil(((state.lockedUntil?.getTime() ?? 0) - now.getTime()) / 60_000));
}
