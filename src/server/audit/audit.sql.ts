import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from "drizzle-orm";
import type { AuditFilter } from "../../core/audit/audit.schema";
import { type Queryable, queryRows } from "../db/connection";
import { auditEvents, participants, userRoles, users } from "../db/schema";

/** Arbitrary constant key for pg_advisory_xact_lock: appends to the chain are serialised. */
const AUDIT_CHAIN_LOCK_KEY = 4_711_202_612;

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAuditRow = typeof auditEvents.$inferInsert;

export async function lockChain(q: Queryable): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
}

export async function findHead(q: Queryable): Promise<{ seq: number; hash: string } | undefined> {
  const rows = await q
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return rows[0];
}

export async function insert(q: Queryable, row: NewAuditRow): Promise<void> {
  await q.insert(auditEvents).values(row);
}

export async function insertMany(q: Queryable, rows: NewAuditRow[]): Promise<void> {
  if (rows.length > 0) await q.insert(auditEvents).values(rows);
}

/** A batch of the chain in order, for verification. */
export async function listAfter(q: Queryable, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return q
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.seq, afterSeq))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

function filterConditions(filter: Omit<AuditFilter, "limit">, timeZoneOffset = "UTC"): SQL[] {
  const conditions: SQL[] = [];
  if (filter.userId) conditions.push(eq(auditEvents.actorUserId, filter.userId));
  if (filter.participantId) conditions.push(eq(auditEvents.participantId, filter.participantId));
  if (filter.action)
    conditions.push(sql`${auditEvents.action} like ${`${filter.action.replace(/[%_\\]/g, "\\$&")}%`}`);
  if (filter.outcome) conditions.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.from)
    conditions.push(
      gte(auditEvents.occurredAt, sql`(${filter.from}::date)::timestamp at time zone ${timeZoneOffset}`),
    );
  if (filter.to) {
    conditions.push(
      lt(auditEvents.occurredAt, sql`((${filter.to}::date + 1)::timestamp) at time zone ${timeZoneOffset}`),
    );
  }
  if (filter.before) conditions.push(lt(auditEvents.seq, filter.before));
  return conditions;
}

export interface AuditListRow extends AuditRow {
  actorDisplayName: string | null;
  participantName: string | null;
}

/** Newest first, keyset by seq. */
export async function search(q: Queryable, filter: AuditFilter): Promise<AuditListRow[]> {
  const rows = await q
    .select({
      event: auditEvents,
      actorDisplayName: users.displayName,
      participantName: sql<string | null>`${participants.givenName} || ' ' || ${participants.familyName}`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(participants, eq(participants.id, auditEvents.participantId))
    .where(and(...filterConditions(filter)))
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit);
  return rows.map((r) => ({
    ...r.event,
    actorDisplayName: r.actorDisplayName,
    participantName: r.participantName,
  }));
}

export interface AccessLogRow {
  seq: number;
  occurredAt: Date;
  action: string;
  purpose: string;
  outcome: string;
  actorDisplayName: string | null;
  actorKind: string | null;
  actorRoles: string[] | null;
}

/** One participant's accounting of access, newest first. */
export async function listForParticipant(
  q: Queryable,
  participantId: string,
  before: number | undefined,
  limit: number,
): Promise<AccessLogRow[]> {
  return q
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      purpose: auditEvents.purpose,
      outcome: auditEvents.outcome,
      actorDisplayName: users.displayName,
      actorKind: auditEvents.actorKind,
      actorRoles: sql<
        string[] | null
      >`(select array_agg(r.role order by r.role) from ${userRoles} r where r.user_id = ${auditEvents.actorUserId})`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(eq(auditEvents.participantId, participantId), before ? lt(auditEvents.seq, before) : undefined),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}

export async function countAll(q: Queryable): Promise<number> {
  const rows = await queryRows<{ n: string }>(q, sql`select count(*) as n from ${auditEvents}`);
  return Number(rows[0]!.n);
}
