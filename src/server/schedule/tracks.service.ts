import { DomainError } from "../../core/platform/errors";
import { checkExceptionAgainstSeries, expandSeries } from "../../core/schedule/recurrence.rules";
import {
  type OccurrenceRef,
  occurrenceKey,
  type Series,
  type SeriesException,
  type WeeklyPattern,
} from "../../core/schedule/track-pattern.schema";
import type { Track, TrackException, TrackOccurrences, TrackUpdate } from "../../core/schedule/tracks.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { filterStaffAtSite } from "../participants/participants.sql";
import * as store from "./tracks.sql";

function toTrack(row: store.TrackRow): Track {
  return {
    id: row.id,
    siteId: row.site_id,
    siteName: row.site_name,
    name: row.name,
    levelOfCare: row.level_of_care,
    audience: row.audience,
    timeZone: row.time_zone,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    pattern: row.pattern,
    location: row.location,
    telehealth: row.telehealth,
    capacity: row.capacity,
    enrolledCount: row.enrolled_count,
    waitlistCount: row.waitlist_count,
    facilitators: row.facilitators,
  };
}

/** The stored series of a track (its pattern was validated when saved). */
function seriesOf(row: store.TrackRow): Series {
  return {
    timeZone: row.time_zone,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    pattern: row.pattern as WeeklyPattern,
  };
}

function refOfKey(key: string): OccurrenceRef {
  return { date: key.slice(0, 10), start: key.slice(11) };
}

/** A stored exception as the core's vocabulary. */
function toSeriesException(row: store.ExceptionRow): SeriesException {
  const on = refOfKey(row.occurrenceKey);
  if (row.kind === "moved") {
    return {
      kind: "moved",
      on,
      reason: row.reason,
      movedTo: { date: row.movedOn!, start: row.movedStart!, end: row.movedEnd! },
    };
  }
  if (row.kind === "substitute") {
    return { kind: "substitute", on, reason: row.reason, facilitatorIds: row.facilitatorIds };
  }
  return { kind: "cancelled", on, reason: row.reason };
}

function toTrackException(row: store.ExceptionRow, names: Map<string, string>): TrackException {
  return {
    id: row.id,
    key: row.occurrenceKey,
    kind: row.kind as TrackException["kind"],
    on: refOfKey(row.occurrenceKey),
    reason: row.reason,
    movedTo: row.movedOn !== null ? { date: row.movedOn, start: row.movedStart!, end: row.movedEnd! } : null,
    facilitators: row.facilitatorIds.map((id) => ({ id, name: names.get(id) ?? "" })),
  };
}

/** Tracks and their group series: the list, the edit, the occurrences and their exceptions. */
export function createTracksService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /** A track the actor may see (at one of their sites); otherwise not found. */
  async function visibleTrack(q: Queryable, actor: Actor, id: string): Promise<store.TrackRow> {
    const row = await store.findAtSites(q, id, actor.access.siteIds);
    if (!row) throw new DomainError("NOT_FOUND", "No such track.");
    return row;
  }

  async function assertStaffAtSite(q: Queryable, siteId: string, userIds: readonly string[], path: string) {
    const atSite = new Set(await filterStaffAtSite(q, siteId, userIds));
    const fields = userIds.flatMap((id, index) =>
      atSite.has(id)
        ? []
        : [{ path: `${path}.${index}`, message: "Choose a staff member who works at this track's site." }],
    );
    if (fields.length > 0) throw new DomainError("VALIDATION_FAILED", undefined, fields);
  }

  return {
    /** Tracks at the actor's sites, or at one of them. */
    async listTracks(actor: Actor, siteId: string | undefined): Promise<{ tracks: Track[] }> {
      if (siteId !== undefined && !actor.access.siteIds.includes(siteId)) {
        throw new DomainError("NOT_FOUND", "No such site.");
      }
      const rows = await store.listBySites(db, siteId ? [siteId] : actor.access.siteIds);
      return { tracks: rows.map(toTrack) };
    },

    async updateTrack(actor: Actor, id: string, input: TrackUpdate, context: AuditContext): Promise<Track> {
      const at = now();
      await db.transaction(async (tx) => {
        await store.lockById(tx, id);
        const track = await visibleTrack(tx, actor, id);
        await assertStaffAtSite(tx, track.site_id, input.facilitatorIds, "facilitatorIds");
        if (input.capacity < track.enrolled_count) {
          throw new DomainError(
            "SCHEDULE_CAPACITY_BELOW_ENROLLED",
            `${track.enrolled_count} participants are enrolled in this track; the capacity cannot be less. Move or discharge participants first.`,
            "capacity",
          );
        }
        await store.update(tx, id, {
          pattern: input.pattern,
          location: input.location,
          telehealth: input.telehealth,
          capacity: input.capacity,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        });
        await store.replaceFacilitators(tx, id, input.facilitatorIds);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.track_update",
            resourceType: "track",
            resourceId: id,
            purpose: "operations",
            details: {
              sessionsPerWeek: input.pattern.slots.length,
              capacity: input.capacity,
              startsOn: input.startsOn,
              endsOn: input.endsOn,
              telehealth: input.telehealth,
              facilitators: input.facilitatorIds.length,
            },
          },
          at,
        );
      });
      return toTrack(await visibleTrack(db, actor, id));
    },

    /** The track's occurrences taking place from `from` through `to`, exceptions applied, marks counted. */
    async listOccurrences(actor: Actor, id: string, from: string, to: string): Promise<TrackOccurrences> {
      const track = await visibleTrack(db, actor, id);
      const exceptionRows = await store.listExceptions(db, id);
      const names = await store.namesOf(
        db,
        exceptionRows.flatMap((r) => r.facilitatorIds),
      );
      const byKey = new Map(exceptionRows.map((r) => [r.occurrenceKey, toTrackException(r, names)]));
      const occurrences = expandSeries(seriesOf(track), exceptionRows.map(toSeriesException), from, to);
      const marks = await store.countMarksByOccurrence(
        db,
        id,
        occurrences.map((o) => o.key),
      );
      return {
        track: { id: track.id, name: track.name, timeZone: track.time_zone },
        from,
        to,
        occurrences: occurrences.map((o) => ({
          key: o.key,
          originalDate: o.originalDate,
          date: o.date,
          start: o.start,
          end: o.end,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          durationMinutes: o.durationMinutes,
          status: o.status,
          problem: o.problem,
          exception: byKey.get(o.key) ?? null,
          marksRecorded: marks.get(o.key) ?? 0,
        })),
      };
    },

    async addException(
      actor: Actor,
      id: string,
      input: SeriesException,
      context: AuditContext,
    ): Promise<TrackException> {
      const at = now();
      const key = occurrenceKey(input.on);
      const row = await db.transaction(async (tx) => {
        await store.lockById(tx, id);
        const track = await visibleTrack(tx, actor, id);
        const problems = checkExceptionAgainstSeries(seriesOf(track), input);
        if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", undefined, problems);
        if (input.kind === "substitute") {
          await assertStaffAtSite(tx, track.site_id, input.facilitatorIds, "facilitatorIds");
        }
        if (await store.findExceptionByKey(tx, id, key)) {
          throw new DomainError(
            "SCHEDULE_EXCEPTION_EXISTS",
            `The session of ${input.on.date} at ${input.on.start} already has an exception. Remove it first to change it.`,
            "on.date",
          );
        }
        const inserted = await store.insertException(tx, {
          trackId: id,
          occurrenceKey: key,
          kind: input.kind,
          reason: input.reason,
          movedOn: input.kind === "moved" ? input.movedTo.date : null,
          movedStart: input.kind === "moved" ? input.movedTo.start : null,
          movedEnd: input.kind === "moved" ? input.movedTo.end : null,
          facilitatorIds: input.kind === "substitute" ? input.facilitatorIds : [],
          createdBy: actor.user.id,
          createdAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "settings.track_exception_add",
            resourceType: "track",
            resourceId: id,
            purpose: "operations",
            details: { occurrenceKey: key, kind: input.kind },
          },
          at,
        );
        return inserted;
      });
      return toTrackException(row, await store.namesOf(db, row.facilitatorIds));
    },

    async removeException(actor: Actor, id: string, exceptionId: string, context: AuditContext) {
      const at = now();
      await db.transaction(async (tx) => {
        await visibleTrack(tx, actor, id);
        const removed = await store.deleteException(tx, id, exceptionId);
        if (!removed) throw new DomainError("NOT_FOUND", "No such exception on this track.");
        await appendAudit(
          tx,
          context,
          {
            action: "settings.track_exception_remove",
            resourceType: "track",
            resourceId: id,
            purpose: "operations",
            details: { occurrenceKey: removed.occurrenceKey, kind: removed.kind },
          },
          at,
        );
      });
    },
  };
}
export type TracksService = ReturnType<typeof createTracksService>;
