import type { IsoWeekday, Series, SeriesException } from "../../core/schedule/track-pattern.schema";

/**
 * A track row's stored series and exceptions as the vocabulary `recurrence.rules.ts` expands: the one
 * translation from storage (snake_case rows as the schedule's SQL selects them) to the core, for every
 * reader of a track's sessions (calendar and feeds, appointments' conflicts, attendance and reminders).
 */

export interface StoredTrackSeries {
  time_zone: string;
  starts_on: string;
  ends_on: string | null;
  pattern: { slots: { weekday: number; start: string; end: string }[] };
}

/** The series of a track (its pattern was validated when saved). */
export function seriesOfTrack(track: StoredTrackSeries): Series {
  return {
    timeZone: track.time_zone,
    startsOn: track.starts_on,
    endsOn: track.ends_on,
    pattern: {
      slots: track.pattern.slots.map((slot) => ({ ...slot, weekday: slot.weekday as IsoWeekday })),
    },
  };
}

export interface StoredTrackException {
  occurrence_key: string;
  kind: "cancelled" | "moved" | "substitute";
  reason: string;
  moved_on: string | null;
  moved_start: string | null;
  moved_end: string | null;
  facilitator_ids: string[];
}

/** A stored exception, named by its occurrence's original key ("2026-11-26T18:00"). */
export function seriesExceptionOf(row: StoredTrackException): SeriesException {
  const on = { date: row.occurrence_key.slice(0, 10), start: row.occurrence_key.slice(11, 16) };
  if (row.kind === "moved") {
    return {
      kind: "moved",
      on,
      reason: row.reason,
      movedTo: { date: row.moved_on!, start: row.moved_start!, end: row.moved_end! },
    };
  }
  if (row.kind === "substitute") {
    return { kind: "substitute", on, reason: row.reason, facilitatorIds: row.facilitator_ids };
  }
  return { kind: "cancelled", on, reason: row.reason };
}
