import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** What the suggestions read from the record, for one participant. */

export interface PlanEpisodeRow {
  id: string;
  admitted_on: string;
  referral_lead_id: string | null;
}

/** The open episode, else the latest one (the episode a plan is for); undefined when there is none. */
export async function findPlanEpisode(
  q: Queryable,
  participantId: string,
): Promise<PlanEpisodeRow | undefined> {
  const rows = await queryRows<PlanEpisodeRow>(
    q,
    sql`select id, admitted_on::text as admitted_on, referral_lead_id
        from episodes
        where participant_id = ${participantId}
        order by (discharged_on is null) desc, admitted_on desc, created_at desc
        limit 1`,
  );
  return rows[0];
}

export interface LatestScoreRow {
  id: string;
  instrument_key: string;
  total: number;
  band: string | null;
  completed_on: string;
}

/**
 * The latest scored response with a total, per instrument, among those filed under the episode or
 * under no episode (completed before admission); responses of an earlier episode are not read.
 */
export async function listLatestScores(
  q: Queryable,
  participantId: string,
  episodeId: string,
): Promise<LatestScoreRow[]> {
  return queryRows<LatestScoreRow>(
    q,
    sql`select distinct on (instrument_key)
          id, instrument_key, total, band, completed_on::text as completed_on
        from assessment_responses
        where participant_id = ${participantId}
          and scored and total is not null
          and (episode_id = ${episodeId} or episode_id is null)
        order by instrument_key, completed_on desc, submitted_at desc`,
  );
}

export async function listEpisodeDiagnoses(
  q: Queryable,
  episodeId: string,
): Promise<{ code: string; title: string }[]> {
  return queryRows<{ code: string; title: string }>(
    q,
    sql`select code, title from diagnoses where episode_id = ${episodeId}
        order by is_primary desc, recorded_at, code`,
  );
}

/** The latest screening of the lead the episode came from, or undefined. */
export async function findLatestScreening(
  q: Queryable,
  leadId: string,
): Promise<{ edition: number; ratings: number[] } | undefined> {
  const rows = await queryRows<{ edition: number; ratings: number[] }>(
    q,
    sql`select edition, ratings from screenings where lead_id = ${leadId}
        order by screened_at desc limit 1`,
  );
  return rows[0];
}
