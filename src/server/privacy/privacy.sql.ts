import { and, eq, sql } from "drizzle-orm";
import type { InformationScope } from "../../core/consents/consent.schema";
import type { NoticeAcknowledgement, NoticeMethod } from "../../core/privacy/notice.schema";
import type {
  RestrictionKind,
  RestrictionStatus,
  RestrictionTermination,
} from "../../core/privacy/restriction.schema";
import { type Queryable, queryRows } from "../db/connection";
import { consentRestrictions, patientNoticeDeliveries } from "../db/schema";

/** Storage for §2.26 restrictions and §2.22 notice deliveries (no rules here). */

const ISO = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface RestrictionRow {
  id: string;
  participant_id: string;
  site_id: string;
  kind: RestrictionKind;
  information_scope: InformationScope[];
  recipient_text: string;
  description: string;
  status: RestrictionStatus;
  requested_via: string;
  requested_at: string;
  decided_at: string | null;
  decided_by_name: string | null;
  decision_note: string;
  terminated_at: string | null;
  termination_note: string;
}

const SELECT_RESTRICTION = sql`select r.id, r.participant_id, r.site_id, r.kind, r.information_scope, r.recipient_text,
    r.description, r.status, r.requested_via, ${ISO("r.requested_at")} as requested_at,
    ${ISO("r.decided_at")} as decided_at, u.display_name as decided_by_name, r.decision_note,
    ${ISO("r.terminated_at")} as terminated_at, r.termination_note
  from consent_restrictions r left join users u on u.id = r.decided_by`;

export async function findRestriction(q: Queryable, id: string): Promise<RestrictionRow | undefined> {
  const rows = await queryRows<RestrictionRow>(q, sql`${SELECT_RESTRICTION} where r.id = ${id}`);
  return rows[0];
}

/** A participant's restrictions, newest request first. */
export function listRestrictions(q: Queryable, participantId: string): Promise<RestrictionRow[]> {
  return queryRows<RestrictionRow>(
    q,
    sql`${SELECT_RESTRICTION} where r.participant_id = ${participantId} order by r.requested_at desc, r.id`,
  );
}

export async function insertRestriction(
  q: Queryable,
  values: {
    participantId: string;
    siteId: string;
    kind: RestrictionKind;
    informationScope: InformationScope[];
    recipientText: string;
    description: string;
    status: RestrictionStatus;
    requestedVia: string;
    requestedAt: Date;
    decidedBy: string | null;
    decidedAt: Date | null;
    decisionNote: string;
  },
): Promise<string> {
  const [row] = await q.insert(consentRestrictions).values(values).returning({ id: consentRestrictions.id });
  return row!.id;
}

/** Move a restriction on from the status it was read in; false when someone else moved it first. */
export async function setRestrictionStatus(
  q: Queryable,
  id: string,
  from: RestrictionStatus,
  change: {
    status: RestrictionStatus;
    decidedBy?: string;
    decidedAt?: Date;
    decisionNote?: string;
    terminatedAt?: Date;
    terminatedBy?: RestrictionTermination;
    terminationNote?: string;
  },
): Promise<boolean> {
  const rows = await q
    .update(consentRestrictions)
    .set(change)
    .where(and(eq(consentRestrictions.id, id), eq(consentRestrictions.status, from)))
    .returning({ id: consentRestrictions.id });
  return rows.length === 1;
}

export interface NoticeDeliveryRow {
  id: string;
  participant_id: string;
  notice_version: string;
  method: NoticeMethod;
  delivered_at: string;
  delivered_by_name: string | null;
  acknowledged_at: string | null;
  acknowledgement: NoticeAcknowledgement | null;
}

/** A participant's notice deliveries, newest first. */
export function listNoticeDeliveries(q: Queryable, participantId: string): Promise<NoticeDeliveryRow[]> {
  return queryRows<NoticeDeliveryRow>(
    q,
    sql`select d.id, d.participant_id, d.notice_version, d.method, ${ISO("d.delivered_at")} as delivered_at,
          u.display_name as delivered_by_name, ${ISO("d.acknowledged_at")} as acknowledged_at, d.acknowledgement
        from patient_notice_deliveries d left join users u on u.id = d.delivered_by
        where d.participant_id = ${participantId} order by d.delivered_at desc, d.id`,
  );
}

export async function insertNoticeDelivery(
  q: Queryable,
  values: {
    participantId: string;
    episodeId: string | null;
    noticeVersion: string;
    method: NoticeMethod;
    deliveredBy: string | null;
    deliveredAt: Date;
    acknowledgedAt: Date | null;
    acknowledgement: NoticeAcknowledgement | null;
  },
): Promise<string> {
  const [row] = await q
    .insert(patientNoticeDeliveries)
    .values(values)
    .returning({ id: patientNoticeDeliveries.id });
  return row!.id;
}

/** Acknowledge one delivery not yet acknowledged; false when it already was. */
export async function acknowledgeNoticeDelivery(
  q: Queryable,
  id: string,
  at: Date,
  acknowledgement: NoticeAcknowledgement,
): Promise<boolean> {
  const rows = await q
    .update(patientNoticeDeliveries)
    .set({ acknowledgedAt: at, acknowledgement })
    .where(and(eq(patientNoticeDeliveries.id, id), sql`${patientNoticeDeliveries.acknowledgement} is null`))
    .returning({ id: patientNoticeDeliveries.id });
  return rows.length === 1;
}

/** The participant's site and open episode (the delivery is filed under the episode it belongs to). */
export async function findParticipantPlace(
  q: Queryable,
  participantId: string,
): Promise<{ site_id: string; episode_id: string | null } | undefined> {
  const rows = await queryRows<{ site_id: string; episode_id: string | null }>(
    q,
    sql`select p.site_id,
          (select e.id from episodes e where e.participant_id = p.id and e.discharged_on is null
             order by e.admitted_on desc limit 1) as episode_id
        from participants p where p.id = ${participantId}`,
  );
  return rows[0];
}
