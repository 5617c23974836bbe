import { isoWeekStart } from "../../../core/attendance/weekly-hours.rules";
import { addDays } from "../../../core/platform/dates";
import { CALENDAR_VIEWS, type CalendarView } from "../../../core/schedule/calendar.schema";
import type { CalendarRequest } from "./api/get-calendar";

/**
 * What the calendar shows, kept in the address so a view can be bookmarked and shared:
 * `?view=room&site=…&room=…&date=2026-11-26&mode=day`. Anything missing or malformed falls back
 * to a default (the first of my sites, my own calendar, this week).
 */

export const CALENDAR_MODES = ["week", "day"] as const;
export type CalendarMode = (typeof CALENDAR_MODES)[number];

export interface CalendarState {
  view: CalendarView;
  mode: CalendarMode;
  /** The day asked for (its week in the week view); null for today. */
  date: string | null;
  siteId: string | null;
  roomId: string | null;
  staffId: string | null;
  participantId: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const idOf = (value: string | null) => (value !== null && UUID.test(value) ? value : null);

/** The state an address holds; the defaults come later, from who is signed in. */
export function parseCalendarParams(params: URLSearchParams): CalendarState {
  const view = params.get("view");
  const mode = params.get("mode");
  const date = params.get("date");
  return {
    view: (CALENDAR_VIEWS as readonly string[]).includes(view ?? "") ? (view as CalendarView) : "staff",
    mode: mode === "day" ? "day" : "week",
    date: date !== null && ISO_DATE.test(date) && !Number.isNaN(Date.parse(date)) ? date : null,
    siteId: idOf(params.get("site")),
    roomId: idOf(params.get("room")),
    staffId: idOf(params.get("staff")),
    participantId: idOf(params.get("participant")),
  };
}

/** The address of a state: only what differs from the defaults, so plain links stay plain. */
export function calendarSearch(state: CalendarState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view !== "staff") params.set("view", state.view);
  if (state.mode !== "week") params.set("mode", state.mode);
  if (state.date) params.set("date", state.date);
  if (state.siteId) params.set("site", state.siteId);
  if (state.view === "room" && state.roomId) params.set("room", state.roomId);
  if (state.view === "staff" && state.staffId) params.set("staff", state.staffId);
  if (state.view === "participant" && state.participantId) params.set("participant", state.participantId);
  return params;
}

/** The dates shown: Monday to Sunday of the day's week, or the day alone. */
export function rangeOf(day: string, mode: CalendarMode): { from: string; to: string } {
  if (mode === "day") return { from: day, to: day };
  const from = isoWeekStart(day);
  return { from, to: addDays(from, 6) };
}

/** The day one step back or forward: a week in the week view, a day in the day view. */
export function stepDay(day: string, mode: CalendarMode, direction: -1 | 1): string {
  return addDays(day, direction * (mode === "week" ? 7 : 1));
}

/** The request for the view, or null while it lacks what it needs (a site, a room, a person). */
export function calendarRequestOf(
  state: CalendarState,
  range: { from: string; to: string },
): CalendarRequest | null {
  const { view, siteId, roomId, staffId, participantId } = state;
  if (view === "participant") return participantId ? { view, ...range, participantId } : null;
  if (!siteId) return null;
  if (view === "room") return roomId ? { view, ...range, siteId, roomId } : null;
  if (view === "staff") return staffId ? { view, ...range, siteId, staffId } : null;
  return { view, ...range, siteId };
}
