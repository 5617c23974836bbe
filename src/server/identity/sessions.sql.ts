import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../db/connection";
import { authSessions, users } from "../db/schema";
import { type UserRecord, userColumns } from "./users.sql";

export interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
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
): Promise<{ session: SessionRow; user: UserRecord; userDisabled: boolean } | undefined> {
  const rows = await q
    .select({
      session: {
        id: authSessions.id,
        userId: authSessions.userId,
        createdAt: authSessions.createdAt,
        lastSeenAt: authSessions.lastSeenAt,
        expiresAt: authSessions.expiresAt,
      },
      user: userColumns,
      userDisabledAt: users.disabledAt,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.tokenHash, tokenHash), isNull(authSessions.endedAt)));
  const row = rows[0];
  return row && { session: row.session, user: row.user, userDisabled: row.userDisabledAt !== null };
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
