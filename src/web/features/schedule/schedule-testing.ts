import { configure } from "@testing-library/react";
import i18n from "i18next";
import type { RecordedMark, Roster } from "../../../core/attendance/roster.schema";
import type { Track, TrackOccurrences } from "../../../core/schedule/tracks.schema";
import { scheduleEn } from "../../i18n/schedule.en";
import { setUpAdminDom } from "../admin/admin-testing";

/** Test data for the schedule pages. Everyone is fictional. Tests only. */

/**
 * The shared jsdom set-up plus the "admin" and "schedule" namespaces in English. A page here waits
 * for two or three calls in a row, so queries wait up to 5 s for it (test files share two cores).
 */
export async function setUpScheduleDom(): Promise<void> {
  configure({ asyncUtilTimeout: 5000 });
  await setUpAdminDom();
  i18n.addResourceBundle("en", "schedule", scheduleEn, true, true);
}

export const SITE_ID = "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f";
export const TRACK_ID = "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
export const OTHER_TRACK_ID = "9d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a";
/** The signed-in staff member of `sessionWith` (admin-testing). */
export const ME = "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10";
export const COLLEAGUE = "3698896a-eb30-5263-976d-a14b0399db0c";
export const RILEY = "3f0c2b1a-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
export const SAM = "4a1d3c2b-0e9f-4a8b-9c7d-6e5f4a3b2c1d";
export const ARI = "5b2e4d3c-1f0a-4b9c-8d8e-7f6a5b4c3d2e";

export const KEY = "2026-11-26T18:00";

export function aTrack(change: Partial<Track> = {}): Track {
  return {
    id: TRACK_ID,
    siteId: SITE_ID,
    siteName: "Riverside",
    name: "Adult evening",
    levelOfCare: "2.1",
    audience: "adult",
    timeZone: "America/New_York",
    startsOn: "2026-09-07",
    endsOn: null,
    pattern: {
      slots: [1, 2, 4].map((weekday) => ({ weekday, start: "18:00", end: "21:00" })),
    },
    location: "Group room A",
    telehealth: false,
    capacity: 14,
    enrolledCount: 3,
    waitlistCount: 0,
    facilitators: [{ id: ME, name: "Dana Director" }],
    ...change,
  };
}

type Occurrence = TrackOccurrences["occurrences"][number];

/** A session on `date`, 18:00–21:00 New York time (winter, UTC−5) unless `change` says otherwise. */
export function anOccurrence(date: string, change: Partial<Occurrence> = {}): Occurrence {
  const [y, m, d] = date.split("-").map(Number);
  const instant = (time: string) => {
    const [h, min] = time.split(":").map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!, h! + 5, min!)).toISOString();
  };
  const startsAt = instant(change.start ?? "18:00");
  const endsAt = instant(change.end ?? "21:00");
  return {
    key: `${date}T18:00`,
    originalDate: date,
    date,
    start: "18:00",
    end: "21:00",
    startsAt,
    endsAt,
    durationMinutes: 180,
    status: "scheduled",
    problem: null,
    exception: null,
    marksRecorded: 0,
    ...change,
  };
}

export function occurrencesOf(track: Track, occurrences: Occurrence[], from: string, to: string) {
  return {
    track: { id: track.id, name: track.name, timeZone: track.timeZone },
    from,
    to,
    occurrences,
  } satisfies TrackOccurrences;
}

export function savedMark(change: Partial<RecordedMark> = {}): RecordedMark {
  return {
    status: "present",
    minutesAttended: 180,
    sessionMinutes: 180,
    telehealth: false,
    note: null,
    recordedAt: "2026-11-26T21:05:00.000Z",
    recordedBy: { id: ME, name: "Dana Director" },
    ...change,
  };
}

/** The roster of the Thursday evening session: Riley, Sam and Ari enrolled. */
export function aRoster(
  options: { marks?: Record<string, RecordedMark>; occurrence?: Partial<Roster["occurrence"]> } = {},
): Roster {
  const people = [
    { id: RILEY, name: "Riley Stone" },
    { id: SAM, name: "Sam Ortega" },
    { id: ARI, name: "Ari Kim" },
  ];
  return {
    occurrence: {
      key: KEY,
      track: { id: TRACK_ID, name: "Adult evening", timeZone: "America/New_York", telehealth: false },
      date: "2026-11-26",
      start: "18:00",
      end: "21:00",
      status: "scheduled",
      problem: null,
      startsAt: "2026-11-26T23:00:00.000Z",
      endsAt: "2026-11-27T02:00:00.000Z",
      durationMinutes: 180,
      exception: null,
      ...options.occurrence,
    },
    participants: people.map((participant) => ({
      participant,
      mark: options.marks?.[participant.id] ?? null,
    })),
  };
}
