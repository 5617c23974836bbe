import { z } from "zod";
import { addDays } from "../platform/dates";
import { localTimeSchema } from "../schedule/track-pattern.schema";

/**
 * "What a week looks like" on the public program page, built from the location's real tracks: each
 * group track that is running or about to start, its days and times, and its hours a week. Only
 * what a visitor may see leaves the server: no rooms, video links, capacity or who is enrolled.
 * Pure: the caller passes the location's calendar date.
 */

/** One weekly session: ISO weekday (Monday = 1) and local wall-clock times. */
export const programWeekSessionSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  start: localTimeSchema,
  end: localTimeSchema,
});
type WeeklySession = z.infer<typeof programWeekSessionSchema>;

export const programWeekTrackSchema = z.object({
  name: z.string(),
  levelOfCare: z.string(),
  audience: z.enum(["adult", "adolescent"]),
  /** Held by video. */
  telehealth: z.boolean(),
  /** The zone its times are in (the location's wall clock). */
  timeZone: z.string(),
  /** Set when the track has not started yet: the first date it runs. */
  startsOn: z.iso.date().nullable(),
  /** Its weekly sessions, Monday first, then by start time. */
  sessions: z.array(programWeekSessionSchema),
  /** Group time in a week, in minutes. */
  minutesPerWeek: z.number().int().nonnegative(),
});
export type ProgramWeekTrack = z.infer<typeof programWeekTrackSchema>;

export const programWeekSchema = z.array(programWeekTrackSchema);

/** A track as stored, with what the program page needs. */
export interface TrackForProgramWeek {
  name: string;
  levelOfCare: string;
  audience: "adult" | "adolescent";
  telehealth: boolean;
  timeZone: string;
  startsOn: string;
  endsOn: string | null;
  pattern: { slots: readonly WeeklySession[] };
}

/** How far ahead a track that has not started yet is still shown (a visitor asking now could join it). */
export const UPCOMING_TRACK_DAYS = 60;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const bySlot = (a: WeeklySession, b: WeeklySession) =>
  a.weekday - b.weekday || a.start.localeCompare(b.start);

/**
 * The tracks a visitor could join: running on `today` (started, not ended) or starting within
 * {@link UPCOMING_TRACK_DAYS}, with at least one weekly session. Ordered by their first session of
 * the week, then by name, so the page reads like a week.
 */
export function deriveProgramWeek(tracks: readonly TrackForProgramWeek[], today: string): ProgramWeekTrack[] {
  const horizon = addDays(today, UPCOMING_TRACK_DAYS);
  return tracks
    .filter((t) => t.pattern.slots.length > 0)
    .filter((t) => t.endsOn === null || t.endsOn >= today)
    .filter((t) => t.startsOn <= horizon)
    .map((t) => {
      const sessions = [...t.pattern.slots]
        .sort(bySlot)
        .map(({ weekday, start, end }) => ({ weekday, start, end }));
      return {
        name: t.name,
        levelOfCare: t.levelOfCare,
        audience: t.audience,
        telehealth: t.telehealth,
        timeZone: t.timeZone,
        startsOn: t.startsOn > today ? t.startsOn : null,
        sessions,
        minutesPerWeek: sessions.reduce((sum, s) => sum + minutesOf(s.end) - minutesOf(s.start), 0),
      };
    })
    .sort((a, b) => bySlot(a.sessions[0]!, b.sessions[0]!) || a.name.localeCompare(b.name));
}
