import { hoursSinceSession, isLateEntry, isUnsignedOverdue } from "../../core/notes/note.rules";
import type { NoteWorklistRow } from "../../core/notes/notes-api.schema";
import type { NotesSettings } from "../../core/notes/notes-settings.schema";
import { DomainError } from "../../core/platform/errors";
import { expandSeries } from "../../core/schedule/recurrence.rules";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { seriesExceptionOf, seriesOfTrack } from "../schedule/track-series";
import {
  type FacilitatedTrackRow,
  listExceptionsOfTracks,
  listFacilitatedTracks,
  listNotedSessions,
  listUnsignedNotes,
  type NoteTrackExceptionRow,
  type UnsignedNoteRow,
} from "./note-worklist.sql";
import { readNotesSettings } from "./notes-settings.repo";

/**
 * The notes worklist: what a clinician still has to sign (with the overdue ones marked), what waits on
 * their co-signature, and the group sessions they facilitated in the last two weeks that have no note
 * yet. A clinical director may instead see every unsigned note of their sites.
 */

export const WORKLIST_SCOPES = ["mine", "site"] as const;
export type WorklistScope = (typeof WORKLIST_SCOPES)[number];

/** How far back a facilitated session without a note is listed. */
export const MISSING_NOTE_LOOKBACK_DAYS = 14;
const DAY_MS = 86_400_000;

export interface NoteWorklist {
  unsigned: NoteWorklistRow[];
  awaitingMyCosign: NoteWorklistRow[];
  missingGroupNotes: {
    trackId: string;
    trackName: string;
    occurrenceKey: string;
    sessionDate: string;
    endsAt: string;
  }[];
}

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/** One unsigned note as a worklist row (pure). */
export function toWorklistRow(row: UnsignedNoteRow, settings: NotesSettings, at: Date): NoteWorklistRow {
  const endsAt = asDate(row.ends_at);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    sessionDate: row.session_date,
    endsAt: endsAt.toISOString(),
    title: (row.kind === "group" ? row.track_name : row.participant_name) ?? "",
    participantId: row.participant_id,
    trackId: row.track_id,
    occurrenceKey: row.occurrence_key,
    author: { id: row.author_id, name: row.author_name },
    cosigner:
      row.cosigner_user_id === null ? null : { id: row.cosigner_user_id, name: row.cosigner_name ?? "" },
    overdue: isUnsignedOverdue(row.status, endsAt, at, settings.unsignedAlertHours),
    hoursSinceSession: hoursSinceSession(endsAt, at),
    lateEntry: row.status === "draft" ? isLateEntry(endsAt, at, settings.lateEntryHours) : row.late_entry,
  };
}

/** The calendar date `days` before the instant, in UTC (the expansion then checks the real instants). */
const utcDateBefore = (at: Date, days: number) =>
  new Date(at.getTime() - days * DAY_MS).toISOString().slice(0, 10);

/**
 * The sessions of the tracks that the staff member facilitated (as a standing facilitator unless a
 * substitute took it, or as the substitute) which ended within the lookback window, had someone placed
 * in the track, and have no note (pure). Cancelled sessions and those whose local time does not exist
 * are left out. Oldest first.
 */
export function deriveMissingGroupNotes(input: {
  staffId: string;
  tracks: readonly FacilitatedTrackRow[];
  exceptions: readonly NoteTrackExceptionRow[];
  noted: ReadonlySet<string>;
  at: Date;
  lookbackDays?: number;
}): NoteWorklist["missingGroupNotes"] {
  const lookback = input.lookbackDays ?? MISSING_NOTE_LOOKBACK_DAYS;
  const since = input.at.getTime() - lookback * DAY_MS;
  // A day of margin each side covers every time zone; the instants decide.
  const from = utcDateBefore(input.at, lookback + 1);
  const to = utcDateBefore(input.at, -1);
  const missing: NoteWorklist["missingGroupNotes"] = [];
  for (const track of input.tracks) {
    const exceptions = input.exceptions.filter((e) => e.track_id === track.id).map(seriesExceptionOf);
    for (const o of expandSeries(seriesOfTrack(track), exceptions, from, to)) {
      if (o.status === "cancelled" || o.problem !== null) continue;
      const ended = Date.parse(o.endsAt);
      if (ended > input.at.getTime() || ended <= since) continue;
      const facilitated =
        o.exception?.kind === "substitute"
          ? o.exception.facilitatorIds.includes(input.staffId)
          : track.standing;
      if (!facilitated || input.noted.has(`${track.id} ${o.key}`)) continue;
      const anyonePlaced = track.enrolled.some(
        (e) => e.joined_on <= o.date && (e.exited_on === null || o.date <= e.exited_on),
      );
      if (!anyonePlaced) continue;
      missing.push({
        trackId: track.id,
        trackName: track.name,
        occurrenceKey: o.key,
        sessionDate: o.date,
        endsAt: new Date(ended).toISOString(),
      });
    }
  }
  return missing.sort((a, b) => a.endsAt.localeCompare(b.endsAt) || a.trackName.localeCompare(b.trackName));
}

export function createNoteWorklistService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    async worklist(actor: Actor, scope: WorklistScope, context: AuditContext): Promise<NoteWorklist> {
      const at = now();
      const siteIds = actor.access.siteIds;
      if (scope === "site" && actor.access.grants["notes.cosign"] === undefined) {
        throw new DomainError(
          "AUTH_FORBIDDEN",
          "Only clinical supervisors see every unsigned note of their sites.",
          "scope",
        );
      }
      const settings = await readNotesSettings(db);
      const unsignedRows =
        scope === "site"
          ? await listUnsignedNotes(db, { siteIds })
          : await listUnsignedNotes(db, { authorId: actor.user.id, siteIds });
      const cosignRows = await listUnsignedNotes(db, { awaitingCosignOf: actor.user.id, siteIds });
      const tracks = await listFacilitatedTracks(db, actor.user.id, siteIds);
      const trackIds = tracks.map((t) => t.id);
      const missingGroupNotes = deriveMissingGroupNotes({
        staffId: actor.user.id,
        tracks,
        exceptions: await listExceptionsOfTracks(db, trackIds),
        noted: await listNotedSessions(db, trackIds),
        at,
      });
      const worklist: NoteWorklist = {
        unsigned: unsignedRows.map((row) => toWorklistRow(row, settings, at)),
        awaitingMyCosign: cosignRows.map((row) => toWorklistRow(row, settings, at)),
        missingGroupNotes,
      };
      await recordAudit(
        db,
        context,
        {
          action: "clinical_note.worklist_view",
          resourceType: "clinical_note",
          purpose: "treatment",
          details: {
            scope,
            unsigned: worklist.unsigned.length,
            awaitingMyCosign: worklist.awaitingMyCosign.length,
            missingGroupNotes: missingGroupNotes.length,
          },
        },
        at,
      );
      return worklist;
    },
  };
}
export type NoteWorklistService = ReturnType<typeof createNoteWorklistService>;
