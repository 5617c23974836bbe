import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** Storage for the demo's clinical notes: what the notes are written from. Storage verbs only. */

export interface MarkRow {
  track_id: string;
  occurrence_key: string;
  participant_id: string;
  status: string;
  recorded_by: string;
}

/** Group attendance marks of sessions on or after `from`, by session then participant. */
export async function listMarksSince(q: Queryable, from: string): Promise<MarkRow[]> {
  return queryRows<MarkRow>(
    q,
    sql`select track_id, occurrence_key, participant_id, status, recorded_by
          from attendance_marks where occurred_on >= ${from}::date
         order by track_id, occurrence_key, participant_id`,
  );
}

export interface EpisodeRow {
  id: string;
  participant_id: string;
  admitted_on: string;
  discharged_on: string | null;
}

export interface PersonRow {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string;
}

/** Episodes and names of the participants marked or seen on or after `from`. */
export async function listPeopleSeenSince(
  q: Queryable,
  from: string,
): Promise<{ episodes: EpisodeRow[]; people: PersonRow[] }> {
  const seen = sql`(select participant_id from attendance_marks where occurred_on >= ${from}::date
                    union select participant_id from appointments where local_date >= ${from}::date)`;
  const episodes = await queryRows<EpisodeRow>(
    q,
    sql`select id, participant_id, admitted_on::text as admitted_on, discharged_on::text as discharged_on
          from episodes where participant_id in ${seen} order by participant_id, admitted_on`,
  );
  const people = await queryRows<PersonRow>(
    q,
    sql`select id, given_name, family_name, preferred_name from participants where id in ${seen}`,
  );
  return { episodes, people };
}

export interface PlanVersionRow {
  episode_id: string;
  signed_at: Date;
  problems: { objectives?: { id: string; statement: string; status: string }[] }[] | null;
}

/** Signed (and since superseded) plan versions of the episodes of participants seen on or after `from`. */
export async function listSignedPlanVersionsSince(q: Queryable, from: string): Promise<PlanVersionRow[]> {
  return queryRows<PlanVersionRow>(
    q,
    sql`select p.episode_id, v.signed_at, v.content->'problems' as problems
          from treatment_plan_versions v join treatment_plans p on p.id = v.plan_id
         where v.status in ('signed', 'superseded')
           and p.participant_id in (select participant_id from attendance_marks where occurred_on >= ${from}::date
                                    union select participant_id from appointments where local_date >= ${from}::date)
         order by p.episode_id, v.signed_at`,
  );
}

/** The module each session on or after `from` was planned with. */
export async function listPlannedModulesSince(
  q: Queryable,
  from: string,
): Promise<{ track_id: string; occurrence_key: string; module_key: string }[]> {
  return queryRows(
    q,
    sql`select track_id, occurrence_key, module_key from track_occurrence_modules
         where occurrence_key >= ${from}`,
  );
}

export interface AppointmentRow {
  id: string;
  site_id: string;
  participant_id: string;
  episode_id: string;
  kind: "individual" | "family";
  staff_id: string;
  telehealth: boolean;
  starts_at: Date;
  ends_at: Date;
  local_date: string;
  minutes_attended: number | null;
  family_attendees: { name: string; relationship: string }[];
  room_name: string | null;
  primary_counselor_id: string | null;
  current: boolean;
}

/** Individual and family sessions from `from` that took place and ended by `now`, attended. */
export async function listAttendedAppointmentsSince(
  q: Queryable,
  from: string,
  now: Date,
): Promise<AppointmentRow[]> {
  return queryRows<AppointmentRow>(
    q,
    sql`select a.id, a.site_id, a.participant_id, a.episode_id, a.kind, a.staff_id, a.telehealth, a.starts_at,
               a.ends_at, a.local_date::text as local_date, a.minutes_attended, a.family_attendees,
               r.name as room_name, e.primary_counselor_id, e.discharged_on is null as current
          from appointments a
          join episodes e on e.id = a.episode_id
          left join rooms r on r.id = a.room_id
         where a.status = 'scheduled' and a.attendance_status in ('present', 'late', 'left_early')
           and a.local_date >= ${from}::date and a.ends_at <= ${now.toISOString()}::timestamptz
         order by a.starts_at, a.id`,
  );
}

/** Mark a staff account as a supervisee: their notes need a co-signature. */
export async function markRequiresCosign(q: Queryable, userId: string): Promise<void> {
  await q.execute(sql`update users set requires_cosign = true where id = ${userId}`);
}

/** A clinical note as the demo writes it (snake_case; instants as ISO 8601 text, content as JSON). */
export interface DemoNoteRow {
  id: string;
  kind: "group" | "individual" | "family";
  site_id: string;
  track_id: string | null;
  occurrence_key: string | null;
  participant_id: string | null;
  episode_id: string | null;
  appointment_id: string | null;
  format: string | null;
  session_date: string;
  starts_at: string;
  ends_at: string;
  status: string;
  content: unknown;
  author_id: string;
  cosigner_user_id: string | null;
  content_sha256: string | null;
  late_entry: boolean;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  cosigned_at: string | null;
}

export interface DemoEntryRow {
  id: string;
  note_id: string;
  participant_id: string;
  episode_id: string;
  content: unknown;
  updated_by: string;
  updated_at: string;
}

export interface DemoSignatureRow {
  note_id: string;
  role: "author" | "supervisor";
  signer_user_id: string;
  content_sha256: string;
  signed_at: string;
}

/** Rows per statement; each statement's rows go as one JSON document (as attendance marks do). */
const DOCUMENT_ROWS = 2_000;

async function insertDocuments<T>(
  q: Queryable,
  rows: readonly T[],
  insert: (document: string) => ReturnType<typeof sql>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += DOCUMENT_ROWS)
    await q.execute(insert(JSON.stringify(rows.slice(i, i + DOCUMENT_ROWS))));
}

export async function insertNoteRows(q: Queryable, rows: readonly DemoNoteRow[]): Promise<void> {
  await insertDocuments(
    q,
    rows,
    (document) =>
      sql`insert into clinical_notes (id, kind, site_id, track_id, occurrence_key, participant_id, episode_id,
            appointment_id, format, session_date, starts_at, ends_at, status, content, author_id, cosigner_user_id,
            content_sha256, late_entry, created_at, updated_by, updated_at, signed_at, cosigned_at)
          select id, kind, site_id, track_id, occurrence_key, participant_id, episode_id,
            appointment_id, format, session_date, starts_at, ends_at, status, content, author_id, cosigner_user_id,
            content_sha256, late_entry, created_at, author_id, updated_at, signed_at, cosigned_at
          from jsonb_to_recordset(${document}::jsonb) as r(id uuid, kind text, site_id uuid, track_id uuid,
            occurrence_key text, participant_id uuid, episode_id uuid, appointment_id uuid, format text,
            session_date date, starts_at timestamptz, ends_at timestamptz, status text, content jsonb, author_id uuid,
            cosigner_user_id uuid, content_sha256 text, late_entry boolean, created_at timestamptz,
            updated_at timestamptz, signed_at timestamptz, cosigned_at timestamptz)`,
  );
}

export async function insertEntryRows(q: Queryable, rows: readonly DemoEntryRow[]): Promise<void> {
  await insertDocuments(
    q,
    rows,
    (document) =>
      sql`insert into group_note_entries (id, note_id, participant_id, episode_id, content, updated_by, updated_at)
          select id, note_id, participant_id, episode_id, content, updated_by, updated_at
          from jsonb_to_recordset(${document}::jsonb) as r(id uuid, note_id uuid, participant_id uuid,
            episode_id uuid, content jsonb, updated_by uuid, updated_at timestamptz)`,
  );
}

/** Signatures made with the signer's password (the demo's accounts sign by password). */
export async function insertSignatureRows(q: Queryable, rows: readonly DemoSignatureRow[]): Promise<void> {
  await insertDocuments(
    q,
    rows,
    (document) =>
      sql`insert into clinical_note_signatures (note_id, role, signer_user_id, method, content_sha256, signed_at)
          select note_id, role, signer_user_id, 'password', content_sha256, signed_at
          from jsonb_to_recordset(${document}::jsonb) as r(note_id uuid, role text, signer_user_id uuid,
            content_sha256 text, signed_at timestamptz)`,
  );
}
