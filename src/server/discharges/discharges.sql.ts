import { eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { episodes } from "../db/schema";

/** Storage for discharges: the open episode, every episode with its discharge, unsigned notes, risks. */

export interface OpenEpisodeRow {
  id: string;
  participant_id: string;
  site_id: string;
  time_zone: string;
  level_of_care: string;
  admitted_on: string;
}

/** The participant's open episode with its site's time zone; `forUpdate` holds it in the transaction. */
export async function findOpenEpisode(
  q: Queryable,
  participantId: string,
  forUpdate = false,
): Promise<OpenEpisodeRow | undefined> {
  const rows = await queryRows<OpenEpisodeRow>(
    q,
    sql`select e.id, e.participant_id, e.site_id, s.time_zone, e.level_of_care, e.admitted_on::text as admitted_on
        from episodes e join sites s on s.id = e.site_id
        where e.participant_id = ${participantId} and e.discharged_on is null
        order by e.admitted_on desc limit 1
        ${forUpdate ? sql`for update of e` : sql``}`,
  );
  return rows[0];
}

export async function findSiteTimeZone(q: Queryable, participantId: string): Promise<string> {
  const rows = await queryRows<{ time_zone: string }>(
    q,
    sql`select s.time_zone from participants p join sites s on s.id = p.site_id where p.id = ${participantId}`,
  );
  return rows[0]?.time_zone ?? "UTC";
}

export interface EpisodeRow {
  id: string;
  admitted_on: string;
  level_of_care: string;
  track_name: string | null;
  discharged_on: string | null;
  discharge_reason: string | null;
  discharge_level_of_care: string | null;
  referred_level_of_care: string | null;
  discharge_note: string | null;
  discharged_by_name: string | null;
  previous_episode_id: string | null;
  previous_admitted_on: string | null;
}

/** Every episode of the participant, the latest first. */
export function listEpisodes(q: Queryable, participantId: string): Promise<EpisodeRow[]> {
  return queryRows<EpisodeRow>(
    q,
    sql`select e.id, e.admitted_on::text as admitted_on, e.level_of_care, t.name as track_name,
          e.discharged_on::text as discharged_on, e.discharge_reason, e.discharge_level_of_care,
          e.referred_level_of_care, e.discharge_note, u.display_name as discharged_by_name,
          e.previous_episode_id, pe.admitted_on::text as previous_admitted_on
        from episodes e
        left join tracks t on t.id = e.track_id
        left join users u on u.id = e.discharged_by
        left join episodes pe on pe.id = e.previous_episode_id
        where e.participant_id = ${participantId}
        order by e.admitted_on desc, e.created_at desc`,
  );
}

export interface UnsignedNoteRow {
  id: string;
  kind: "group" | "individual" | "family" | "counseling";
  session_date: string;
  author_name: string;
  status: string;
}

/**
 * The episode's notes not yet signed: individual and family notes of the episode, group notes with an
 * entry for it, and SUD counseling notes (only their date, kind and author: never their content).
 */
export function listUnsignedNotesOfEpisode(q: Queryable, episodeId: string): Promise<UnsignedNoteRow[]> {
  return queryRows<UnsignedNoteRow>(
    q,
    sql`select n.id, n.kind, n.session_date::text as session_date, a.display_name as author_name, n.status
        from clinical_notes n join users a on a.id = n.author_id
        where n.status <> 'signed'
          and (n.episode_id = ${episodeId}
            or exists (select 1 from group_note_entries g where g.note_id = n.id and g.episode_id = ${episodeId}))
        union all
        select c.id, 'counseling' as kind, c.session_date::text as session_date, a.display_name as author_name, c.status
        from counseling_notes c join users a on a.id = c.author_id
        where c.status <> 'signed' and c.episode_id = ${episodeId}
        order by session_date, id`,
  );
}

/**
 * The signed treatment plan version of the episode and the content of its latest signed review, if
 * any (a review records each objective's progress since the plan was signed).
 */
export async function findSignedPlan(
  q: Queryable,
  episodeId: string,
): Promise<{ content: unknown; review_content: unknown | null } | undefined> {
  const rows = await queryRows<{ content: unknown; review_content: unknown | null }>(
    q,
    sql`select v.content,
          (select r.content from treatment_plan_reviews r
            where r.version_id = v.id and r.status = 'signed'
            order by r.held_on desc, r.created_at desc limit 1) as review_content
        from treatment_plan_versions v join treatment_plans p on p.id = v.plan_id
        where p.episode_id = ${episodeId} and v.status = 'signed'
        order by v.number desc limit 1`,
  );
  return rows[0];
}

/** Days from `from` on which the participant reported use in a check-in. */
export async function listUseDays(q: Queryable, participantId: string, from: string): Promise<string[]> {
  const rows = await queryRows<{ on: string }>(
    q,
    sql`select distinct checked_in_on::text as on from check_ins
        where participant_id = ${participantId} and any_use and checked_in_on >= ${from}::date
        order by 1`,
  );
  return rows.map((r) => r.on);
}

/** Critical answers from `from`: check-in safety questions answered yes, questionnaires with a critical item. */
export async function countCriticalAnswers(
  q: Queryable,
  participantId: string,
  from: string,
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    q,
    sql`select (select count(*) from check_ins
                where participant_id = ${participantId} and checked_in_on >= ${from}::date
                  and (self_harm_thoughts or overdose))::int
             + (select count(*) from assessment_responses
                where participant_id = ${participantId} and completed_on >= ${from}::date
                  and jsonb_array_length(critical) > 0)::int as n`,
  );
  return rows[0]?.n ?? 0;
}

/** The participant's booked appointments that start after `at` on or after a local date. */
export async function listFutureAppointmentIds(
  q: Queryable,
  participantId: string,
  fromDate: string,
  at: Date,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from appointments
        where participant_id = ${participantId} and status = 'scheduled'
          and local_date >= ${fromDate}::date and starts_at > ${at.toISOString()}::timestamptz
        for update`,
  );
  return rows.map((r) => r.id);
}

export async function closeEpisode(
  q: Queryable,
  episodeId: string,
  set: {
    dischargedOn: string;
    dischargeReason: string;
    dischargeLevelOfCare: string;
    referredLevelOfCare: string | null;
    dischargeNote: string;
    dischargedBy: string;
    dischargeRecordedAt: Date;
  },
): Promise<void> {
  await q.update(episodes).set(set).where(eq(episodes.id, episodeId));
}
