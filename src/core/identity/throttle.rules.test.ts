import { describe, expect, it } from "vitest";
import {
  ACCOUNT_THROTTLE,
  isLocked,
  minutesLocked,
  recordFailure,
  type ThrottleState,
} from "./throttle.rules";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, 0) + minutes * 60_000);

describe("sign-in throttling", () => {
  it("locks after 5 failures within 15 minutes, for 15 minutes", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 4; i++) {
      state = recordFailure(state, at(i), ACCOUNT_THROTTLE);
      expect(isLocked(state, at(i))).toBe(false);
    }
    state = recordFailure(state, at(4), ACCOUNT_THROTTLE);
    expect(isLocked(state, at(4))).toBe(true);
    expect(minutesLocked(state, at(4))).toBe(15);
    expect(isLocked(state, at(19))).toBe(false);
  });

  it("forgets failures spread beyond the window", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 10; i++) state = recordFailure(state, at(i * 4), ACCOUNT_THROTTLE);
    expect(isLocked(state, at(36))).toBe(false);
  });

  it("starts counting afresh after a lock, so a lock never grows without end", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 5; i++) state = recordFailure(state, at(0), ACCOUNT_THROTTLE);
    expect(state).toMatchObject({ failures: 0 });
    const after = recordFailure(state, at(16), ACCOUNT_THROTTLE);
    expect(after).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
