import { fireEvent, waitFor, within } from "@testing-library/react";
import i18n from "i18next";
import type { WeeklyHoursView } from "../../../core/attendance/roster.schema";
import type { CalendarEntry, MySchedule } from "../../../core/schedule/calendar.schema";
import type { Enrollment, ParticipantEnrollments } from "../../../core/schedule/enrollment.schema";
import { participantScheduleEn } from "../../i18n/participant-schedule.en";
import { participantScheduleEs } from "../../i18n/participant-schedule.es";
import { setUpScheduleDom } from "../schedule/schedule-testing";

/** Test data for a participant's schedule (chart tab, track enrollment, My week). Everyone is fictional. Tests only. */

/** The schedule set-up plus the "participantSchedule" namespace in English and Spanish. */
export async function setUpParticipantScheduleDom(): Promise<void> {
  await setUpScheduleDom();
  i18n.addResourceBundle("en", "participantSchedule", participantScheduleEn, true, true);
  i18n.addResourceBundle("es", "participantSchedule", participantScheduleEs, true, true);
}

export const PARTICIPANT = "2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40";
export const EPISODE = "7e1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b";
export const ENROLLMENT = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d";
/** Monday of the week the tests live in (Thursday 12 March 2026 is "today"). */
export const MONDAY = "2026-03-09";
export const TODAY = "2026-03-12";

type WeekSession = WeeklyHoursView["sessions"][number];

/** A 3-hour evening session of Adult evening on `date`, with a mark or none. */
export function aWeekSession(date: string, mark: WeekSession["mark"] = null): WeekSession {
  return {
    track: { id: "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", name: "Adult evening" },
    key: `${date}T18:00`,
    date,
    start: "18:00",
    end: "21:00",
    status: "scheduled",
    scheduledMinutes: 180,
    mark,
  };
}

/**
 * A week of three evening sessions (Mon, Tue, Thu), 9 h against a 9 h minimum: Monday present,
 * Tuesday absent without excuse, Thursday (today) still to come — projected 6 h, cannot reach.
 */
export function aWeeklyHours(change: Partial<WeeklyHoursView> = {}): WeeklyHoursView {
  const days = Array.from({ length: 7 }, (_, i) => ({
    date: `2026-03-${String(9 + i).padStart(2, "0")}`,
    scheduledMinutes: [0, 1, 3].includes(i) ? 180 : 0,
    attendedMinutes: i === 0 ? 180 : 0,
    openMinutes: i === 3 ? 180 : 0,
    counts: i === 0,
  }));
  return {
    participantId: PARTICIPANT,
    today: TODAY,
    timeZone: "America/New_York",
    weekStart: MONDAY,
    weekEnd: "2026-03-15",
    weekState: "in_progress",
    ageGroup: "adult",
    scheduledMinutes: 540,
    cancelledMinutes: 0,
    attendedMinutes: 180,
    openMinutes: 180,
    openSessions: 1,
    unrecordedSessions: 0,
    projectedMinutes: 360,
    minimumMinutes: 540,
    maximumMinutes: 1200,
    shortfallMinutes: 180,
    verdict: "cannot_reach",
    scheduleBelowMinimum: false,
    scheduleAtOrAboveMaximum: false,
    byKind: {
      group: { scheduledMinutes: 540, attendedMinutes: 180 },
      individual: { scheduledMinutes: 0, attendedMinutes: 0 },
      family: { scheduledMinutes: 0, attendedMinutes: 0 },
    },
    days,
    payer: {
      dailyMinimumMinutes: 180,
      daysRequired: 3,
      countingDays: 1,
      possibleDays: 1,
      scheduledDays: 3,
      verdict: "cannot_reach",
    },
    sessions: [
      aWeekSession("2026-03-09", { status: "present", minutesAttended: 180 }),
      aWeekSession("2026-03-10", { status: "absent_unexcused", minutesAttended: 0 }),
      aWeekSession("2026-03-12"),
    ],
    appointments: [],
    ...change,
  };
}

export function anEnrollment(change: Partial<Enrollment> = {}): Enrollment {
  return {
    id: ENROLLMENT,
    episodeId: EPISODE,
    track: { id: "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", name: "Adult evening" },
    status: "enrolled",
    joinedOn: "2026-02-02",
    exitedOn: null,
    exitReason: null,
    waitlistedAt: null,
    waitlistPosition: null,
    ...change,
  };
}

export function enrollmentsOf(enrollments: Enrollment[], currentEpisodeId: string | null = EPISODE) {
  return { participantId: PARTICIPANT, currentEpisodeId, enrollments } satisfies ParticipantEnrollments;
}

/** A group session of Adult evening on `date`, 18:00–21:00 New York time (winter). */
export function aCalendarEntry(date: string, change: Partial<CalendarEntry> = {}): CalendarEntry {
  const [y, m, d] = date.split("-").map(Number);
  const instant = (hour: number) => new Date(Date.UTC(y!, m! - 1, d!, hour + 4)).toISOString();
  return {
    id: `group:8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f:${date}T18:00`,
    kind: "group",
    title: "Adult evening",
    status: "scheduled",
    date,
    start: "18:00",
    end: "21:00",
    timeZone: "America/New_York",
    startsAt: instant(18),
    endsAt: instant(21),
    problem: null,
    location: "Group room A",
    room: { id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", name: "Group room A" },
    telehealth: false,
    videoLink: null,
    staff: [{ id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", name: "Jordan Alvarez" }],
    group: {
      trackId: "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
      trackName: "Adult evening",
      occurrenceKey: `${date}T18:00`,
      placesTaken: 9,
      capacity: 14,
      exception: null,
    },
    appointment: null,
    participant: { id: PARTICIPANT, name: "Casey Rivers" },
    ...change,
  };
}

export function aMySchedule(entries: CalendarEntry[], from = MONDAY, to = "2026-03-15"): MySchedule {
  return { participantId: PARTICIPANT, from, to, timeZone: "America/New_York", entries };
}

/** Open a Mantine select and choose the option whose label starts with `option`. */
export async function pick(combobox: HTMLElement, option: RegExp) {
  fireEvent.focus(combobox);
  fireEvent.click(combobox);
  fireEvent.keyDown(combobox, { key: "ArrowDown" });
  const listbox = await waitFor(() => {
    const list = document.getElementById(combobox.getAttribute("aria-controls") ?? "");
    if (!list) throw new Error("The dropdown did not open");
    return list;
  });
  const options = await within(listbox).findAllByRole("option", { name: option, hidden: true });
  const choice = options.find((o) => o.hasAttribute("data-combobox-option"));
  if (!choice) throw new Error(`No ${option} in the dropdown`);
  fireEvent.click(choice);
}
