import { sql } from "drizzle-orm";
import type { CriticalFinding } from "../../core/assessments/instrument";
import { type Queryable, queryRows } from "../db/connection";

/**
 * The discharge summary's storage and the record it is generated from: the episode, its referral,
 * diagnoses, attendance, scored questionnaires, signed treatment plan and reviews, alerts, the safety
 * plan and the aftercare plan. Storage verbs only; the rules decide what the facts say.
 */

export interface EpisodeRow {
  id: string;
  participant_id: string;
  site_id: string;
  level_of_care: string;
  admitted_on: string;
  discharged_on: string | null;
  discharge_reason: string | null;
  discharge_level_of_care: string | null;
  referred_level_of_care: string | null;
  discharge_note: string | null;
  discharge_recorded_at: Date | string | null;
  referral_lead_id: string | null;
  given_name: string;
  family_name: string;
  preferred_name: string;
  born_on: string;
  program_name: string;
  site_name: string;
  site_time_zone: string;
  primary_counselor: string | null;
}

const EPISODE_COLUMNS = sql`e.id, e.participant_id, e.site_id, e.level_of_care, e.admitted_on::text as admitted_on,
    e.discharged_on::text as discharged_on, e.discharge_reason, e.discharge_level_of_care,
    e.referred_level_of_care, e.discharge_note, e.discharge_recorded_at, e.referral_lead_id,
    p.given_name, p.family_name, p.preferred_name, p.born_on::text as born_on,
    o.name as program_name, s.name as site_name, s.time_zone as site_time_zone,
    u.display_name as primary_counselor`;
const EPISODE_FROM = sql`episodes e
    join participants p on p.id = e.participant_id
    join sites s on s.id = e.site_id
    join organisations o on o.id = s.organisation_id
    left join users u on u.id = e.primary_counselor_id`;

/** The participant's latest episode (the one a summary is written for). */
export async function findLatestEpisode(
  q: Queryable,
  participantId: string,
): Promise<EpisodeRow | undefined> {
  const rows = await queryRows<EpisodeRow>(
    q,
    sql`select ${EPISODE_COLUMNS} from ${EPISODE_FROM}
        where e.participant_id = ${participantId}
        order by e.admitted_on desc, e.created_at desc limit 1`,
  );
  return rows[0];
}

export async function findEpisode(q: Queryable, episodeId: string): Promise<EpisodeRow | undefined> {
  const rows = await queryRows<EpisodeRow>(
    q,
    sql`select ${EPISODE_COLUMNS} from ${EPISODE_FROM} where e.id = ${episodeId}`,
  );
  return rows[0];
}

export async function findReferral(q: Queryable, leadId: string) {
  const rows = await queryRows<{
    referral_source: string | null;
    referring_organisation: string | null;
    looking_for: string;
    handoff_summary: string | null;
  }>(
    q,
    sql`select referral_source, referring_organisation, looking_for, handoff_summary
        from admission_leads where id = ${leadId}`,
  );
  return rows[0];
}

export function listDiagnoses(q: Queryable, episodeId: string) {
  return queryRows<{ code: string; title: string; is_primary: boolean }>(
    q,
    sql`select code, title, is_primary from diagnoses where episode_id = ${episodeId}
        order by is_primary desc, recorded_at, code`,
  );
}

export function listMarks(q: Queryable, participantId: string, from: string, to: string) {
  return queryRows<{ occurred_on: string; status: string; minutes_attended: number }>(
    q,
    sql`select occurred_on::text as occurred_on, status, minutes_attended from attendance_marks
        where participant_id = ${participantId} and occurred_on between ${from} and ${to}
        order by occurred_on`,
  );
}

export interface ResponseRow {
  instrument_key: string;
  completed_on: string;
  submitted_at: Date | string;
  scored: boolean;
  total: number | null;
  band: string | null;
  subscales: Record<string, number>;
  critical: CriticalFinding[];
}

/** Questionnaires of the episode: those tied to it, or completed within its dates. */
export function listResponses(
  q: Queryable,
  episode: { id: string; participantId: string },
  from: string,
  to: string,
) {
  return queryRows<ResponseRow>(
    q,
    sql`select instrument_key, completed_on::text as completed_on, submitted_at, scored, total, band,
          subscales, critical
        from assessment_responses
        where participant_id = ${episode.participantId}
          and (episode_id = ${episode.id} or (episode_id is null and completed_on between ${from} and ${to}))
        order by completed_on, submitted_at`,
  );
}

/** The plan's latest signed version (current, or superseded when none is current). */
export async function findSignedPlanVersion(q: Queryable, episodeId: string) {
  const rows = await queryRows<{
    plan_id: string;
    id: string;
    number: number;
    starts_on: string;
    content: unknown;
  }>(
    q,
    sql`select v.plan_id, v.id, v.number, v.starts_on::text as starts_on, v.content
        from treatment_plans tp join treatment_plan_versions v on v.plan_id = tp.id
        where tp.episode_id = ${episodeId} and v.status in ('signed', 'superseded')
        order by v.number desc limit 1`,
  );
  return rows[0];
}

/** The latest signed review of a plan version. */
export async function findLatestSignedReview(q: Queryable, versionId: string) {
  const rows = await queryRows<{ held_on: string; content: unknown }>(
    q,
    sql`select held_on::text as held_on, content from treatment_plan_reviews
        where version_id = ${versionId} and status = 'signed'
        order by held_on desc, number desc limit 1`,
  );
  return rows[0];
}

export function listUrgentAlerts(q: Queryable, participantId: string, from: Date, to: Date) {
  return queryRows<{ created_at: Date | string; severity: string; reason: string; state: string }>(
    q,
    sql`select created_at, severity, reason, state from alerts
        where participant_id = ${participantId} and severity in ('urgent', 'emergency')
          and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()}
        order by created_at`,
  );
}

export async function hasSafetyPlan(q: Queryable, participantId: string): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    q,
    sql`select 1 as found from personal_plans where participant_id = ${participantId} and kind = 'safety'`,
  );
  return rows.length > 0;
}

export async function findAftercareContent(q: Queryable, episodeId: string): Promise<unknown> {
  const rows = await queryRows<{ content: unknown }>(
    q,
    sql`select content from aftercare_plans where episode_id = ${episodeId}`,
  );
  return rows[0]?.content;
}

// ——— The summary itself ———

export interface SummaryRow {
  id: string;
  episode_id: string;
  participant_id: string;
  status: "draft" | "signed";
  facts: unknown;
  sections: Record<string, string>;
  version: number;
  generated_at: Date | string;
  updated_at: Date | string;
  updated_by_name: string | null;
  signed_at: Date | string | null;
  signed_by_name: string | null;
}

export async function findSummaryByEpisode(q: Queryable, episodeId: string): Promise<SummaryRow | undefined> {
  const rows = await queryRows<SummaryRow>(
    q,
    sql`select d.id, d.episode_id, d.participant_id, d.status, d.facts, d.sections, d.version,
          d.generated_at, d.updated_at, uu.display_name as updated_by_name, d.signed_at,
          su.display_name as signed_by_name
        from discharge_summaries d
          left join users uu on uu.id = d.updated_by
          left join users su on su.id = d.signed_by
        where d.episode_id = ${episodeId}`,
  );
  return rows[0];
}

export async function insertSummary(
  q: Queryable,
  values: {
    episodeId: string;
    participantId: string;
    siteId: string;
    facts: unknown;
    sections: Record<string, string>;
    userId: string;
    at: Date;
  },
): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into discharge_summaries
          (episode_id, participant_id, site_id, facts, sections, generated_at, updated_by, updated_at)
        values (${values.episodeId}, ${values.participantId}, ${values.siteId},
          ${JSON.stringify(values.facts)}::jsonb, ${JSON.stringify(values.sections)}::jsonb,
          ${values.at.toISOString()}, ${values.userId}, ${values.at.toISOString()})
        returning id`,
  );
  return rows[0]!.id;
}

/** A regenerated draft: new facts and text, one version on. Only a draft changes. */
export async function regenerateSummary(
  q: Queryable,
  id: string,
  values: { facts: unknown; sections: Record<string, string>; userId: string; at: Date },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update discharge_summaries set facts = ${JSON.stringify(values.facts)}::jsonb,
          sections = ${JSON.stringify(values.sections)}::jsonb, version = version + 1,
          generated_at = ${values.at.toISOString()}, updated_by = ${values.userId},
          updated_at = ${values.at.toISOString()}
        where id = ${id} and status = 'draft' returning id`,
  );
  return rows.length > 0;
}

/** Saved text, only on the version it was edited from and only while a draft. */
export async function updateSections(
  q: Queryable,
  id: string,
  values: { version: number; sections: Record<string, string>; userId: string; at: Date },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update discharge_summaries set sections = ${JSON.stringify(values.sections)}::jsonb,
          version = version + 1, updated_by = ${values.userId}, updated_at = ${values.at.toISOString()}
        where id = ${id} and status = 'draft' and version = ${values.version} returning id`,
  );
  return rows.length > 0;
}

export async function markSigned(
  q: Queryable,
  id: string,
  values: { version: number; userId: string; at: Date },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update discharge_summaries set status = 'signed', signed_by = ${values.userId},
          signed_at = ${values.at.toISOString()}, version = version + 1
        where id = ${id} and status = 'draft' and version = ${values.version} returning id`,
  );
  return rows.length > 0;
}
