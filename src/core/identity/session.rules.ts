/** Pure rules for server-side sessions. Time is a parameter. */

export type SessionState = "active" | "idle_timeout" | "expired";

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
}

export function deriveSessionState(session: SessionTimes, now: Date, idleMinutes: number): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMinutes * 60_000) return "idle_timeout";
  return "active";
}

/** Record activity at most once a minute, so that reads do not turn into writes on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

export function computeSessionExpiry(now: Date, maxHours: number): Date {
  return new Date(now.getTime() + maxHours * 3_600_000);
}
