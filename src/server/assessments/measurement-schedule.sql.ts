import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { type ListScope, scopeCondition } from "../participants/participants.sql";

/** Which participants' latest episodes to read for what is due. */
export interface MeasuredFilter {
  /** Through an actor's scope (the participant list's rule); null: every participant (the overdue sweep). */
  scope: ListScope | null;
  siteId?: string;
  participantId?: string;
  /** Leave out episodes discharged before this date (nothing of theirs is chased any more). */
  dischargedSince?: string;
}

export interface MeasuredEpisodeRow {
  participant_id: string;
  name: string;
  site_id: string;
  site_name: string;
  admitted_on: string;
  discharged_on: string | null;
  audience: "adult" | "adolescent";
  open_assignments: { id: string; instrumentKey: string; dueOn: string }[];
}

export interface LatestAdministrationRow {
  participant_id: string;
  instrument_key: string;
  last_on: string;
}

function participantCondition(filter: MeasuredFilter): SQL {
  const conditions: SQL[] = [
    filter.scope
      ? scopeCondition(filter.scope, filter.siteId)
      : filter.siteId
        ? sql`p.site_id = ${filter.siteId}`
        : sql`true`,
  ];
  if (filter.participantId) conditions.push(sql`p.id = ${filter.participantId}`);
  return sql.join(conditions, sql` and `);
}

/**
 * Each participant's latest episode with the audience of its track (adult when it has none) and the
 * open assignments: one query for the whole list.
 */
export async function listMeasuredEpisodes(q: Queryable, filter: MeasuredFilter) {
  return queryRows<MeasuredEpisodeRow>(
    q,
    sql`select p.id as participant_id, p.given_name || ' ' || p.family_name as name,
          p.site_id, s.name as site_name,
          le.admitted_on::text as admitted_on, le.discharged_on::text as discharged_on,
          coalesce(t.audience, 'adult') as audience,
          coalesce((
            select json_agg(json_build_object('id', a.id, 'instrumentKey', a.instrument_key, 'dueOn', a.due_on::text) order by a.due_on)
            from assessment_assignments a
            where a.participant_id = p.id and a.response_id is null and a.cancelled_at is null
          ), '[]'::json) as open_assignments
        from participants p
        join sites s on s.id = p.site_id
        join lateral (
          select e.track_id, e.admitted_on, e.discharged_on from episodes e
          where e.participant_id = p.id order by e.admitted_on desc limit 1
        ) le on true
        left join tracks t on t.id = le.track_id
        where ${participantCondition(filter)}
          ${filter.dischargedSince ? sql`and (le.discharged_on is null or le.discharged_on >= ${filter.dischargedSince}::date)` : sql``}`,
  );
}

/**
 * The latest scored administration of each questionnaire up to `today`, per participant of the
 * filter: one query. (The latest is all the schedule needs: a time point is done by any
 * administration on or after a date, and a repeat counts from the last one.) An unscored response
 * (items missing) leaves the measure due.
 */
export async function listLatestAdministrations(q: Queryable, filter: MeasuredFilter, today: string) {
  return queryRows<LatestAdministrationRow>(
    q,
    sql`select r.participant_id, r.instrument_key, max(r.completed_on)::text as last_on
        from assessment_responses r
        where r.participant_id in (select p.id from participants p where ${participantCondition(filter)})
          and r.scored and r.completed_on <= ${today}::date
        group by r.participant_id, r.instrument_key`,
  );
}
