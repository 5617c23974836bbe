import { Temporal } from "temporal-polyfill";
import type { SessionKind } from "../../core/schedule/calendar.schema";
import {
  expandSeries,
  type Occurrence,
  type OccurrenceProblem,
  type OccurrenceStatus,
} from "../../core/schedule/recurrence.rules";
import type { ExceptionKind } from "../../core/schedule/track-pattern.schema";
import type { Queryable } from "../db/connection";
import * as store from "./calendar.sql";
import { seriesExceptionOf, seriesOfTrack } from "./track-series";

/**
 * The sessions of a date range for one scope — a site, a room, a staff member or a participant — as
 * one list of group occurrences (computed from the tracks' series with their exceptions) and
 * appointments (read from their rows). Everything known about each session is here; the calendar
 * views and the iCalendar feeds decide what of it their reader may see.
 */

export type SessionScope =
  | { kind: "site"; siteId: string }
  | { kind: "room"; siteId: string; roomId: string }
  /** A staff member's groups (facilitated, or as a substitute) and appointments; all sites when siteId is null. */
  | { kind: "staff"; staffId: string; siteId: string | null }
  /** A participant's groups (while enrolled) and appointments. */
  | { kind: "participant"; participantId: string };

export interface SessionRange {
  from: string;
  to: string;
  /** Cancelled appointments too (cancelled group sessions are always listed). */
  includeCancelled: boolean;
}

interface Person {
  id: string;
  name: string;
}

export interface SessionItem {
  /** `group:<trackId>:<occurrence key>` or `appointment:<id>`. */
  id: string;
  kind: SessionKind;
  siteId: string;
  status: OccurrenceStatus;
  date: string;
  start: string;
  end: string;
  timeZone: string;
  startsAt: string | null;
  endsAt: string | null;
  problem: OccurrenceProblem | null;
  room: Person | null;
  telehealth: boolean;
  videoLink: string | null;
  /** A place in words, when the session has neither a room nor video. */
  place: string | null;
  staff: Person[];
  group: {
    trackId: string;
    trackName: string;
    occurrenceKey: string;
    placesTaken: number;
    capacity: number;
    exception: { kind: ExceptionKind; reason: string } | null;
  } | null;
  appointment: {
    id: string;
    seriesId: string | null;
    participant: { id: string; siteId: string; givenName: string; familyName: string };
    /** Whether the reader is on the participant's care team. */
    readerOnCareTeam: boolean;
    createdAt: string;
    updatedAt: string;
  } | null;
}

function trackFilterOf(scope: SessionScope): store.TrackFilter {
  switch (scope.kind) {
    case "site":
      return { siteId: scope.siteId };
    case "room":
      return { siteId: scope.siteId, roomId: scope.roomId };
    case "staff":
      return scope.siteId ? { siteId: scope.siteId, staffId: scope.staffId } : { staffId: scope.staffId };
    case "participant":
      return {};
  }
}

function appointmentFilterOf(scope: SessionScope): store.AppointmentFilter {
  switch (scope.kind) {
    case "site":
      return { siteId: scope.siteId };
    case "room":
      return { siteId: scope.siteId, roomId: scope.roomId };
    case "staff":
      return scope.siteId ? { siteId: scope.siteId, staffId: scope.staffId } : { staffId: scope.staffId };
    case "participant":
      return { participantId: scope.participantId };
  }
}

const within = (date: string, span: store.EnrollmentSpanRow) =>
  span.joined_on <= date && (span.exited_on === null || span.exited_on >= date);

/** A track's place: a room, video (the location is then its link), or a place in words. */
function placeOf(row: {
  room_id: string | null;
  room_name: string | null;
  location: string;
  telehealth: boolean;
}) {
  const location = row.location.trim();
  return {
    room: row.room_id && row.room_name !== null ? { id: row.room_id, name: row.room_name } : null,
    telehealth: row.telehealth,
    videoLink: row.telehealth && location !== "" ? location : null,
    place: !row.telehealth && !row.room_id && location !== "" ? location : null,
  };
}

async function readGroupSessions(
  q: Queryable,
  scope: SessionScope,
  range: SessionRange,
): Promise<SessionItem[]> {
  let ownSpans: store.EnrollmentSpanRow[] = [];
  let filter = trackFilterOf(scope);
  if (scope.kind === "participant") {
    ownSpans = await store.listEnrollmentSpansOfParticipant(q, scope.participantId, range.from, range.to);
    filter = { trackIds: [...new Set(ownSpans.map((s) => s.track_id))] };
  }
  const tracks = await store.listTracks(q, filter);
  const trackIds = tracks.map((t) => t.id);
  const [exceptions, spans] = await Promise.all([
    store.listExceptions(q, trackIds),
    store.listEnrollmentSpans(q, trackIds, range.from, range.to),
  ]);
  const substituteNames = await store.namesOf(
    q,
    exceptions.flatMap((e) => e.facilitator_ids),
  );

  const items: SessionItem[] = [];
  for (const track of tracks) {
    const trackExceptions = exceptions.filter((e) => e.track_id === track.id);
    const trackSpans = spans.filter((s) => s.track_id === track.id);
    const mine = ownSpans.filter((s) => s.track_id === track.id);
    const occurrences = expandSeries(
      seriesOfTrack(track),
      trackExceptions.map(seriesExceptionOf),
      range.from,
      range.to,
    );
    for (const o of occurrences) {
      const staff = staffOf(track, o, substituteNames);
      if (scope.kind === "staff" && !staff.some((s) => s.id === scope.staffId)) continue;
      if (scope.kind === "participant" && !mine.some((span) => within(o.date, span))) continue;
      const taken = new Set(trackSpans.filter((span) => within(o.date, span)).map((s) => s.participant_id));
      items.push({
        id: `group:${track.id}:${o.key}`,
        kind: "group",
        siteId: track.site_id,
        status: o.status,
        date: o.date,
        start: o.start,
        end: o.end,
        timeZone: track.time_zone,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        problem: o.problem,
        ...placeOf(track),
        staff,
        group: {
          trackId: track.id,
          trackName: track.name,
          occurrenceKey: o.key,
          placesTaken: taken.size,
          capacity: track.capacity,
          exception: o.exception ? { kind: o.exception.kind, reason: o.exception.reason } : null,
        },
        appointment: null,
      });
    }
  }
  return items;
}

/** Who runs an occurrence: the substitutes named by its exception, otherwise the track's facilitators. */
function staffOf(track: store.CalendarTrackRow, o: Occurrence, names: Map<string, string>): Person[] {
  if (o.exception?.kind !== "substitute") return track.facilitators;
  return o.exception.facilitatorIds.map((id) => ({ id, name: names.get(id) ?? "" }));
}

function localTime(instant: string, zone: string): string {
  return Temporal.Instant.from(instant)
    .toZonedDateTimeISO(zone)
    .toPlainTime()
    .toString({ smallestUnit: "minute" });
}

async function readAppointments(
  q: Queryable,
  scope: SessionScope,
  range: SessionRange,
  readerUserId: string | null,
): Promise<SessionItem[]> {
  const rows = await store.listAppointments(q, appointmentFilterOf(scope), range, readerUserId);
  return rows.map((row) => ({
    id: `appointment:${row.id}`,
    kind: row.kind,
    siteId: row.site_id,
    status: row.status,
    date: row.local_date,
    start: localTime(row.starts_at, row.time_zone),
    end: localTime(row.ends_at, row.time_zone),
    timeZone: row.time_zone,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    problem: null,
    ...placeOf(row),
    staff: [{ id: row.staff_id, name: row.staff_name }],
    group: null,
    appointment: {
      id: row.id,
      seriesId: row.series_id,
      participant: {
        id: row.participant_id,
        siteId: row.participant_site_id,
        givenName: row.given_name,
        familyName: row.family_name,
      },
      readerOnCareTeam: row.on_care_team,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every session of the scope taking place (local date) from `range.from` through `range.to`, in
 * order of local date and start. `readerUserId`: whose care-team membership each appointment carries.
 */
export async function readSessions(
  q: Queryable,
  scope: SessionScope,
  range: SessionRange,
  readerUserId: string | null,
): Promise<SessionItem[]> {
  const [groups, appointments] = await Promise.all([
    readGroupSessions(q, scope, range),
    readAppointments(q, scope, range, readerUserId),
  ]);
  return [...groups, ...appointments].sort(
    (a, b) => compare(a.date, b.date) || compare(a.start, b.start) || compare(a.id, b.id),
  );
}
