import { sql } from "drizzle-orm";
import type { HandoffChannel } from "../../core/handoffs/handoff.schema";
import { type Queryable, queryRows } from "../db/connection";

/**
 * Storage for the warm handoff: the facts a referral packet is built from (the latest episode, its
 * signed aftercare plan and discharge summary, the program), the packets sent, and the
 * first-appointment tasks. Storage verbs only; the rules decide.
 */

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export interface HandoffFactsRow {
  participant_id: string;
  given_name: string;
  family_name: string;
  born_on: string;
  site_id: string;
  site_name: string;
  time_zone: string;
  on_call_phone: string;
  program_name: string;
  episode_id: string | null;
  admitted_on: string | null;
  discharged_on: string | null;
  discharge_reason: string | null;
  level_of_care: string | null;
  discharge_level_of_care: string | null;
  referred_level_of_care: string | null;
  counselor_name: string | null;
  plan_status: string | null;
  plan_version: number | null;
  /** As stored: parse with the aftercare plan content schema. */
  plan_content: unknown;
  plan_signed_at: string | null;
  summary_version: number | null;
  summary_sections: Record<string, string> | null;
  summary_signed_at: string | null;
}

/** The participant, the program, the latest episode with its aftercare plan and signed discharge summary. */
export async function findHandoffFacts(
  q: Queryable,
  participantId: string,
): Promise<HandoffFactsRow | undefined> {
  const rows = await queryRows<HandoffFactsRow>(
    q,
    sql`select p.id as participant_id, p.given_name, p.family_name, p.born_on::text as born_on,
          s.id as site_id, s.name as site_name, s.time_zone, s.on_call_phone, o.name as program_name,
          e.id as episode_id, e.admitted_on::text as admitted_on, e.discharged_on::text as discharged_on,
          e.discharge_reason, e.level_of_care, e.discharge_level_of_care, e.referred_level_of_care,
          u.display_name as counselor_name,
          ap.status as plan_status, ap.version as plan_version, ap.content as plan_content,
          ap.staff_signed_at::text as plan_signed_at,
          ds.version as summary_version, ds.sections as summary_sections, ds.signed_at::text as summary_signed_at
        from participants p
        join sites s on s.id = p.site_id
        join organisations o on o.id = s.organisation_id
        left join lateral (select * from episodes x where x.participant_id = p.id
                           order by x.admitted_on desc, x.created_at desc limit 1) e on true
        left join users u on u.id = e.primary_counselor_id
        left join aftercare_plans ap on ap.episode_id = e.id
        left join discharge_summaries ds on ds.episode_id = e.id and ds.status = 'signed'
        where p.id = ${participantId}`,
  );
  return rows[0];
}

export async function insertHandoff(
  q: Queryable,
  row: {
    episodeId: string;
    participantId: string;
    siteId: string;
    consentId: string;
    recipientId: string;
    disclosureId: string;
    channel: HandoffChannel;
    providerName: string;
    sentBy: string;
    sentAt: Date;
  },
): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into aftercare_handoffs (episode_id, participant_id, site_id, consent_id, recipient_id,
          disclosure_id, channel, provider_name, sent_by, sent_at)
        values (${row.episodeId}, ${row.participantId}, ${row.siteId}, ${row.consentId}, ${row.recipientId},
          ${row.disclosureId}, ${row.channel}, ${row.providerName}, ${row.sentBy}, ${row.sentAt})
        returning id`,
  );
  return rows[0]!.id;
}

export async function listHandoffs(q: Queryable, participantId: string) {
  const rows = await queryRows<{
    id: string;
    channel: HandoffChannel;
    provider_name: string;
    consent_id: string;
    disclosure_id: string;
    sent_by: string;
    sent_at: Date | string;
  }>(
    q,
    sql`select h.id, h.channel, h.provider_name, h.consent_id, h.disclosure_id, u.display_name as sent_by, h.sent_at
        from aftercare_handoffs h join users u on u.id = h.sent_by
        where h.participant_id = ${participantId} order by h.sent_at desc`,
  );
  return rows.map((r) => ({ ...r, sent_at: iso(r.sent_at)! }));
}

export interface TaskRow {
  id: string;
  episode_id: string;
  participant_id: string;
  appointment_on: string;
  due_on: string;
  status: "open" | "done" | "cancelled";
  outcome: "attended" | "missed" | "rescheduled" | "unknown" | null;
  note: string;
  completed_by: string | null;
  completed_at: string | null;
}

const TASK_COLUMNS = sql`t.id, t.episode_id, t.participant_id, t.appointment_on::text as appointment_on,
  t.due_on::text as due_on, t.status, t.outcome, t.note, u.display_name as completed_by, t.completed_at`;

export async function listTasks(q: Queryable, participantId: string): Promise<TaskRow[]> {
  const rows = await queryRows<TaskRow>(
    q,
    sql`select ${TASK_COLUMNS} from aftercare_tasks t left join users u on u.id = t.completed_by
        where t.participant_id = ${participantId} order by t.due_on desc`,
  );
  return rows.map((r) => ({ ...r, completed_at: iso(r.completed_at) }));
}

export async function findTaskForUpdate(q: Queryable, taskId: string): Promise<TaskRow | undefined> {
  const rows = await queryRows<TaskRow>(
    q,
    sql`select ${TASK_COLUMNS} from aftercare_tasks t left join users u on u.id = t.completed_by
        where t.id = ${taskId} for update of t`,
  );
  return rows[0] && { ...rows[0], completed_at: iso(rows[0].completed_at) };
}

export async function closeTask(
  q: Queryable,
  taskId: string,
  outcome: NonNullable<TaskRow["outcome"]>,
  note: string,
  userId: string,
  at: Date,
): Promise<void> {
  await queryRows(
    q,
    sql`update aftercare_tasks set status = 'done', outcome = ${outcome}, note = ${note},
          completed_by = ${userId}, completed_at = ${at}
        where id = ${taskId}`,
  );
}

/** Signed aftercare plans whose episode has no first-appointment task yet. */
export async function listSignedPlansWithoutTask(q: Queryable) {
  return queryRows<{
    episode_id: string;
    participant_id: string;
    site_id: string;
    status: string;
    content: unknown;
  }>(
    q,
    sql`select ap.episode_id, ap.participant_id, ap.site_id, ap.status, ap.content
        from aftercare_plans ap
        where ap.status = 'signed'
          and not exists (select 1 from aftercare_tasks t
                          where t.episode_id = ap.episode_id and t.kind = 'confirm_first_appointment')`,
  );
}

/** A task; nothing when the episode already has one (a concurrent sweep). Returns whether it was created. */
export async function insertTask(
  q: Queryable,
  row: {
    episodeId: string;
    participantId: string;
    siteId: string;
    appointmentOn: string;
    dueOn: string;
    at: Date;
  },
): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into aftercare_tasks (episode_id, participant_id, site_id, kind, appointment_on, due_on, created_at)
        values (${row.episodeId}, ${row.participantId}, ${row.siteId}, 'confirm_first_appointment',
          ${row.appointmentOn}, ${row.dueOn}, ${row.at})
        on conflict (episode_id, kind) do nothing returning id`,
  );
  return rows[0]?.id;
}

/**
 * Open tasks due before `latestDue` that never had an unconfirmed-appointment alert (resolved or not):
 * the alert is raised once per task, whatever became of it.
 */
export async function listOpenTasksNeverAlerted(q: Queryable, latestDue: string) {
  return queryRows<{
    id: string;
    participant_id: string;
    appointment_on: string;
    due_on: string;
    time_zone: string;
  }>(
    q,
    sql`select t.id, t.participant_id, t.appointment_on::text as appointment_on, t.due_on::text as due_on, s.time_zone
        from aftercare_tasks t join sites s on s.id = t.site_id
        where t.status = 'open' and t.due_on < ${latestDue}
          and not exists (select 1 from alerts a where a.kind = 'aftercare_appointment_unconfirmed'
                          and a.evidence_kind = 'aftercare_task' and a.evidence_id = t.id::text)`,
  );
}
