import type { AttendanceStatus } from "../attendance/attendance.schema";
import type { DemoEpisode } from "./demo-plan";
import type { Random } from "./random";

/**
 * How a demo participant attends their sessions over an episode: most come nearly always, now and
 * then late or leaving early with fewer minutes; some drift (attendance falling week by week, the
 * usual path to leaving against advice); some are ill for a run of sessions (excused); a few miss
 * a run of sessions without a word. Pure: draws come from the caller's generator.
 */

export const ATTENDANCE_STYLES = ["steady", "drifting", "illness", "unexcused_runs"] as const;
export type AttendanceStyle = (typeof ATTENDANCE_STYLES)[number];

/** The style of an episode: drifting for those who faded or left against advice. */
export function pickAttendanceStyle(random: Random, episode: DemoEpisode): AttendanceStyle {
  if (episode.dischargedOn !== null) {
    if (episode.trajectory === "fading" || episode.dischargeReason === "left_against_advice")
      return random.chance(0.85) ? "drifting" : "unexcused_runs";
    if (episode.trajectory === "struggling" && random.chance(0.4)) return "drifting";
  }
  const roll = random.next();
  if (roll < 0.14) return "illness";
  if (roll < (episode.trajectory === "struggling" ? 0.34 : 0.2)) return "unexcused_runs";
  return "steady";
}

export interface SessionOutcome {
  status: AttendanceStatus;
  minutesAttended: number;
  note: string;
}

const LATE_NOTES = ["Bus was late", "Traffic", "Came straight from work", "", ""] as const;
const LEFT_EARLY_NOTES = ["Left for a work shift", "Childcare pick-up", "Felt unwell", ""] as const;
const EXCUSED_NOTES = [
  "Called in sick",
  "Called ahead: medical appointment",
  "Court date",
  "Called ahead: family emergency",
  "Called in sick",
] as const;
const UNEXCUSED_NOTES = ["No call, no show", "", ""] as const;
const ILLNESS_NOTES = ["Called in sick", "Out sick: flu", "Out sick, doctor's note"] as const;

/** Whole minutes a partial attendance lasted: at least 1 and fewer than the session. */
function partialMinutes(
  random: Random,
  sessionMinutes: number,
  missedMin: number,
  missedMax: number,
): number {
  const missed = 5 * random.int(Math.ceil(missedMin / 5), Math.floor(missedMax / 5));
  return Math.max(1, Math.min(sessionMinutes - 1, sessionMinutes - missed));
}

export function attendedOutcome(
  random: Random,
  sessionMinutes: number,
  partialChance: number,
): SessionOutcome {
  const roll = random.next();
  if (roll < partialChance * 0.6)
    return {
      status: "late",
      minutesAttended: partialMinutes(random, sessionMinutes, 10, Math.min(45, sessionMinutes / 2)),
      note: random.pick(LATE_NOTES),
    };
  if (roll < partialChance)
    return {
      status: "left_early",
      minutesAttended: partialMinutes(random, sessionMinutes, 15, Math.min(75, sessionMinutes / 2)),
      note: random.pick(LEFT_EARLY_NOTES),
    };
  return { status: "present", minutesAttended: sessionMinutes, note: "" };
}

export const PRESENT = (sessionMinutes: number): SessionOutcome => ({
  status: "present",
  minutesAttended: sessionMinutes,
  note: "",
});

export function absentOutcome(random: Random, excused: boolean): SessionOutcome {
  return excused
    ? { status: "absent_excused", minutesAttended: 0, note: random.pick(EXCUSED_NOTES) }
    : { status: "absent_unexcused", minutesAttended: 0, note: random.pick(UNEXCUSED_NOTES) };
}

/** Chance of attending at a point `p` (0 at the first session, 1 at the last) of the episode. */
function attendChance(style: AttendanceStyle, p: number): number {
  return style === "drifting" ? 0.93 - 0.5 * p : 0.94;
}

/**
 * The outcome of each of `minutes.length` sessions in order (the length of each given): the
 * style's chance of attending, with runs of illness or unexcused absences placed in the episode.
 */
export function planSessionOutcomes(
  random: Random,
  style: AttendanceStyle,
  minutes: readonly number[],
): SessionOutcome[] {
  const n = minutes.length;
  const runs = new Map<number, "ill" | "unexcused">();
  if (style === "illness" && n >= 4) {
    const start = random.int(Math.floor(n * 0.2), Math.floor(n * 0.8));
    for (let i = start, end = start + random.int(2, 4); i < Math.min(n, end); i++) runs.set(i, "ill");
  }
  if (style === "unexcused_runs" && n >= 4) {
    for (let k = random.int(1, 2); k > 0; k--) {
      const start = random.int(Math.floor(n * 0.15), Math.floor(n * 0.85));
      for (let i = start, end = start + random.int(2, 3); i < Math.min(n, end); i++) runs.set(i, "unexcused");
    }
  }
  return minutes.map((sessionMinutes, i) => {
    const run = runs.get(i);
    if (run === "ill")
      return { status: "absent_excused", minutesAttended: 0, note: random.pick(ILLNESS_NOTES) };
    if (run === "unexcused") return absentOutcome(random, false);
    const p = n <= 1 ? 0 : i / (n - 1);
    if (random.chance(attendChance(style, p)))
      return attendedOutcome(random, sessionMinutes, style === "drifting" ? 0.1 + 0.1 * p : 0.08);
    return absentOutcome(random, random.chance(style === "drifting" ? 0.35 : 0.75));
  });
}
