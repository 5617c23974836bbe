import { z } from "zod";

/**
 * When absences raise an alert, per program. Issue 7 names the rules (two unexcused absences in a
 * row; attendance under a rate over 14 days); the figures below are Bridgeway's starting points, a
 * program's choice with no published source — the reference (clinical.md) gives none.
 */

function whole(what: string, unit: string, min: number, max: number) {
  return z
    .number({ message: `Enter ${what}, from ${min} to ${max}.` })
    .int(`Use a whole number of ${unit}.`)
    .min(min, `Use at least ${min} ${unit}.`)
    .max(max, `Use at most ${max} ${unit}.`);
}

export const absenceSettingsSchema = z.object({
  /** Unexcused absences in a row that raise an alert. */
  consecutiveUnexcused: whole("the number of absences in a row", "absences", 2, 10),
  /** The attendance rate looks back this many days, today included. */
  rateWindowDays: whole("the number of days", "days", 7, 90),
  /** An attendance rate under this percentage raises an alert. */
  minimumRatePercent: whole("a percentage", "percent", 1, 100),
  /** Fewer sessions than this in the window (a new admission) raise no rate alert yet. */
  minimumSessions: whole("the number of sessions", "sessions", 1, 50),
  /** Excused absences count as missed sessions in the rate (the hours are missed either way). */
  excusedCountsAsMissed: z.boolean({ message: "Choose yes or no." }),
});
export type AbsenceSettings = z.infer<typeof absenceSettingsSchema>;

export const DEFAULT_ABSENCE_SETTINGS: AbsenceSettings = {
  // Two in a row: issue 7.
  consecutiveUnexcused: 2,
  // 14 days: issue 7.
  rateWindowDays: 14,
  // 75 %: a program choice, no published source.
  minimumRatePercent: 75,
  // 3 sessions: a program choice, so one missed first session is not "0 % attendance".
  minimumSessions: 3,
  excusedCountsAsMissed: true,
};
