import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import type { StoredTrackException, StoredTrackSeries } from "../schedule/track-series";

/**
 * Storage for the notes worklist and the unsigned-note alert sweep: unsigned notes (by author, by
 * named co-signer, by site), the tracks a staff member facilitates with their exceptions, and which of
 * their sessions already have a note. Reads only; no business rule.
 */

const uuidList = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

export interface UnsignedNoteRow {
  id: string;
  kind: "group" | "individual" | "family";
  status: "draft" | "awaiting_cosign" | "signed";
  site_id: string;
  session_date: string;
  ends_at: Date | string;
  participant_id: string | null;
  participant_name: string | null;
  track_id: string | null;
  track_name: string | null;
  occurrence_key: string | null;
  author_id: string;
  author_name: string;
  cosigner_user_id: string | null;
  cosigner_name: string | null;
  late_entry: boolean;
}

/** Which unsigned notes to read: every condition given applies. */
export interface UnsignedNoteFilter {
  authorId?: string;
  /** Notes awaiting this person's co-signature (status awaiting_cosign only). */
  awaitingCosignOf?: string;
  siteIds?: readonly string[];
}

/** Notes not yet signed (drafts and those awaiting co-signature), oldest session first. */
export function listUnsignedNotes(q: Queryable, filter: UnsignedNoteFilter): Promise<UnsignedNoteRow[]> {
  const conditions: SQL[] = [sql`n.status <> 'signed'`];
  if (filter.authorId) conditions.push(sql`n.author_id = ${filter.authorId}`);
  if (filter.awaitingCosignOf) {
    conditions.push(sql`n.status = 'awaiting_cosign' and n.cosigner_user_id = ${filter.awaitingCosignOf}`);
  }
  if (filter.siteIds) {
    if (filter.siteIds.length === 0) return Promise.resolve([]);
    conditions.push(sql`n.site_id in (${uuidList(filter.siteIds)})`);
  }
  return queryRows<UnsignedNoteRow>(
    q,
    sql`select n.id, n.kind, n.status, n.site_id, n.session_date::text as session_date, n.ends_at,
          n.participant_id, case when p.id is null then null else p.given_name || ' ' || p.family_name end as participant_name,
          n.track_id, t.name as track_name, n.occurrence_key,
          n.author_id, a.display_name as author_name,
          n.cosigner_user_id, c.display_name as cosigner_name, n.late_entry
        from clinical_notes n
        join users a on a.id = n.author_id
        left join users c on c.id = n.cosigner_user_id
        left join participants p on p.id = n.participant_id
        left join tracks t on t.id = n.track_id
        where ${sql.join(conditions, sql` and `)}
        order by n.ends_at, n.id`,
  );
}

export interface FacilitatedTrackRow extends StoredTrackSeries {
  id: string;
  name: string;
  /** The staff member is one of the track's standing facilitators (not only a substitute). */
  standing: boolean;
  /** When participants were placed in it: a session with nobody placed needs no note. */
  enrolled: { joined_on: string; exited_on: string | null }[];
}

/** Tracks at the given sites that the staff member facilitates, or substitutes at on some session. */
export function listFacilitatedTracks(
  q: Queryable,
  staffId: string,
  siteIds: readonly string[],
): Promise<FacilitatedTrackRow[]> {
  if (siteIds.length === 0) return Promise.resolve([]);
  return queryRows<FacilitatedTrackRow>(
    q,
    sql`select t.id, t.name, t.time_zone, t.starts_on::text as starts_on, t.ends_on::text as ends_on, t.pattern,
          exists (select 1 from track_facilitators f where f.track_id = t.id and f.user_id = ${staffId}) as standing,
          coalesce((select json_agg(json_build_object('joined_on', e.joined_on::text, 'exited_on', e.exited_on::text))
            from track_enrollments e where e.track_id = t.id and e.joined_on is not null), '[]'::json) as enrolled
        from tracks t
        where t.site_id in (${uuidList(siteIds)})
          and (exists (select 1 from track_facilitators f where f.track_id = t.id and f.user_id = ${staffId})
            or exists (select 1 from track_exceptions x where x.track_id = t.id and ${staffId}::uuid = any(x.facilitator_ids)))
        order by t.name, t.id`,
  );
}

export interface NoteTrackExceptionRow extends StoredTrackException {
  track_id: string;
}

export function listExceptionsOfTracks(
  q: Queryable,
  trackIds: readonly string[],
): Promise<NoteTrackExceptionRow[]> {
  if (trackIds.length === 0) return Promise.resolve([]);
  return queryRows<NoteTrackExceptionRow>(
    q,
    sql`select track_id, occurrence_key, kind, reason, moved_on::text as moved_on, moved_start, moved_end,
          facilitator_ids
        from track_exceptions where track_id in (${uuidList(trackIds)})`,
  );
}

/** The occurrence keys of the tracks' group sessions that have a note, as "trackId occurrenceKey". */
export async function listNotedSessions(q: Queryable, trackIds: readonly string[]): Promise<Set<string>> {
  if (trackIds.length === 0) return new Set();
  const rows = await queryRows<{ track_id: string; occurrence_key: string }>(
    q,
    sql`select track_id, occurrence_key from clinical_notes
        where kind = 'group' and track_id in (${uuidList(trackIds)})`,
  );
  return new Set(rows.map((r) => `${r.track_id} ${r.occurrence_key}`));
}

/** The participants a group note has entries for, per note. */
export async function listEntryParticipants(
  q: Queryable,
  noteIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byNote = new Map<string, string[]>();
  if (noteIds.length === 0) return byNote;
  const rows = await queryRows<{ note_id: string; participant_id: string }>(
    q,
    sql`select note_id, participant_id from group_note_entries
        where note_id in (${uuidList(noteIds)}) order by note_id, participant_id`,
  );
  for (const row of rows) byNote.set(row.note_id, [...(byNote.get(row.note_id) ?? []), row.participant_id]);
  return byNote;
}

export interface NoteAlertRow {
  id: string;
  state: string;
  participant_id: string;
  evidence_id: string;
}

/** Every unsigned-note alert ever raised (resolved too: each is raised once per note and participant). */
export function listUnsignedNoteAlerts(q: Queryable): Promise<NoteAlertRow[]> {
  return queryRows<NoteAlertRow>(
    q,
    sql`select id, state, participant_id, evidence_id from alerts where kind = 'clinical_note_unsigned'`,
  );
}
