import { Temporal } from "temporal-polyfill";
import { addDays } from "../platform/dates";
import { expandSeries } from "../schedule/recurrence.rules";
import { type Series, type SeriesException, weeklyPatternSchema } from "../schedule/track-pattern.schema";
import { DEMO_SITES, DEMO_TRACKS } from "./demo-plan";
import { planHolidayCancellations } from "./track-holidays";

/**
 * The demo tracks' group series and their sessions as plain data: what the demo stores for each
 * track (pattern, start, holidays cancelled) and the occurrences that attendance is planned on,
 * expanded once per track by the schedule's own rules. Pure: today and now are parameters.
 */

/** The tracks run from before the earliest admission of the largest scale. */
export function tracksStartOn(today: string): string {
  return addDays(today, -5 * 365 - 30);
}

/** Holidays are cancelled from the tracks' start to a year ahead. */
export function holidaysUntil(today: string): string {
  return addDays(today, 365);
}

/** A demo track's stored series and its exceptions (the holidays it does not meet on). */
export function demoTrackSeries(
  track: number,
  today: string,
): { series: Series; exceptions: SeriesException[] } {
  const definition = DEMO_TRACKS[track]!;
  const pattern = weeklyPatternSchema.parse({ slots: definition.slots });
  return {
    series: {
      timeZone: DEMO_SITES[definition.site]!.timeZone,
      startsOn: tracksStartOn(today),
      endsOn: null,
      pattern,
    },
    exceptions: planHolidayCancellations(pattern.slots, tracksStartOn(today), holidaysUntil(today)),
  };
}

/** The track a counselor facilitates: the site's counselors take turns across its tracks. */
export function facilitatedTrack(site: number, counselor: number): number {
  const siteTracks = DEMO_TRACKS.flatMap((t, i) => (t.site === site ? [i] : []));
  return siteTracks[counselor % siteTracks.length]!;
}

/** The rooms of each site: the tracks' group rooms, then two counseling rooms and a family room. */
export const DEMO_COUNSELING_ROOMS = ["counseling room 1", "counseling room 2", "family room"] as const;
/** Index of the family room among a site's counseling rooms. */
export const FAMILY_ROOM = 2;

export function counselingRoomName(site: number, room: number): string {
  return `${DEMO_SITES[site]!.name}, ${DEMO_COUNSELING_ROOMS[room]}`;
}

/** One occurrence of a track's series. */
export interface DemoSession {
  track: number;
  /** The occurrence key ("2026-11-26T18:00"): marks and exceptions name it. */
  key: string;
  /** Local date and times in the track's zone. */
  date: string;
  start: string;
  end: string;
  /** UTC instants (ISO 8601). */
  startsAt: string;
  endsAt: string;
  endsAtMs: number;
  minutes: number;
  /** Cancelled by the program (a holiday): no one is marked. */
  cancelled: boolean;
}

/** The track's sessions from `from` through `to` (local dates), in order. */
export function expandDemoSessions(track: number, today: string, from: string, to: string): DemoSession[] {
  const { series, exceptions } = demoTrackSeries(track, today);
  return expandSeries(series, exceptions, from, to).flatMap((o) =>
    o.problem !== null
      ? []
      : [
          {
            track,
            key: o.key,
            date: o.date,
            start: o.start,
            end: o.end,
            startsAt: o.startsAt,
            endsAt: o.endsAt,
            endsAtMs: Date.parse(o.endsAt),
            minutes: o.durationMinutes,
            cancelled: o.status === "cancelled",
          },
        ],
  );
}

/** The sessions dated from `from` through `to` (inclusive) of a list in date order. */
export function sessionsBetween(sessions: readonly DemoSession[], from: string, to: string): DemoSession[] {
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sessions[mid]!.date < from) lo = mid + 1;
    else hi = mid;
  }
  const out: DemoSession[] = [];
  for (let i = lo; i < sessions.length && sessions[i]!.date <= to; i++) out.push(sessions[i]!);
  return out;
}

/** Today's date in a zone at the instant `nowMs`. */
export function localToday(zone: string, nowMs: number): string {
  return Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone).toPlainDate().toString();
}
