import { describe, expect, it } from "vitest";
import { isAttended, isPartial } from "../attendance/attendance.schema";
import { ATTENDANCE_STYLES, planSessionOutcomes, type SessionOutcome } from "./attendance-styles";
import { createRandom } from "./random";

const SESSIONS = Array.from({ length: 36 }, () => 180);
const attendedShare = (outcomes: readonly SessionOutcome[]) =>
  outcomes.filter((o) => isAttended(o.status)).length / outcomes.length;

/** Many episodes of one style, each from its own generator. */
function episodes(style: (typeof ATTENDANCE_STYLES)[number], count = 200): SessionOutcome[][] {
  return Array.from({ length: count }, (_, i) =>
    planSessionOutcomes(createRandom(i + 1).fork(style), style, SESSIONS),
  );
}

describe("demo attendance styles", () => {
  it("keeps minutes within each status: the whole session present, part of it late or left early, none absent", () => {
    for (const style of ATTENDANCE_STYLES) {
      for (const outcome of episodes(style, 40).flat()) {
        if (outcome.status === "present") expect(outcome.minutesAttended).toBe(180);
        else if (isPartial(outcome.status)) {
          expect(outcome.minutesAttended).toBeGreaterThan(0);
          expect(outcome.minutesAttended).toBeLessThan(180);
        } else expect(outcome.minutesAttended).toBe(0);
      }
    }
  });

  it("has most people attend about nine sessions in ten, now and then late or leaving early", () => {
    const steady = episodes("steady").flat();
    expect(attendedShare(steady)).toBeGreaterThan(0.9);
    const partial = steady.filter((o) => isPartial(o.status)).length / steady.length;
    expect(partial).toBeGreaterThan(0.03);
    expect(partial).toBeLessThan(0.15);
  });

  it("lets drifting attendance fall from the first weeks to the last", () => {
    const drifting = episodes("drifting");
    const early = attendedShare(drifting.flatMap((e) => e.slice(0, 12)));
    const late = attendedShare(drifting.flatMap((e) => e.slice(-12)));
    expect(early).toBeGreaterThan(0.8);
    expect(late).toBeLessThan(0.6);
    // Drifting away is mostly without a word.
    const missed = drifting.flat().filter((o) => !isAttended(o.status));
    expect(missed.filter((o) => o.status === "absent_unexcused").length).toBeGreaterThan(missed.length / 2);
  });

  it("puts a run of excused absences in an illness, and runs of unexcused ones in the other style", () => {
    const longestRun = (outcomes: readonly SessionOutcome[], status: string) => {
      let best = 0;
      let run = 0;
      for (const o of outcomes) {
        run = o.status === status ? run + 1 : 0;
        best = Math.max(best, run);
      }
      return best;
    };
    for (const episode of episodes("illness", 50))
      expect(longestRun(episode, "absent_excused")).toBeGreaterThanOrEqual(2);
    for (const episode of episodes("unexcused_runs", 50))
      expect(longestRun(episode, "absent_unexcused")).toBeGreaterThanOrEqual(2);
  });

  it("is deterministic from the generator", () => {
    const a = planSessionOutcomes(createRandom(5), "drifting", SESSIONS);
    expect(planSessionOutcomes(createRandom(5), "drifting", SESSIONS)).toEqual(a);
    expect(planSessionOutcomes(createRandom(6), "drifting", SESSIONS)).not.toEqual(a);
  });
});
