import type { AttendanceStatus } from "../../src/core/attendance/attendance.schema";
import { DEFAULT_PROGRAM_HOURS } from "../../src/core/attendance/program-hours.schema";
import {
  computeWeeklyHours,
  deriveWeeklyHoursFindings,
  type WeeklyHoursInput,
  type WeekOccurrence,
} from "../../src/core/attendance/weekly-hours.rules";
import { addDays } from "../../src/core/platform/dates";
import { type BenchCase, timeFunctions } from "../harness";

/**
 * The weekly-hours computation for a site of 200 active participants, one week each (figures and
 * alert findings), as a counselor's or the nightly check would run it. Mid-week: Monday and Tuesday
 * marked, the rest open.
 */
const PARTICIPANTS = 200;
const WEEK_START = "2026-03-02";
const TODAY = "2026-03-04";

/** Mon–Thu mornings, Mon/Tue/Thu evenings, or the adolescent after-school track (2 h, Mon–Thu). */
const TRACKS = [
  { days: [0, 1, 2, 3], minutes: 180, ageGroup: "adult" },
  { days: [0, 1, 3], minutes: 180, ageGroup: "adult" },
  { days: [0, 1, 2, 3], minutes: 120, ageGroup: "adolescent" },
] as const;

function weeks(): WeeklyHoursInput[] {
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const statusFor = (): AttendanceStatus => {
    const r = next();
    return r < 0.75 ? "present" : r < 0.83 ? "late" : r < 0.88 ? "absent_excused" : "absent_unexcused";
  };
  return Array.from({ length: PARTICIPANTS }, (_, i) => {
    const track = TRACKS[i % TRACKS.length]!;
    const occurrences: WeekOccurrence[] = track.days.map((day) => {
      const date = addDays(WEEK_START, day);
      if (date >= TODAY) return { date, scheduledMinutes: track.minutes, mark: null };
      const status = statusFor();
      const minutesAttended =
        status === "present" ? track.minutes : status === "late" ? track.minutes - 20 : 0;
      return { date, scheduledMinutes: track.minutes, mark: { status, minutesAttended } };
    });
    // One in ten also has a one-hour individual session on Wednesday.
    if (i % 10 === 0) occurrences.push({ date: addDays(WEEK_START, 2), scheduledMinutes: 60, mark: null });
    return { weekStart: WEEK_START, today: TODAY, ageGroup: track.ageGroup, occurrences };
  });
}

const weeklyHours: BenchCase = {
  name: "weekly hours",
  async run() {
    const inputs = weeks();
    const kinds = new Map<string, number>();
    for (const input of inputs)
      for (const f of deriveWeeklyHoursFindings(computeWeeklyHours(input, DEFAULT_PROGRAM_HOURS)))
        kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    const found = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ") || "none";
    const figures = await timeFunctions(
      {
        [`weekly hours for ${PARTICIPANTS} participants (one week each)`]: async () => {
          for (const input of inputs)
            deriveWeeklyHoursFindings(computeWeeklyHours(input, DEFAULT_PROGRAM_HOURS));
        },
      },
      500,
    );
    return {
      figures,
      note: `Weekly hours: ${PARTICIPANTS} participants on three tracks (3–4 sessions each), mid-week, figures and findings (in the set: ${found}); pure computation, no database.`,
    };
  },
};

export default weeklyHours;
