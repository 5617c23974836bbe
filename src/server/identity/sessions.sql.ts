import { and, desc, eq, isNull, ne } from "drizzle-orm";
import type { SessionStage } from "../../core/identity/accounts.schema";
import type { Queryable } from "../db/connection";
import { authSessions, users } from "../db/schema";
import { type SessionUserRecord, sessionUserColumns } from "./users.sql";

export interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  stage: SessionStage;
}

export async function insert(
  q: Queryable,
  row: {
    tokenHash: string;
    userId: string;
    expiresAt: Date;
    now: Date;
    userAgent: string | null;
    ipAddress: string | null;
    stage: SessionStage;
  },
): Promise<string> {
  const rows = await q
    .insert(authSessions)
    .values({
      tokenHash: row.tokenHash,
      userId: row.userId,
      createdAt: row.now,
      lastSeenAt: row.now,
      expiresAt: row.expiresAt,
      userAgent: row.userAgent,
      ipAddress: row.ipAddress,
      stage: row.stage,
    })
    .returning({ id: authSessions.id });
  return rows[0]!.id;
}

/**
 * An open session together with its enabled user, in one query (this runs on every request).
 * Expiry is a rule, checked by the service.
 */
export async function findOpenWithUserByTokenHash(
  q: Queryable,
  tokenHash: string,
): Promise<{ session: SessionRow; user: SessionUserRecord; userDisabled: boolean } | undefined> {
  const rows = await q
    .select({
      session: {
        id: authSessions.id,
        userId: authSessions.userId,
        createdAt: authSessions.createdAt,
        lastSeenAt: authSessions.lastSeenAt,
        expiresAt: authSessions.expiresAt,
        stage: authSessions.stage,
      },
      user: sessionUserColumns,
      userDisabledAt: users.disabledAt,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.tokenHash, tokenHash), isNull(authSessions.endedAt)));
  const row = rows[0];
  return (
    row && {
      session: { ...row.session, stage: row.session.stage as SessionStage },
      user: row.user,
      userDisabled: row.userDisabledAt !== null,
    }
  );
}

export async function updateLastSeen(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(authSessions).set({ lastSeenAt: at }).where(eq(authSessions.id, id));
}

export async function end(q: Queryable, id: string, at: Date): Promise<void> {
  await q
    .update(authSessions)
    .set({ endedAt: at })
    .where(and(eq(authSessions.id, id), isNull(authSessions.endedAt)));
}

export async function setStage(q: Queryable, id: string, stage: SessionStage, at: Date): Promise<void> {
  await q.update(authSessions).set({ stage, lastSeenAt: at }).where(eq(authSessions.id, id));
}

/** End every open session of a user, except `keepId` when given. */
export async function endAllForUser(q: Queryable, userId: string, at: Date, keepId?: string): Promise<void> {
  await q
    .update(authSessions)
    .set({ endedAt: at })
    .where(
      and(
        eq(authSessions.userId, userId),
        isNull(authSessions.endedAt),
        keepId ? ne(authSessions.id, keepId) : undefined,
      ),
    );
}

export async function listOpenForUser(q: Queryable, userId: string) {
  return q
    .select({
      id: authSessions.id,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
      userAgent: authSessions.userAgent,
      ipAddress: authSessions.ipAddress,
    })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.endedAt)))
    .orderBy(desc(authSessions.lastSeenAt));
}

/** End one session of this user; false when it is not theirs or already ended. */
export async function endForUser(q: Queryable, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(authSessions)
    .set({ endedAt: at })
    .where(and(eq(authSessions.id, id), eq(authSessions.userId, userId), isNull(authSessions.endedAt)))
    .returning({ id: authSessions.id });
  return rows.length > 0;
}
