import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** Storage for the plan worklist: everything about each reachable participant's plan, in one query. */

export interface WorklistRow {
  participant_id: string;
  given_name: string;
  family_name: string;
  admitted_on: string;
  time_zone: string;
  plan_id: string | null;
  /** The version being written or signed, if any. */
  open_version_status: string | null;
  open_version_created_by: string | null;
  open_version_cosigner: string | null;
  open_version_signed_roles: string[] | null;
  /** The signed version in force, if any. */
  current_signed_at: Date | string | null;
  last_review_signed_at: Date | string | null;
  open_review_status: string | null;
  open_review_created_by: string | null;
  open_review_cosigner: string | null;
  open_review_signed_roles: string[] | null;
  /** Open early-review triggers as "reason|due_on". */
  open_triggers: string[] | null;
}

/**
 * Participants with an open episode at the given sites — only those whose care team includes
 * `careTeamOf` when given; everyone's (the alert sweep) with no reach — with their plan's open
 * version, signed version, open review and triggers.
 */
export async function listWorklistRows(
  q: Queryable,
  reach: { siteIds: readonly string[]; careTeamOf: string | null } | null,
): Promise<WorklistRow[]> {
  if (reach !== null && reach.siteIds.length === 0) return [];
  const sites =
    reach === null
      ? sql`true`
      : sql`p.site_id in (${sql.join(
          reach.siteIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const careTeam =
    reach === null || reach.careTeamOf === null
      ? sql`true`
      : sql`exists (select 1 from care_team_members ct where ct.participant_id = p.id and ct.user_id = ${reach.careTeamOf})`;
  return queryRows<WorklistRow>(
    q,
    sql`select p.id as participant_id, p.given_name, p.family_name, e.admitted_on::text as admitted_on,
          s.time_zone, tp.id as plan_id,
          ov.status as open_version_status, ov.created_by as open_version_created_by,
          ov.cosigner_user_id as open_version_cosigner,
          (select array_agg(sg.role) from treatment_plan_signatures sg where sg.version_id = ov.id) as open_version_signed_roles,
          cv.signed_at as current_signed_at,
          (select max(r.signed_at) from treatment_plan_reviews r where r.plan_id = tp.id) as last_review_signed_at,
          orv.status as open_review_status, orv.created_by as open_review_created_by,
          orv.cosigner_user_id as open_review_cosigner,
          (select array_agg(sg.role) from treatment_plan_signatures sg where sg.review_id = orv.id) as open_review_signed_roles,
          (select array_agg(t.reason || '|' || t.due_on::text) from treatment_plan_review_triggers t
            where t.plan_id = tp.id and t.satisfied_by_review_id is null) as open_triggers
        from participants p
        join episodes e on e.participant_id = p.id and e.discharged_on is null
        join sites s on s.id = p.site_id
        left join treatment_plans tp on tp.episode_id = e.id
        left join treatment_plan_versions ov on ov.plan_id = tp.id and ov.status in ('draft', 'awaiting_signatures')
        left join treatment_plan_versions cv on cv.plan_id = tp.id and cv.status = 'signed'
        left join treatment_plan_reviews orv on orv.plan_id = tp.id and orv.status in ('draft', 'awaiting_signatures')
        where ${sites} and ${careTeam}`,
  );
}

export interface PlanAlertRow {
  id: string;
  kind: string;
  state: string;
  participant_id: string;
  evidence_id: string;
  evidence_item: string | null;
}

/** Every treatment-plan alert ever raised (resolved too: each is raised once per plan and date). */
export async function listPlanAlerts(q: Queryable): Promise<PlanAlertRow[]> {
  return queryRows<PlanAlertRow>(
    q,
    sql`select id, kind, state, participant_id, evidence_id, evidence_item from alerts
        where kind in ('treatment_plan_review_overdue', 'treatment_plan_review_due', 'treatment_plan_missing')`,
  );
}
