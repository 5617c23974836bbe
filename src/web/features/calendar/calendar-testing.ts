import i18n from "i18next";
import type { Appointment } from "../../../core/schedule/appointment.schema";
import type { CalendarEntry } from "../../../core/schedule/calendar.schema";
import { calendarEn } from "../../i18n/calendar.en";
import { setUpScheduleDom } from "../schedule/schedule-testing";

/** Test data for the calendar pages. Everyone is fictional. Tests only. */

/** The shared jsdom set-up plus the "calendar" namespace in English. */
export async function setUpCalendarDom(): Promise<void> {
  await setUpScheduleDom();
  i18n.addResourceBundle("en", "calendar", calendarEn, true, true);
}

export const SITE_ID = "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f";
export const ROOM_ID = "6e8a7d3b-2c4f-4d9e-8f1a-2b3c4d5e6f70";
export const OTHER_ROOM_ID = "7f9b8e4c-3d5a-4e0f-9a2b-3c4d5e6f7a81";
export const TRACK_ID = "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
/** The signed-in staff member of `sessionWith` (admin-testing). */
export const ME = "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10";
export const COLLEAGUE = "3698896a-eb30-5263-976d-a14b0399db0c";
export const RILEY = "3f0c2b1a-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
export const APPOINTMENT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
export const FAMILY_APPOINTMENT_ID = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";

export const SITE = {
  id: SITE_ID,
  name: "Riverside",
  timeZone: "America/New_York",
  onCallPhone: "",
  staffCount: 4,
  currentParticipants: 20,
};

/** Wall time in New York in November (UTC−5) as an instant. */
function instant(date: string, time: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, h! + 5, min!)).toISOString();
}

/** An individual session with Riley, run by me, in Room 2, unless `change` says otherwise. */
export function anEntry(change: Partial<CalendarEntry> = {}): CalendarEntry {
  const date = change.date ?? "2026-11-24";
  const start = change.start ?? "10:00";
  const end = change.end ?? "11:00";
  return {
    id: `appointment:${APPOINTMENT_ID}`,
    kind: "individual",
    title: "Riley Stone",
    status: "scheduled",
    date,
    start,
    end,
    timeZone: "America/New_York",
    startsAt: instant(date, start),
    endsAt: instant(date, end),
    problem: null,
    location: "Room 2",
    room: { id: ROOM_ID, name: "Room 2" },
    telehealth: false,
    videoLink: null,
    staff: [{ id: ME, name: "Dana Director" }],
    group: null,
    appointment: { id: APPOINTMENT_ID, seriesId: null },
    participant: { id: RILEY, name: "Riley Stone" },
    ...change,
  };
}

/** The Monday evening group, 18:00–21:00, facilitated by me. */
export function aGroupEntry(change: Partial<CalendarEntry> = {}): CalendarEntry {
  return anEntry({
    id: `group:${TRACK_ID}:2026-11-23T18:00`,
    kind: "group",
    title: "Adult evening",
    date: "2026-11-23",
    start: "18:00",
    end: "21:00",
    startsAt: instant("2026-11-23", "18:00"),
    endsAt: instant("2026-11-23", "21:00"),
    location: "Group room A",
    room: { id: OTHER_ROOM_ID, name: "Group room A" },
    group: {
      trackId: TRACK_ID,
      trackName: "Adult evening",
      occurrenceKey: "2026-11-23T18:00",
      placesTaken: 9,
      capacity: 14,
      exception: null,
    },
    appointment: null,
    participant: null,
    ...change,
  });
}

export function anAppointment(change: Partial<Appointment> = {}): Appointment {
  return {
    id: APPOINTMENT_ID,
    seriesId: null,
    siteId: SITE_ID,
    participant: { id: RILEY, name: "Riley Stone" },
    kind: "individual",
    staff: { id: ME, name: "Dana Director" },
    room: { id: ROOM_ID, name: "Room 2" },
    location: "",
    telehealth: false,
    timeZone: "America/New_York",
    date: "2026-11-24",
    start: "10:00",
    end: "11:00",
    startsAt: instant("2026-11-24", "10:00"),
    endsAt: instant("2026-11-24", "11:00"),
    durationMinutes: 60,
    familyAttendees: [],
    status: "scheduled",
    cancelReason: null,
    attendance: null,
    ...change,
  };
}

/** A 409 SCHEDULE_CONFLICT body listing `conflicts`. */
export function conflictBody(
  conflicts: Partial<import("../../../core/schedule/appointment.schema").ScheduleConflictView>[],
) {
  return {
    error: {
      code: "SCHEDULE_CONFLICT",
      message: "This time clashes with other sessions: nothing was booked.",
      fields: conflicts.map((c) => ({ path: c.field ?? "start", message: c.message ?? "" })),
      conflicts: conflicts.map((c) => ({
        field: "start",
        source: "unavailability",
        date: "2026-11-24",
        start: "10:00",
        message: "",
        overridable: false,
        ...c,
      })),
    },
  };
}
