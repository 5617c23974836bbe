import { addDays } from "../../core/platform/dates";
import { DomainError, type FieldError } from "../../core/platform/errors";
import type { AppointmentKind } from "../../core/schedule/appointment.schema";
import {
  type BusyInterval,
  findConflicts,
  type ProposedSession,
  unavailabilityIntervals,
} from "../../core/schedule/conflicts.rules";
import { expandSeries } from "../../core/schedule/recurrence.rules";
import {
  UNAVAILABILITY_REASON_WORDS,
  type UnavailabilityReason,
} from "../../core/schedule/unavailability.schema";
import type { Queryable } from "../db/connection";
import * as store from "./appointments.sql";
import { seriesExceptionOf, seriesOfTrack } from "./track-series";

/**
 * The conflict check of a booking or a move, inside its transaction: what already takes the staff
 * member's, the room's and the participant's time (appointments, group sessions, declared
 * unavailability) as labelled busy intervals, judged by the pure `conflicts.rules.ts`.
 */

const SESSION_WORDS: Record<AppointmentKind, string> = {
  individual: "an individual session",
  family: "a family session",
};

/** Who and what a proposed time is checked against, with the names conflict messages use. */
export interface Who {
  staffId: string;
  staffName: string;
  roomId: string | null;
  roomName: string;
  participantId: string;
  firstName: string;
}

/** The advisory-lock keys of a booking: its staff member, room and participant. */
export function lockKeysOf(who: Pick<Who, "staffId" | "roomId" | "participantId">): string[] {
  return [
    `schedule:staff:${who.staffId}`,
    `schedule:participant:${who.participantId}`,
    ...(who.roomId ? [`schedule:room:${who.roomId}`] : []),
  ];
}

export function unique(fields: readonly FieldError[]): FieldError[] {
  return [...new Map(fields.map((f) => [`${f.path}\u0000${f.message}`, f])).values()];
}

/** The group sessions that take the staff member's, the room's or the participant's time around `dates`. */
async function groupBusy(q: Queryable, who: Who, sessions: readonly ProposedSession[]) {
  const dates = sessions.map((s) => s.date).sort();
  const from = addDays(dates[0]!, -1);
  const to = addDays(dates[dates.length - 1]!, 1);
  const near = new Set(sessions.flatMap((s) => [addDays(s.date, -1), s.date, addDays(s.date, 1)]));
  const tracks = await store.listBusyTracks(q, who);
  const ids = tracks.map((t) => t.id);
  // One query at a time: `q` is the booking's transaction (one connection).
  const exceptions = await store.listTrackExceptions(q, ids);
  const spans = await store.listEnrollmentSpans(q, who.participantId, from, to);
  const busy: BusyInterval[] = [];
  for (const track of tracks) {
    const own = spans.filter((s) => s.track_id === track.id);
    const trackExceptions = exceptions.filter((e) => e.track_id === track.id).map(seriesExceptionOf);
    for (const o of expandSeries(seriesOfTrack(track), trackExceptions, from, to)) {
      if (o.status === "cancelled" || o.problem !== null || !near.has(o.date)) continue;
      const times = { startsAt: o.startsAt, endsAt: o.endsAt };
      const runners = o.exception?.kind === "substitute" ? o.exception.facilitatorIds : track.facilitator_ids;
      if (runners.includes(who.staffId)) {
        busy.push({ source: "staff", label: `${who.staffName} has ${track.name} group`, ...times });
      }
      if (who.roomId !== null && track.room_id === who.roomId) {
        busy.push({ source: "room", label: `${who.roomName} has ${track.name} group`, ...times });
      }
      if (own.some((s) => s.joined_on <= o.date && (s.exited_on === null || s.exited_on >= o.date))) {
        busy.push({ source: "participant", label: `${who.firstName} has ${track.name} group`, ...times });
      }
    }
  }
  return busy;
}

/**
 * Refuse the sessions when any clashes (nothing is saved): every clash listed, each naming the
 * field to change. `allowUnavailability` books over the participant's declared unavailability only.
 * Returns how many unavailability clashes were booked over.
 */
export async function assertNoConflicts(
  q: Queryable,
  zone: string,
  who: Who,
  sessions: readonly ProposedSession[],
  options: { excludeIds: readonly string[]; allowUnavailability: boolean },
): Promise<number> {
  const appointments = await store.listBusyAppointments(q, who, sessions, options.excludeIds);
  const groups = await groupBusy(q, who, sessions);
  const windows = await store.listUnavailabilityWindows(q, who.participantId);
  const busy: BusyInterval[] = [...groups];
  for (const a of appointments) {
    const times = { startsAt: a.starts_at, endsAt: a.ends_at };
    const what = SESSION_WORDS[a.kind];
    if (a.staff_id === who.staffId)
      busy.push({ source: "staff", label: `${who.staffName} has ${what}`, ...times });
    if (who.roomId !== null && a.room_id === who.roomId) {
      busy.push({ source: "room", label: `${who.roomName} is booked for ${what}`, ...times });
    }
    if (a.participant_id === who.participantId) {
      busy.push({ source: "participant", label: `${who.firstName} has ${what}`, ...times });
    }
  }
  const labelled = windows.map((w) => {
    const word = UNAVAILABILITY_REASON_WORDS[w.reason as UnavailabilityReason] ?? "";
    return {
      weekday: w.weekday,
      start: w.start_time,
      end: w.end_time,
      label: `${who.firstName} is unavailable${word ? ` (${word})` : ""}`,
    };
  });
  busy.push(
    ...unavailabilityIntervals(
      zone,
      labelled,
      sessions.map((s) => s.date),
    ),
  );

  const all = findConflicts(zone, sessions, busy);
  const conflicts = options.allowUnavailability ? all.filter((c) => !c.overridable) : all;
  if (conflicts.length > 0) {
    const sessionsHit = new Set(conflicts.map((c) => c.date)).size;
    throw new DomainError(
      "SCHEDULE_CONFLICT",
      sessions.length === 1
        ? "This time clashes with other sessions: nothing was booked. Choose another time, staff member or room."
        : `${sessionsHit} of the ${sessions.length} sessions clash with other sessions: nothing was booked.`,
      unique(conflicts.map((c) => ({ path: c.field, message: c.message }))),
      { conflicts },
    );
  }
  return all.length - conflicts.length;
}
