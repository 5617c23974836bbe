import { Temporal } from "temporal-polyfill";
import { addDays } from "../platform/dates";
import { expandSeries } from "./recurrence.rules";
import type { ReminderChannel, ReminderMoment, ReminderSettings } from "./reminder-settings.schema";
import type { Series, SeriesException } from "./track-pattern.schema";

/**
 * Which session reminders are due at a moment. The reminder job runs every few minutes; each run
 * asks what is due *now* and the storage's unique key (session, participant, moment, channel) makes
 * a second run — or a second process — send nothing again.
 *
 * Each reminder has a window in which it may go out, [opensAt, closesAt):
 * - **Day before** opens at the set local time on the day before the session (the site's zone) and
 *   closes at local midnight, at the session's start, or when the same-day reminder opens, whichever
 *   comes first. So it never says "tomorrow" on the day itself and never doubles up with the same-day
 *   one; a session booked after the hour still gets it that evening.
 * - **Same day** opens the set number of hours before the start and closes at the start.
 * - **Nothing is ever sent once the session has started.** Cancelled group sessions and sessions
 *   whose local time does not exist (spring forward, not yet moved) are not reminded; a moved group
 *   session is reminded at its new time.
 */

const HOUR_MS = 3_600_000;

/**
 * How far ahead of now the job must look: a day-before reminder at 00:00 for a session late the next
 * evening opens about 48 hours before it; an hour more covers a DST change.
 */
export const REMINDER_HORIZON_HOURS = 49;

export type ReminderSessionKind = "group" | "appointment";

export interface ReminderSession {
  /** `group:<trackId>:<occurrenceKey>` or `appointment:<id>` (the key deliveries are stored under). */
  key: string;
  kind: ReminderSessionKind;
  /** UTC instants, e.g. "2026-11-24T23:00:00.000Z". */
  startsAt: string;
  endsAt: string;
  /** The local date it takes place (a group's: in the series' zone), for who is enrolled that day. */
  localDate: string;
  /** The zone in which reminder hours are counted and times are shown (the site's). */
  timeZone: string;
}

export function groupSessionKey(trackId: string, occurrenceKey: string): string {
  return `group:${trackId}:${occurrenceKey}`;
}

export function appointmentSessionKey(appointmentId: string): string {
  return `appointment:${appointmentId}`;
}

/** The instants a job run must read sessions for: those starting after now, up to the horizon. */
export function reminderHorizon(now: Date): { from: Date; to: Date } {
  return { from: now, to: new Date(now.getTime() + REMINDER_HORIZON_HOURS * HOUR_MS) };
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date | string, zone: string): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** The instant a local date and time happen in a zone (a time in a DST gap moves forward with it). */
function instantAt(zone: string, date: string, time: string): number {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(zone, { disambiguation: "compatible" })
    .toInstant().epochMilliseconds;
}

export interface ReminderWindow {
  opensAt: number;
  closesAt: number;
}

/** When the reminder of `moment` for `session` may be sent, or null when it is switched off or has no room. */
export function reminderWindow(
  session: ReminderSession,
  moment: ReminderMoment,
  settings: ReminderSettings,
): ReminderWindow | null {
  const start = Date.parse(session.startsAt);
  const sameDayOpens = start - settings.sameDay.hoursBefore * HOUR_MS;
  let window: ReminderWindow | null = null;
  if (moment === "same_day" && settings.sameDay.enabled) {
    window = { opensAt: sameDayOpens, closesAt: start };
  }
  if (moment === "day_before" && settings.dayBefore.enabled) {
    const date = localDateOf(session.startsAt, session.timeZone);
    const midnight = instantAt(session.timeZone, date, "00:00");
    const opensAt = instantAt(session.timeZone, addDays(date, -1), settings.dayBefore.at);
    const closesAt = Math.min(start, midnight, settings.sameDay.enabled ? sameDayOpens : start);
    window = { opensAt, closesAt };
  }
  return window && window.opensAt < window.closesAt ? window : null;
}

/** The moments whose reminder for `session` may go out at `now`. */
export function dueMoments(
  session: ReminderSession,
  settings: ReminderSettings,
  now: Date,
): ReminderMoment[] {
  const at = now.getTime();
  return (["day_before", "same_day"] as const).filter((moment) => {
    const window = reminderWindow(session, moment, settings);
    return window !== null && window.opensAt <= at && at < window.closesAt;
  });
}

/** How a participant can be reached: the email of their account and their phone, when they have them. */
export interface ReminderRecipient {
  participantId: string;
  email: string | null;
  phone: string | null;
}

export interface ReminderAttendance {
  session: ReminderSession;
  recipient: ReminderRecipient;
}

export interface DueReminder {
  sessionKey: string;
  participantId: string;
  moment: ReminderMoment;
  channel: ReminderChannel;
}

/**
 * Every reminder due at `now`: per session and participant, each due moment on each channel the
 * program uses and the participant can be reached by (SMS only when this installation has an SMS
 * channel). In a stable order, so concurrent runs claim them in the same order.
 */
export function findDueReminders(input: {
  now: Date;
  settings: ReminderSettings;
  smsAvailable: boolean;
  attendances: readonly ReminderAttendance[];
}): DueReminder[] {
  const { now, settings } = input;
  const due: DueReminder[] = [];
  for (const { session, recipient } of input.attendances) {
    const channels: ReminderChannel[] = [];
    if (settings.channels.email && recipient.email) channels.push("email");
    if (settings.channels.sms && input.smsAvailable && recipient.phone) channels.push("sms");
    if (channels.length === 0) continue;
    for (const moment of dueMoments(session, settings, now)) {
      for (const channel of channels) {
        due.push({ sessionKey: session.key, participantId: recipient.participantId, moment, channel });
      }
    }
  }
  const order = (r: DueReminder) =>
    `${r.sessionKey}\u0000${r.participantId}\u0000${r.moment}\u0000${r.channel}`;
  return due.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/**
 * A track's group sessions that start after `now` and within the horizon, as reminder sessions:
 * cancelled ones and those without a real time are left out, moved ones are at their new time.
 * `timeZone` is where reminders are counted and shown (the site's).
 */
export function upcomingGroupSessions(
  track: { id: string; series: Series; exceptions: readonly SeriesException[]; timeZone: string },
  now: Date,
): ReminderSession[] {
  const { from, to } = reminderHorizon(now);
  const first = addDays(localDateOf(from, track.series.timeZone), -1);
  const last = addDays(localDateOf(to, track.series.timeZone), 1);
  const sessions: ReminderSession[] = [];
  for (const o of expandSeries(track.series, track.exceptions, first, last)) {
    if (o.status === "cancelled" || o.problem !== null) continue;
    const start = Date.parse(o.startsAt);
    if (start <= from.getTime() || start > to.getTime()) continue;
    sessions.push({
      key: groupSessionKey(track.id, o.key),
      kind: "group",
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      localDate: o.date,
      timeZone: track.timeZone,
    });
  }
  return sessions;
}
