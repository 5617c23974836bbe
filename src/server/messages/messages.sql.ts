import { and, eq, sql } from "drizzle-orm";
import type { MessageAuthorKind } from "../../core/messages/messages.schema";
import { type Queryable, queryRows } from "../db/connection";
import { messageReads, messages, messageThreads } from "../db/schema";

/**
 * Storage for secure messages: conversations (threads) with their participant, messages, and each
 * reader's read position. Reads and writes only; who may see what is decided by the service.
 */

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export interface ThreadRow {
  id: string;
  participantId: string;
  siteId: string;
  subject: string;
  createdAt: Date;
  lastMessageAt: Date;
  /** A family thread: a conversation between this family member and the care team about the participant. */
  familyUserId: string | null;
}

export async function findThread(q: Queryable, threadId: string): Promise<ThreadRow | undefined> {
  const [row] = await q
    .select({
      id: messageThreads.id,
      participantId: messageThreads.participantId,
      siteId: messageThreads.siteId,
      subject: messageThreads.subject,
      createdAt: messageThreads.createdAt,
      lastMessageAt: messageThreads.lastMessageAt,
      familyUserId: messageThreads.familyUserId,
    })
    .from(messageThreads)
    // Alumni threads (with the alumni coordinator) are never care-team conversations: src/server/alumni.
    .where(and(eq(messageThreads.id, threadId), eq(messageThreads.audience, "care_team")));
  return row;
}

export async function insertThread(
  q: Queryable,
  values: {
    participantId: string;
    siteId: string;
    subject: string;
    createdBy: string;
    at: Date;
    familyUserId?: string | null;
  },
): Promise<string> {
  const [row] = await q
    .insert(messageThreads)
    .values({
      participantId: values.participantId,
      siteId: values.siteId,
      subject: values.subject,
      createdBy: values.createdBy,
      createdAt: values.at,
      lastMessageAt: values.at,
      familyUserId: values.familyUserId ?? null,
    })
    .returning({ id: messageThreads.id });
  return row!.id;
}

export interface MessageRow {
  id: string;
  threadId: string;
  authorId: string;
  authorKind: MessageAuthorKind;
  authorName: string;
  body: string;
  createdAt: Date;
}

interface RawMessageRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_kind: MessageAuthorKind;
  author_name: string;
  body: string;
  created_at: Date | string;
}

const toMessage = (r: RawMessageRow): MessageRow => ({
  id: r.id,
  threadId: r.thread_id,
  authorId: r.author_id,
  authorKind: r.author_kind,
  authorName: r.author_name,
  body: r.body,
  createdAt: asDate(r.created_at),
});

/** A message, or none when another send with the same author and key committed first. */
export async function insertMessage(
  q: Queryable,
  values: {
    threadId: string;
    authorId: string;
    authorKind: MessageAuthorKind;
    body: string;
    idempotencyKey: string;
    at: Date;
  },
): Promise<string | undefined> {
  const [row] = await q
    .insert(messages)
    .values({
      threadId: values.threadId,
      authorId: values.authorId,
      authorKind: values.authorKind,
      body: values.body,
      idempotencyKey: values.idempotencyKey,
      createdAt: values.at,
    })
    .onConflictDoNothing({ target: [messages.authorId, messages.idempotencyKey] })
    .returning({ id: messages.id });
  if (row) {
    await q
      .update(messageThreads)
      .set({ lastMessageAt: sql`greatest(${messageThreads.lastMessageAt}, ${values.at})` })
      .where(eq(messageThreads.id, values.threadId));
  }
  return row?.id;
}

const MESSAGE_COLUMNS = sql`m.id, m.thread_id, m.author_id, m.author_kind, u.display_name as author_name, m.body, m.created_at`;

export async function findMessageByKey(
  q: Queryable,
  authorId: string,
  idempotencyKey: string,
): Promise<MessageRow | undefined> {
  const rows = await queryRows<RawMessageRow>(
    q,
    sql`select ${MESSAGE_COLUMNS} from messages m join users u on u.id = m.author_id
        where m.author_id = ${authorId} and m.idempotency_key = ${idempotencyKey}`,
  );
  return rows[0] ? toMessage(rows[0]) : undefined;
}

export async function findMessage(q: Queryable, messageId: string): Promise<MessageRow | undefined> {
  const rows = await queryRows<RawMessageRow>(
    q,
    sql`select ${MESSAGE_COLUMNS} from messages m join users u on u.id = m.author_id where m.id = ${messageId}`,
  );
  return rows[0] ? toMessage(rows[0]) : undefined;
}

/**
 * A page of a conversation, newest first from `before` (exclusive) or from the end, one more than asked
 * so the caller knows whether older messages remain.
 */
export async function listMessages(
  q: Queryable,
  threadId: string,
  limit: number,
  before?: { createdAt: Date; id: string },
): Promise<MessageRow[]> {
  const older = before
    ? sql`and (m.created_at, m.id) < (${before.createdAt.toISOString()}::timestamptz, ${before.id}::uuid)`
    : sql``;
  const rows = await queryRows<RawMessageRow>(
    q,
    sql`select ${MESSAGE_COLUMNS} from messages m join users u on u.id = m.author_id
        where m.thread_id = ${threadId} ${older}
        order by m.created_at desc, m.id desc
        limit ${limit + 1}`,
  );
  return rows.map(toMessage);
}

export async function findReadMark(q: Queryable, threadId: string, userId: string): Promise<Date | null> {
  const [row] = await q
    .select({ lastReadAt: messageReads.lastReadAt })
    .from(messageReads)
    .where(and(eq(messageReads.threadId, threadId), eq(messageReads.userId, userId)));
  return row?.lastReadAt ?? null;
}

export async function upsertReadMark(
  q: Queryable,
  threadId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await q
    .insert(messageReads)
    .values({ threadId, userId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [messageReads.threadId, messageReads.userId],
      set: { lastReadAt: sql`greatest(${messageReads.lastReadAt}, excluded.last_read_at)` },
    });
}

/**
 * Which threads a list holds: a participant's own (never a family thread about them), every thread
 * about a participant (their chart), a family member's threads about one participant, or those of a
 * staff member's inbox (participant and family threads alike).
 */
export type ThreadScope =
  | { kind: "participant"; participantId: string }
  | { kind: "chart"; participantId: string }
  | { kind: "family"; familyUserId: string; participantId: string }
  | {
      kind: "staff";
      siteIds: readonly string[];
      /** Only participants on the reader's care team (and, if `orWrittenBy`, threads they wrote in). */
      careTeamOf: string | null;
      orWrittenBy: boolean;
    }
  /** Alumni threads (with the alumni coordinator): one participant's, or those of the given sites. */
  | { kind: "alumni"; participantId: string | null; siteIds: readonly string[] };

export interface ThreadSummaryRow {
  id: string;
  subject: string;
  participantId: string;
  participantName: string;
  createdAt: Date;
  lastMessageAt: Date;
  lastBody: string | null;
  lastAuthorKind: MessageAuthorKind | null;
  lastAuthorName: string | null;
  unread: number;
  /** The family member of a family thread, with their relationship to the participant. */
  family: { userId: string; name: string; relationship: string } | null;
}

interface RawSummaryRow {
  id: string;
  subject: string;
  participant_id: string;
  participant_name: string;
  created_at: Date | string;
  last_message_at: Date | string;
  last_body: string | null;
  last_author_kind: MessageAuthorKind | null;
  last_author_name: string | null;
  unread: number;
  total: number;
  family_user_id: string | null;
  family_name: string | null;
  family_relationship: string | null;
}

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

function scopeCondition(scope: ThreadScope) {
  if (scope.kind === "alumni") {
    if (scope.participantId !== null)
      return sql`t.audience = 'alumni' and t.participant_id = ${scope.participantId}`;
    if (scope.siteIds.length === 0) return sql`false`;
    return sql`t.audience = 'alumni' and t.site_id in (${uuidList(scope.siteIds)})`;
  }
  return sql`t.audience = 'care_team' and (${careTeamScopeCondition(scope)})`;
}

function careTeamScopeCondition(scope: Exclude<ThreadScope, { kind: "alumni" }>) {
  if (scope.kind === "participant")
    return sql`t.participant_id = ${scope.participantId} and t.family_user_id is null`;
  if (scope.kind === "chart") return sql`t.participant_id = ${scope.participantId}`;
  if (scope.kind === "family")
    return sql`t.participant_id = ${scope.participantId} and t.family_user_id = ${scope.familyUserId}`;
  if (scope.siteIds.length === 0) return sql`false`;
  const sites = sql`t.site_id in (${uuidList(scope.siteIds)})`;
  if (scope.careTeamOf === null) return sites;
  const careTeam = sql`exists (select 1 from care_team_members c where c.participant_id = t.participant_id and c.user_id = ${scope.careTeamOf})`;
  const wrote = scope.orWrittenBy
    ? sql` or exists (select 1 from messages w where w.thread_id = t.id and w.author_id = ${scope.careTeamOf})`
    : sql``;
  return sql`${sites} and (${careTeam}${wrote})`;
}

/**
 * Conversations with their newest message and the reader's unread count, newest activity first.
 * `threadIds` narrows to given threads (one thread's summary).
 */
export async function listThreadSummaries(
  q: Queryable,
  readerId: string,
  scope: ThreadScope,
  options: { unreadOnly?: boolean; page: number; pageSize: number; threadIds?: readonly string[] },
): Promise<{ rows: ThreadSummaryRow[]; total: number }> {
  const only = options.threadIds
    ? options.threadIds.length === 0
      ? sql`and false`
      : sql`and t.id in (${uuidList(options.threadIds)})`
    : sql``;
  const unreadOnly = options.unreadOnly ? sql`and u.unread > 0` : sql``;
  const rows = await queryRows<RawSummaryRow>(
    q,
    sql`select t.id, t.subject, t.participant_id, p.given_name || ' ' || p.family_name as participant_name,
          t.created_at, t.last_message_at,
          lm.body as last_body, lm.author_kind as last_author_kind, lu.display_name as last_author_name,
          u.unread, count(*) over ()::int as total,
          t.family_user_id, fu.display_name as family_name, fr.relationship as family_relationship
        from message_threads t
        join participants p on p.id = t.participant_id
        left join users fu on fu.id = t.family_user_id
        left join lateral (
          select coalesce(nullif(btrim(cr.relationship), ''), fl.relationship) as relationship
          from family_links fl left join consent_recipients cr on cr.id = fl.consent_recipient_id
          where fl.user_id = t.family_user_id and fl.participant_id = t.participant_id
          limit 1
        ) fr on true
        left join message_reads r on r.thread_id = t.id and r.user_id = ${readerId}
        left join lateral (
          select m.body, m.author_kind, m.author_id from messages m
          where m.thread_id = t.id order by m.created_at desc, m.id desc limit 1
        ) lm on true
        left join users lu on lu.id = lm.author_id
        cross join lateral (
          select count(*)::int as unread from messages m
          where m.thread_id = t.id and m.author_id <> ${readerId}
            and (r.last_read_at is null or m.created_at > r.last_read_at)
        ) u
        where ${scopeCondition(scope)} ${only} ${unreadOnly}
        order by t.last_message_at desc, t.id
        limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      participantId: r.participant_id,
      participantName: r.participant_name,
      createdAt: asDate(r.created_at),
      lastMessageAt: asDate(r.last_message_at),
      lastBody: r.last_body,
      lastAuthorKind: r.last_author_kind,
      lastAuthorName: r.last_author_name,
      unread: Number(r.unread),
      family: r.family_user_id
        ? { userId: r.family_user_id, name: r.family_name ?? "", relationship: r.family_relationship ?? "" }
        : null,
    })),
  };
}

/** Messages from others not yet read by the reader, over every conversation in scope. */
export async function countUnread(q: Queryable, readerId: string, scope: ThreadScope): Promise<number> {
  const [row] = await queryRows<{ unread: number }>(
    q,
    sql`select count(*)::int as unread
        from message_threads t
        join messages m on m.thread_id = t.id and m.author_id <> ${readerId}
        left join message_reads r on r.thread_id = t.id and r.user_id = ${readerId}
        where ${scopeCondition(scope)} and (r.last_read_at is null or m.created_at > r.last_read_at)`,
  );
  return Number(row?.unread ?? 0);
}

/** Whether any staff message in the thread, other than `exceptId`, is still unread by its reader (participant or family member). */
export async function hasEarlierUnreadStaffMessage(
  q: Queryable,
  threadId: string,
  readerUserId: string,
  exceptId: string,
): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    q,
    sql`select 1 as found from messages m
        left join message_reads r on r.thread_id = m.thread_id and r.user_id = ${readerUserId}
        where m.thread_id = ${threadId} and m.author_kind = 'staff' and m.id <> ${exceptId}
          and (r.last_read_at is null or m.created_at > r.last_read_at)
        limit 1`,
  );
  return rows.length > 0;
}

/** The participant's sign-in account, if they have one (where a new-message email goes). */
export async function findParticipantAccount(
  q: Queryable,
  participantId: string,
): Promise<{ userId: string; email: string; locale: "en" | "es"; disabled: boolean } | undefined> {
  const rows = await queryRows<{ id: string; email: string; locale: "en" | "es"; disabled: boolean }>(
    q,
    sql`select u.id, u.email, u.locale, (u.disabled_at is not null) as disabled
        from participants p join users u on u.id = p.user_id where p.id = ${participantId}`,
  );
  const row = rows[0];
  return row ? { userId: row.id, email: row.email, locale: row.locale, disabled: row.disabled } : undefined;
}

/** A family member's account (where a new-message email goes). */
export async function findUserAccount(
  q: Queryable,
  userId: string,
): Promise<{ userId: string; email: string; locale: "en" | "es"; disabled: boolean } | undefined> {
  const rows = await queryRows<{ id: string; email: string; locale: "en" | "es"; disabled: boolean }>(
    q,
    sql`select u.id, u.email, u.locale, (u.disabled_at is not null) as disabled from users u where u.id = ${userId}`,
  );
  const row = rows[0];
  return row ? { userId: row.id, email: row.email, locale: row.locale, disabled: row.disabled } : undefined;
}

export async function findParticipantSite(q: Queryable, participantId: string): Promise<string | undefined> {
  const rows = await queryRows<{ site_id: string }>(
    q,
    sql`select site_id from participants where id = ${participantId}`,
  );
  return rows[0]?.site_id;
}
